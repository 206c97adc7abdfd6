import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../format/numbers.ts';
import { drillDownLink, type ProvinceDashboard, type StatisticsParams } from './statistics-api.ts';

type Row = ProvinceDashboard['rows'][number] & { key: string; isTotal?: boolean };

const EMPLOYMENT_TYPES = ['cadre', 'civil_servant', 'public_employee', 'unknown'] as const;
const PROGRESS = ['never_declared', 'draft', 'submitted', 'returned', 'approved'] as const;

/**
 * Renders the overview of a unit's children (for the province: one row per agency): headcount,
 * headcount per employment type and declaration progress beside it.
 */
export function DashboardTable({
  dashboard,
  params,
}: {
  dashboard: ProvinceDashboard;
  params: StatisticsParams;
}) {
  const { t } = useTranslation('statistics');
  const base = { unitId: dashboard.unit.id, asOf: params.asOf };
  const linkOf = (row: Row, buckets?: string) =>
    drillDownLink({ ...base, rowUnitId: row.isTotal ? undefined : row.unitId, buckets });
  const linked = (count: number, to: string) =>
    count === 0 ? '0' : <Link to={to}>{formatCount(count)}</Link>;

  const columns: TableColumnsType<Row> = [
    { title: t('report.code'), dataIndex: 'code', width: 96 },
    {
      title: t('report.unit'),
      key: 'name',
      render: (_value, row) =>
        row.isTotal ? <strong>{t('report.grandTotal')}</strong> : row.name || t('report.endedName'),
    },
    {
      title: t('dashboard.total'),
      key: 'total',
      align: 'right',
      render: (_value, row) => linked(row.total, linkOf(row)),
    },
    {
      title: t('dashboard.byKind'),
      children: EMPLOYMENT_TYPES.map((kind) => ({
        title: t(`dashboard.kinds.${kind}`),
        key: kind,
        align: 'right' as const,
        render: (_value: unknown, row: Row) =>
          linked(row.byEmploymentType[kind] ?? 0, linkOf(row, `employment_type:${kind}`)),
      })),
    },
    {
      title: t('dashboard.progress'),
      children: PROGRESS.map((status) => ({
        title: t(`dashboard.statuses.${status}`),
        key: status,
        align: 'right' as const,
        render: (_value: unknown, row: Row) => formatCount(row.progress[status]),
      })),
    },
  ];

  const rows: Row[] = [
    ...dashboard.rows.map((row) => ({ ...row, key: `row-${row.unitId}` })),
    {
      key: 'total',
      isTotal: true,
      unitId: 0,
      code: '',
      name: '',
      total: dashboard.total,
      byEmploymentType: dashboard.byEmploymentType,
      progress: dashboard.progress,
    },
  ];
  return (
    <Table<Row>
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
