import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import { dimensionDefinitions } from '../../../../common/schemas/statistics-dimensions.ts';
import { useAsOfParam } from '../../components/AsOfDatePicker.tsx';
import { formatDate } from '../../format/dates.ts';
import { positiveIntParam } from '../../format/search-params.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { ExportButton } from '../search/export/ExportButton.tsx';
import { PersonTable } from '../search/PersonTable.tsx';
import { bucketLabel, dimensionLabel, useDrillDown } from './statistics-api.ts';

const DEFAULT_PAGE_SIZE = 50;

function positiveOrUndefined(raw: string | null): number | undefined {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Describes a `dimension:bucket` filter in words, e.g. "Giới tính: Nữ". */
function describeBucket(pair: string): string {
  const [dimensionId = '', bucketId = ''] = pair.split(':');
  const dimension = dimensionDefinitions.find((item) => item.id === dimensionId);
  if (!dimension) return pair;
  const bucket = dimension.buckets.find((item) => item.id === bucketId) as
    | { label: { vi: string } }
    | undefined;
  return `${dimensionLabel(dimensionId, dimension.label.vi)}: ${bucketLabel(dimensionId, bucketId, bucket?.label.vi ?? bucketId)}`;
}

/**
 * Lists the people behind one number of the statistics: the same unit, date, report row and buckets
 * that produced the number, so the list's total equals it. Exports the list to Excel.
 */
export default function StatisticsPeoplePage() {
  const { t } = useTranslation('statistics');
  const [searchParams, setSearchParams] = useSearchParams();
  const [asOf] = useAsOfParam();
  const unitId = positiveOrUndefined(searchParams.get('unitId'));
  const rowUnitId = positiveOrUndefined(searchParams.get('rowUnitId'));
  const buckets = searchParams.get('buckets') || undefined;
  const page = positiveIntParam(searchParams.get('page'), 1);
  const pageSize = positiveIntParam(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE, limits.pageSizeMax);
  const filter = { unitId, asOf, buckets, rowUnitId };
  const people = useDrillDown(filter, page, pageSize);

  const back = new URLSearchParams();
  if (unitId) back.set('unitId', String(unitId));
  if (asOf) back.set('asOf', asOf);

  return (
    <Card
      title={
        <Flex vertical gap={4}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('people.title')}
          </Typography.Title>
          <Flex gap={4} wrap>
            {(buckets ?? '')
              .split(',')
              .filter(Boolean)
              .map((pair) => (
                <Tag key={pair}>{describeBucket(pair)}</Tag>
              ))}
            {asOf ? <Tag>{t('people.asOf', { date: formatDate(asOf) })}</Tag> : null}
          </Flex>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Link to={`/statistics?${back.toString()}`}>{t('people.back')}</Link>
          <ExportButton path="/api/statistics/people/export" body={filter} />
        </Flex>
      }
    >
      {people.isError ? (
        <LoadErrorResult error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <PersonTable
          data={people.data}
          loading={people.isFetching}
          page={page}
          pageSize={pageSize}
          emptyText={t('people.empty')}
          onPageChange={(nextPage, nextPageSize) =>
            setSearchParams((previous) => {
              const params = new URLSearchParams(previous);
              params.set('page', String(nextPageSize === pageSize ? nextPage : 1));
              params.set('pageSize', String(nextPageSize));
              return params;
            })
          }
        />
      )}
    </Card>
  );
}
