import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  CatalogEntry,
  CatalogName,
  CatalogRequest,
  CatalogRequestStatus,
  CreateCatalogEntryBody,
  CreateCatalogRequestBody,
  EndCatalogEntryBody,
  UpdateCatalogEntryBody,
  UpdateCatalogRequestBody,
} from '../../../../common/schemas/catalogs.ts';
import { api } from '../../api/client.ts';

export type { CatalogEntry, CatalogName, CatalogRequest, CatalogRequestStatus, CreateCatalogRequestBody };

export interface CatalogSummary {
  catalog: CatalogName;
  label: string;
  labelEn: string;
  entryCount: number;
}

export interface EntryFilter {
  q: string;
  /** The day on which entries must be in force; absent means today, the server's default. */
  onDate: string | undefined;
  includeEnded: boolean;
}

export function useCatalogSummaries() {
  return useQuery({
    queryKey: ['catalogs'],
    queryFn: ({ signal }) => api.get<CatalogSummary[]>('/api/catalogs', undefined, signal),
  });
}

export function useCatalogEntries(catalog: CatalogName, filter: EntryFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['catalog-entries', catalog, filter],
    queryFn: ({ signal }) =>
      api.get<CatalogEntry[]>(
        `/api/catalogs/${catalog}`,
        { q: filter.q, onDate: filter.onDate, includeEnded: filter.includeEnded ? 'true' : undefined },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

export const catalogActions = {
  create: (catalog: CatalogName, body: CreateCatalogEntryBody) =>
    api.post<CatalogEntry>(`/api/catalogs/${catalog}`, body),
  update: (catalog: CatalogName, id: number, body: UpdateCatalogEntryBody) =>
    api.patch<CatalogEntry>(`/api/catalogs/${catalog}/${id}`, body),
  end: (catalog: CatalogName, id: number, body: EndCatalogEntryBody) =>
    api.post<CatalogEntry>(`/api/catalogs/${catalog}/${id}/end`, body),
  createRequest: (body: CreateCatalogRequestBody) => api.post<CatalogRequest>('/api/catalog-requests', body),
  updateRequest: (id: number, body: UpdateCatalogRequestBody) =>
    api.patch<CatalogRequest>(`/api/catalog-requests/${id}`, body),
};

/** Returns a function that reloads a catalog's entries and the entry counts after a change. */
export function useCatalogChanged(): (catalog: CatalogName) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (catalog: CatalogName) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['catalog-entries', catalog] }),
        client.invalidateQueries({ queryKey: ['catalogs'] }),
      ]);
    },
    [client],
  );
}

export function useCatalogRequests(status: CatalogRequestStatus | undefined) {
  return useQuery({
    queryKey: ['catalog-requests', status ?? null],
    queryFn: ({ signal }) => api.get<CatalogRequest[]>('/api/catalog-requests', { status }, signal),
  });
}

export function useCatalogRequestsChanged(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: ['catalog-requests'] }), [client]);
}
