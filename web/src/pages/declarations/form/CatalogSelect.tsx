import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry, CatalogName } from '../../../../../common/schemas/catalogs.ts';
import { useCatalogEntry, useCatalogSearch } from '../../records/record-api.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';

export interface CatalogSelectProps {
  catalog: CatalogName;
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** Called with the chosen entry (or null when cleared), to fill fields that follow from it. */
  onPick?: (entry: CatalogEntry | null) => void;
  /** Narrows the offered entries, e.g. communes to the chosen province. */
  filter?: (entry: CatalogEntry) => boolean;
  disabled?: boolean;
  'aria-label'?: string;
}

/**
 * Picks a code from a catalog. Typing searches on the server, without accents ("dan toc kinh"
 * finds "Kinh") and by code prefix; entries load only once the list is opened. A code that is
 * no longer in force still shows its name.
 */
export function CatalogSelect({
  catalog,
  id,
  value,
  onChange,
  onPick,
  filter,
  disabled,
  'aria-label': ariaLabel,
}: CatalogSelectProps) {
  const { t } = useTranslation('declarations');
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const results = useCatalogSearch(catalog, query, open);
  const current = useCatalogEntry(catalog, value);

  const entries = (results.data ?? []).filter((entry) => !filter || filter(entry));
  const byCode = new Map(entries.map((entry) => [entry.code, entry]));
  if (value && !byCode.has(value) && current.data) byCode.set(value, current.data);
  const options = [...byCode.values()].map((entry) => ({
    value: entry.code,
    label: entry.name,
    entry,
  }));
  if (value && !byCode.has(value))
    options.unshift({ value, label: value, entry: undefined as unknown as CatalogEntry });

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value ?? null}
      allowClear
      disabled={disabled}
      placeholder={t('form.catalogPlaceholder')}
      loading={results.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch('');
      }}
      notFoundContent={results.isFetching ? t('form.searching') : t('form.noMatch')}
      options={options}
      optionRender={(option) => (
        <span>
          {option.label} <Typography.Text type="secondary">({option.value})</Typography.Text>
        </span>
      )}
      onChange={(code: string | undefined) => {
        onChange?.(code ?? null);
        onPick?.(code ? (byCode.get(code) ?? null) : null);
      }}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
