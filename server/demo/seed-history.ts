import { resolve } from 'node:path';
import type { Transaction } from 'kysely';
import type { Database, UnitRow } from '../db/schema.ts';
import type { AuditContext } from '../modules/audit/audit.ts';
import { insertUnit } from '../modules/org/org.repository.ts';
import { applyChange } from '../modules/reorganisation/apply-change.ts';
import { endUnit, insertEvent, insertLineage } from '../modules/reorganisation/reorganisation.repository.ts';
import { chunks } from './batch.ts';
import { readCsvFile } from './csv.ts';
import { DEMO_PROVINCE_CODE } from './org-plan.ts';
import type { DemoSeedContext } from './seed-context.ts';
import { DEMO_STRUCTURE_FROM } from './seed-org.ts';

// A replay of Quảng Trị's 2025 reorganisation, so that the demo's tree and headcount can be
// compared before and after: the old province (code 45) with its departments, the department
// mergers of 01/03/2025, and the province merger of 01/07/2025, in which every old unit ends and
// its people continue in the units the demo builds from that day. The units and their names come
// from data-seed/standard/quang-tri-org.csv. Commune-level units have no predecessors there, so
// their people's history starts on 01/07/2025.
//
// NOTE: the decision numbers and dates below are labels for the demo. The March one names the
// provincial council session of 20/02/2025 given as the source in quang-tri-org.csv; the July one
// is the National Assembly resolution on merging provinces as the press reported it, not checked
// against its published text.

const OLD_PROVINCE_CODE = '45';
/** The old province's start: Quảng Trị was re-established on 01/07/1989. */
const OLD_PROVINCE_FROM = '1989-07-01';
const MARCH_2025 = {
  effectiveDate: '2025-03-01',
  decisionNumber: 'NQ kỳ họp thứ 29 HĐND tỉnh',
  decisionDate: '2025-02-20',
};
const JULY_2025 = {
  effectiveDate: DEMO_STRUCTURE_FROM,
  decisionNumber: 'NQ 202/2025/QH15',
  decisionDate: '2025-06-12',
};

/**
 * The department mergers of 01/03/2025, by the names in quang-tri-org.csv. The vocational training
 * that Sở Lao động - Thương binh và Xã hội handed to Sở Giáo dục và Đào tạo is left out: the
 * department's people follow its main successor.
 */
export const MARCH_2025_MERGERS: ReadonlyArray<{ into: string; from: readonly string[] }> = [
  { into: 'Sở Tài chính', from: ['Sở Kế hoạch và Đầu tư', 'Sở Tài chính'] },
  { into: 'Sở Xây dựng', from: ['Sở Giao thông vận tải', 'Sở Xây dựng'] },
  {
    into: 'Sở Nông nghiệp và Môi trường',
    from: ['Sở Tài nguyên và Môi trường', 'Sở Nông nghiệp và Phát triển nông thôn'],
  },
  { into: 'Sở Khoa học và Công nghệ', from: ['Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'] },
  { into: 'Sở Nội vụ', from: ['Sở Lao động - Thương binh và Xã hội', 'Sở Nội vụ'] },
  { into: 'Sở Dân tộc và Tôn giáo', from: ['Ban Dân tộc tỉnh'] },
];

const DATA_SEED_DIR = resolve(import.meta.dirname, '../../data-seed');
const SYSTEM: AuditContext = { actorAccountId: null, requestId: null, ip: null };

export interface OldProvincePlan {
  provinceName: string;
  /** Units of the old province before 01/03/2025, in file order. */
  beforeMarch: string[];
  /** Units that existed from 01/03/2025 to 30/06/2025, in file order. */
  fromMarch: string[];
}

