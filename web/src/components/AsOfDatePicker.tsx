import { DatePicker, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayIso } from '../../../common/dates.ts';
import { DATE_FORMAT, dayjsOfIso, formatDate, isoOfDayjs } from '../format/dates.ts';
import { isoDatePattern } from '../format/search-params.ts';

/** Reads and sets the "as of" date in the page's ?asOf= parameter. Absent means today, the server's default. */
export function useAsOfParam(): [string | undefined, (asOf: string | undefined) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = searchParams.get('asOf');
  const asOf = raw && isoDatePattern.test(raw) ? raw : undefined;
  const setAsOf = (next: string | undefined) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next) params.set('asOf', next);
        else params.delete('asOf');
        params.delete('page');
        return params;
      },
      { replace: true },
    );
  return [asOf, setAsOf];
}

/** Renders a labelled dd/mm/yyyy date picker for the "as of" date of a table or tree. */
export function AsOfDatePicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (asOf: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center">
      <Typography.Text>{t('date.asOf')}</Typography.Text>
      <DatePicker
        aria-label={t('date.asOf')}
        format={DATE_FORMAT}
        placeholder={formatDate(todayIso())}
        value={dayjsOfIso(value)}
        onChange={(date) => onChange(isoOfDayjs(date))}
      />
    </Flex>
  );
}
