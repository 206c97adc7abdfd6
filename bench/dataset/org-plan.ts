import { resolve } from 'node:path';
import type { UnitKind } from '../../server/db/schema.ts';
import { communeDivisions, parseCommuneName } from '../../server/demo/commune-divisions.ts';
import { readCsvFile } from '../../server/demo/csv.ts';
import type { DivisionCategory, DivisionTemplate } from '../../server/demo/division-templates.ts';
import { PROVINCE_AGENCIES } from '../../server/demo/province-agencies.ts';
import { SeededRandom } from '../../server/demo/random.ts';
import { DEMO_STRUCTURE_FROM } from '../../server/demo/seed-org.ts';
import type { DatasetProfile } from './sizes.ts';

// The organisation tree of a benchmark dataset, with database ids assigned in memory so that
// every table can be written with COPY. Each province gets the demo province's 16 province-level
// agencies and divisions (from server/demo/province-agencies.ts) and one UBND per commune of the
// 2025 commune catalog with the demo's commune divisions, plus the holding groups.

const DATA_SEED_DIR = resolve(import.meta.dirname, '../../data-seed');

/** Start of the pre-2025 structure, for units that carry a revision from before the reorganisation. */
export const FORMER_STRUCTURE_FROM = '2015-01-01';
/** The day the benchmark's ended divisions stopped (dissolved or merged into the office). */
export const DIVISION_END_DATE = '2026-07-01';
const HOLDING_GROUP_NAMES = ['Nhóm nghỉ hưu', 'Nhóm chuyển công tác', 'Nhóm mất', 'Nhóm thôi việc'];
/** Share of divisions that also have a revision (another name) from before 01/07/2025. */
const FORMER_NAME_SHARE = 0.3;
/** Share of service, school and health divisions that ended on DIVISION_END_DATE. */
const ENDED_DIVISION_SHARE = 0.01;

export interface PlannedUnitRow {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  sortOrder: number;
  validFrom: string;
  validTo: string | null;
  /** Name in the revision before DEMO_STRUCTURE_FROM; null for units created on that day. */
  formerName: string | null;
}

export interface PlannedDivision {
  unitId: number;
  agencyIndex: number;
  category: DivisionCategory;
  weight: number;
  /** Ended on DIVISION_END_DATE; most of its people moved to the agency's office. */
  ended: boolean;
}

export interface PlannedAgency {
  unitId: number;
  code: string;
  name: string;
  provinceIndex: number;
  /** A commune-level UBND rather than a province-level agency. */
  communeLevel: boolean;
  divisionIndices: number[];
  /** The division that took in the people of ended divisions (Văn phòng, suffix 002). */
  officeDivisionIndex: number;
}

export interface PlannedProvince {
  unitId: number;
  code: string;
  name: string;
  agencyIndices: number[];
  /** Sở Nội vụ of the province, whose staff hold the province admin grant. */
  homeAffairsAgencyIndex: number;
  holdingGroupIds: number[];
}

export interface BenchOrgPlan {
  units: PlannedUnitRow[];
  provinces: PlannedProvince[];
  agencies: PlannedAgency[];
  divisions: PlannedDivision[];
  nationalRootId: number | null;
}

interface ProvinceRow {
  code: string;
  name: string;
}

function listProvinces(profile: DatasetProfile): ProvinceRow[] {
  const rows = readCsvFile(resolve(DATA_SEED_DIR, 'catalogs/provinces_2025.csv')).map((row) => ({
    code: row.code!,
    name: row.name!,
  }));
  if (profile.provinceCodes === 'all') return rows;
  return profile.provinceCodes.map((code) => {
    const row = rows.find((item) => item.code === code);
    if (!row) throw new Error(`Province ${code} is missing from data-seed/catalogs/provinces_2025.csv.`);
    return row;
  });
}

function communesByProvince(): Map<string, Array<{ code: string; name: string }>> {
  const byProvince = new Map<string, Array<{ code: string; name: string }>>();
  for (const row of readCsvFile(resolve(DATA_SEED_DIR, 'catalogs/communes_2025.csv'))) {
    const list = byProvince.get(row.province_code!) ?? [];
    list.push({ code: row.code!, name: row.name! });
    byProvince.set(row.province_code!, list);
  }
  return byProvince;
}