/** Reads the old province's units from the file and checks them against the March mergers. */
export function readOldProvincePlan(dataSeedDir: string = DATA_SEED_DIR): OldProvincePlan {
  const rows = readCsvFile(resolve(dataSeedDir, 'standard/quang-tri-org.csv'));
  const province = rows.find((row) => row.code === OLD_PROVINCE_CODE);
  if (!province?.name) throw new Error(`Province ${OLD_PROVINCE_CODE} is missing from quang-tri-org.csv.`);
  const children = rows.filter((row) => row.parent_code === OLD_PROVINCE_CODE);
  const beforeMarch = children
    .filter((row) => /trước 0[37]\/2025/.test(row.kind ?? ''))
    .map((row) => row.name!);
  const fromMarch = children
    .filter((row) => (row.kind ?? '').includes('03/2025-06/2025'))
    .map((row) => row.name!);

  for (const merger of MARCH_2025_MERGERS) {
    if (!fromMarch.includes(merger.into))
      throw new Error(`quang-tri-org.csv lists no unit "${merger.into}" from 03/2025.`);
    for (const name of merger.from)
      if (!beforeMarch.includes(name))
        throw new Error(`quang-tri-org.csv lists no unit "${name}" before 03/2025.`);
  }
  const merged = new Set(MARCH_2025_MERGERS.map((merger) => merger.into));
  for (const name of fromMarch) {
    if (!merged.has(name) && !beforeMarch.includes(name))
      throw new Error(`"${name}" from 03/2025 is neither merged nor continued in seed-history.ts.`);
  }
  // The province's name in the file carries its period, e.g. "Tỉnh Quảng Trị (cũ), trước 01/07/2025".
  return { provinceName: province.name.split(',')[0]!.trim(), beforeMarch, fromMarch };
}

async function insertOldUnit(
  trx: Transaction<Database>,
  code: string,
  name: string,
  kind: UnitRow['kind'],
  parentId: number | null,
  sortOrder: number,
) {
  const unit = await insertUnit(trx, {
    code,
    name,
    kind,
    parent_id: parentId,
    valid_from: OLD_PROVINCE_FROM,
    valid_to: null,
    decision_number: null,
    decision_date: null,
    sort_order: sortOrder,
  });
  return unit;
}

/** The demo agency that continues an old unit from 01/07/2025: the same name, or the name with the province added. */
function julySuccessor(context: DemoSeedContext, oldName: string): number | undefined {
  const agency = context.plan.agencies.find(
    (item) => item.level === 'province' && (item.name === oldName || item.name.startsWith(`${oldName} `)),
  );
  return agency ? context.unitIds.get(agency.code) : undefined;
}

/**
 * Replays the 2025 reorganisation into the demo database: builds the old province, applies both
 * rounds of changes with the reorganisation module (lineage, revisions, audit), and gives every
 * province-level person who started before 01/07/2025 the earlier memberships in the old units.
 */
