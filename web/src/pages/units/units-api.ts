import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CreateUnitBody, MoveUnitBody, RenameUnitBody, Unit } from '../../../../common/schemas/org.ts';
import { api } from '../../api/client.ts';

export type { CreateUnitBody, MoveUnitBody, RenameUnitBody, Unit };

export function createUnit(body: CreateUnitBody): Promise<Unit> {
  return api.post<Unit>('/api/units', body);
}

export function renameUnit(unitId: number, body: RenameUnitBody): Promise<Unit> {
  return api.patch<Unit>(`/api/units/${unitId}`, body);
}

export function moveUnit(unitId: number, body: MoveUnitBody): Promise<Unit> {
  return api.post<Unit>(`/api/units/${unitId}/move`, body);
}

/** Returns a function that drops every cached view of the tree after a unit changed. */
export function useRefreshUnits(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['unit-tree'] }),
      client.invalidateQueries({ queryKey: ['unit'] }),
      client.invalidateQueries({ queryKey: ['agency-table'] }),
    ]);
  }, [client]);
}
