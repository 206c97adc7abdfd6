import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Declaration,
  myDeclarationResponse,
  needsFixingItem,
  progressPerson,
  progressStatuses,
  progressTable,
} from '../../../../common/schemas/declarations.ts';
import type { RecordDataInput } from '../../../../common/schemas/record.ts';
import { api } from '../../api/client.ts';

export type { Declaration };
export type MyDeclaration = z.infer<typeof myDeclarationResponse>;
export type ProgressTable = z.infer<typeof progressTable>;
export type ProgressPerson = z.infer<typeof progressPerson>;
export type ProgressStatus = (typeof progressStatuses)[number];
export type NeedsFixingItem = z.infer<typeof needsFixingItem>;

/** Returns the API prefix of a declaration: the person's own, or a member's kept by a unit admin. */
export function declarationBase(personId: number | undefined): string {
  return personId === undefined ? '/api/me/declaration' : `/api/people/${personId}/declaration`;
}

export function declarationQueryKey(personId: number | undefined) {
  return ['declaration', personId ?? 'me'] as const;
}

export function useMyDeclaration(personId: number | undefined) {
  return useQuery({
    queryKey: declarationQueryKey(personId),
    queryFn: ({ signal }) => api.get<MyDeclaration>(declarationBase(personId), undefined, signal),
    // An autosaving editor must not be reset by a background refetch.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const declarationCalls = {
  start: (personId: number | undefined) => api.post<Declaration>(declarationBase(personId)),
  save: (
    personId: number | undefined,
    body: { declarationId: number; rowVersion: number; data: RecordDataInput },
  ) => api.put<Declaration>(declarationBase(personId), body),
  submit: (personId: number | undefined, body: { declarationId: number; rowVersion: number }) =>
    api.post<Declaration>(`${declarationBase(personId)}/submit`, body),
  discard: (personId: number | undefined, body: { declarationId: number; rowVersion: number }) =>
    api.post<Declaration>(`${declarationBase(personId)}/discard`, body),
};

export function useDeclarationProgress(unitId: number) {
  return useQuery({
    enabled: Number.isInteger(unitId) && unitId > 0,
    queryKey: ['declaration-progress', unitId],
    queryFn: ({ signal }) =>
      api.get<ProgressTable>(`/api/units/${unitId}/declaration-progress`, undefined, signal),
  });
}

/**
 * Loads the people behind one number of the progress table. `divisionId` null means the people attached
 * to the agency itself; absent means the whole unit (the totals row).
 */
export function useProgressPeople(
  unitId: number,
  filter: { status: ProgressStatus; divisionId?: number | null } | null,
) {
  return useQuery({
    enabled: filter !== null,
    queryKey: ['declaration-progress-people', unitId, filter],
    queryFn: ({ signal }) =>
      api.get<ProgressPerson[]>(
        `/api/units/${unitId}/declaration-progress/people`,
        {
          status: filter?.status,
          divisionId: filter?.divisionId ?? undefined,
          direct: filter?.divisionId === null ? 'true' : undefined,
        },
        signal,
      ),
  });
}

export function useNeedsFixing(unitId: number) {
  return useQuery({
    enabled: Number.isInteger(unitId) && unitId > 0,
    queryKey: ['needs-fixing', unitId],
    queryFn: ({ signal }) =>
      api.get<NeedsFixingItem[]>(`/api/units/${unitId}/needs-fixing`, undefined, signal),
  });
}

export const reminderCalls = {
  person: (personId: number, message?: string) =>
    api.post<{ sent: number }>(`/api/people/${personId}/reminders`, message ? { message } : {}),
  unit: (unitId: number, body: { status: 'never_declared' | 'draft' | 'returned'; divisionId?: number }) =>
    api.post<{ sent: number }>(`/api/units/${unitId}/reminders`, body),
};
