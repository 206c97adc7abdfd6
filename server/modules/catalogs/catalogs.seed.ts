import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import {
  type CatalogName,
  catalogAttributeSchemas,
  type EntryStatus,
  type SalaryTable,
} from '../../../common/schemas/catalogs.ts';
import type { Database } from '../../db/schema.ts';
import { parseCsv } from './csv.ts';

// Loads the catalogs shipped in data-seed/catalogs/*.csv. The first migration of the catalogs
// module calls it once; later corrections go into a new migration, never into a rerun.

export const SEED_DIR = resolve(import.meta.dirname, '../../../data-seed/catalogs');

export interface SeedEntry {
  catalog: CatalogName;
  code: string;
  name: string;
  validFrom: string | null;
  /** Exclusive: the first day on which the entry no longer applies. */
  validTo: string | null;
  legalBasis: string | null;
  status: EntryStatus;
  confidence: 'high' | 'medium' | 'low' | null;
  sources: string | null;
  notes: string | null;
  sortOrder: number;
  attributes: Record<string, unknown>;
}

type Row = Record<string, string>;

function readSeed(file: string): Row[] {
  return parseCsv(readFileSync(resolve(SEED_DIR, file), 'utf8'));
}

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function confidenceOf(value: string | undefined): SeedEntry['confidence'] {
  const trimmed = value?.trim();
  return trimmed === 'high' || trimmed === 'medium' || trimmed === 'low' ? trimmed : null;
}

function numberOf(value: string | undefined, what: string): number {
  const parsed = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(parsed))
    throw new Error(`Catalog seed: ${what} is not a number: "${value}"`);
  return parsed;
}

/** The day after an ISO date: converts the inclusive end dates of the CSV to exclusive ones. */
export function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function entry(
  partial: Partial<SeedEntry> & Pick<SeedEntry, 'catalog' | 'code' | 'name' | 'sortOrder' | 'attributes'>,
): SeedEntry {
  return {
    validFrom: null,
    validTo: null,
    legalBasis: null,
    status: 'current',
    confidence: null,
    sources: null,
    notes: null,
    ...partial,
  };
}

const GRADE_TABLES: Record<string, SalaryTable> = {
  bang_2: 'bang_2_cong_chuc',
  bang_4: 'bang_4_thua_hanh_phuc_vu',
};

function grades(): SeedEntry[] {
  return readSeed('grades.csv').map((row, index) => {
    const salaryTable = GRADE_TABLES[row.salary_table!];
    if (!salaryTable)
      throw new Error(`Catalog seed: grade ${row.code} has unknown salary table ${row.salary_table}`);
    return entry({
      catalog: 'grades',
      code: row.code!,
      name: row.name!,
      legalBasis: blankToNull(row.legal_basis),
      status: row.status === 'legacy' ? 'legacy' : 'current',
      confidence: confidenceOf(row.confidence),
      sources: blankToNull(row.sources),
      notes: blankToNull(row.notes),
      sortOrder: index,
      attributes: {
        field: row.field ?? '',
        salaryTable,
        salaryGroup: row.salary_group,
        stepCount: numberOf(row.step_count, `grade ${row.code} step_count`),
        firstCoefficient: numberOf(row.first_coefficient, `grade ${row.code} first_coefficient`),
        lastCoefficient: numberOf(row.last_coefficient, `grade ${row.code} last_coefficient`),
      },
    });
  });
}

function professionalTitles(): SeedEntry[] {
  return readSeed('professional_titles.csv').map((row, index) =>
    entry({
      catalog: 'professional_titles',
      code: row.code!,
      name: row.name!,
      legalBasis: blankToNull(row.legal_basis),
      confidence: confidenceOf(row.confidence),
      sources: blankToNull(row.sources),
      notes: blankToNull(row.notes),
      sortOrder: index,
      attributes: {
        sector: row.sector ?? '',
        rank: blankToNull(row.rank),
        salaryTable: 'bang_3_vien_chuc',
        salaryGroup: blankToNull(row.salary_group),
      },
    }),
  );
}

function salaryCoefficients(): SeedEntry[] {
  return readSeed('salary_coefficients.csv').map((row, index) =>
    entry({
      catalog: 'salary_coefficients',
      code: `${row.salary_table}/${row.group}/${row.step}`,
      name: `${row.group_label}, bậc ${row.step}`,
      legalBasis: blankToNull(row.legal_basis),
      confidence: confidenceOf(row.confidence),
      sources: blankToNull(row.sources),
      sortOrder: index,
      attributes: {
        salaryTable: row.salary_table,
        salaryGroup: row.group,
        groupLabel: row.group_label,
        step: numberOf(row.step, 'salary step'),
        stepCount: numberOf(row.step_count, 'salary step_count'),
        coefficient: numberOf(row.coefficient, 'salary coefficient'),
      },
    }),
  );
}

