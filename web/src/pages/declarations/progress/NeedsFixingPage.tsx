import { Card, Empty, Flex, List, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageSpinner } from '../../../components/PageSpinner.tsx';
import { holdsAnyRole } from '../../../session/roles.ts';
import { useSignedInSession } from '../../../session/SessionProvider.tsx';
import { LoadErrorResult, NotFoundPage } from '../../StatusPages.tsx';
import { type NeedsFixingItem, reminderCalls, useNeedsFixing } from '../declarations-api.ts';
import { RemindButton } from './RemindButton.tsx';

/**
 * "Cần sửa": declarations and records of the unit that break a rule today (an agency and
 * division that no longer exist together, a grade no longer in force …), each with its reasons
 * and a "Nhắc nhở" for the unit admin.
 */
export default function NeedsFixingPage() {
  const { t } = useTranslation('declarations');
  const unitId = Number(useParams().id);
  const session = useSignedInSession();
  const mayAct = holdsAnyRole(session, ['unit_admin', 'province_admin']);
  const items = useNeedsFixing(unitId);

  if (!(Number.isInteger(unitId) && unitId > 0)) return <NotFoundPage />;
  if (items.isPending) return <PageSpinner />;
  if (items.isError) return <LoadErrorResult error={items.error} onRetry={() => void items.refetch()} />;

  const columns: TableColumnsType<NeedsFixingItem> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 56,
      align: 'right',
      render: (_value, _row, index) => index + 1,
    },
    {
      title: t('progress.person'),
      dataIndex: 'personName',
      width: 200,
      render: (name: string, item) => <Link to={`/people/${item.personId}/record`}>{name}</Link>,
    },
    {
      title: t('progress.division'),
      key: 'division',
      width: 180,
      render: (_value, item) => (item.division ? item.division.name || item.division.code : '—'),
    },
    {
      title: t('needsFixing.kind'),
      key: 'kind',
      width: 150,
      render: (_value, item) =>
        item.kind === 'declaration' ? (
          <Tag color="orange">
            {t('needsFixing.declaration', { status: item.status ? t(`statuses.${item.status}`) : '' })}
          </Tag>
        ) : (
          <Tag>{t('needsFixing.record')}</Tag>
        ),
    },
    {
      title: t('needsFixing.reasons'),
      key: 'problems',
      render: (_value, item) => (
        <List
          size="small"
          split={false}
          dataSource={item.problems}
          renderItem={(problem) => (
            <List.Item style={{ padding: 0 }}>
              <span>
                <Typography.Text strong>{problem.label}:</Typography.Text> {problem.message}
              </span>
            </List.Item>
          )}
        />
      ),
    },
  ];
  if (mayAct) {
    columns.push({
      title: '',
      key: 'actions',
      width: 140,
      render: (_value, item) => (
        <Flex vertical gap={4} align="flex-start">
          <RemindButton
            title={t('remind.titleOne', { name: item.personName })}
            send={(message) => reminderCalls.person(item.personId, message)}
          />
          <Link to={`/people/${item.personId}/declaration`}>{t('progress.openDeclaration')}</Link>
        </Flex>
      ),
    });
  }

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('needsFixing.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('needsFixing.subtitle')}</Typography.Text>
        </Flex>
      }
      extra={<Link to={`/units/${unitId}/declaration-progress`}>{t('needsFixing.progressLink')}</Link>}
    >
      <Table<NeedsFixingItem>
        size="middle"
        rowKey={(item) => `${item.personId}-${item.kind}`}
        columns={columns}
        dataSource={items.data}
        locale={{ emptyText: <Empty description={t('needsFixing.empty')} /> }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        tableLayout="fixed"
      />
    </Card>
  );
}
