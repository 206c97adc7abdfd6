import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateRequestBody,
  createdAccount,
  holdingGroup,
  notificationsResponse,
  ProcessBody,
  RecruitmentPreview,
  RequestDto,
  reconciliationOverview,
  reconciliationSchema,
  requestsPage,
  requestWithHistory,
} from '../../../../common/schemas/requests.ts';
import { api } from '../../api/client.ts';

export type RequestsPage = z.infer<typeof requestsPage>;
export type RequestWithHistory = z.infer<typeof requestWithHistory>;
export type CreatedAccount = z.infer<typeof createdAccount>;
export type HoldingGroup = z.infer<typeof holdingGroup>;
export type Reconciliation = z.infer<typeof reconciliationSchema>;
export type ReconciliationOverview = z.infer<typeof reconciliationOverview>;
export type NotificationsResponse = z.infer<typeof notificationsResponse>;
export type { CreateRequestBody, RecruitmentPreview, RequestDto };

/** Tag colour of each request status. */
export const STATUS_COLORS: Record<string, string> = {
  new: 'blue',
  in_progress: 'gold',
  done: 'green',
  rejected: 'red',
};

/** An active unit as the pickers list it. */
export interface UnitOption {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
}

export interface PersonOption {
  id: number;
  fullName: string;
  divisionName: string | null;
}

export interface AccountOption {
  id: number;
  email: string;
  displayName: string;
  disabled: boolean;
}

export interface RequestFilter {
  status?: string | undefined;
  kind?: string | undefined;
  agencyId?: number | undefined;
  page: number;
  pageSize: number;
}

export function useRequests(filter: RequestFilter) {
  return useQuery({
    queryKey: ['requests', filter],
    queryFn: ({ signal }) => api.get<RequestsPage>('/api/requests', { ...filter }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useRequest(requestId: number) {
  return useQuery({
    enabled: Number.isInteger(requestId) && requestId > 0,
    queryKey: ['request', requestId],
    queryFn: ({ signal }) => api.get<RequestWithHistory>(`/api/requests/${requestId}`, undefined, signal),
  });
}

/** Invalidates the queue and one request after a change, so both show the new state. */
function useRefresh() {
  const client = useQueryClient();
  return (requestId?: number) => {
    void client.invalidateQueries({ queryKey: ['requests'] });
    void client.invalidateQueries({ queryKey: ['notifications'] });
    if (requestId !== undefined) void client.invalidateQueries({ queryKey: ['request', requestId] });
  };
}

export function useCreateRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateRequestBody) => api.post<RequestDto>('/api/requests', body),
    onSuccess: () => refresh(),
  });
}

export function useComment(requestId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (text: string) =>
      api.post<RequestWithHistory>(`/api/requests/${requestId}/comments`, { text }),
    onSuccess: () => refresh(requestId),
  });
}

export function useSetStatus(requestId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { status: 'in_progress' | 'rejected'; rowVersion: number; comment?: string }) =>
      api.post<RequestWithHistory>(`/api/requests/${requestId}/status`, body),
    onSuccess: () => refresh(requestId),
  });
}

export function useProcess(requestId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProcessBody) =>
      api.post<{ request: RequestDto; createdAccounts: CreatedAccount[] }>(
        `/api/requests/${requestId}/process`,
        body,
      ),
    onSuccess: () => refresh(requestId),
  });
}

export function previewRecruits(body: {
  agencyId: number;
  fileBase64?: string;
  recruits?: Array<{ fullName: string; email: string; divisionCode?: string }>;
}) {
  return api.post<RecruitmentPreview>('/api/requests/recruitment-preview', body);
}

/** Active units to pick from; divisions only once the agency whose divisions they are is known. */
export function useUnitOptions(kind: 'agency' | 'division' | undefined, parentId?: number) {
  return useQuery({
    enabled: kind !== 'division' || parentId !== undefined,
    queryKey: ['unit-options', kind ?? 'all', parentId ?? null],
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<UnitOption[]>('/api/units/options', { kind, parentId }, signal),
  });
}

/** People of an agency today (at most 500), for the reduction picker. */
export function useAgencyPeople(agencyId: number | undefined) {
  return useQuery({
    enabled: agencyId !== undefined,
    queryKey: ['agency-people-options', agencyId],
    queryFn: async ({ signal }) => {
      const page = await api.get<{ items: PersonOption[] }>(
        `/api/units/${agencyId}/people`,
        { pageSize: 500 },
        signal,
      );
      return page.items;
    },
  });
}

/** Enabled accounts whose home unit lies in the agency, for naming a replacement approver. */
export function useAgencyAccounts(agencyId: number | undefined) {
  return useQuery({
    enabled: agencyId !== undefined,
    queryKey: ['agency-accounts', agencyId],
    queryFn: async ({ signal }) => {
      const page = await api.get<{ items: AccountOption[] }>(
        '/api/accounts',
        { unitId: agencyId, pageSize: 500 },
        signal,
      );
      return page.items.filter((account) => !account.disabled);
    },
  });
}

export function useHoldingGroups() {
  return useQuery({
    queryKey: ['holding-groups'],
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<HoldingGroup[]>('/api/holding-groups', undefined, signal),
  });
}

export function useReconciliations(agencyId: number | undefined) {
  return useQuery({
    enabled: agencyId !== undefined,
    queryKey: ['reconciliations', agencyId],
    queryFn: ({ signal }) => api.get<Reconciliation[]>('/api/reconciliations', { agencyId }, signal),
  });
}

export function useReconciliationOverview(since: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['reconciliation-overview', since],
    queryFn: ({ signal }) =>
      api.get<ReconciliationOverview>('/api/reconciliations/overview', { since }, signal),
  });
}

export function useRecordReconciliation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      agencyId: number;
      checkedOn: string;
      matches: boolean;
      note?: string;
      requests?: unknown[];
    }) => api.post<Reconciliation>('/api/reconciliations', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['reconciliations'] });
      void client.invalidateQueries({ queryKey: ['reconciliation-overview'] });
      void client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<NotificationsResponse>('/api/notifications', { limit: 100 }, signal),
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) =>
      api.post<{ marked: number }>('/api/notifications/read', ids ? { ids } : {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
