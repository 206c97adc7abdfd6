import { Descriptions, Empty, Flex, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../../../common/schemas/record.ts';
import { useFieldLabel } from './labels.ts';
import { RecordValue } from './RecordValue.tsx';
import { type GroupSpec, recordTabs, type TableSpec } from './record-layout.ts';

type Row = Record<string, unknown> & { rowId?: string };

/** Reads a dotted path ('family.ownSide') out of the record. */
export function valueAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function ReadOnlyTable({ table, data }: { table: TableSpec; data: RecordData }) {
  const { t } = useTranslation('declarations');
  const label = useFieldLabel();
  const rows = (valueAt(data, table.path) as Row[] | undefined) ?? [];
  if (rows.length === 0) return <Typography.Text type="secondary">{t('view.noRows')}</Typography.Text>;
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey={(row) => row.rowId ?? JSON.stringify(row)}
      dataSource={rows}
      columns={[
        {
          title: t('common:table.index'),
          key: 'index',
          width: 56,
          align: 'right',
          render: (_value, _row, index) => index + 1,
        },
        ...table.columns.map((column) => ({
          title: label(`${table.path}.${column.path}`),
          key: column.path,
          render: (_value: unknown, row: Row) => (
            <RecordValue path={`${table.path}.${column.path}`} value={row[column.path]} />
          ),
        })),
      ]}
    />
  );
}

function ReadOnlyGroup({ group, data }: { group: GroupSpec; data: RecordData }) {
  const { t } = useTranslation('declarations');
  const label = useFieldLabel();
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t(group.titleKey)}
      </Typography.Title>
      {group.fields && (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, lg: 2 }}
          // Equal columns, so that a short value (a date) is not squeezed beside a long label.
          styles={{ label: { width: '20%' }, content: { width: '30%' } }}
          items={group.fields.map((field) => ({
            key: field.path,
            label: label(field.path),
            span: field.span === 24 ? 'filled' : 1,
            children: <RecordValue path={field.path} value={valueAt(data, field.path)} />,
          }))}
        />
      )}
      {group.table && <ReadOnlyTable table={group.table} data={data} />}
    </Flex>
  );
}

/** Renders a record (an approved version or a declaration) read-only, in the tabs of the form. */
export function RecordView({ data }: { data: RecordData | null }) {
  const { t } = useTranslation('declarations');
  if (!data) return <Empty description={t('view.noRecord')} />;
  return (
    <Tabs
      tabPlacement="start"
      items={recordTabs.map((tab) => ({
        key: tab.key,
        label: t(tab.titleKey),
        children: (
          <Flex vertical gap={24}>
            {tab.groups.map((group) => (
              <ReadOnlyGroup key={group.titleKey} group={group} data={data} />
            ))}
          </Flex>
        ),
      }))}
    />
  );
}
