import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DissolveBody,
  eventsPage,
  MergeBody,
  moveMembersResponse,
  pendingUnitsResponse,
  ReorganisationResult,
  SplitBody,
} from '../../../../common/schemas/reorganisation.ts';
import { api } from '../../api/client.ts';

export type EventsPage = z.infer<typeof eventsPage>;
export type PendingUnits = z.infer<typeof pendingUnitsResponse>;
export type MoveMembersResult = z.infer<typeof moveMembersResponse>;

/** Refreshes everything a tree change affects: the tree, tables, pickers and this module's lists. */
function useRefreshTree() {
  const client = useQueryClient();
  return () => {
    for (const key of [
      'unit-tree',
      'agency-table',
      'unit-options',
      'reorganisation-events',
      'pending-units',
      'unit',
      'requests',
      'request',
    ]) {
      void client.invalidateQueries({ queryKey: [key] });
    }
  };
}

export function useMerge() {
  const refresh = useRefreshTree();
  return useMutation({
    mutationFn: (body: MergeBody) => api.post<ReorganisationResult>('/api/reorganisation/merge', body),
    onSuccess: refresh,
  });
}

export function useSplit() {
  const refresh = useRefreshTree();
  return useMutation({
    mutationFn: (body: SplitBody) => api.post<ReorganisationResult>('/api/reorganisation/split', body),
    onSuccess: refresh,
  });
}

export function useDissolve() {
  const refresh = useRefreshTree();
  return useMutation({
    mutationFn: (body: DissolveBody) => api.post<ReorganisationResult>('/api/reorganisation/dissolve', body),
    onSuccess: refresh,
  });
}

export function useMoveMembers() {
  const refresh = useRefreshTree();
  return useMutation({
    mutationFn: (fromUnitId: number) =>
      api.post<MoveMembersResult>('/api/reorganisation/move-members', { fromUnitId }),
    onSuccess: refresh,
  });
}

/** Creates, renames or moves a unit through the org module's own routes. */
export function useUnitChange() {
  const refresh = useRefreshTree();
  return useMutation({
    mutationFn: (change: { method: 'POST' | 'PATCH'; path: string; body: unknown }) =>
      change.method === 'POST'
        ? api.post<{ code: string }>(change.path, change.body)
        : api.patch<{ code: string }>(change.path, change.body),
    onSuccess: refresh,
  });
}

export function useEvents(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['reorganisation-events', page, pageSize],
    queryFn: ({ signal }) => api.get<EventsPage>('/api/reorganisation/events', { page, pageSize }, signal),
    placeholderData: (previous) => previous,
  });
}

export function usePendingUnits() {
  return useQuery({
    queryKey: ['pending-units'],
    queryFn: ({ signal }) => api.get<PendingUnits>('/api/reorganisation/pending-units', undefined, signal),
  });
}
