import type { MatrixResolver } from '../../test/matrix-resources.ts';

// Resolvers for the authorization matrix test: a fresh organisation mismatch request filed by the
// agency at the target, so that a request processed by one call leaves the next one unaffected.
// Requests belong to agencies, so neither the caller ('self') nor the province level has one.

export const requestMatrixResources: Record<string, MatrixResolver> = {
  request: async ({ db, world, target }) => {
    if (target !== 'ownAgency' && target !== 'otherAgency') return undefined;
    const agency = target === 'ownAgency' ? world.ownAgency : world.otherAgency;
    const requester = await db
      .selectFrom('accounts')
      .select('id')
      .where('home_unit_id', '=', agency.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const details = {
      changeType: 'other',
      unitIds: [],
      description: 'Bộ phận mới chưa có trong cây',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2025-03-01',
    };
    const row = await db
      .insertInto('requests')
      .values({
        kind: 'org_mismatch',
        agency_id: agency.id,
        requested_by: requester.id,
        summary: 'Khác: bộ phận mới chưa có trong cây',
        payload: JSON.stringify({ note: null, details }),
        result: null,
        reconciliation_id: null,
        resolution_note: null,
        resolved_by: null,
        resolved_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};
