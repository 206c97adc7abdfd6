import type { Kysely } from 'kysely';
import type pino from 'pino';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../modules/audit/audit.ts';
import { buildDemoOrgPlan } from './org-plan.ts';
import { SeededRandom } from './random.ts';
import { seedAccounts, seedRoleGrants } from './seed-accounts.ts';
import type { DemoSeedContext, DemoSeedStep } from './seed-context.ts';
import { seedHistory } from './seed-history.ts';
import { seedOrganisation } from './seed-org.ts';
import { seedPeople } from './seed-people.ts';
import { seedRecords } from './seed-records.ts';

// The demo province that the server builds on first start when the database is empty: the real
// post-2025 structure of Quảng Trị with generated people, accounts and role grants.

export type { DemoLogin } from './demo-logins.ts';
export { DEMO_PASSWORD, listDemoLogins } from './demo-logins.ts';

/** Seed used when none is given; the same seed always builds the same province. */
export const DEFAULT_DEMO_SEED = 2025;

/**
 * The stages, run in this order inside one transaction. Each later stage reads what the earlier
 * ones put in the context (unit ids, people, account ids).
 *
 * Personnel-record details (grades, salary, education …) for the generated people belong in a
 * step of their own, in seed-records.ts, added to this list after 'role grants'. Such a step
 * should draw from `context.random('records')` so that adding it leaves names and ids unchanged.
 */
export const DEMO_SEED_STEPS: DemoSeedStep[] = [
  { name: 'organisation', run: seedOrganisation },
  { name: 'people', run: seedPeople },
  { name: 'accounts', run: seedAccounts },
  { name: 'role grants', run: seedRoleGrants },
  { name: '2025 reorganisation history', run: seedHistory },
  { name: 'records and declarations', run: seedRecords },
];

export interface SeedDemoOptions {
  people: number;
  log: pino.Logger;
  seed?: number;
}

/**
 * Builds the demo province into an empty database. Everything is written in one transaction,
 * so a failure or a stop halfway leaves the database empty and the next start builds it again.
 * Raises when units already exist, and a RangeError when there are fewer people than divisions.
 */
export async function seedDemoProvince(db: Kysely<Database>, options: SeedDemoOptions): Promise<void> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const plan = buildDemoOrgPlan();
  const divisionCount = plan.agencies.reduce((sum, agency) => sum + agency.divisions.length, 0);
  if (options.people < divisionCount) {
    throw new RangeError(
      `Tỉnh thử nghiệm có ${divisionCount} bộ phận và cần ít nhất ${divisionCount} người; hãy đặt DEMO_PEOPLE lớn hơn. ` +
        `(The demo province has ${divisionCount} divisions and needs at least that many people; DEMO_PEOPLE was ${options.people}.)`,
    );
  }

  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('units').select('id').limit(1).executeTakeFirst();
    if (existing)
      throw new Error(
        'The demo province is built only into an empty database, and this one already has units.',
      );

    const context: DemoSeedContext = {
      db: trx,
      seed,
      log: options.log,
      plan,
      peopleCount: options.people,
      unitIds: new Map(),
      people: [],
      accountIds: new Map(),
      random: (stream) => SeededRandom.forStream(seed, stream),
    };

    for (const step of DEMO_SEED_STEPS) {
      const stepStarted = performance.now();
      const counts = await step.run(context);
      options.log.info(
        { step: step.name, ms: Math.round(performance.now() - stepStarted), ...counts },
        'demo seed step finished',
      );
    }

    await recordAudit(
      trx,
      { actorAccountId: null, requestId: null, ip: null },
      {
        action: 'demo.seed',
        entityType: 'unit',
        entityId: context.unitIds.get(plan.province.code) ?? null,
        detail: {
          seed,
          people: context.people.length,
          agencies: plan.agencies.length,
          units: context.unitIds.size,
        },
      },
    );
  });
  options.log.info(
    { ms: Math.round(performance.now() - started), people: options.people, seed },
    'demo province written',
  );
}
