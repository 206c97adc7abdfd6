import { type RecordData, recordData } from '../../common/schemas/record.ts';
import { nameSortKey } from '../../common/vietnamese.ts';
import { OFFICIAL_EMAIL_DOMAIN } from '../../server/demo/demo-logins.ts';
import type { DivisionCategory } from '../../server/demo/division-templates.ts';
import { allocateHeadcount } from '../../server/demo/headcount-allocation.ts';
import { type NextPersonOptions, PersonGenerator } from '../../server/demo/person-generator.ts';
import { SeededRandom } from '../../server/demo/random.ts';
import { DEMO_STRUCTURE_FROM } from '../../server/demo/seed-org.ts';
import { emailNamePart } from '../../server/demo/vietnamese-names.ts';
import { type DemoCatalogs, generateDemoRecord } from '../../server/modules/records/demo-records.ts';
import { indexedColumnsOf } from '../../server/modules/records/record-columns.ts';
import type { CopyWriter } from './copy-writer.ts';
import { type BenchOrgPlan, DIVISION_END_DATE, FORMER_STRUCTURE_FROM } from './org-plan.ts';
import type { DatasetProfile } from './sizes.ts';

// Streams every generated person into the COPY writers. Each person gets memberships (current and
// history), an account, and role grants when among the first people of an agency. Approved record
// versions follow, with the person_records row of the latest, and declarations (approved,
// submitted, draft, returned) with their events. Ids are assigned here, in generation order.

const HOLDING_FROM = '2026-06-01';
const IMPORTED_AT = '2025-07-15 08:00:00+07';
const SECOND_VERSION_AT = '2026-03-16 09:30:00+07';
const PENDING_AT = '2026-11-20 10:00:00+07';
// A declaration's row version counts its changes: created 1, submitted 2, returned 3.
const ROW_VERSION_OF_STATUS = { draft: 1, submitted: 2, returned: 3 } as const;

/** Shares of people (not staff, holding or stranded) in each state; see the step in emitPerson. */
const SHARES = {
  holding: 0.005,
  strandedInEnded: 0.2,
  secondVersion: 0.2,
  submitted: 0.02,
  draft: 0.01,
  returned: 0.005,
  history: 0.5,
};

// Share of women by kind of division, as in the demo province (server/demo/seed-people.ts).
const FEMALE_SHARE: Record<DivisionCategory, number> = {
  leadership: 0.3,
  office: 0.6,
  inspection: 0.35,
  department: 0.45,
  service_centre: 0.5,
  school: 0.72,
  health: 0.6,
};

/** Returns the later of two ISO dates (YYYY-MM-DD strings compare in date order). */
function laterDate(left: string, right: string): string {
  return left.localeCompare(right) >= 0 ? left : right;
}

/** Returns the record with a new phone number and current residence, as a later declaration changes it. */
function updatedRecord(random: SeededRandom, data: RecordData): RecordData {
  return {
    ...data,
    identity: { ...data.identity, phone: `09${String(random.int(10_000_000, 99_999_999))}` },
    places: {
      ...data.places,
      currentResidence: {
        provinceCode: '44',
        communeCode: null,
        detail: `Số ${random.int(1, 300)}, đường Hai Bà Trưng`,
      },
    },
  };
}

export interface PersonWriters {
  people: CopyWriter;
  memberships: CopyWriter;
  accounts: CopyWriter;
  roleGrants: CopyWriter;
  recordVersions: CopyWriter;
  personRecords: CopyWriter;
  declarations: CopyWriter;
  declarationEvents: CopyWriter;
}

export const PERSON_RECORD_INDEXED_COLUMNS = Object.keys(
  indexedColumnsOf({
    identity: {},
    places: {},
    employment: {},
    salary: {},
    education: { foreignLanguages: [] },
    party: {},
  } as unknown as RecordData),
);

export const COPY_COLUMNS = {
  people: ['id', 'full_name', 'name_sort_key', 'gender', 'birth_date', 'personal_id_number', 'employee_code'],
  memberships: ['id', 'person_id', 'agency_id', 'division_id', 'valid_from', 'valid_to'],
  accounts: [
    'id',
    'email',
    'display_name',
    'person_id',
    'home_unit_id',
    'password_hash',
    'must_change_password',
    'password_changed_at',
  ],
  role_grants: ['id', 'account_id', 'role', 'unit_id'],
  record_versions: [
    'id',
    'person_id',
    'version_no',
    'data',
    'source',
    'declaration_id',
    'approved_by_account_id',
    'approved_at',
  ],
  person_records: [
    'person_id',
    'current_version_id',
    'version_no',
    ...PERSON_RECORD_INDEXED_COLUMNS,
    'approved_at',
  ],
  declarations: [
    'id',
    'person_id',
    'status',
    'data',
    'base_version_no',
    'target_agency_id',
    'target_division_id',
    'route',
    'created_by_account_id',
    'last_edited_by_account_id',
    'submitted_at',
    'submitted_by_account_id',
    'decided_at',
    'decided_by_account_id',
    'return_reason',
    'approved_version_id',
    'row_version',
    'created_at',
    'updated_at',
  ],
  declaration_events: ['id', 'declaration_id', 'event', 'actor_account_id', 'reason', 'occurred_at'],
} as const;

