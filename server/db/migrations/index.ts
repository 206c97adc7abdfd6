import type { Migration } from 'kysely/migration';
import * as foundation from './202612040001_foundation.ts';
import * as records from './202612040200_records.ts';
import * as catalogs from './202612040100_catalogs.ts';
import * as catalogEntryEnd from './202612061000_catalog_entry_end.ts';
import * as reorganisationRequests from './202612051200_reorganisation_requests.ts';
import * as accountSearch from './202612051300_account_search.ts';
import * as signInOptions from './202612060100_sign_in_options.ts';
import * as importJobs from './202612071000_import_jobs.ts';

// Every migration, by name. Names sort in the order they run; a migration never changes once
// it has run anywhere, so later changes go into a new file listed here.
export const migrations: Record<string, Migration> = {
  '202612040001_foundation': foundation,
  '202612040200_records': records,
  '202612040100_catalogs': catalogs,
  '202612061000_catalog_entry_end': catalogEntryEnd,
  '202612051200_reorganisation_requests': reorganisationRequests,
  '202612051300_account_search': accountSearch,
  '202612060100_sign_in_options': signInOptions,
  '202612071000_import_jobs': importJobs,
};
