import { resolve } from 'node:path';
import { communeDivisions, parseCommuneName } from './commune-divisions.ts';
import { readCsvFile } from './csv.ts';
import type { DivisionTemplate } from './division-templates.ts';
import { PROVINCE_AGENCIES } from './province-agencies.ts';

// The organisation tree of the demo province, worked out in memory before anything is written.
// It holds the province, its province-level agencies (from the province's agency list), one UBND
// per commune-level unit (from the 2025 commune catalog), every agency's divisions, and the
// holding groups for people who have left.

export const DEMO_PROVINCE_CODE = '44';
export const HOLDING_ROOT_CODE = '900';

const DATA_SEED_DIR = resolve(import.meta.dirname, '../../data-seed');

export interface PlannedDivision extends DivisionTemplate {
  code: string;
}

export interface PlannedAgency {
  code: string;
  name: string;
  level: 'province' | 'commune';
  divisions: PlannedDivision[];
}

export interface PlannedUnit {
  code: string;
  name: string;
}

export interface DemoOrgPlan {
  province: PlannedUnit;
  agencies: PlannedAgency[];
  holdingRoot: PlannedUnit;
  holdingGroups: PlannedUnit[];
}

const HOLDING_GROUP_NAMES = ['Nhóm nghỉ hưu', 'Nhóm chuyển công tác', 'Nhóm mất', 'Nhóm thôi việc'];

function withCodes(agencyCode: string, templates: DivisionTemplate[]): PlannedDivision[] {
  return templates.map((template) => ({ ...template, code: `${agencyCode}${template.suffix}` }));
}

function provinceName(dataSeedDir: string): string {
  const row = readCsvFile(resolve(dataSeedDir, 'catalogs/provinces_2025.csv')).find(
    (item) => item.code === DEMO_PROVINCE_CODE,
  );
  if (!row?.name)
    throw new Error(`Province ${DEMO_PROVINCE_CODE} is missing from catalogs/provinces_2025.csv.`);
  return row.name;
}

function provinceAgencies(dataSeedDir: string): PlannedAgency[] {
  const rows = readCsvFile(resolve(dataSeedDir, 'standard/quang-tri-org.csv')).filter(
    (row) => row.parent_code === DEMO_PROVINCE_CODE,
  );
  const agencies = rows.map((row) => {
    const definition = PROVINCE_AGENCIES[row.name!];
    if (!definition) {
      throw new Error(
        `No demo divisions are defined for "${row.name}" from quang-tri-org.csv; add it to province-agencies.ts.`,
      );
    }
    return {
      code: definition.code,
      name: row.name!,
      level: 'province' as const,
      divisions: withCodes(definition.code, definition.divisions),
    };
  });

  const listed = new Set(rows.map((row) => row.name));
  const unused = Object.keys(PROVINCE_AGENCIES).filter((name) => !listed.has(name));
  if (unused.length > 0)
    throw new Error(
      `province-agencies.ts defines agencies that quang-tri-org.csv lacks: ${unused.join(', ')}.`,
    );
  return agencies;
}

function communeAgencies(dataSeedDir: string): PlannedAgency[] {
  const rows = readCsvFile(resolve(dataSeedDir, 'catalogs/communes_2025.csv')).filter(
    (row) => row.province_code === DEMO_PROVINCE_CODE,
  );
  return rows.map((row) => {
    const code = row.code!;
    return {
      code,
      name: `UBND ${row.name}`,
      level: 'commune' as const,
      divisions: withCodes(code, communeDivisions(parseCommuneName(row.name!))),
    };
  });
}

/** Builds the demo organisation tree from the files in data-seed/. */
export function buildDemoOrgPlan(dataSeedDir: string = DATA_SEED_DIR): DemoOrgPlan {
  return {
    province: { code: DEMO_PROVINCE_CODE, name: provinceName(dataSeedDir) },
    agencies: [...provinceAgencies(dataSeedDir), ...communeAgencies(dataSeedDir)],
    holdingRoot: { code: HOLDING_ROOT_CODE, name: 'Nhóm giảm tài khoản' },
    holdingGroups: HOLDING_GROUP_NAMES.map((name, index) => ({
      code: `${HOLDING_ROOT_CODE}${String(index + 1).padStart(3, '0')}`,
      name,
    })),
  };
}
