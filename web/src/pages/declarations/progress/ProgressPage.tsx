import { Button, Card, Drawer, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { progressStatuses } from '../../../../../common/schemas/declarations.ts';
import { PageSpinner } from '../../../components/PageSpinner.tsx';
import { formatCount } from '../../../format/numbers.ts';
import { holdsAnyRole } from '../../../session/roles.ts';
import { useSignedInSession } from '../../../session/SessionProvider.tsx';
import { LoadErrorResult, NotFoundPage } from '../../StatusPages.tsx';
import {
  type ProgressPerson,
  type ProgressStatus,
  type ProgressTable,
  reminderCalls,
  useDeclarationProgress,
  useProgressPeople,
} from '../declarations-api.ts';
import { formatDateTime } from '../format-time.ts';
import { RemindButton } from './RemindButton.tsx';

type Row = ProgressTable['rows'][number];
type Filter = { status: ProgressStatus; divisionId?: number | null; label: string };

export const STATUS_COLORS: Record<ProgressStatus, string> = {
  never_declared: 'default',
  draft: 'blue',
  submitted: 'gold',
  returned: 'red',
  approved: 'green',
};
const REMINDABLE = new Set<ProgressStatus>(['never_declared', 'draft', 'returned']);

function PeopleDrawer({
  unitId,
  filter,
  onClose,
  mayAct,
}: {
  unitId: number;
  filter: Filter | null;
  onClose: () => void;
  mayAct: boolean;
}) {
  const { t } = useTranslation('declarations');
  const people = useProgressPeople(
    unitId,
    filter && {
      status: filter.status,
      ...(filter.divisionId !== undefined ? { divisionId: filter.divisionId } : {}),
    },
  );
  const status = filter?.status;
  const columns: TableColumnsType<ProgressPerson> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 56,
      align: 'right',
      render: (_value, _row, index) => index + 1,
    },
    {
      title: t('progress.person'),
      dataIndex: 'fullName',
      render: (name: string, person) => <Link to={`/people/${person.personId}/record`}>{name}</Link>,
    },
    {
      title: t('progress.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (value: string | null) => formatDateTime(value),
    },
  ];
  if (mayAct) {
    columns.push({
      title: '',
      key: 'actions',
      width: 210,
      render: (_value, person) => (
        <Flex gap={8}>
          <Link to={`/people/${person.personId}/declaration`}>{t('progress.openDeclaration')}</Link>
          {REMINDABLE.has(person.status) && (
            <RemindButton
              title={t('remind.titleOne', { name: person.fullName })}
              send={(message) => reminderCalls.person(person.personId, message)}
            />
          )}
        </Flex>
      ),
    });
  }
  return (
    <Drawer
      open={filter !== null}
      onClose={onClose}
      size="large"
      title={filter ? `${t(`progress.status.${filter.status}`)} — ${filter.label}` : ''}
    >
      <Flex vertical gap={12}>
        {mayAct && status && REMINDABLE.has(status) && (people.data?.length ?? 0) > 0 && (
          <div>
            <RemindButton
              size="middle"
              label={t('remind.all', { count: people.data?.length ?? 0 })}
              title={t('remind.titleAll', {
                status: t(`progress.status.${status}`),
                unit: filter?.label ?? '',
              })}
              send={(message) =>
                reminderCalls.unit(unitId, {
                  status: status as 'never_declared' | 'draft' | 'returned',
                  ...(typeof filter?.divisionId === 'number' ? { divisionId: filter.divisionId } : {}),
                  ...(message ? { message } : {}),
                })
              }
            />
          </div>
        )}
        <Table<ProgressPerson>
          size="small"
          rowKey="personId"
          loading={people.isFetching}
          dataSource={people.data ?? []}
          columns={columns}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        />
      </Flex>
    </Drawer>
  );
}

/**
 * Declaration progress of an agency, per division: never declared, draft, submitted, returned,
 * approved. Each number opens the list of people behind it; unit admins can remind them.
 */
export default function ProgressPage() {
  const { t } = useTranslation('declarations');
  const unitId = Number(useParams().id);
  const session = useSignedInSession();
  const mayAct = holdsAnyRole(session, ['unit_admin', 'province_admin']);
  const progress = useDeclarationProgress(unitId);
  const [filter, setFilter] = useState<Filter | null>(null);

  if (!(Number.isInteger(unitId) && unitId > 0)) return <NotFoundPage />;
  if (progress.isPending) return <PageSpinner />;
  if (progress.isError)
    return <LoadErrorResult error={progress.error} onRetry={() => void progress.refetch()} />;

  const { unit, rows, totals } = progress.data;
  const rowLabel = (row: Row) => (row.name ? `${row.name} (${row.code})` : row.code);
  const countButton = (count: number, next: Filter) =>
    count === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => setFilter(next)}
        data-testid={`progress-${next.status}`}
      >
        {formatCount(count)}
      </Button>
    );

  const columns: TableColumnsType<Row> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 56,
      align: 'right',
      render: (_value, _row, index) => index + 1,
    },
    { title: t('progress.code'), dataIndex: 'code', width: 90 },
    {
      title: t('progress.division'),
      dataIndex: 'name',
      render: (name: string) =>
        name || <Typography.Text type="secondary">{t('progress.endedDivision')}</Typography.Text>,
    },
    {
      title: t('progress.total'),
      dataIndex: 'total',
      width: 90,
      align: 'right',
      render: (count: number) => formatCount(count),
    },
    ...progressStatuses.map((status) => ({
      title: <Tag color={STATUS_COLORS[status]}>{t(`progress.status.${status}`)}</Tag>,
      key: status,
      width: 120,
      align: 'right' as const,
      render: (_value: unknown, row: Row) =>
        countButton(row[status], { status, divisionId: row.divisionId, label: rowLabel(row) }),
    })),
  ];

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('progress.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{`${unit.name} (${unit.code})`}</Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={12}>
          <Link to={`/units/${unit.id}/needs-fixing`}>{t('progress.needsFixingLink')}</Link>
          <Link to={`/units/${unit.id}/table`}>{t('progress.headcountLink')}</Link>
        </Flex>
      }
    >
      <Table<Row>
        size="middle"
        rowKey={(row) => `${row.divisionId ?? 'direct'}-${row.code}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('progress.totals')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong data-testid="progress-total">
                  {formatCount(totals.total)}
                </Typography.Text>
              </Table.Summary.Cell>
              {progressStatuses.map((status, index) => (
                <Table.Summary.Cell key={status} index={4 + index} align="right">
                  <span data-testid={`progress-total-${status}`}>
                    {countButton(totals[status], { status, label: `${unit.name} (${unit.code})` })}
                  </span>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <PeopleDrawer unitId={unit.id} filter={filter} onClose={() => setFilter(null)} mayAct={mayAct} />
    </Card>
  );
}
