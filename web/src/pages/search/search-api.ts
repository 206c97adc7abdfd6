import { useQuery } from '@tanstack/react-query';
import type { PersonSummary, PersonSummaryPage } from '../../../../common/schemas/search.ts';
import { api } from '../../api/client.ts';

export type { PersonSummary, PersonSummaryPage };

export interface SearchParams {
  q: string;
  unitId: number | undefined;
  rankCode: string | undefined;
  page: number;
  pageSize: number;
}

export function useSearchPeople(params: SearchParams) {
  return useQuery({
    queryKey: ['search-people', params],
    queryFn: ({ signal }) =>
      api.get<PersonSummaryPage>(
        '/api/search/people',
        {
          q: params.q,
          unitId: params.unitId,
          rankCode: params.rankCode,
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}
