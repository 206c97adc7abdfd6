import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { unitLabel } from './form-fields.tsx';
import { useUnitOptions } from './requests-api.ts';

/**
 * The agencies the signed-in admin files requests for: those of the unit admin grants, or every
 * active agency for the province admin.
 */
export function useFilingAgencies(): {
  agencies: Array<{ id: number; label: string }>;
  loading: boolean;
  isProvinceAdmin: boolean;
} {
  const session = useSignedInSession();
  const isProvinceAdmin = holdsRole(session, 'province_admin');
  const allAgencies = useUnitOptions('agency');
  if (isProvinceAdmin) {
    return {
      agencies: (allAgencies.data ?? []).map((unit) => ({ id: unit.id, label: unitLabel(unit) })),
      loading: allAgencies.isPending,
      isProvinceAdmin,
    };
  }
  const seen = new Set<number>();
  const agencies = [];
  for (const grant of session.grants) {
    if (grant.role !== 'unit_admin' || seen.has(grant.unitId)) continue;
    seen.add(grant.unitId);
    agencies.push({ id: grant.unitId, label: unitLabel({ code: grant.unitCode, name: grant.unitName }) });
  }
  return { agencies, loading: false, isProvinceAdmin };
}
