import { useQuery } from '@tanstack/react-query';
import type { ProvinceDashboard, QualityStatistics } from '../../../../common/schemas/statistics.ts';
import { dimensionDefinitions } from '../../../../common/schemas/statistics-dimensions.ts';
import { api } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { PersonSummaryPage } from '../search/search-api.ts';

export type { ProvinceDashboard, QualityStatistics };

export interface StatisticsParams {
  unitId: number | undefined;
  asOf: string | undefined;
}

/** A drill-down: the counted unit and date, optionally one report row, and `dimension:bucket` pairs. */
export interface DrillDown extends StatisticsParams {
  buckets: string | undefined;
  rowUnitId: number | undefined;
}

export function useQualityStatistics(params: StatisticsParams) {
  return useQuery({
    queryKey: ['statistics-quality', params],
    queryFn: ({ signal }) => api.get<QualityStatistics>('/api/statistics/quality', { ...params }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useDashboard(params: StatisticsParams, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['statistics-dashboard', params],
    queryFn: ({ signal }) => api.get<ProvinceDashboard>('/api/statistics/dashboard', { ...params }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useDrillDown(filter: DrillDown, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['statistics-people', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<PersonSummaryPage>('/api/statistics/people', { ...filter, page, pageSize }, signal),
    placeholderData: (previous) => previous,
  });
}

/** Address of the list behind a number. */
export function drillDownLink(filter: Partial<DrillDown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `/statistics/people?${text}` : '/statistics/people';
}

/** Returns the label of a dimension in the user's language. */
export function dimensionLabel(dimensionId: string, serverLabel: string): string {
  if (currentLanguage() !== 'en') return serverLabel;
  return dimensionDefinitions.find((dimension) => dimension.id === dimensionId)?.label.en ?? serverLabel;
}

/** Returns the label of a bucket in the user's language. Codes found in the data keep the server's label. */
export function bucketLabel(dimensionId: string, bucketId: string, serverLabel: string): string {
  if (currentLanguage() !== 'en') return serverLabel;
  const dimension = dimensionDefinitions.find((item) => item.id === dimensionId);
  const bucket = dimension?.buckets.find((item) => item.id === bucketId) as
    | { label: { en: string } }
    | undefined;
  return bucket?.label.en ?? serverLabel;
}
