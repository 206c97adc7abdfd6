import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIso } from '../../../../common/dates.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { DATE_FORMAT, dayjsOfIso, formatDate, isoOfDayjs } from '../../format/dates.ts';
import { useFilingAgencies } from './filing-agencies.ts';
import { filterByLabel } from './form-fields.tsx';
import { RequestForm } from './RequestForm.tsx';
import {
  type CreateRequestBody,
  type ReconciliationOverview,
  useReconciliationOverview,
  useReconciliations,
  useRecordReconciliation,
} from './requests-api.ts';

type PendingRequest = Omit<CreateRequestBody, 'agencyId'>;

/**
 * "Đối chiếu danh sách": a unit admin records that the agency's list was checked against reality
 * on a date, with a request for each difference found; SNV sees the agencies that have not checked.
 */
export default function ReconciliationPage() {
  const { agencies, isProvinceAdmin } = useFilingAgencies();
  return (
    <Flex vertical gap={16}>
      {isProvinceAdmin && <OverviewCard />}
      {agencies.length > 0 && !isProvinceAdmin && <RecordCard agencies={agencies} />}
    </Flex>
  );
}

function RecordCard({ agencies }: { agencies: Array<{ id: number; label: string }> }) {
  const { t } = useTranslation('requests');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [agencyId, setAgencyId] = useState<number | undefined>(agencies[0]?.id);
  const [pending, setPending] = useState<PendingRequest[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const matches: boolean = Form.useWatch('matches', form) ?? true;
  const history = useReconciliations(agencyId);
  const record = useRecordReconciliation();

  const finish = async (values: { checkedOn: dayjs.Dayjs; matches: boolean; note?: string }) => {
    if (agencyId === undefined) return;
    setFailure(null);
    try {
      const checkedOn = isoOfDayjs(values.checkedOn)!;
      await record.mutateAsync({
        agencyId,
        checkedOn,
        matches: values.matches,
        ...(values.note ? { note: values.note } : {}),
        requests: values.matches ? [] : pending,
      });
      setPending([]);
      form.resetFields();
      void message.success(t('reconciliation.recorded', { date: formatDate(checkedOn) }));
    } catch (error) {
      const unmatched = applyFieldErrors(form, error);
      setFailure(
        unmatched.length
          ? unmatched.map((field) => `${field.label}: ${field.message}`).join(' ')
          : describeError(error),
      );
    }
  };

  return (
    <Card title={t('reconciliation.title')}>
      {agencies.length > 1 && (
        <Select
          style={{ minWidth: 320, marginBottom: 16 }}
          value={agencyId}
          onChange={setAgencyId}
          showSearch
          filterOption={filterByLabel}
          options={agencies.map((agency) => ({ value: agency.id, label: agency.label }))}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ checkedOn: dayjsOfIso(todayIso()), matches: true }}
        onFinish={(values) => void finish(values)}
      >
        <Form.Item name="checkedOn" label={t('reconciliation.checkedOn')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="matches">
          <Radio.Group
            options={[
              { value: true, label: t('reconciliation.matches') },
              { value: false, label: t('reconciliation.differs') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('reconciliation.note')}>
          <Input.TextArea rows={2} maxLength={4_000} />
        </Form.Item>
      </Form>

      {!matches && agencyId !== undefined && (
        <Card size="small" title={t('reconciliation.createRequest')} style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={pending}
            renderItem={(item, index) => (
              <List.Item
                actions={[
                  <Button
                    key="remove"
                    size="small"
                    onClick={() => setPending(pending.filter((_entry, position) => position !== index))}
                  >
                    {t('form.remove')}
                  </Button>,
                ]}
              >
                {t(`kind.${item.kind}`)}
              </List.Item>
            )}
          />
          <RequestForm
            agencies={[{ id: agencyId, label: '' }]}
            submitLabel={t('reconciliation.createRequest')}
            onSubmit={async (body) => {
              const { agencyId: _agencyId, ...rest } = body;
              setPending([...pending, rest]);
            }}
          />
        </Card>
      )}

      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Button type="primary" onClick={() => form.submit()} loading={record.isPending}>
        {t('reconciliation.record')}
      </Button>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('reconciliation.history')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={history.isPending}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('reconciliation.checkedOn'),
            dataIndex: 'checkedOn',
            render: (value: string) => formatDate(value),
          },
          {
            title: '',
            dataIndex: 'matches',
            render: (value: boolean) => (
              <Tag color={value ? 'green' : 'orange'}>
                {value ? t('reconciliation.yes') : t('reconciliation.no')}
              </Tag>
            ),
          },
          {
            title: t('reconciliation.checkedBy'),
            key: 'checkedBy',
            render: (_value, row) => row.checkedBy.displayName,
          },
          { title: t('reconciliation.note'), dataIndex: 'note' },
          {
            title: t('reconciliation.requests'),
            dataIndex: 'requestIds',
            render: (ids: number[]) => (
              <Flex gap={8} wrap>
                {ids.map((id) => (
                  <Link key={id} to={`/requests/${id}`}>
                    #{id}
                  </Link>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

function OverviewCard() {
  const { t } = useTranslation('requests');
  const [since, setSince] = useState(dayjs().startOf('month').format('YYYY-MM-DD'));
  const overview = useReconciliationOverview(since, true);
  const data: ReconciliationOverview | undefined = overview.data;
  return (
    <Card
      title={t('reconciliation.overview')}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text>{t('reconciliation.since')}</Typography.Text>
          <DatePicker
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjsOfIso(since)}
            onChange={(value) => value && setSince(isoOfDayjs(value)!)}
          />
        </Flex>
      }
    >
      {data && (
        <Typography.Paragraph>
          {t('reconciliation.notReconciled', {
            count: data.notReconciled,
            total: data.total,
            date: formatDate(data.since),
          })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey={(row) => row.agency.id}
        loading={overview.isPending}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('reconciliation.agency'),
            key: 'agency',
            render: (_value, row) => `${row.agency.code} ${row.agency.name}`,
          },
          {
            title: t('reconciliation.lastCheckedOn'),
            dataIndex: 'lastCheckedOn',
            render: (value: string | null) => (value ? formatDate(value) : t('reconciliation.never')),
          },
          {
            title: '',
            dataIndex: 'reconciled',
            render: (value: boolean) => (
              <Tag color={value ? 'green' : 'red'}>
                {value ? t('reconciliation.reconciled') : t('reconciliation.never')}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
