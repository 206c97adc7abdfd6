import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChange, RecordDiff, RowChange } from '../../../../common/schemas/declarations.ts';
import { useFieldLabel } from '../records/labels.ts';
import { RecordValue } from '../records/RecordValue.tsx';
import { fieldSpecByPath, recordTabs, tabOfPath } from '../records/record-layout.ts';

const CHANGE_COLORS: Record<RowChange['change'], string> = {
  added: 'green',
  removed: 'red',
  changed: 'gold',
};
const CHANGE_BACKGROUNDS: Record<RowChange['change'], string> = {
  added: '#f6ffed',
  removed: '#fff1f0',
  changed: '#fffbe6',
};

/** Returns the columns a table row shows, in the layout's order. */
function columnsOf(table: string): string[] {
  return [...fieldSpecByPath.keys()]
    .filter((path) => path.startsWith(`${table}.`) && !path.slice(table.length + 1).includes('.'))
    .map((path) => path.slice(table.length + 1));
}

function OldNew({ path, before, after }: { path: string; before: unknown; after: unknown }) {
  return (
    <Flex gap={8} align="center" wrap>
      <span style={{ textDecoration: 'line-through', color: '#a8071a' }} data-testid="diff-before">
        <RecordValue path={path} value={before} />
      </span>
      <ArrowRightOutlined />
      <span style={{ color: '#135200', fontWeight: 500 }} data-testid="diff-after">
        <RecordValue path={path} value={after} />
      </span>
    </Flex>
  );
}

function FieldChanges({ fields }: { fields: FieldChange[] }) {
  const { t } = useTranslation('declarations');
  const label = useFieldLabel();
  const rows = [...fields].sort((left, right) => {
    const order = (change: FieldChange) => recordTabs.findIndex((tab) => tab.key === tabOfPath(change.path));
    return order(left) - order(right);
  });
  return (
    <Table<FieldChange>
      size="small"
      bordered
      pagination={false}
      rowKey="path"
      dataSource={rows}
      onRow={(change) =>
        ({ 'data-testid': 'diff-field', 'data-path': change.path }) as HTMLAttributes<HTMLTableRowElement>
      }
      columns={[
        {
          title: t('review.section'),
          key: 'section',
          width: 180,
          render: (_value, change) => {
            const tab = recordTabs.find((candidate) => candidate.key === tabOfPath(change.path));
            return tab ? t(tab.titleKey) : '';
          },
        },
        {
          title: t('review.field'),
          key: 'field',
          width: 280,
          render: (_value, change) => label(change.path) || change.label,
        },
        {
          title: t('review.change'),
          key: 'change',
          render: (_value, change) => (
            <OldNew path={change.path} before={change.before} after={change.after} />
          ),
        },
      ]}
    />
  );
}

function RowContent({ change }: { change: RowChange }) {
  const label = useFieldLabel();
  const row = (change.after ?? change.before ?? {}) as Record<string, unknown>;
  if (change.change === 'changed') {
    return (
      <Flex vertical gap={4}>
        {change.fields.map((field) => (
          <Flex key={field.path} gap={8} wrap align="center">
            <Typography.Text type="secondary">{label(field.path)}:</Typography.Text>
            <OldNew path={field.path} before={field.before} after={field.after} />
          </Flex>
        ))}
      </Flex>
    );
  }
  const filled = columnsOf(change.table).filter(
    (column) => row[column] !== null && row[column] !== undefined && row[column] !== '',
  );
  return (
    <Flex gap={16} wrap style={change.change === 'removed' ? { textDecoration: 'line-through' } : undefined}>
      {filled.map((column) => (
        <span key={column}>
          <Typography.Text type="secondary">{label(`${change.table}.${column}`)}:</Typography.Text>{' '}
          <RecordValue path={`${change.table}.${column}`} value={row[column]} />
        </span>
      ))}
    </Flex>
  );
}

function RowChanges({ rows }: { rows: RowChange[] }) {
  const { t } = useTranslation('declarations');
  const label = useFieldLabel();
  const tables = [...new Set(rows.map((row) => row.table))];
  return (
    <Flex vertical gap={12}>
      {tables.map((table) => (
        <Card
          key={table}
          size="small"
          title={label(table) || rows.find((row) => row.table === table)?.tableLabel}
        >
          <Flex vertical gap={8}>
            {rows
              .filter((row) => row.table === table)
              .map((row) => (
                <Flex
                  key={`${row.change}-${row.rowId}`}
                  gap={12}
                  align="flex-start"
                  data-testid="diff-row"
                  data-table={row.table}
                  data-change={row.change}
                  style={{ background: CHANGE_BACKGROUNDS[row.change], padding: 8, borderRadius: 6 }}
                >
                  <Tag color={CHANGE_COLORS[row.change]}>{t(`review.row.${row.change}`)}</Tag>
                  <RowContent change={row} />
                </Flex>
              ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/**
 * Renders the approver's comparison: every changed field old → new, then the rows of repeating tables
 * that were added (green), removed (red, struck through) or changed (yellow, field by field).
 */
export function DiffView({ diff, firstDeclaration }: { diff: RecordDiff; firstDeclaration: boolean }) {
  const { t } = useTranslation('declarations');
  if (diff.fields.length === 0 && diff.rows.length === 0)
    return <Empty description={t('review.noChanges')} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Text data-testid="diff-summary">
        {firstDeclaration ? t('review.firstDeclaration') : ''}{' '}
        {t('review.summary', { fields: diff.fields.length, rows: diff.rows.length })}
      </Typography.Text>
      {diff.fields.length > 0 && <FieldChanges fields={diff.fields} />}
      {diff.rows.length > 0 && <RowChanges rows={diff.rows} />}
    </Flex>
  );
}
