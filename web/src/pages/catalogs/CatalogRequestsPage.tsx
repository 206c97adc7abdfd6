import { ArrowLeftOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type CatalogRequestStatus, catalogRequestStatuses } from '../../../../common/schemas/catalogs.ts';
import { formatDate } from '../../format/dates.ts';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { type UnitTreeNode, useUnitTree } from '../org/org-api.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { CatalogRequestModal } from './CatalogRequestModal.tsx';
import { CLOSED_STATUSES, catalogLabel, REQUEST_STATUS_COLORS } from './catalog-labels.ts';
import { type CatalogRequest, useCatalogRequests, useCatalogRequestsChanged } from './catalogs-api.ts';
import { RequestStatusModal } from './RequestStatusModal.tsx';

function isRequestStatus(value: string | null): value is CatalogRequestStatus {
  return catalogRequestStatuses.includes(value as CatalogRequestStatus);
}

/** Maps the id of every unit in the viewer's tree to its code and name, to name each request's unit. */
function useUnitNames(): Map<number, string> {
  const tree = useUnitTree(undefined);
  return useMemo(() => {
    const names = new Map<number, string>();
    const visit = (node: UnitTreeNode) => {
      names.set(node.id, `${node.code} — ${node.name}`);
      node.children.forEach(visit);
    };
    tree.data?.forEach(visit);
    return names;
  }, [tree.data]);
}

/**
 * Catalog requests ("Đề nghị bổ sung danh mục"): a unit admin reads the requests of their
 * agencies with the status SNV gave them and files new ones; SNV works through the whole queue
 * here and changes each request's status.
 */
export default function CatalogRequestsPage() {
  const { t } = useTranslation('catalogs');
  const { message } = App.useApp();
  const session = useSignedInSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const statusParam = searchParams.get('status');
  const status = isRequestStatus(statusParam) ? statusParam : undefined;
  const requests = useCatalogRequests(status);
  const requestsChanged = useCatalogRequestsChanged();
  const unitNames = useUnitNames();
  const isProvinceAdmin = holdsRole(session, 'province_admin');
  const isUnitAdmin = holdsRole(session, 'unit_admin');
  const [requesting, setRequesting] = useState(false);
  const [handling, setHandling] = useState<CatalogRequest | null>(null);

  const columns: TableColumnsType<CatalogRequest> = [
    {
      title: t('fields.createdAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (value: string) => dayjs(value).format('DD/MM/YYYY'),
    },
    {
      title: t('fields.unit'),
      dataIndex: 'unitId',
      render: (unitId: number) => unitNames.get(unitId) ?? `#${unitId}`,
    },
    {
      title: t('fields.catalog'),
      dataIndex: 'catalog',
      render: (_value, request) => (
        <Link to={`/catalogs/${request.catalog}`}>{catalogLabel(request.catalog)}</Link>
      ),
    },
    { title: t('fields.field'), dataIndex: 'field' },
    {
      title: t('fields.proposedValue'),
      key: 'value',
      render: (_value, request) => (
        <Flex vertical>
          <span>
            {request.proposedCode
              ? `${request.proposedCode} — ${request.proposedValue}`
              : request.proposedValue}
          </span>
          {request.note && <Typography.Text type="secondary">{request.note}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('fields.legalDocument'),
      key: 'document',
      render: (_value, request) =>
        `${request.legalDocumentNumber} ${t('entry.dateWord')} ${formatDate(request.legalDocumentDate)}`,
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 120,
      render: (value: CatalogRequestStatus) => (
        <Tag color={REQUEST_STATUS_COLORS[value]}>{t(`requestStatus.${value}`)}</Tag>
      ),
    },
    {
      title: t('fields.resolutionNote'),
      dataIndex: 'resolutionNote',
      render: (note: string | null) => note ?? '',
    },
  ];
  if (isProvinceAdmin) {
    columns.push({
      title: '',
      key: 'actions',
      width: 100,
      render: (_value, request) =>
        CLOSED_STATUSES.includes(request.status) ? null : (
          <Button size="small" type="primary" onClick={() => setHandling(request)}>
            {t('queue.handle')}
          </Button>
        ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <Link to="/catalogs">
        <ArrowLeftOutlined /> {t('list.title')}
      </Link>
      <Card
        title={
          <Flex vertical>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('requests.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {isProvinceAdmin ? t('requests.hintProvince') : t('requests.hintUnit')}
            </Typography.Text>
          </Flex>
        }
        extra={
          isUnitAdmin && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setRequesting(true)}>
              {t('request.button')}
            </Button>
          )
        }
      >
        <Flex vertical gap={16}>
          <Segmented
            value={status ?? 'all'}
            options={[
              { value: 'all', label: t('requests.all') },
              ...catalogRequestStatuses.map((value) => ({ value, label: t(`requestStatus.${value}`) })),
            ]}
            onChange={(value) =>
              setSearchParams(value === 'all' ? {} : { status: String(value) }, { replace: true })
            }
          />
          {requests.isError ? (
            <LoadErrorResult error={requests.error} onRetry={() => void requests.refetch()} />
          ) : (
            <Table<CatalogRequest>
              size="middle"
              rowKey="id"
              columns={columns}
              dataSource={requests.data ?? []}
              loading={requests.isFetching}
              locale={{ emptyText: t('requests.empty') }}
              pagination={{
                defaultPageSize: 50,
                showTotal: (total) => t('common:table.total', { count: total }),
              }}
            />
          )}
        </Flex>
      </Card>
      {isUnitAdmin && (
        <CatalogRequestModal
          open={requesting}
          onClose={() => setRequesting(false)}
          onCreated={() => {
            setRequesting(false);
            void requestsChanged();
            message.success(t('request.done'));
          }}
        />
      )}
      {isProvinceAdmin && (
        <RequestStatusModal
          request={handling}
          onClose={() => setHandling(null)}
          onSaved={(saved) => {
            setHandling(null);
            void requestsChanged();
            message.success(t('queue.saved', { status: t(`requestStatus.${saved.status}`) }));
          }}
        />
      )}
    </Flex>
  );
}
