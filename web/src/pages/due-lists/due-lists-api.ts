import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DueListResponse,
  DueNotifyBody,
  dueNotifyResult,
} from '../../../../common/schemas/due-lists.ts';
import { api } from '../../api/client.ts';

export type { DueListResponse };
export type DueNotifyResult = z.infer<typeof dueNotifyResult>;

export function useDueLists(unitId: number, months: number) {
  return useQuery({
    enabled: Number.isInteger(unitId) && unitId > 0,
    queryKey: ['due-lists', unitId, months],
    queryFn: ({ signal }) => api.get<DueListResponse>(`/api/units/${unitId}/due-lists`, { months }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useDueNotify(unitId: number) {
  return useMutation({
    mutationFn: (body: DueNotifyBody) =>
      api.post<DueNotifyResult>(`/api/units/${unitId}/due-lists/notify`, body),
  });
}
