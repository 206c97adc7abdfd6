import type { Transaction } from 'kysely';
import type pino from 'pino';
import type { Database } from '../db/schema.ts';
import type { DivisionCategory } from './division-templates.ts';
import type { DemoOrgPlan } from './org-plan.ts';
import type { GeneratedPerson } from './person-generator.ts';
import type { SeededRandom } from './random.ts';

/** A generated person as stored: database ids next to the generated values and the placement. */
export interface SeededPerson {
  id: number;
  generated: GeneratedPerson;
  agencyId: number;
  agencyCode: string;
  agencyLevel: 'province' | 'commune';
  divisionId: number;
  divisionCode: string;
  /** Kind of division the person works in: a school, a hospital, a leadership board … */
  divisionCategory: DivisionCategory;
  /** Start of the open membership. */
  membershipFrom: string;
}

/** Everything a seed step reads and fills in. Steps run in order in one transaction. */
export interface DemoSeedContext {
  db: Transaction<Database>;
  seed: number;
  log: pino.Logger;
  plan: DemoOrgPlan;
  /** Number of people to generate. */
  peopleCount: number;
  /** Unit ids by code; filled by the organisation step. */
  unitIds: Map<string, number>;
  /** Filled by the people step, in generation order. */
  people: SeededPerson[];
  /** Account ids by person id; filled by the accounts step. */
  accountIds: Map<number, number>;
  /**
   * A random stream of its own for each name, derived from the seed. A step that draws from its
   * own stream leaves the data of every other step unchanged when it is added or altered.
   */
  random(stream: string): SeededRandom;
}

/** One stage of building the demo province. `run` returns row counts for the log. */
export interface DemoSeedStep {
  name: string;
  run(context: DemoSeedContext): Promise<Record<string, number>>;
}