/** Builds the tree in memory: ids from 1 in insertion order, parents always before children. */
export function buildBenchOrgPlan(profile: DatasetProfile): BenchOrgPlan {
  const random = SeededRandom.forStream(profile.seed, 'bench-org');
  const plan: BenchOrgPlan = { units: [], provinces: [], agencies: [], divisions: [], nationalRootId: null };

  // Province-level units existed before the 2025 reorganisation; each gets a revision from then
  // (under its former name where one is given). Commune UBNDs and their divisions began on 01/07/2025.
  const addUnit = (
    row: Omit<PlannedUnitRow, 'id' | 'validFrom' | 'validTo' | 'formerName'> & {
      formerName?: string | null;
      since2015?: boolean;
    },
  ): PlannedUnitRow => {
    const { since2015, ...fields } = row;
    const formerName = fields.formerName ?? (since2015 ? fields.name : null);
    const unit: PlannedUnitRow = {
      ...fields,
      id: plan.units.length + 1,
      validFrom: formerName ? FORMER_STRUCTURE_FROM : DEMO_STRUCTURE_FROM,
      validTo: null,
      formerName,
    };
    plan.units.push(unit);
    return unit;
  };

  if (profile.nationalRoot) {
    plan.nationalRootId = addUnit({
      code: '0',
      name: 'Cả nước',
      kind: 'province',
      parentId: null,
      sortOrder: 0,
      since2015: true,
    }).id;
  }

  // A single-province dataset keeps the demo codes (Sở Tư pháp is 112); several provinces need
  // the province code in front so that codes stay unique.
  const prefixed = profile.provinceCodes === 'all' || profile.provinceCodes.length > 1;
  const communes = communesByProvince();
  const agencyDefinitions = Object.entries(PROVINCE_AGENCIES).slice(
    0,
    profile.provinceAgenciesPerProvince ?? undefined,
  );

  listProvinces(profile).forEach((province, provinceOrder) => {
    const provinceUnit = addUnit({
      code: province.code,
      name: province.name,
      kind: 'province',
      parentId: plan.nationalRootId,
      sortOrder: provinceOrder + 1,
      since2015: true,
    });
    const planned: PlannedProvince = {
      unitId: provinceUnit.id,
      code: province.code,
      name: province.name,
      agencyIndices: [],
      homeAffairsAgencyIndex: -1,
      holdingGroupIds: [],
    };
    const provinceIndex = plan.provinces.push(planned) - 1;

    const addAgency = (
      code: string,
      name: string,
      templates: DivisionTemplate[],
      sortOrder: number,
      communeLevel: boolean,
    ) => {
      const agencyUnit = addUnit({
        code,
        name,
        kind: 'agency',
        parentId: provinceUnit.id,
        sortOrder,
        since2015: !communeLevel,
      });
      const agency: PlannedAgency = {
        unitId: agencyUnit.id,
        code,
        name,
        provinceIndex,
        communeLevel,
        divisionIndices: [],
        officeDivisionIndex: -1,
      };
      const agencyIndex = plan.agencies.push(agency) - 1;
      planned.agencyIndices.push(agencyIndex);

      templates.forEach((template, index) => {
        // Commune UBNDs were all created on 01/07/2025; older province-level divisions kept a former name.
        const formerName =
          !communeLevel && random.chance(FORMER_NAME_SHARE) ? `${template.name} (trước 01/07/2025)` : null;
        const divisionUnit = addUnit({
          code: `${code}${template.suffix}`,
          name: template.name,
          kind: 'division',
          parentId: agencyUnit.id,
          sortOrder: index + 1,
          formerName,
        });
        const endable = ['service_centre', 'school', 'health'].includes(template.category);
        const ended = endable && random.chance(ENDED_DIVISION_SHARE);
        if (ended) divisionUnit.validTo = DIVISION_END_DATE;
        const divisionIndex =
          plan.divisions.push({
            unitId: divisionUnit.id,
            agencyIndex,
            category: template.category,
            weight: template.weight,
            ended,
          }) - 1;
        agency.divisionIndices.push(divisionIndex);
        if (template.suffix === '002') agency.officeDivisionIndex = divisionIndex;
      });
      if (agency.officeDivisionIndex < 0) agency.officeDivisionIndex = agency.divisionIndices[0]!;
      return agencyIndex;
    };

    agencyDefinitions.forEach(([name, definition], index) => {
      const code = prefixed ? `${province.code}0${definition.code}` : definition.code;
      const agencyIndex = addAgency(code, name, definition.divisions, index + 1, false);
      if (name === 'Sở Nội vụ') planned.homeAffairsAgencyIndex = agencyIndex;
    });
    // Without Sở Nội vụ in a cut-down list, the first agency's staff act for the province.
    if (planned.homeAffairsAgencyIndex < 0) planned.homeAffairsAgencyIndex = planned.agencyIndices[0]!;

    const provinceCommunes = (communes.get(province.code) ?? []).slice(
      0,
      profile.communesPerProvince ?? undefined,
    );
    provinceCommunes.forEach((commune, index) => {
      addAgency(
        commune.code,
        `UBND ${commune.name}`,
        communeDivisions(parseCommuneName(commune.name)),
        agencyDefinitions.length + index + 1,
        true,
      );
    });

    const holdingCode = prefixed ? `${province.code}0900` : '900';
    const holdingRoot = addUnit({
      code: holdingCode,
      name: 'Nhóm giảm tài khoản',
      kind: 'holding_root',
      parentId: provinceUnit.id,
      sortOrder: 9_999,
      since2015: true,
    });
    HOLDING_GROUP_NAMES.forEach((name, index) => {
      const group = addUnit({
        code: `${holdingCode}${String(index + 1).padStart(3, '0')}`,
        name,
        kind: 'holding_group',
        parentId: holdingRoot.id,
        sortOrder: index + 1,
        since2015: true,
      });
      planned.holdingGroupIds.push(group.id);
    });
  });

  // Every dataset, even the smallest, keeps at least one ended division with people attached.
  if (!plan.divisions.some((division) => division.ended)) {
    const endable = plan.divisions.find((division) =>
      ['service_centre', 'school', 'health'].includes(division.category),
    );
    if (endable) {
      endable.ended = true;
      plan.units[endable.unitId - 1]!.validTo = DIVISION_END_DATE;
    }
  }
  return plan;
}
