import type { Kysely } from 'kysely';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';

/** What route modules receive: the database and the configuration. Services are built per module. */
export interface AppDeps {
  db: Kysely<Database>;
  config: AppConfig;
}
