import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldLabel } from '../../records/labels.ts';
import type { TableSpec } from '../../records/record-layout.ts';
import { FieldInput } from './FieldInput.tsx';

/**
 * Returns a new row id. The server keeps row ids across versions to compare them row by row, so a row
 * gets its id when it is added. crypto.getRandomValues works on plain HTTP too, where
 * crypto.randomUUID does not.
 */
export function newRowId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const WIDE_KINDS = new Set(['textarea', 'catalog']);

function columnWidth(kind: string): number {
  if (WIDE_KINDS.has(kind)) return 260;
  if (kind === 'month') return 130;
  return 170;
}

/** A repeating table of the form (quá trình công tác, quan hệ gia đình …) with add and remove. */
export function RepeatingTableField({ table, disabled }: { table: TableSpec; disabled?: boolean }) {
  const { t } = useTranslation('declarations');
  const label = useFieldLabel();
  const tableLabel = label(table.path);
  return (
    <Form.List name={table.path.split('.')}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={8} data-testid={`table-${table.path}`}>
          <Table
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey="key"
            dataSource={rows}
            locale={{ emptyText: t('form.noRows') }}
            columns={[
              {
                title: t('common:table.index'),
                key: 'index',
                width: 48,
                align: 'right',
                render: (_value, _row, index) => index + 1,
              },
              ...table.columns.map((column) => ({
                title: label(`${table.path}.${column.path}`),
                key: column.path,
                width: columnWidth(column.kind),
                render: (_value: unknown, row: (typeof rows)[number], index: number) => (
                  <FieldInput
                    spec={{ ...column, path: `${table.path}.${column.path}` }}
                    name={[row.name, column.path]}
                    errorName={[...table.path.split('.'), row.name, column.path]}
                    ariaLabel={t('form.cellLabel', {
                      column: label(`${table.path}.${column.path}`),
                      row: index + 1,
                    })}
                  />
                ),
              })),
              {
                title: '',
                key: 'remove',
                width: 48,
                render: (_value: unknown, row: (typeof rows)[number], index: number) => (
                  <Tooltip title={t('form.removeRow')}>
                    <Button
                      type="text"
                      danger
                      disabled={disabled}
                      icon={<DeleteOutlined />}
                      aria-label={t('form.removeRowOf', { table: tableLabel, row: index + 1 })}
                      onClick={() => remove(row.name)}
                    />
                  </Tooltip>
                ),
              },
            ]}
          />
          <div>
            <Button
              icon={<PlusOutlined />}
              disabled={disabled}
              onClick={() => add({ rowId: newRowId() })}
              aria-label={t('form.addRowTo', { table: tableLabel })}
            >
              {t('form.addRow')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
