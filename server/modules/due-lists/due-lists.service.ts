import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { GrantedRole } from '../../../common/roles.ts';
import { addMonths } from '../../../common/rules/months.ts';
import {
  type DueListResponse,
  dueHorizons,
  type RetirementDueItem,
  type StepDueItem,
} from '../../../common/schemas/due-lists.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { assertCoversUnit } from '../access/scope.ts';
import { peopleWithRecords, unitRefs, unitsCovered } from './due-lists.repository.ts';
import { loadRuleTables, retirementDueOf, stepDueOf } from './due-rules.ts';

// Computes the due lists of a unit: every person working there now with an approved record is
// run through the salary-step and retirement rules once, for the longest horizon (12 months);
// the shorter horizons and their counts are filters of that one computation.

const LONGEST_HORIZON = Math.max(...dueHorizons);

/** Loads the unit after checking that one of the actor's grants for the roles covers it. */
export async function scopedUnit(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  roles: readonly GrantedRole[],
) {
  await assertCoversUnit(db, actor, unitId, roles);
  const unit = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');
  return unit;
}

function byDueDateThenName<T extends { fullName: string }>(
  dateOf: (item: T) => string,
  sortKeys: Map<number, string>,
) {
  return (left: T & { personId: number }, right: T & { personId: number }) => {
    const byDate = dateOf(left).localeCompare(dateOf(right));
    if (byDate !== 0) return byDate;
    const a = sortKeys.get(left.personId) ?? '';
    const b = sortKeys.get(right.personId) ?? '';
    if (a === b) return 0;
    return a < b ? -1 : 1;
  };
}

/**
 * Lists the step increases, over-frame starts and retirements due in the unit from `asOf` through
 * `months` months later (the last day included), overdue ones first.
 */
export async function computeDueLists(
  db: Kysely<Database>,
  unit: { id: number; code: string; name: string; kind: DueListResponse['unit']['kind'] },
  options: { months: number; asOf?: string | undefined },
): Promise<DueListResponse> {
  const asOf = options.asOf ?? todayIso();
  const longestUntil = addMonths(asOf, LONGEST_HORIZON);
  const tables = await loadRuleTables(db);

  const steps: StepDueItem[] = [];
  const retirements: RetirementDueItem[] = [];
  const sortKeys = new Map<number, string>();
  const incomplete = { steps: 0, retirements: 0 };
  const pending: Array<{
    item: StepDueItem | RetirementDueItem;
    agencyId: number;
    divisionId: number | null;
  }> = [];

  for await (const batch of peopleWithRecords(db, await unitsCovered(db, unit))) {
    for (const person of batch) {
      sortKeys.set(person.personId, person.nameSortKey);
      const common = {
        personId: person.personId,
        fullName: person.fullName,
        gender: person.gender,
        birthDate: person.birthDate,
        agency: null,
        division: null,
      };

      const outcome = stepDueOf(tables, person);
      if (outcome.kind === 'incomplete') incomplete.steps += 1;
      const step = outcome.kind === 'due' ? outcome.due : undefined;
      if (step && step.dueDate <= longestUntil) {
        const item: StepDueItem = {
          ...common,
          ...step,
          overdue: step.dueDate < asOf,
          rankCode: person.rankCode,
          rankName: person.rankName,
          currentCoefficient: person.coefficient,
          stepStartDate: person.stepStartDate!,
        };
        steps.push(item);
        pending.push({ item, agencyId: person.agencyId, divisionId: person.divisionId });
      }

      const retirement = retirementDueOf(tables, person);
      if (!retirement) incomplete.retirements += 1;
      if (retirement && retirement.retirementDate <= longestUntil) {
        const item: RetirementDueItem = {
          ...common,
          overdue: retirement.retirementDate < asOf,
          positionName: person.positionName,
          rankName: person.rankName,
          ageYears: retirement.ageYears,
          ageMonths: retirement.ageMonths,
          retirementDate: retirement.retirementDate,
          pensionStartDate: retirement.pensionStartDate,
        };
        retirements.push(item);
        pending.push({ item, agencyId: person.agencyId, divisionId: person.divisionId });
      }
    }
  }

  const units = await unitRefs(
    db,
    pending.flatMap((entry) => (entry.divisionId ? [entry.agencyId, entry.divisionId] : [entry.agencyId])),
  );
  for (const entry of pending) {
    entry.item.agency = units.get(entry.agencyId) ?? null;
    entry.item.division = entry.divisionId ? (units.get(entry.divisionId) ?? null) : null;
  }
  steps.sort(byDueDateThenName<StepDueItem>((item) => item.dueDate, sortKeys));
  retirements.sort(byDueDateThenName<RetirementDueItem>((item) => item.retirementDate, sortKeys));

  const until = addMonths(asOf, options.months);
  const counts = dueHorizons.map((months) => {
    const end = addMonths(asOf, months);
    const stepsIn = steps.filter((item) => item.dueDate <= end);
    const retirementsIn = retirements.filter((item) => item.retirementDate <= end);
    return {
      months,
      steps: stepsIn.length,
      retirements: retirementsIn.length,
      overdueSteps: stepsIn.filter((item) => item.overdue).length,
      overdueRetirements: retirementsIn.filter((item) => item.overdue).length,
    };
  });

  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    asOf,
    months: options.months,
    until,
    counts,
    steps: steps.filter((item) => item.dueDate <= until),
    retirements: retirements.filter((item) => item.retirementDate <= until),
    incomplete,
  };
}
