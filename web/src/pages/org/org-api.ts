import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AgencyTable, peoplePage, UnitTreeNode, unitWithPath } from '../../../../common/schemas/org.ts';
import { api } from '../../api/client.ts';

export type UnitWithPath = z.infer<typeof unitWithPath>;
export type PeoplePage = z.infer<typeof peoplePage>;
export type { AgencyTable, UnitTreeNode };

/** Kinds of unit whose table lists people by division; the others list their child units. */
export const EMPLOYING_KINDS = new Set(['agency', 'holding_group']);

function isUnitId(unitId: number): boolean {
  return Number.isInteger(unitId) && unitId > 0;
}

export function useUnit(unitId: number) {
  return useQuery({
    enabled: isUnitId(unitId),
    queryKey: ['unit', unitId],
    queryFn: ({ signal }) => api.get<UnitWithPath>(`/api/units/${unitId}`, undefined, signal),
  });
}

export function useAgencyTable(unitId: number, asOf: string | undefined) {
  return useQuery({
    enabled: isUnitId(unitId),
    queryKey: ['agency-table', unitId, asOf ?? null],
    queryFn: ({ signal }) => api.get<AgencyTable>(`/api/units/${unitId}/agency-table`, { asOf }, signal),
  });
}

export function useUnitPeople(
  unitId: number,
  options: { direct: boolean; page: number; pageSize: number; asOf: string | undefined },
) {
  return useQuery({
    enabled: isUnitId(unitId),
    queryKey: ['unit-people', unitId, options],
    queryFn: ({ signal }) =>
      api.get<PeoplePage>(
        `/api/units/${unitId}/people`,
        {
          direct: options.direct ? 'true' : undefined,
          page: options.page,
          pageSize: options.pageSize,
          asOf: options.asOf,
        },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

export function useUnitTree(asOf: string | undefined) {
  return useQuery({
    queryKey: ['unit-tree', asOf ?? null],
    queryFn: ({ signal }) => api.get<UnitTreeNode[]>('/api/units/tree', { asOf }, signal),
  });
}

/** Where a unit opens: an agency or grouping unit its table, a division its list of people. */
export function unitLink(unit: { id: number; kind: string }, asOf?: string): string {
  const suffix = asOf ? `asOf=${asOf}` : '';
  if (unit.kind === 'division') return `/units/${unit.id}/people?direct=true${suffix ? `&${suffix}` : ''}`;
  return `/units/${unit.id}/table${suffix ? `?${suffix}` : ''}`;
}