export interface PersonCounts {
  people: number;
  staff: number;
  holding: number;
  stranded: number;
  secondVersions: number;
  submitted: number;
  drafts: number;
  returned: number;
}

class Ids {
  membership = 0;
  grant = 0;
  version = 0;
  declaration = 0;
  event = 0;
}

/** Generates `profile.people` people over the plan's divisions and writes their rows. */
export async function writePeople(
  profile: DatasetProfile,
  plan: BenchOrgPlan,
  catalogs: DemoCatalogs,
  passwordHash: string,
  writers: PersonWriters,
): Promise<PersonCounts> {
  const generator = new PersonGenerator(profile.seed);
  const recordRandom = SeededRandom.forStream(profile.seed, 'bench-records');
  const stateRandom = SeededRandom.forStream(profile.seed, 'bench-state');
  const counts: PersonCounts = {
    people: 0,
    staff: 0,
    holding: 0,
    stranded: 0,
    secondVersions: 0,
    submitted: 0,
    drafts: 0,
    returned: 0,
  };
  const ids = new Ids();
  const agencyPeople = new Int32Array(plan.agencies.length);
  const agencyApprover = new Int32Array(plan.agencies.length);
  const headcounts = allocateHeadcount(
    plan.divisions.map((division) => division.weight),
    profile.people,
  );
  const unitById = (id: number) => plan.units[id - 1]!;

  const event = (
    declarationId: number,
    kind: string,
    actor: number,
    at: string,
    reason: string | null = null,
  ) => writers.declarationEvents.push([++ids.event, declarationId, kind, actor, reason, at]);

  for (const [divisionIndex, division] of plan.divisions.entries()) {
    const agency = plan.agencies[division.agencyIndex]!;
    const province = plan.provinces[agency.provinceIndex]!;
    const divisionUnit = unitById(division.unitId);
    const office = plan.divisions[agency.officeDivisionIndex]!;
    const options: NextPersonOptions =
      division.category === 'leadership'
        ? { femaleShare: FEMALE_SHARE.leadership, minAge: 35 }
        : { femaleShare: FEMALE_SHARE[division.category] };

    for (let count = 0; count < headcounts[divisionIndex]!; count++) {
      const generated = generator.next(options);
      const personId = generated.sequence;
      counts.people += 1;

      // The first people of each agency administer and approve it; Sở Nội vụ's next one is the
      // province admin, and in the national dataset the one after that covers the whole country.
      const rank = agencyPeople[division.agencyIndex]!++;
      const grants: Array<[string, number]> = [];
      if (rank === 0) grants.push(['unit_admin', agency.unitId]);
      if (rank === 1 || rank === 2) grants.push(['approver', agency.unitId]);
      if (division.agencyIndex === province.homeAffairsAgencyIndex) {
        if (rank === 3) grants.push(['province_admin', province.unitId]);
        if (rank === 4 && plan.nationalRootId !== null && agency.provinceIndex === 0)
          grants.push(['province_admin', plan.nationalRootId]);
      }
      const staff = grants.length > 0;
      if (rank === 1) agencyApprover[division.agencyIndex] = personId;
      if (staff) counts.staff += 1;

      // Where the person works now, and the membership rows that led there.
      const since = laterDate(generated.serviceStartDate, DEMO_STRUCTURE_FROM);
      let agencyId = agency.unitId;
      let divisionId: number | null = division.unitId;
      let memberSince = since;
      let state: 'normal' | 'holding' | 'stranded' = 'normal';
      if (!staff && stateRandom.chance(SHARES.holding)) {
        state = 'holding';
        await writers.memberships.push([
          ++ids.membership,
          personId,
          agency.unitId,
          division.unitId,
          since,
          HOLDING_FROM,
        ]);
        agencyId = stateRandom.pick(province.holdingGroupIds);
        divisionId = null;
        memberSince = HOLDING_FROM;
        counts.holding += 1;
      } else if (division.ended) {
        if (stateRandom.chance(SHARES.strandedInEnded)) {
          state = 'stranded';
          counts.stranded += 1;
        } else {
          await writers.memberships.push([
            ++ids.membership,
            personId,
            agency.unitId,
            division.unitId,
            since,
            DIVISION_END_DATE,
          ]);
          divisionId = office.unitId;
          memberSince = DIVISION_END_DATE;
        }
      } else if (
        divisionUnit.formerName &&
        generated.serviceStartDate < DEMO_STRUCTURE_FROM &&
        stateRandom.chance(SHARES.history)
      ) {
        const from = laterDate(generated.serviceStartDate, FORMER_STRUCTURE_FROM);
        await writers.memberships.push([
          ++ids.membership,
          personId,
          agency.unitId,
          division.unitId,
          from,
          DEMO_STRUCTURE_FROM,
        ]);
      }
      await writers.memberships.push([++ids.membership, personId, agencyId, divisionId, memberSince, null]);

      await writers.people.push([
        personId,
        generated.fullName,
        nameSortKey(generated.fullName),
        generated.gender,
        generated.birthDate,
        generated.personalIdNumber,
        generated.employeeCode,
      ]);
      const email = `${emailNamePart(generated.fullName)}.${generated.sequence}@${OFFICIAL_EMAIL_DOMAIN}`;
      await writers.accounts.push([
        personId,
        email,
        generated.fullName,
        personId,
        agencyId,
        passwordHash,
        false,
        IMPORTED_AT,
      ]);
      for (const [role, unitId] of grants)
        await writers.roleGrants.push([++ids.grant, personId, role, unitId]);

      // The approved record, from the demo record generator: version 1 imported at the start, and
      // for some people version 2 through an approved declaration. People in a holding group keep
      // the record of their last division with the holding group as agency.
      const generatedRecord = generateDemoRecord(
        {
          fullName: generated.fullName,
          gender: generated.gender,
          birthDate: generated.birthDate,
          personalIdNumber: generated.personalIdNumber,
          serviceStartDate: generated.serviceStartDate,
          membershipFrom: memberSince,
          agencyId: agency.unitId,
          agencyName: agency.name,
          agencyLevel: agency.communeLevel ? 'commune' : 'province',
          divisionId: divisionId ?? division.unitId,
          divisionCategory: division.category,
          rankInDivision: count,
        },
        catalogs,
        recordRandom,
      );
      let data = recordData.parse(generatedRecord);
      if (state === 'holding')
        data = { ...data, employment: { ...data.employment, agencyId, divisionId: null } };
      let versionId = ++ids.version;
      let versionNo = 1;
      let approvedAt = IMPORTED_AT;
      await writers.recordVersions.push([
        versionId,
        personId,
        1,
        JSON.stringify(data),
        'import',
        null,
        null,
        IMPORTED_AT,
      ]);

      const approver = agencyApprover[division.agencyIndex]!;
      const decidable = !staff && state === 'normal' && approver > 0 && approver !== personId;
      if (decidable && stateRandom.chance(SHARES.secondVersion)) {
        data = updatedRecord(recordRandom, data);
        const declarationId = ++ids.declaration;
        versionId = ++ids.version;
        versionNo = 2;
        approvedAt = SECOND_VERSION_AT;
        const json = JSON.stringify(data);
        await writers.recordVersions.push([
          versionId,
          personId,
          2,
          json,
          'declaration',
          declarationId,
          approver,
          SECOND_VERSION_AT,
        ]);
        await writers.declarations.push([
          declarationId,
          personId,
          'approved',
          json,
          1,
          agencyId,
          divisionId,
          'agency',
          personId,
          personId,
          SECOND_VERSION_AT,
          personId,
          SECOND_VERSION_AT,
          approver,
          null,
          versionId,
          3,
          SECOND_VERSION_AT,
          SECOND_VERSION_AT,
        ]);
        await event(declarationId, 'created', personId, SECOND_VERSION_AT);
        await event(declarationId, 'submitted', personId, SECOND_VERSION_AT);
        await event(declarationId, 'approved', approver, SECOND_VERSION_AT);
        counts.secondVersions += 1;
      }
      const columns = indexedColumnsOf(data) as Record<string, unknown>;
      await writers.personRecords.push([
        personId,
        versionId,
        versionNo,
        ...PERSON_RECORD_INDEXED_COLUMNS.map((column) => columns[column] as string | number | null),
        approvedAt,
      ]);

      // Declarations still open: submitted (waiting for the approver), drafts and returned ones.
      if (decidable && stateRandom.chance(SHARES.submitted + SHARES.draft + SHARES.returned)) {
        const roll = stateRandom.next() * (SHARES.submitted + SHARES.draft + SHARES.returned);
        const status =
          roll < SHARES.submitted
            ? 'submitted'
            : roll < SHARES.submitted + SHARES.draft
              ? 'draft'
              : 'returned';
        const declarationId = ++ids.declaration;
        const json = JSON.stringify(updatedRecord(recordRandom, data));
        const submitted = status !== 'draft';
        const returned = status === 'returned';
        await writers.declarations.push([
          declarationId,
          personId,
          status,
          json,
          versionNo,
          submitted ? agencyId : null,
          submitted ? divisionId : null,
          submitted ? 'agency' : null,
          personId,
          personId,
          submitted ? PENDING_AT : null,
          submitted ? personId : null,
          returned ? PENDING_AT : null,
          returned ? approver : null,
          returned ? 'Số điện thoại chưa đúng, đề nghị kiểm tra lại.' : null,
          null,
          ROW_VERSION_OF_STATUS[status],
          PENDING_AT,
          PENDING_AT,
        ]);
        await event(declarationId, 'created', personId, PENDING_AT);
        if (submitted) await event(declarationId, 'submitted', personId, PENDING_AT);
        if (returned)
          await event(
            declarationId,
            'returned',
            approver,
            PENDING_AT,
            'Số điện thoại chưa đúng, đề nghị kiểm tra lại.',
          );
        if (status === 'submitted') counts.submitted += 1;
        else if (status === 'draft') counts.drafts += 1;
        else counts.returned += 1;
      }
    }
  }
  return counts;
}
