import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { todayIso } from '../../../../common/dates.ts';
import type { UnitTreeNode } from '../../../../common/schemas/org.ts';
import { describeError } from '../../api/errors.ts';
import { formatDate } from '../../format/dates.ts';
import { positiveIntParam } from '../../format/search-params.ts';
import { useUnitTree } from '../org/org-api.ts';
import { NotFoundPage } from '../StatusPages.tsx';
import { type ImportJob, useImportActions, useImportJob, useImportJobs } from './import-api.ts';
import { JobPanel } from './JobPanel.tsx';

function findUnit(nodes: UnitTreeNode[], id: number): UnitTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findUnit(node.children, id);
    if (found) return found;
  }
  return undefined;
}

function divisionsOf(unit: UnitTreeNode | undefined): UnitTreeNode[] {
  if (!unit) return [];
  return unit.children.flatMap((child) => {
    if (child.kind !== 'division') return [];
    const own = child.status === 'active' ? [child] : [];
    return [...own, ...divisionsOf(child)];
  });
}

function currentStep(job: ImportJob | undefined): number {
  if (!job) return 0;
  if (job.phase === 'imported') return 4;
  if (job.phase === 'importing') return 3;
  if (job.phase === 'checked' || job.phase === 'checking') return 2;
  return 1;
}

/**
 * "Nhập hồ sơ từ Excel" of one agency: download the template, upload a file, adjust the column
 * mapping and date formats, run the dry run, then import. The job id stays in ?job= so that a
 * reload or another tab follows the same import.
 */
export default function ImportPage() {
  const { t } = useTranslation('import');
  const unitId = Number(useParams().id);
  const [searchParams, setSearchParams] = useSearchParams();
  const jobId = positiveIntParam(searchParams.get('job'), 0) || undefined;
  const tree = useUnitTree(undefined);
  const agency = tree.data ? findUnit(tree.data, unitId) : undefined;
  const divisions = divisionsOf(agency);
  const [divisionId, setDivisionId] = useState<number | undefined>();
  const job = useImportJob(jobId);
  const history = useImportJobs(unitId);
  const actions = useImportActions(unitId);

  if (!Number.isInteger(unitId) || unitId <= 0) return <NotFoundPage />;

  const openJob = (id: number | undefined) =>
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      if (id) params.set('job', String(id));
      else params.delete('job');
      return params;
    });

  const current = job.data;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex vertical>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {agency ? `${agency.name} (${agency.code})` : ''}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Button icon={<DownloadOutlined />} href={`/api/units/${unitId}/imports/template`} download>
            {t('template')}
          </Button>
        }
      >
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Steps
            current={currentStep(current)}
            items={[
              { title: t('steps.upload') },
              { title: t('steps.mapping') },
              { title: t('steps.check') },
              { title: t('steps.import') },
            ]}
          />
          {actions.upload.error ? (
            <Alert type="error" showIcon message={describeError(actions.upload.error)} />
          ) : null}
          {job.isError ? <Alert type="error" showIcon message={describeError(job.error)} /> : null}

          {!current ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph>{t('upload.help')}</Typography.Paragraph>
              <Flex gap={8} align="center">
                <Typography.Text>{t('upload.division')}</Typography.Text>
                <Select<number>
                  style={{ minWidth: 320 }}
                  allowClear
                  placeholder={t('upload.noDivision')}
                  value={divisionId}
                  onChange={setDivisionId}
                  options={divisions.map((division) => ({
                    value: division.id,
                    label: `${division.code} – ${division.name}`,
                  }))}
                  aria-label={t('upload.division')}
                />
              </Flex>
              <Upload.Dragger
                accept=".xlsx"
                multiple={false}
                showUploadList={false}
                disabled={actions.upload.isPending}
                beforeUpload={(file) => {
                  actions.upload.mutate(
                    { file, divisionId },
                    { onSuccess: (uploaded) => openJob(uploaded.id) },
                  );
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{actions.upload.isPending ? t('upload.sending') : t('upload.drop')}</p>
              </Upload.Dragger>
            </Space>
          ) : (
            // A new key per job, so that the mapping starts from the server's proposal each time.
            <JobPanel key={current.id} job={current} actions={actions} onClose={() => openJob(undefined)} />
          )}
        </Space>
      </Card>

      <Card title={t('history.title')} size="small">
        <Table
          size="small"
          rowKey="id"
          loading={history.isFetching}
          dataSource={history.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('history.empty') }}
          columns={[
            {
              title: t('history.file'),
              dataIndex: 'fileName',
              render: (name: string, row) => <Link to={`?job=${row.id}`}>{name}</Link>,
            },
            {
              title: t('history.phase'),
              dataIndex: 'phase',
              render: (phase: string) => t(`phases.${phase}`),
            },
            { title: t('history.by'), dataIndex: 'createdByName' },
            {
              title: t('history.at'),
              dataIndex: 'createdAt',
              render: (at: string) => formatDate(todayIso(new Date(at))),
            },
          ]}
        />
      </Card>

      <Card title={t('exchange.title')} size="small">
        <Typography.Paragraph>{t('exchange.help')}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={`/api/units/${unitId}/exchange`} download>
          {t('exchange.download')}
        </Button>
      </Card>
    </Flex>
  );
}
