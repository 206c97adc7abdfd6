import { App, Button, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Placement } from '../../../../common/schemas/reorganisation.ts';
import { describeError } from '../../api/errors.ts';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import {
  type EventsPage,
  type PendingUnits,
  useEvents,
  useMoveMembers,
  usePendingUnits,
} from './reorganisation-api.ts';

function placementText(placement: Placement): string {
  const agency = `${placement.agency.code} ${placement.agency.name}`;
  return placement.division ? `${placement.division.code} ${placement.division.name} (${agency})` : agency;
}

/** Ended units that still have people ("dòng trắng"), with their successors and the one-step move. */
export function PendingUnitsTable() {
  const { t } = useTranslation('reorganisation');
  const { message, modal } = App.useApp();
  const pending = usePendingUnits();
  const move = useMoveMembers();

  const moveAll = (row: PendingUnits[number]) =>
    modal.confirm({
      title: t('pending.moveAll'),
      content: t('pending.moveConfirm', { count: row.headcount, unit: placementText(row.placements[0]!) }),
      onOk: async () => {
        try {
          const result = await move.mutateAsync(row.unit.id);
          void message.success(
            t('result.moved', { count: result.movedPeople, unit: placementText(result.placement) }),
          );
        } catch (error) {
          void message.error(describeError(error));
        }
      },
    });

  if (pending.isError)
    return <LoadErrorResult error={pending.error} onRetry={() => void pending.refetch()} />;
  return (
    <Table<PendingUnits[number]>
      size="middle"
      rowKey={(row) => row.unit.id}
      loading={pending.isPending}
      dataSource={pending.data ?? []}
      locale={{ emptyText: t('pending.empty') }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        { title: t('pending.code'), key: 'code', width: 120, render: (_value, row) => row.unit.code },
        { title: t('pending.name'), key: 'name', render: (_value, row) => row.unit.name },
        {
          title: t('pending.agency'),
          key: 'agency',
          render: (_value, row) => (row.agency ? `${row.agency.code} ${row.agency.name}` : ''),
        },
        {
          title: t('pending.endedOn'),
          key: 'endedOn',
          width: 120,
          render: (_value, row) => formatDate(row.unit.validTo),
        },
        {
          title: t('pending.headcount'),
          dataIndex: 'headcount',
          width: 130,
          align: 'right',
          render: (value: number) => formatCount(value),
        },
        {
          title: t('pending.successors'),
          key: 'successors',
          render: (_value, row) =>
            row.placements.length === 0 ? (
              <Typography.Text type="secondary">{t('pending.dissolved')}</Typography.Text>
            ) : (
              <Flex vertical>
                {row.placements.map((placement) => (
                  <span key={`${placement.agency.id}-${placement.division?.id ?? 0}`}>
                    {placementText(placement)}
                  </span>
                ))}
              </Flex>
            ),
        },
        {
          title: '',
          key: 'actions',
          width: 220,
          render: (_value, row) => (
            <Space>
              <Link to={`/units/${row.unit.id}/people${row.unit.kind === 'division' ? '?direct=true' : ''}`}>
                {t('pending.details')}
              </Link>
              {row.placements.length === 1 && (
                <Button size="small" onClick={() => moveAll(row)}>
                  {t('pending.moveAll')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

type EventRow = EventsPage['items'][number];

/** Every merge, split, dissolution and one-step move, newest first, with its decision and lineage. */
export function EventsTable() {
  const { t } = useTranslation('reorganisation');
  const [page, setPage] = useState(1);
  const events = useEvents(page, 50);

  if (events.isError) return <LoadErrorResult error={events.error} onRetry={() => void events.refetch()} />;
  return (
    <Table<EventRow>
      size="middle"
      rowKey="id"
      loading={events.isPending}
      dataSource={events.data?.items ?? []}
      locale={{ emptyText: t('events.empty') }}
      pagination={{
        current: page,
        pageSize: 50,
        total: events.data?.total ?? 0,
        hideOnSinglePage: true,
        onChange: setPage,
      }}
      columns={[
        {
          title: t('events.effectiveDate'),
          dataIndex: 'effectiveDate',
          width: 120,
          render: (value: string) => formatDate(value),
        },
        {
          title: t('events.kind'),
          dataIndex: 'kind',
          width: 160,
          render: (value: string) => t(`events.kinds.${value}`),
        },
        {
          title: t('events.decision'),
          key: 'decision',
          width: 240,
          render: (_value, row) => `${row.decisionNumber} — ${formatDate(row.decisionDate)}`,
        },
        {
          title: t('events.lineage'),
          key: 'lineage',
          render: (_value, row) => (
            <Flex vertical>
              {row.lineage.map((link) => (
                <span key={`${link.fromUnit.id}-${link.toUnit?.id ?? 0}`}>
                  {link.fromUnit.code} {link.fromUnit.name} →{' '}
                  {link.toUnit ? `${link.toUnit.code} ${link.toUnit.name}` : t('events.none')}
                </span>
              ))}
            </Flex>
          ),
        },
        {
          title: t('events.request'),
          dataIndex: 'requestId',
          width: 100,
          render: (value: number | null) => (value ? <Link to={`/requests/${value}`}>#{value}</Link> : ''),
        },
      ]}
    />
  );
}
