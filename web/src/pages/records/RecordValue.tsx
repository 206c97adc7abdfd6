import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useAllUnitOptions, useCatalogEntry, useUnitSuccessors } from './record-api.ts';
import { type FieldSpec, fieldSpecByPath } from './record-layout.ts';

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function formatNumber(value: number, fractionDigits: number): string {
  return value.toLocaleString(currentLanguage() === 'en' ? 'en-US' : 'vi-VN', {
    maximumFractionDigits: fractionDigits,
  });
}

/** Formats a YYYY-MM month as mm/yyyy. */
export function formatMonth(value: string): string {
  return /^\d{4}-\d{2}$/.test(value) ? `${value.slice(5)}/${value.slice(0, 4)}` : value;
}

function CatalogName({ catalog, code }: { catalog: NonNullable<FieldSpec['catalog']>; code: string }) {
  const entry = useCatalogEntry(catalog, code);
  if (!entry.data) return <>{code}</>;
  return (
    <>
      {entry.data.name} <Typography.Text type="secondary">({code})</Typography.Text>
    </>
  );
}

/** Names a grade or a professional title. The code alone does not tell the catalog, so both are searched. */
function RankName({ code }: { code: string }) {
  const grade = useCatalogEntry('grades', code);
  const title = useCatalogEntry('professional_titles', code);
  const entry = grade.data ?? title.data;
  if (!entry) return <>{code}</>;
  return (
    <>
      {entry.name} <Typography.Text type="secondary">({code})</Typography.Text>
    </>
  );
}

function UnitName({ unitId }: { unitId: number }) {
  const { t } = useTranslation('declarations');
  const units = useAllUnitOptions();
  const active = units.data?.find((option) => option.id === unitId);
  // Ended units and holding groups are not among the options; the successors endpoint names any unit.
  const other = useUnitSuccessors(unitId, units.isSuccess && !active);
  const unit = active ?? other.data?.unit;
  if (!unit) return <>{units.isPending || other.isFetching ? '…' : t('value.unknownUnit', { id: unitId })}</>;
  return (
    <>
      {unit.name} <Typography.Text type="secondary">({unit.code})</Typography.Text>
    </>
  );
}

/**
 * Renders one record value the way a reader expects it: dates as dd/mm/yyyy, months as mm/yyyy,
 * catalog codes with their name, units by name, choices by their label. `path` is the field's
 * full path ('identity.gender', 'family.ownSide.fullName').
 */
export function RecordValue({ path, value }: { path: string; value: unknown }) {
  const { t } = useTranslation('declarations');
  if (isBlank(value)) return <Typography.Text type="secondary">—</Typography.Text>;

  const spec = fieldSpecByPath.get(path);
  const kind = spec?.kind ?? 'text';
  if (kind === 'date' && typeof value === 'string') return <>{formatDate(value)}</>;
  if (kind === 'month' && typeof value === 'string') return <>{formatMonth(value)}</>;
  if (kind === 'enum' && spec?.enumSet)
    return <>{t(`enums.${spec.enumSet}.${String(value)}`, { defaultValue: String(value) })}</>;
  if ((kind === 'catalog' || kind === 'commune') && spec?.catalog)
    return <CatalogName catalog={spec.catalog} code={String(value)} />;
  if (kind === 'rank') return <RankName code={String(value)} />;
  if ((kind === 'agency' || kind === 'division') && typeof value === 'number')
    return <UnitName unitId={value} />;
  if (kind === 'decimal' && typeof value === 'number') return <>{formatNumber(value, 2)}</>;
  if (kind === 'integer' && typeof value === 'number')
    return <>{value >= 10_000 ? formatNumber(value, 0) : String(value)}</>;
  if (Array.isArray(value)) return <>{value.join('; ')}</>;
  if (typeof value === 'object') return <>{JSON.stringify(value)}</>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
}
