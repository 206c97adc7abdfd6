import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummaryPage } from '../../../../common/schemas/search.ts';
import { api } from '../../api/client.ts';
import { formatDate } from '../../format/dates.ts';

const MIN_QUERY_LENGTH = 2;
const DEBOUNCE_MS = 300;
const RESULT_COUNT = 20;

export interface PersonSelectProps {
  value?: number | null;
  onChange?: (personId: number | null) => void;
  /** Label of the person already linked, shown before any search. */
  currentLabel?: string | null;
  id?: string;
}

/**
 * Picks a personnel record by name, employee code or ID number, searched on the server as the
 * user types (tone marks optional). Works as an antd form control; clearing it gives null.
 */
export function PersonSelect({ value, onChange, currentLabel, id }: PersonSelectProps) {
  const { t } = useTranslation('accounts');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(typed.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const people = useQuery({
    enabled: query.length >= MIN_QUERY_LENGTH,
    queryKey: ['person-picker', query],
    queryFn: ({ signal }) =>
      api.get<PersonSummaryPage>('/api/search/people', { q: query, page: 1, pageSize: RESULT_COUNT }, signal),
  });

  const options = (people.data?.items ?? []).map((person) => ({
    value: person.id,
    label: [person.fullName, formatDate(person.birthDate), person.agencyName].filter(Boolean).join(' — '),
  }));
  if (value && currentLabel && !options.some((option) => option.value === value))
    options.unshift({ value, label: currentLabel });

  let notFound: string = t('person.typeMore', { count: MIN_QUERY_LENGTH });
  if (query.length >= MIN_QUERY_LENGTH) notFound = people.isFetching ? t('common:loading') : t('person.none');

  return (
    <Select<number | undefined>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      allowClear
      placeholder={t('person.placeholder')}
      value={value ?? undefined}
      options={options}
      loading={people.isFetching}
      notFoundContent={notFound}
      onChange={(next) => onChange?.(next ?? null)}
    />
  );
}
