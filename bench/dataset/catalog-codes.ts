import type pg from 'pg';

// The catalog values a generated record draws from, read from the migrated database so that
// every code is one the product's submit validation accepts on the reference day.

export interface RankOption {
  code: string;
  name: string;
  kind: 'grade' | 'professional_title';
  salaryTable: string;
  salaryGroup: string;
  stepCount: number;
  /** Sector of a professional title ("giáo dục - THPT", "y tế" …); empty for grades. */
  sector: string;
}

export interface CatalogCodes {
  grades: RankOption[];
  professionalTitles: RankOption[];
  ranksByCode: Map<string, RankOption>;
  /** Hệ số by "table/group/step". */
  coefficients: Map<string, number>;
  ethnicGroups: string[];
  religions: string[];
  /** Commune codes by province code. */
  communesByProvince: Map<string, string[]>;
  provinces: string[];
  leadershipPositions: Array<{ code: string; position: string }>;
}

interface EntryRow {
  catalog: string;
  code: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** Reads the entries in force on `onDate` of the catalogs the generator uses. */
export async function loadCatalogCodes(client: pg.ClientBase, onDate: string): Promise<CatalogCodes> {
  const { rows } = await client.query<EntryRow>(
    `select catalog, code, name, attributes from catalog_entries
     where catalog = any($1) and (valid_from is null or valid_from <= $2) and (valid_to is null or valid_to > $2)
     order by catalog, sort_order, code`,
    [
      [
        'grades',
        'professional_titles',
        'salary_coefficients',
        'ethnic_groups',
        'religions',
        'communes',
        'provinces',
        'leadership_allowances',
      ],
      onDate,
    ],
  );

  const codes: CatalogCodes = {
    grades: [],
    professionalTitles: [],
    ranksByCode: new Map(),
    coefficients: new Map(),
    ethnicGroups: [],
    religions: [],
    communesByProvince: new Map(),
    provinces: [],
    leadershipPositions: [],
  };
  for (const row of rows) {
    const attributes = row.attributes;
    switch (row.catalog) {
      case 'grades':
      case 'professional_titles': {
        const salaryTable = attributes.salaryTable as string | undefined;
        const salaryGroup = attributes.salaryGroup as string | undefined;
        if (!salaryTable || !salaryGroup) break;
        const option: RankOption = {
          code: row.code,
          name: row.name,
          kind: row.catalog === 'grades' ? 'grade' : 'professional_title',
          salaryTable,
          salaryGroup,
          stepCount: 0,
          sector: String(attributes.sector ?? ''),
        };
        (row.catalog === 'grades' ? codes.grades : codes.professionalTitles).push(option);
        break;
      }
      case 'salary_coefficients':
        codes.coefficients.set(row.code, Number(attributes.coefficient));
        break;
      case 'ethnic_groups':
        codes.ethnicGroups.push(row.code);
        break;
      case 'religions':
        codes.religions.push(row.code);
        break;
      case 'provinces':
        codes.provinces.push(row.code);
        break;
      case 'communes': {
        const province = String(attributes.provinceCode ?? '');
        const list = codes.communesByProvince.get(province) ?? [];
        list.push(row.code);
        codes.communesByProvince.set(province, list);
        break;
      }
      case 'leadership_allowances':
        codes.leadershipPositions.push({ code: row.code, position: String(attributes.position ?? row.name) });
        break;
    }
  }

  // The number of steps of a group is the highest step with a coefficient in its table.
  for (const option of [...codes.grades, ...codes.professionalTitles]) {
    let steps = 0;
    while (codes.coefficients.has(`${option.salaryTable}/${option.salaryGroup}/${steps + 1}`)) steps += 1;
    option.stepCount = steps;
  }
  codes.grades = codes.grades.filter((option) => option.stepCount > 0);
  codes.professionalTitles = codes.professionalTitles.filter((option) => option.stepCount > 0);
  for (const option of [...codes.grades, ...codes.professionalTitles])
    codes.ranksByCode.set(option.code, option);
  if (codes.grades.length === 0 || codes.professionalTitles.length === 0 || codes.ethnicGroups.length === 0) {
    throw new Error('The catalogs are empty: migrate the benchmark database before generating records.');
  }
  return codes;
}
