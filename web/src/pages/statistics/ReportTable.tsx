import { Table, type TableColumnsType, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportRow } from '../../../../common/schemas/statistics.ts';
import { reportColumnGroups } from '../../../../common/schemas/statistics-dimensions.ts';
import { formatCount } from '../../format/numbers.ts';
import {
  bucketLabel,
  drillDownLink,
  type QualityStatistics,
  type StatisticsParams,
} from './statistics-api.ts';

type Row = ReportRow & { key: string; isTotal?: boolean };

function countOf(row: Pick<ReportRow, 'total' | 'counts'>, key: string): number {
  return key === 'total' ? row.total : (row.counts[key] ?? 0);
}

function totalRow(statistics: QualityStatistics): Row {
  const counts: Record<string, number> = {};
  for (const row of statistics.rows) {
    for (const [key, value] of Object.entries(row.counts)) counts[key] = (counts[key] ?? 0) + value;
  }
  return {
    key: 'total',
    isTotal: true,
    unitId: 0,
    code: '',
    name: '',
    direct: false,
    total: statistics.total,
    counts,
  };
}

/**
 * Renders the report table in the column order of form BM02/BNV, one row per child unit and a
 * grand total. Every number links to the people behind it.
 */
export function ReportTable({
  statistics,
  params,
}: {
  statistics: QualityStatistics;
  params: StatisticsParams;
}) {
  const { t } = useTranslation('statistics');
  const base = { unitId: statistics.unit.id, asOf: params.asOf };

  const linkFor = (row: Row, key: string) =>
    drillDownLink({
      ...base,
      rowUnitId: row.isTotal ? undefined : row.unitId,
      buckets: key === 'total' ? undefined : key,
    });

  const numberColumn = (key: string, label: string) => ({
    title: label,
    key,
    align: 'right' as const,
    width: 88,
    render: (_value: unknown, row: Row) => {
      const count = countOf(row, key);
      return count === 0 ? (
        <span style={{ color: '#bfbfbf' }}>0</span>
      ) : (
        <Link to={linkFor(row, key)}>{formatCount(count)}</Link>
      );
    },
  });

  const columns: TableColumnsType<Row> = [
    {
      title: t('report.index'),
      key: 'index',
      width: 56,
      fixed: 'left',
      render: (_value, row, index) => (row.isTotal ? '' : index + 1),
    },
    {
      title: t('report.unit'),
      key: 'name',
      width: 240,
      fixed: 'left',
      render: (_value, row) => {
        if (row.isTotal) return <strong>{t('report.grandTotal')}</strong>;
        if (row.direct) return t('report.directRow', { name: row.name });
        if (!row.name) return <Tooltip title={t('report.endedRow')}>{t('report.endedName')}</Tooltip>;
        return row.name;
      },
    },
    { title: t('report.code'), dataIndex: 'code', width: 96, fixed: 'left' },
    ...reportColumnGroups.map((group) =>
      group.columns.length === 1
        ? numberColumn(group.columns[0]!.key, group.label)
        : {
            title: group.label,
            key: group.label,
            children: group.columns.map((column) => {
              const [dimension = '', bucket = ''] = column.key.split(':');
              return numberColumn(column.key, bucketLabel(dimension, bucket, column.label));
            }),
          },
    ),
  ];

  const rows: Row[] = [
    ...statistics.rows.map((row) => ({ ...row, key: `row-${row.unitId}-${row.direct}` })),
    totalRow(statistics),
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
