import { Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type ImportDateFormat,
  type ImportDateFormatMap,
  type ImportFieldDefinition,
  type ImportFieldKey,
  type ImportMapping,
  importDateFormatLabels,
  importDateFormats,
  importFields,
} from '../../../../common/schemas/import.ts';
import type { ImportJob } from './import-api.ts';

// The column mapping: one line per field of the import, with the file column that feeds it
// (proposed from the headers, adjustable) and, for dates, how the column writes them.

export interface MappingValue {
  mapping: ImportMapping;
  dateFormats: ImportDateFormatMap;
}

export interface MappingStepProps {
  job: ImportJob;
  value: MappingValue;
  onChange: (value: MappingValue) => void;
  disabled: boolean;
  /** Server messages by field path, e.g. 'mapping.fullName'. */
  fieldErrors: Record<string, string>;
}

export function MappingStep({ job, value, onChange, disabled, fieldErrors }: MappingStepProps) {
  const { t } = useTranslation('import');
  const columnOptions = job.fileColumns.map((column) => ({
    value: column.index,
    label: column.header
      ? `${column.letter} – ${column.header}`
      : `${column.letter} – ${t('mapping.noHeader')}`,
  }));
  const usedBy = new Map<number, ImportFieldKey>();
  for (const field of importFields) {
    const index = value.mapping[field.key];
    if (index && !usedBy.has(index)) usedBy.set(index, field.key);
  }

  const setColumn = (key: ImportFieldKey, index: number | undefined) =>
    onChange({ ...value, mapping: { ...value.mapping, [key]: index ?? null } });
  const setFormat = (key: ImportFieldKey, format: ImportDateFormat) =>
    onChange({ ...value, dateFormats: { ...value.dateFormats, [key]: format } });

  const columns: TableColumnsType<ImportFieldDefinition> = [
    {
      title: t('mapping.field'),
      dataIndex: 'header',
      render: (header: string, field) => (
        <>
          {header} {field.required ? <Tag color="red">{t('mapping.required')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('mapping.column'),
      key: 'column',
      width: 380,
      render: (_value, field) => {
        const error = fieldErrors[`mapping.${field.key}`];
        const index = value.mapping[field.key as ImportFieldKey] ?? undefined;
        const sharedWith = index ? usedBy.get(index) : undefined;
        return (
          <>
            <Select<number>
              style={{ width: '100%' }}
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('mapping.notMapped')}
              value={index}
              options={columnOptions}
              onChange={(next) => setColumn(field.key as ImportFieldKey, next)}
              disabled={disabled}
              status={error ? 'error' : undefined}
              aria-label={field.header}
            />
            {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
            {!error && sharedWith && sharedWith !== field.key ? (
              <Typography.Text type="warning">{t('mapping.shared')}</Typography.Text>
            ) : null}
          </>
        );
      },
    },
    {
      title: t('mapping.dateFormat'),
      key: 'format',
      width: 170,
      render: (_value, field) =>
        field.kind === 'date' ? (
          <Select<ImportDateFormat>
            style={{ width: '100%' }}
            value={value.dateFormats[field.key as ImportFieldKey] ?? 'dmy'}
            options={importDateFormats.map((format) => ({
              value: format,
              label: importDateFormatLabels[format],
            }))}
            onChange={(format) => setFormat(field.key as ImportFieldKey, format)}
            disabled={disabled || !value.mapping[field.key as ImportFieldKey]}
            aria-label={t('mapping.dateFormatOf', { field: field.header })}
          />
        ) : null,
    },
  ];

  return (
    <Table<ImportFieldDefinition>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={[...importFields]}
      pagination={false}
      scroll={{ y: 480 }}
    />
  );
}