export async function seedHistory(context: DemoSeedContext): Promise<Record<string, number>> {
  const { db: trx } = context;
  const plan = readOldProvincePlan();

  const province = await insertOldUnit(trx, OLD_PROVINCE_CODE, plan.provinceName, 'province', null, 1_000);
  const beforeMarch = new Map<string, UnitRow>();
  for (const [index, name] of plan.beforeMarch.entries()) {
    beforeMarch.set(
      name,
      await insertOldUnit(
        trx,
        `${OLD_PROVINCE_CODE}${String(index + 1).padStart(3, '0')}`,
        name,
        'agency',
        province.id,
        index + 1,
      ),
    );
  }

  // The March round: each merger ends its departments and starts a new one.
  const fromMarch = new Map<string, UnitRow>();
  for (const [index, merger] of MARCH_2025_MERGERS.entries()) {
    const result = await applyChange(
      trx,
      {
        kind: 'merge',
        sourceIds: merger.from.map((name) => beforeMarch.get(name)!.id),
        successors: [
          {
            newUnit: {
              code: `${OLD_PROVINCE_CODE}${101 + index}`,
              name: merger.into,
              kind: 'agency',
              parentId: province.id,
            },
          },
        ],
        basis: MARCH_2025,
      },
      { actorAccountId: null, audit: SYSTEM },
    );
    const created = await trx
      .selectFrom('units')
      .selectAll()
      .where('id', '=', result.createdUnitIds[0]!)
      .executeTakeFirstOrThrow();
    fromMarch.set(merger.into, created);
  }
  for (const name of plan.fromMarch) if (!fromMarch.has(name)) fromMarch.set(name, beforeMarch.get(name)!);
  // A unit listed only before 07/2025 (not per period) continues through March unchanged.
  for (const [name, unit] of beforeMarch) {
    const merged = MARCH_2025_MERGERS.some((merger) => merger.from.includes(name));
    if (!merged && !fromMarch.has(name)) fromMarch.set(name, unit);
  }

  // The July round: every old unit continues in the demo agency of the same name.
  const oldUnitOfNewAgency = new Map<number, UnitRow>();
  for (const [name, unit] of fromMarch) {
    const successorId = julySuccessor(context, name);
    if (successorId === undefined)
      throw new Error(`No agency of province ${DEMO_PROVINCE_CODE} continues "${name}".`);
    await applyChange(
      trx,
      { kind: 'merge', sourceIds: [unit.id], successors: [{ unitId: successorId }], basis: JULY_2025 },
      { actorAccountId: null, audit: SYSTEM },
    );
    oldUnitOfNewAgency.set(successorId, unit);
  }
  const newProvinceId = context.unitIds.get(DEMO_PROVINCE_CODE)!;
  const provinceEvent = await insertEvent(trx, {
    kind: 'merge',
    ...JULY_2025,
    note: null,
    requestId: null,
    createdBy: null,
  });
  await endUnit(trx, province, JULY_2025.effectiveDate);
  // Access follows the current tree, so the old province hangs under the new one from now on: the
  // province admin of 44 reaches the history of 45. Its revisions keep it a root before July.
  await trx.updateTable('units').set({ parent_id: newProvinceId }).where('id', '=', province.id).execute();
  await insertLineage(trx, [
    {
      eventId: provinceEvent,
      fromUnitId: province.id,
      toUnitId: newProvinceId,
      effectiveDate: JULY_2025.effectiveDate,
    },
  ]);

  const memberships = historyMemberships(context, oldUnitOfNewAgency, beforeMarch);
  for (const batch of chunks(memberships)) await trx.insertInto('memberships').values(batch).execute();

  return {
    oldUnits: beforeMarch.size + MARCH_2025_MERGERS.length + 1,
    historyMemberships: memberships.length,
  };
}

/**
 * Earlier memberships of the province-level people who started before 01/07/2025: in the old
 * agency that their agency continues, split on 01/03/2025 where that agency came from a merger
 * (the person then belonged to one of the merged departments, chosen by person id).
 */
function historyMemberships(
  context: DemoSeedContext,
  oldUnitOfNewAgency: Map<number, UnitRow>,
  beforeMarch: Map<string, UnitRow>,
) {
  const rows: Array<{
    person_id: number;
    agency_id: number;
    division_id: null;
    valid_from: string;
    valid_to: string;
  }> = [];
  for (const person of context.people) {
    if (person.agencyLevel !== 'province' || person.generated.serviceStartDate >= JULY_2025.effectiveDate)
      continue;
    const oldUnit = oldUnitOfNewAgency.get(person.agencyId);
    if (!oldUnit) continue;

    const start =
      person.generated.serviceStartDate > OLD_PROVINCE_FROM
        ? person.generated.serviceStartDate
        : OLD_PROVINCE_FROM;
    const merger = MARCH_2025_MERGERS.find(
      (item) => item.into === oldUnit.name && oldUnit.valid_from === MARCH_2025.effectiveDate,
    );
    if (!merger) {
      rows.push({
        person_id: person.id,
        agency_id: oldUnit.id,
        division_id: null,
        valid_from: start,
        valid_to: JULY_2025.effectiveDate,
      });
      continue;
    }

    const marchStart = start > MARCH_2025.effectiveDate ? start : MARCH_2025.effectiveDate;
    rows.push({
      person_id: person.id,
      agency_id: oldUnit.id,
      division_id: null,
      valid_from: marchStart,
      valid_to: JULY_2025.effectiveDate,
    });
    if (start < MARCH_2025.effectiveDate) {
      const predecessor = beforeMarch.get(merger.from[person.id % merger.from.length]!)!;
      rows.push({
        person_id: person.id,
        agency_id: predecessor.id,
        division_id: null,
        valid_from: start,
        valid_to: MARCH_2025.effectiveDate,
      });
    }
  }
  return rows;
}
