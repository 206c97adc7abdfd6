import { Table, type TableColumnsType, Tag } from 'antd';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetirementDueItem, StepDueItem } from '../../../../common/schemas/due-lists.ts';
import { compareNames } from '../../../../common/vietnamese.ts';
import { formatDate } from '../../format/dates.ts';

// The two due lists as tables. Rows come sorted by due date (overdue first) from the server;
// the name column also sorts the Vietnamese way (given name first) on demand.

export interface SelectionProps {
  /** Row selection for reminders; absent for accounts that may not send them. */
  selection?: { keys: Key[]; onChange: (keys: Key[]) => void };
}

function coefficient(value: number | null): string {
  return value === null ? '' : value.toFixed(2).replace('.', ',');
}

function DueDate({ date, overdue, label }: { date: string; overdue: boolean; label: string }) {
  return (
    <>
      {formatDate(date)} {overdue ? <Tag color="red">{label}</Tag> : null}
    </>
  );
}

export function StepDueTable({
  items,
  selection,
  loading,
}: SelectionProps & { items: StepDueItem[]; loading: boolean }) {
  const { t } = useTranslation('dueLists');
  const columns: TableColumnsType<StepDueItem> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 60,
      align: 'right',
      render: (_value, _row, index) => index + 1,
    },
    {
      title: t('columns.fullName'),
      dataIndex: 'fullName',
      sorter: (left, right) => compareNames(left.fullName, right.fullName),
    },
    {
      title: t('columns.birthDate'),
      dataIndex: 'birthDate',
      width: 110,
      render: (date: string | null) => formatDate(date),
    },
    {
      title: t('columns.division'),
      key: 'division',
      render: (_value, row) => row.division?.name ?? row.agency?.name ?? '',
    },
    {
      title: t('columns.kind'),
      dataIndex: 'kind',
      render: (kind: StepDueItem['kind']) => t(`kinds.${kind}`),
    },
    {
      title: t('columns.rank'),
      key: 'rank',
      render: (_value, row) => [row.rankCode, row.rankName].filter(Boolean).join(' – '),
    },
    {
      title: t('columns.current'),
      key: 'current',
      width: 120,
      render: (_value, row) =>
        t('columns.stepValue', { step: row.currentStep, coefficient: coefficient(row.currentCoefficient) }),
    },
    {
      title: t('columns.next'),
      key: 'next',
      width: 140,
      render: (_value, row) =>
        row.kind === 'step'
          ? t('columns.stepValue', { step: row.nextStep, coefficient: coefficient(row.nextCoefficient) })
          : t('columns.overFrameValue', { percent: row.nextOverFramePercent ?? '' }),
    },
    {
      title: t('columns.dueDate'),
      dataIndex: 'dueDate',
      width: 170,
      render: (date: string, row) => <DueDate date={date} overdue={row.overdue} label={t('overdue')} />,
    },
    {
      title: t('columns.delay'),
      dataIndex: 'delayMonths',
      width: 90,
      align: 'right',
      render: (months: number) => (months ? t('columns.months', { count: months }) : ''),
    },
  ];
  return (
    <Table<StepDueItem>
      size="middle"
      rowKey="personId"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
      locale={{ emptyText: t('emptySteps') }}
      rowSelection={selection ? { selectedRowKeys: selection.keys, onChange: selection.onChange } : undefined}
    />
  );
}

export function RetirementDueTable({
  items,
  selection,
  loading,
}: SelectionProps & { items: RetirementDueItem[]; loading: boolean }) {
  const { t } = useTranslation('dueLists');
  const columns: TableColumnsType<RetirementDueItem> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 60,
      align: 'right',
      render: (_value, _row, index) => index + 1,
    },
    {
      title: t('columns.fullName'),
      dataIndex: 'fullName',
      sorter: (left, right) => compareNames(left.fullName, right.fullName),
    },
    {
      title: t('columns.gender'),
      dataIndex: 'gender',
      width: 90,
      render: (gender: RetirementDueItem['gender']) => (gender ? t(`gender.${gender}`) : ''),
    },
    {
      title: t('columns.birthDate'),
      dataIndex: 'birthDate',
      width: 110,
      render: (date: string | null) => formatDate(date),
    },
    {
      title: t('columns.division'),
      key: 'division',
      render: (_value, row) => row.division?.name ?? row.agency?.name ?? '',
    },
    { title: t('columns.position'), dataIndex: 'positionName', render: (name: string | null) => name ?? '' },
    {
      title: t('columns.retirementAge'),
      key: 'age',
      width: 130,
      render: (_value, row) =>
        row.ageMonths
          ? t('columns.ageWithMonths', { years: row.ageYears, months: row.ageMonths })
          : t('columns.age', { years: row.ageYears }),
    },
    {
      title: t('columns.retirementDate'),
      dataIndex: 'retirementDate',
      width: 170,
      render: (date: string, row) => (
        <DueDate date={date} overdue={row.overdue} label={t('overdueRetirement')} />
      ),
    },
    {
      title: t('columns.pensionStart'),
      dataIndex: 'pensionStartDate',
      width: 130,
      render: (date: string) => formatDate(date),
    },
  ];
  return (
    <Table<RetirementDueItem>
      size="middle"
      rowKey="personId"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
      locale={{ emptyText: t('emptyRetirements') }}
      rowSelection={selection ? { selectedRowKeys: selection.keys, onChange: selection.onChange } : undefined}
    />
  );
}