function baseSalary(): SeedEntry[] {
  return readSeed('base_salary_history.csv').map((row, index) => {
    const amount = numberOf(row.amount_vnd_per_month, 'base salary amount');
    return entry({
      catalog: 'base_salary',
      code: row.effective_from!,
      name: `${amount.toLocaleString('vi-VN')} đồng/tháng`,
      validFrom: row.effective_from!,
      validTo: row.effective_to ? nextDay(row.effective_to) : null,
      legalBasis: blankToNull(row.legal_basis),
      confidence: confidenceOf(row.confidence),
      sources: blankToNull(row.sources),
      sortOrder: index,
      attributes: { amount, kind: row.kind ?? '' },
    });
  });
}

function salaryStepRules(): SeedEntry[] {
  const optionalNumber = (value: string | undefined) =>
    blankToNull(value) === null ? null : numberOf(value, 'step rule value');
  return readSeed('salary_step_rules.csv').map((row, index) =>
    entry({
      catalog: 'salary_step_rules',
      code: row.salary_group!,
      name: `Nhóm ${row.salary_group}: ${row.regular_step_interval_months} tháng`,
      legalBasis: blankToNull(row.legal_basis),
      sortOrder: index,
      attributes: {
        intervalMonths: numberOf(row.regular_step_interval_months, 'step interval'),
        overFrameWaitMonths: optionalNumber(row.months_at_last_step_before_over_frame),
        overFrameFirstPercent: optionalNumber(row.over_frame_first_percent),
        overFrameYearlyPercent: optionalNumber(row.over_frame_yearly_increment_percent),
      },
    }),
  );
}

function leadershipAllowances(): SeedEntry[] {
  // The source list has no codes; rows get stable codes in file order.
  return readSeed('leadership_allowances.csv').map((row, index) =>
    entry({
      catalog: 'leadership_allowances',
      code: `PCCV${String(index + 1).padStart(3, '0')}`,
      name: row.area
        ? `${row.position} (${row.unit_type}; ${row.area})`
        : `${row.position} (${row.unit_type})`,
      validFrom: blankToNull(row.effective_from),
      legalBasis: blankToNull(row.legal_basis),
      confidence: confidenceOf(row.confidence),
      sources: blankToNull(row.sources),
      notes: blankToNull(row.notes),
      sortOrder: index,
      attributes: {
        level: row.level,
        unitType: row.unit_type,
        position: row.position,
        area: blankToNull(row.area),
        coefficient: numberOf(row.coefficient, 'allowance coefficient'),
      },
    }),
  );
}

function ethnicGroups(): SeedEntry[] {
  return readSeed('ethnic_groups.csv').map((row, index) =>
    entry({
      catalog: 'ethnic_groups',
      code: row.code_qd1019_2008!,
      name: row.name!,
      legalBasis: 'Mã theo QĐ 1019/QĐ-TCTK (2008); mã cũ theo QĐ 121-TCTK/PPCĐ (1979)',
      notes: blankToNull(row.notes),
      sortOrder: index,
      attributes: { code1979: blankToNull(row.code_qd121_1979), otherName: blankToNull(row.other_name) },
    }),
  );
}

function religions(): SeedEntry[] {
  // Two recognised religions have no code in QĐ 1019/QĐ-TCTK; they get local codes L01, L02.
  let localCount = 0;
  return readSeed('religions.csv').map((row, index) => {
    const gsoCode = blankToNull(row.gso_code_qd1019_2008);
    const code = gsoCode ?? `L${String(++localCount).padStart(2, '0')}`;
    const inGsoList = gsoCode !== null && Number(gsoCode) <= 14;
    return entry({
      catalog: 'religions',
      code,
      name: row.name!,
      legalBasis: inGsoList ? 'QĐ 1019/QĐ-TCTK (2008)' : null,
      notes: blankToNull(row.notes),
      sortOrder: index,
      attributes: {
        codeSystem: inGsoList ? 'qd1019_2008' : 'local',
        recognisedByState: row.recognised_by_state === 'yes',
      },
    });
  });
}

const EDUCATION_CATALOGS: Record<string, CatalogName> = {
  giao_duc_pho_thong: 'general_education',
  chuyen_mon: 'professional_levels',
  hoc_ham: 'academic_titles',
  ly_luan_chinh_tri: 'political_theory',
  quan_ly_nha_nuoc: 'state_management',
  ngoai_ngu: 'foreign_languages',
  cong_nghe_thong_tin: 'it_skills',
};
const WITH_EQUIVALENCE = new Set<CatalogName>(['professional_levels', 'foreign_languages', 'it_skills']);
// Pre-2016 IT certificates A, B, C are still accepted but no longer issued.
const LEGACY_IT_CODES = new Set(['A', 'B', 'C']);

function educationLevels(): SeedEntry[] {
  return readSeed('education_levels.csv').map((row) => {
    const catalog = EDUCATION_CATALOGS[row.category!];
    if (!catalog) throw new Error(`Catalog seed: unknown education category ${row.category}`);
    return entry({
      catalog,
      code: row.code!,
      name: row.name!,
      legalBasis: blankToNull(row.legal_basis),
      status: catalog === 'it_skills' && LEGACY_IT_CODES.has(row.code!) ? 'legacy' : 'current',
      confidence: confidenceOf(row.confidence),
      sources: blankToNull(row.sources),
      notes: blankToNull(row.notes),
      sortOrder: numberOf(row.order, 'education order'),
      attributes: WITH_EQUIVALENCE.has(catalog) ? { equivalence: blankToNull(row.equivalence) } : {},
    });
  });
}

