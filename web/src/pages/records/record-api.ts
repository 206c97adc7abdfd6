import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CatalogEntry, CatalogName } from '../../../../common/schemas/catalogs.ts';
import type { recordView, versionSummary, versionView } from '../../../../common/schemas/declarations.ts';
import type { unitOption } from '../../../../common/schemas/org.ts';
import type { placement, successorsResponse } from '../../../../common/schemas/reorganisation.ts';
import { api } from '../../api/client.ts';

export type RecordView = z.infer<typeof recordView>;
export type VersionSummary = z.infer<typeof versionSummary>;
export type VersionView = z.infer<typeof versionView>;
export type UnitOption = z.infer<typeof unitOption>;
export type Placement = z.infer<typeof placement>;
export type Successors = z.infer<typeof successorsResponse>;

// Reference data changes rarely; one load per session is enough.
const REFERENCE_STALE_MS = 30 * 60_000;

/** Returns the API prefix of a person's record: their own (/api/me) or a member's (/api/people/:id). */
export function recordBase(personId: number | undefined): string {
  return personId === undefined ? '/api/me/record' : `/api/people/${personId}/record`;
}

export function useRecord(personId: number | undefined) {
  return useQuery({
    queryKey: ['record', personId ?? 'me'],
    queryFn: ({ signal }) => api.get<RecordView>(recordBase(personId), undefined, signal),
  });
}

export function useRecordVersions(personId: number | undefined) {
  return useQuery({
    queryKey: ['record-versions', personId ?? 'me'],
    queryFn: ({ signal }) => api.get<VersionSummary[]>(`${recordBase(personId)}/versions`, undefined, signal),
  });
}

export function useRecordVersion(personId: number | undefined, versionNo: number) {
  return useQuery({
    enabled: Number.isInteger(versionNo) && versionNo > 0,
    queryKey: ['record-version', personId ?? 'me', versionNo],
    queryFn: ({ signal }) =>
      api.get<VersionView>(`${recordBase(personId)}/versions/${versionNo}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Catalog entries matching a search (accent-insensitive on the name, a prefix on the code). */
export function useCatalogSearch(catalog: CatalogName, search: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['catalog-search', catalog, search],
    queryFn: ({ signal }) =>
      api.get<CatalogEntry[]>(`/api/catalogs/${catalog}`, { q: search || undefined, limit: 50 }, signal),
    staleTime: REFERENCE_STALE_MS,
    placeholderData: (previous) => previous,
  });
}

/**
 * Loads the entry of one code, ended entries included, so that a value recorded years ago still shows
 * its name. The code search is a prefix match, so the exact code is picked from the results.
 */
export function useCatalogEntry(catalog: CatalogName | undefined, code: string | null | undefined) {
  return useQuery({
    enabled: Boolean(catalog && code),
    queryKey: ['catalog-code', catalog, code],
    queryFn: async ({ signal }) => {
      const entries = await api.get<CatalogEntry[]>(
        `/api/catalogs/${catalog}`,
        { q: code, includeEnded: 'true', limit: 200 },
        signal,
      );
      return entries.filter((entry) => entry.code === code).at(-1) ?? null;
    },
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Loads every entry of a small catalog (salary coefficients, say), loaded once. */
export function useWholeCatalog(catalog: CatalogName, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['catalog-all', catalog],
    queryFn: ({ signal }) => api.get<CatalogEntry[]>(`/api/catalogs/${catalog}`, undefined, signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Loads the active agencies, holding groups, or divisions of one agency, for the pickers. */
export function useUnitOptions(
  filter: { kind: 'agency' | 'holding_group' } | { kind: 'division'; parentId: number | null | undefined },
) {
  const parentId = filter.kind === 'division' ? filter.parentId : undefined;
  return useQuery({
    enabled: filter.kind !== 'division' || Boolean(parentId),
    queryKey: ['unit-options', filter.kind, parentId ?? null],
    queryFn: ({ signal }) =>
      api.get<UnitOption[]>('/api/units/options', { kind: filter.kind, parentId }, signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Loads every active agency and division, to name the units a record or a comparison refers to. */
export function useAllUnitOptions() {
  return useQuery({
    queryKey: ['unit-options', 'all'],
    queryFn: ({ signal }) => api.get<UnitOption[]>('/api/units/options', undefined, signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Loads the successors of an ended unit (after a merger or split), or none. */
export function useUnitSuccessors(unitId: number | null | undefined, enabled: boolean) {
  return useQuery({
    enabled: enabled && Boolean(unitId),
    queryKey: ['unit-successors', unitId],
    queryFn: ({ signal }) =>
      api.get<Successors>(`/api/reorganisation/units/${unitId}/successors`, undefined, signal),
    staleTime: REFERENCE_STALE_MS,
  });
}
