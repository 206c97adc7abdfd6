import type { MatrixResolver } from '../../test/matrix-resources.ts';

// Resolvers for the authorization matrix test. Catalog names and entries are the same for every
// caller, so each target gets the same kind of resource. Entries and requests are created fresh
// because a request that changes one must leave the next request unaffected.

let serial = 0;

export const catalogMatrixResources: Record<string, MatrixResolver> = {
  catalog_name: async () => 'grades',
  catalog_entry: async ({ db }) => {
    serial += 1;
    const row = await db
      .insertInto('catalog_entries')
      .values({
        catalog: 'grades',
        code: `99.${String(900 + serial)}`,
        name: `Ngạch ma trận ${serial}`,
        valid_from: null,
        valid_to: null,
        legal_basis: 'Dữ liệu kiểm thử',
        legal_document_number: null,
        legal_document_date: null,
        confidence: null,
        sources: null,
        notes: null,
        attributes: JSON.stringify({
          salaryTable: 'bang_2_cong_chuc',
          salaryGroup: 'A1',
          stepCount: 9,
          firstCoefficient: 2.34,
          lastCoefficient: 4.98,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  catalog_request: async ({ db, world, actor }) => {
    const row = await db
      .insertInto('catalog_requests')
      .values({
        catalog: 'grades',
        field: 'Ngạch công chức',
        proposed_code: null,
        proposed_value: 'Ngạch ma trận',
        legal_document_number: '01/2026/TT-BNV',
        legal_document_date: '2026-01-15',
        note: null,
        unit_id: world.ownAgency.id,
        requested_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};
