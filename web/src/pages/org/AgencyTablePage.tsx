import { Card, Flex, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AsOfDatePicker, useAsOfParam } from '../../components/AsOfDatePicker.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { type AgencyTable, EMPLOYING_KINDS, useAgencyTable, useUnit } from './org-api.ts';
import { UnitBreadcrumb } from './UnitBreadcrumb.tsx';

type TableRow = AgencyTable['rows'][number] & { key: string; isDirect?: boolean };

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Renders the headcount table of a unit as of a date. For an agency: one row per division with its count
 * and "Chi tiết" (the division's people), the total, and "Xem" (every record of the agency). For
 * the province: one row per agency, each opening that agency's own table.
 */
export default function AgencyTablePage() {
  const { t } = useTranslation(['org', 'declarations']);
  const unitId = Number(useParams().id);
  const [asOf, setAsOf] = useAsOfParam();
  const unit = useUnit(unitId);
  const table = useAgencyTable(unitId, asOf);

  if (!Number.isInteger(unitId) || unitId <= 0) return <NotFoundPage />;
  if (table.isPending) return <PageSpinner />;
  if (table.isError) return <LoadErrorResult error={table.error} onRetry={() => void table.refetch()} />;

  const data = table.data;
  const employs = EMPLOYING_KINDS.has(data.unit.kind);
  const rows: TableRow[] = data.rows.map((row) => ({ ...row, key: `unit-${row.unitId}` }));
  if (employs && data.directHeadcount > 0) {
    rows.push({
      key: 'direct',
      isDirect: true,
      unitId: data.unit.id,
      code: data.unit.code,
      name: t('table.directRow'),
      kind: data.unit.kind,
      status: 'active',
      headcount: data.directHeadcount,
    });
  }

  const columns: TableColumnsType<TableRow> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 64,
      align: 'right',
      render: (_value, _row, index) => index + 1,
    },
    {
      title: t('table.code'),
      dataIndex: 'code',
      width: 160,
      render: (code: string, row) =>
        row.status === 'ended' ? (
          <Tooltip title={t('table.endedRow')}>
            <span>{code}</span>
          </Tooltip>
        ) : (
          code
        ),
    },
    { title: employs ? t('table.division') : t('table.agency'), dataIndex: 'name' },
    {
      title: t('table.headcount'),
      dataIndex: 'headcount',
      width: 120,
      align: 'right',
      render: (count: number) => formatCount(count),
    },
    {
      title: '',
      key: 'actions',
      width: 200,
      render: (_value, row) =>
        employs ? (
          <Link to={withQuery(`/units/${row.unitId}/people`, { direct: 'true', asOf })}>
            {t('table.details')}
          </Link>
        ) : (
          <Space size="middle">
            <Link to={withQuery(`/units/${row.unitId}/table`, { asOf })}>{t('table.open')}</Link>
            <Link to={withQuery(`/units/${row.unitId}/people`, { asOf })}>{t('table.view')}</Link>
          </Space>
        ),
    },
  ];

  const title = data.unit.name ? `${data.unit.name} (${data.unit.code})` : data.unit.code;

  return (
    <>
      <UnitBreadcrumb unit={unit.data} asOf={asOf} />
      <Card
        title={
          <Flex vertical>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('table.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {title} — {t('common:date.asOf').toLowerCase()} {formatDate(data.asOf)}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Space size="middle" wrap>
            {employs && (
              <>
                <Link to={`/units/${data.unit.id}/declaration-progress`}>
                  {t('declarations:progress.title')}
                </Link>
                <Link to={`/units/${data.unit.id}/needs-fixing`}>{t('declarations:needsFixing.title')}</Link>
              </>
            )}
            <AsOfDatePicker value={asOf} onChange={setAsOf} />
          </Space>
        }
      >
        <Table<TableRow>
          size="middle"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('table.empty') }}
          pagination={{
            defaultPageSize: 50,
            hideOnSinglePage: true,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
          }}
          summary={() => (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <Typography.Text strong>{t('table.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Typography.Text strong data-testid="headcount-total">
                    {formatCount(data.total)}
                  </Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4}>
                  {employs && (
                    <Link
                      to={withQuery(`/units/${data.unit.id}/people`, { asOf })}
                      title={t('table.viewAll')}
                    >
                      {t('table.view')}
                    </Link>
                  )}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      </Card>
    </>
  );
}