function provinces(): SeedEntry[] {
  return readSeed('provinces_2025.csv').map((row, index) =>
    entry({
      catalog: 'provinces',
      code: row.code!,
      name: row.name!,
      validFrom: blankToNull(row.effective_from),
      legalBasis: blankToNull(row.legal_basis),
      confidence: 'high',
      sortOrder: index,
      attributes: { unitType: row.unit_type, formedFrom: blankToNull(row.formed_from) },
    }),
  );
}

function communes(): SeedEntry[] {
  return readSeed('communes_2025.csv').map((row, index) =>
    entry({
      catalog: 'communes',
      code: row.code!,
      name: row.name!,
      validFrom: '2025-07-01',
      legalBasis: 'Mã theo QĐ 19/2025/QĐ-TTg',
      confidence: 'medium',
      notes: 'Danh sách lấy từ nguồn công khai không chính thức; cần đối chiếu QĐ 19/2025/QĐ-TTg.',
      sortOrder: index,
      attributes: { provinceCode: row.province_code },
    }),
  );
}

const RETIREMENT_BASIS = 'NĐ 135/2020/NĐ-CP Điều 4; Bộ luật Lao động 2019 Điều 169';
const GENDER_LABEL: Record<string, string> = { nam: 'Nam', nu: 'Nữ' };

function retirementAgeByYear(): SeedEntry[] {
  return readSeed('retirement_age_by_year.csv').map((row, index) =>
    entry({
      catalog: 'retirement_age_by_year',
      code: `${row.gender}-${row.retirement_year}`,
      name: `${GENDER_LABEL[row.gender!]}, năm ${row.retirement_year}: ${row.age_years} tuổi ${row.age_months} tháng`,
      legalBasis: RETIREMENT_BASIS,
      confidence: 'high',
      sortOrder: index,
      attributes: {
        gender: row.gender,
        year: numberOf(row.retirement_year, 'retirement year'),
        ageYears: numberOf(row.age_years, 'retirement age years'),
        ageMonths: numberOf(row.age_months, 'retirement age months'),
      },
    }),
  );
}

function retirementByBirthMonth(): SeedEntry[] {
  return readSeed('retirement_by_birth_month.csv').map((row, index) => {
    const month = row.birth_month!.padStart(2, '0');
    return entry({
      catalog: 'retirement_by_birth_month',
      code: `${row.gender}-${row.birth_year}-${month}`,
      name: `${GENDER_LABEL[row.gender!]} sinh ${month}/${row.birth_year}: đủ tuổi ${row.reach_month}`,
      legalBasis: RETIREMENT_BASIS,
      confidence: 'high',
      sortOrder: index,
      attributes: {
        gender: row.gender,
        birthYear: numberOf(row.birth_year, 'birth year'),
        birthMonth: numberOf(row.birth_month, 'birth month'),
        ageYears: numberOf(row.retirement_age_years, 'retirement age years'),
        ageMonths: numberOf(row.retirement_age_months, 'retirement age months'),
        reachMonth: row.reach_month,
        pensionStartMonth: row.pension_start_month,
      },
    });
  });
}

/** Every seed entry, with its attributes checked against the catalog's schema. */
export function readCatalogSeed(): SeedEntry[] {
  const entries = [
    ...grades(),
    ...professionalTitles(),
    ...salaryCoefficients(),
    ...baseSalary(),
    ...salaryStepRules(),
    ...leadershipAllowances(),
    ...ethnicGroups(),
    ...religions(),
    ...educationLevels(),
    ...provinces(),
    ...communes(),
    ...retirementAgeByYear(),
    ...retirementByBirthMonth(),
  ];
  for (const item of entries) {
    const result = catalogAttributeSchemas[item.catalog].safeParse(item.attributes);
    if (!result.success)
      throw new Error(`Catalog seed: ${item.catalog} ${item.code}: ${result.error.message}`);
    item.attributes = result.data as Record<string, unknown>;
  }
  return entries;
}

/** Inserts every seed entry, in batches that stay well under the bind-parameter limit. */
export async function loadCatalogSeed(db: Kysely<Database>): Promise<number> {
  const entries = readCatalogSeed();
  const BATCH = 500;
  for (let start = 0; start < entries.length; start += BATCH) {
    const rows = entries.slice(start, start + BATCH).map((item) => ({
      catalog: item.catalog,
      code: item.code,
      name: item.name,
      valid_from: item.validFrom,
      valid_to: item.validTo,
      legal_basis: item.legalBasis,
      status: item.status,
      confidence: item.confidence,
      sources: item.sources,
      notes: item.notes,
      sort_order: item.sortOrder,
      attributes: JSON.stringify(item.attributes),
    }));
    await db.insertInto('catalog_entries').values(rows).execute();
  }
  return entries.length;
}
