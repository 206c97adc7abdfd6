import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/dates.ts';
import { attributeFieldsOf } from './AttributeFields.tsx';
import type { CatalogEntry, CatalogName } from './catalogs-api.ts';

/** Renders the expanded row of an entry: its attributes, notes, sources and the document that ended it. */
export function EntryDetails({ catalog, entry }: { catalog: CatalogName; entry: CatalogEntry }) {
  const { t } = useTranslation('catalogs');

  const showValue = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('entry.yes') : t('entry.no');
    if (typeof value === 'number') return value.toLocaleString('vi-VN');
    return t(`attributeValues.${String(value)}`, { defaultValue: String(value) });
  };

  const items = attributeFieldsOf(catalog).map((field) => ({
    key: field.name,
    label: t(`attributes.${field.name}`, { defaultValue: field.name }),
    children: showValue(entry.attributes[field.name]),
  }));
  if (entry.endDocumentNumber || entry.endLegalBasis) {
    const document = entry.endDocumentNumber
      ? `${entry.endDocumentNumber}${entry.endDocumentDate ? ` ${t('entry.dateWord')} ${formatDate(entry.endDocumentDate)}` : ''}`
      : entry.endLegalBasis;
    items.push({ key: 'end', label: t('fields.endDocument'), children: document ?? '' });
  }
  if (entry.notes) items.push({ key: 'notes', label: t('fields.notes'), children: entry.notes });
  if (entry.sources) items.push({ key: 'sources', label: t('fields.sources'), children: entry.sources });

  if (items.length === 0) return <span>{t('entry.noDetails')}</span>;
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
