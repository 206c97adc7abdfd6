import type { MatrixResolver } from '../../test/matrix-resources.ts';

// Resolver for the authorization matrix test: a fresh import job of the agency at the target,
// holding a two-column file, so that a check or run by one call leaves the next one unaffected.
// Imports belong to agencies, so neither the caller ('self') nor the province level has one.

export const importMatrixResources: Record<string, MatrixResolver> = {
  import: async ({ db, world, target }) => {
    if (target !== 'ownAgency' && target !== 'otherAgency') return undefined;
    const agency = target === 'ownAgency' ? world.ownAgency : world.otherAgency;
    const creator = await db
      .selectFrom('accounts')
      .select('id')
      .where('home_unit_id', '=', agency.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const columns = [
      { index: 1, letter: 'A', header: 'Số định danh cá nhân' },
      { index: 2, letter: 'B', header: 'Họ và tên' },
    ];
    const row = await db
      .insertInto('import_jobs')
      .values({
        agency_id: agency.id,
        default_division_id: null,
        created_by: creator.id,
        file_name: 'ma-tran.xlsx',
        file_sha256: '0'.repeat(64),
        file_data: Buffer.from('not an xlsx file'),
        sheet_name: 'Hồ sơ',
        header_row: 1,
        file_columns: JSON.stringify(columns),
        mapping: JSON.stringify({ personalIdNumber: 1, fullName: 2 }),
        date_formats: JSON.stringify({}),
        phase: 'uploaded',
        checked_settings: null,
        counts: JSON.stringify({ create: 0, update: 0, unchanged: 0, failed: 0 }),
        problems: JSON.stringify([]),
        error: null,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};
