import type pg from 'pg';
import type { DemoCatalogs } from '../../server/modules/records/demo-records.ts';

// The catalog values of the demo record generator (server/modules/records/demo-records.ts), read
// the way server/demo/seed-records.ts reads them inside the demo seed's transaction. That reader
// is private to the demo seed and takes a Kysely transaction, so the benchmark's COPY loader reads
// the same rows here on its own connection.
// NOTE: keep in step with loadCatalogs of server/demo/seed-records.ts; exporting that reader
// would remove this copy.

const HOME_PROVINCE = '44';
const SERVICE_SECTORS = [
  'lưu trữ (nội vụ)',
  'tài nguyên và môi trường',
  'nông nghiệp - trồng trọt',
  'văn hóa cơ sở',
  'thư viện',
  'khoa học và công nghệ',
  'xây dựng',
];
// Entry-level titles (rank III) are drawn three times as often; rank I titles are not given.
const TITLE_COPIES_BY_RANK: Record<string, number> = { III: 3, I: 0 };

function titleFamilyOf(sector: string): keyof DemoCatalogs['titles'] | null {
  if (/^giáo dục - (mầm non|tiểu học|THCS|THPT)$/.test(sector)) return 'school';
  if (sector === 'y tế') return 'health';
  return SERVICE_SECTORS.includes(sector) ? 'service' : null;
}

export async function loadDemoCatalogs(client: pg.ClientBase): Promise<DemoCatalogs> {
  const { rows } = await client.query<{
    catalog: string;
    code: string;
    name: string;
    attributes: Record<string, unknown>;
  }>(
    `select catalog, code, name, attributes from catalog_entries
     where catalog = any($1) and valid_to is null order by id`,
    [
      [
        'grades',
        'professional_titles',
        'salary_coefficients',
        'salary_step_rules',
        'leadership_allowances',
        'communes',
      ],
    ],
  );
  const catalogs: DemoCatalogs = {
    grades: new Map(),
    titles: { school: [], health: [], service: [] },
    coefficients: new Map(),
    stepCounts: new Map(),
    stepIntervals: new Map(),
    positions: new Map(),
    homeCommunes: [],
  };
  for (const { catalog, code, name, attributes } of rows) {
    if (catalog === 'grades') {
      catalogs.grades.set(code, {
        kind: 'grade',
        code,
        name,
        salaryTable: String(attributes.salaryTable),
        salaryGroup: String(attributes.salaryGroup),
      });
    } else if (catalog === 'professional_titles' && attributes.salaryGroup) {
      const family = titleFamilyOf(String(attributes.sector ?? ''));
      const copies = TITLE_COPIES_BY_RANK[String(attributes.rank)] ?? 1;
      const rank = {
        kind: 'professional_title' as const,
        code,
        name,
        salaryTable: String(attributes.salaryTable),
        salaryGroup: String(attributes.salaryGroup),
      };
      if (family) for (let copy = 0; copy < copies; copy++) catalogs.titles[family].push(rank);
    } else if (catalog === 'salary_coefficients') {
      catalogs.coefficients.set(
        `${attributes.salaryTable}/${attributes.salaryGroup}/${attributes.step}`,
        Number(attributes.coefficient),
      );
      catalogs.stepCounts.set(
        `${attributes.salaryTable}/${attributes.salaryGroup}`,
        Number(attributes.stepCount),
      );
    } else if (catalog === 'salary_step_rules') {
      catalogs.stepIntervals.set(code, Number(attributes.intervalMonths));
    } else if (catalog === 'leadership_allowances' && attributes.area === 'các tỉnh, thành phố còn lại') {
      catalogs.positions.set(String(attributes.position), {
        code,
        coefficient: Number(attributes.coefficient),
      });
    } else if (catalog === 'communes' && attributes.provinceCode === HOME_PROVINCE) {
      catalogs.homeCommunes.push(code);
    }
  }
  catalogs.homeCommunes.sort();
  if (catalogs.grades.size === 0)
    throw new Error('The catalogs are empty: migrate the benchmark database before generating records.');
  return catalogs;
}
