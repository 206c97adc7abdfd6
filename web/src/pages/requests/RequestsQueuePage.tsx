import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { requestKinds, requestStatuses } from '../../../../common/schemas/requests.ts';
import { formatDate } from '../../format/dates.ts';
import { positiveIntParam } from '../../format/search-params.ts';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult } from '../StatusPages.tsx';
import { type RequestDto, STATUS_COLORS, useRequests } from './requests-api.ts';

const DEFAULT_PAGE_SIZE = 50;

/**
 * "Đề nghị": SNV's single queue of every agency's requests, or a unit admin's own requests. Open
 * requests come first, oldest first; tabs filter by status (new ones by default) and show the counts.
 */
export default function RequestsQueuePage() {
  const { t } = useTranslation('requests');
  const session = useSignedInSession();
  const isProvinceAdmin = holdsRole(session, 'province_admin');
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status') ?? 'new';
  const kind = searchParams.get('kind') ?? undefined;
  const page = positiveIntParam(searchParams.get('page'), 1);

  const statusFilter = requestStatuses.includes(status as (typeof requestStatuses)[number])
    ? status
    : undefined;
  const requests = useRequests({ status: statusFilter, kind, page, pageSize: DEFAULT_PAGE_SIZE });

  const setParam = (name: string, value: string | undefined) =>
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name !== 'page') next.delete('page');
      return next;
    });

  const counts = requests.data?.countsByStatus ?? {};
  const tabs = [
    { key: 'new', label: `${t('status.new')} (${counts.new ?? 0})` },
    { key: 'in_progress', label: `${t('status.in_progress')} (${counts.in_progress ?? 0})` },
    { key: 'done', label: `${t('status.done')} (${counts.done ?? 0})` },
    { key: 'rejected', label: `${t('status.rejected')} (${counts.rejected ?? 0})` },
    { key: 'all', label: t('status.all') },
  ];

  const columns: TableColumnsType<RequestDto> = [
    {
      title: t('queue.number'),
      dataIndex: 'id',
      width: 80,
      render: (id: number) => <Link to={`/requests/${id}`}>{id}</Link>,
    },
    { title: t('detail.kind'), dataIndex: 'kind', width: 190, render: (value: string) => t(`kind.${value}`) },
    ...(isProvinceAdmin || session.grants.length > 1
      ? [
          {
            title: t('queue.agency'),
            key: 'agency',
            width: 220,
            render: (_: unknown, row: RequestDto) => `${row.agency.code} ${row.agency.name}`,
          },
        ]
      : []),
    {
      title: t('queue.summary'),
      dataIndex: 'summary',
      render: (summary: string, row) => <Link to={`/requests/${row.id}`}>{summary}</Link>,
    },
    {
      title: t('queue.requestedBy'),
      key: 'requestedBy',
      width: 180,
      render: (_value, row) => row.requestedBy.displayName,
    },
    {
      title: t('queue.createdAt'),
      dataIndex: 'createdAt',
      width: 120,
      render: (value: string) => formatDate(value.slice(0, 10)),
    },
    {
      title: t('detail.status'),
      dataIndex: 'status',
      width: 120,
      render: (value: string) => <Tag color={STATUS_COLORS[value]}>{t(`status.${value}`)}</Tag>,
    },
  ];

  return (
    <Card
      title={isProvinceAdmin ? t('queue.titleProvince') : t('queue.title')}
      extra={
        <Space>
          <Select
            allowClear
            placeholder={t('queue.kindFilter')}
            style={{ width: 220 }}
            value={kind}
            onChange={(value) => setParam('kind', value)}
            options={requestKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
          />
          <Link to="/requests/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('queue.create')}
            </Button>
          </Link>
        </Space>
      }
    >
      <Tabs
        activeKey={status}
        items={tabs}
        onChange={(key) => setParam('status', key === 'new' ? undefined : key)}
      />
      {requests.isError ? (
        <LoadErrorResult error={requests.error} onRetry={() => void requests.refetch()} />
      ) : (
        <Flex vertical>
          <Table<RequestDto>
            rowKey="id"
            size="middle"
            loading={requests.isPending}
            columns={columns}
            dataSource={requests.data?.items ?? []}
            locale={{ emptyText: t('queue.empty') }}
            pagination={{
              current: page,
              pageSize: DEFAULT_PAGE_SIZE,
              total: requests.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: (next) => setParam('page', String(next)),
            }}
          />
        </Flex>
      )}
    </Card>
  );
}
