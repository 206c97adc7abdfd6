import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../format/numbers.ts';
import { formatDateTime } from '../declarations/format-time.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { type InboxItem, useInbox } from './approvals-api.ts';

/** Lists the approver's inbox: submitted declarations routed to this account, oldest first. */
export default function InboxPage() {
  const { t } = useTranslation('declarations');
  const inbox = useInbox();
  if (inbox.isError) return <LoadErrorResult error={inbox.error} onRetry={() => void inbox.refetch()} />;

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('inbox.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('inbox.subtitle', {
              count: inbox.data?.length ?? 0,
              formatted: formatCount(inbox.data?.length ?? 0),
            })}
          </Typography.Text>
        </Flex>
      }
    >
      <Table<InboxItem>
        size="middle"
        rowKey="id"
        loading={inbox.isPending}
        dataSource={inbox.data ?? []}
        locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('common:table.index'),
            key: 'index',
            width: 64,
            align: 'right',
            render: (_value, _row, index) => index + 1,
          },
          {
            title: t('inbox.person'),
            dataIndex: 'personName',
            render: (name: string, item) => <Link to={`/approvals/${item.id}`}>{name}</Link>,
          },
          {
            title: t('inbox.currentAgency'),
            key: 'current',
            render: (_value, item) => item.currentAgency?.name ?? '—',
          },
          {
            title: t('inbox.target'),
            key: 'target',
            render: (_value, item) => (
              <>
                {item.targetAgency?.name ?? '—'}
                {item.targetDivision ? ` — ${item.targetDivision.name}` : ''}{' '}
                {item.isTransfer && <Tag color="purple">{t('review.transfer')}</Tag>}
                {item.route === 'province' && <Tag color="blue">{t('inbox.provinceRoute')}</Tag>}
              </>
            ),
          },
          {
            title: t('inbox.submittedAt'),
            dataIndex: 'submittedAt',
            width: 170,
            render: (value: string) => formatDateTime(value),
          },
          {
            title: '',
            key: 'open',
            width: 140,
            render: (_value, item) => <Link to={`/approvals/${item.id}`}>{t('inbox.open')}</Link>,
          },
        ]}
      />
    </Card>
  );
}
