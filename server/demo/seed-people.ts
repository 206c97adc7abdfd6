import { nameSortKey } from '../../common/vietnamese.ts';
import { chunks } from './batch.ts';
import type { DivisionCategory } from './division-templates.ts';
import { allocateHeadcount } from './headcount-allocation.ts';
import type { PlannedDivision } from './org-plan.ts';
import { type NextPersonOptions, PersonGenerator } from './person-generator.ts';
import type { DemoSeedContext, SeededPerson } from './seed-context.ts';
import { DEMO_STRUCTURE_FROM } from './seed-org.ts';

// Share of women by kind of division, roughly as in Vietnamese public service: most teachers
// and nurses are women, most leaders and inspectors are men.
const FEMALE_SHARE: Record<DivisionCategory, number> = {
  leadership: 0.3,
  office: 0.6,
  inspection: 0.35,
  department: 0.45,
  service_centre: 0.5,
  school: 0.72,
  health: 0.6,
};

function personOptions(division: PlannedDivision): NextPersonOptions {
  const femaleShare = division.name.includes('Mầm non') ? 0.97 : FEMALE_SHARE[division.category];
  return division.category === 'leadership' ? { femaleShare, minAge: 35 } : { femaleShare };
}

/** Everyone worked in the new structure from the day it began, or from recruitment if later. */
function membershipStart(serviceStartDate: string): string {
  return serviceStartDate > DEMO_STRUCTURE_FROM ? serviceStartDate : DEMO_STRUCTURE_FROM;
}

type PlacedPerson = Omit<SeededPerson, 'id'>;

/** Generates the people division by division, in plan order, so a seed always gives the same placement. */
function generatePlacedPeople(context: DemoSeedContext): PlacedPerson[] {
  const { plan, unitIds } = context;
  const divisions = plan.agencies.flatMap((agency) =>
    agency.divisions.map((division) => ({ agency, division })),
  );
  const counts = allocateHeadcount(
    divisions.map(({ division }) => division.weight),
    context.peopleCount,
  );

  const generator = new PersonGenerator(context.seed);
  const placed: PlacedPerson[] = [];
  divisions.forEach(({ agency, division }, index) => {
    const options = personOptions(division);
    for (let count = 0; count < counts[index]!; count++) {
      const generated = generator.next(options);
      placed.push({
        generated,
        agencyId: unitIds.get(agency.code)!,
        agencyCode: agency.code,
        agencyLevel: agency.level,
        divisionId: unitIds.get(division.code)!,
        divisionCode: division.code,
        divisionCategory: division.category,
        membershipFrom: membershipStart(generated.serviceStartDate),
      });
    }
  });
  return placed;
}

/** Writes the generated people and one open membership each, a thousand rows per INSERT. */
export async function seedPeople(context: DemoSeedContext): Promise<Record<string, number>> {
  const { db } = context;
  const placed = generatePlacedPeople(context);

  for (const batch of chunks(placed)) {
    const inserted = await db
      .insertInto('people')
      .values(
        batch.map(({ generated }) => ({
          full_name: generated.fullName,
          name_sort_key: nameSortKey(generated.fullName),
          gender: generated.gender,
          birth_date: generated.birthDate,
          personal_id_number: generated.personalIdNumber,
          employee_code: generated.employeeCode,
        })),
      )
      .returning(['id', 'personal_id_number'])
      .execute();

    // Matched by the unique ID number rather than trusting RETURNING to keep the VALUES order.
    const idByNumber = new Map(inserted.map((row) => [row.personal_id_number, row.id]));
    const people = batch.map((person) => ({
      ...person,
      id: idByNumber.get(person.generated.personalIdNumber)!,
    }));
    context.people.push(...people);

    await db
      .insertInto('memberships')
      .values(
        people.map((person) => ({
          person_id: person.id,
          agency_id: person.agencyId,
          division_id: person.divisionId,
          valid_from: person.membershipFrom,
          valid_to: null,
        })),
      )
      .execute();
  }

  return { people: context.people.length, memberships: context.people.length };
}
