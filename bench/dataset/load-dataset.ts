import pg from 'pg';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { hashPassword } from '../../server/modules/auth/password.ts';
import { recreateDatabase } from '../harness/database.ts';
import { dropIndexes, rebuildIndexes, resetIdentitySequences, secondaryIndexes } from './bulk-load.ts';
import { CopyWriter } from './copy-writer.ts';
import { loadDemoCatalogs } from './demo-catalogs.ts';
import { buildBenchOrgPlan, DIVISION_END_DATE } from './org-plan.ts';
import { COPY_COLUMNS, type PersonCounts, type PersonWriters, writePeople } from './person-rows.ts';
import type { DatasetProfile } from './sizes.ts';

// Builds a benchmark database from nothing: create, migrate (server/db/migrate.ts, so catalogs
// and every index are the product's own), drop secondary indexes, COPY the generated rows with
// foreign-key triggers off, rebuild the indexes, fix the identity sequences, ANALYZE.

/** Password of every generated account. The benchmark databases hold generated people only. */
export const BENCH_PASSWORD = 'HoSo@Bench-2026';

const LOADED_TABLES = [
  'units',
  'unit_revisions',
  'people',
  'memberships',
  'accounts',
  'role_grants',
  'record_versions',
  'person_records',
  'declarations',
  'declaration_events',
];

export interface LoadReport {
  size: string;
  seed: number;
  startedAt: string;
  /** Seconds per phase: migrate, generate and COPY, index rebuild, ANALYZE. */
  seconds: { migrate: number; copy: number; indexes: number; analyze: number; total: number };
  rows: Record<string, number>;
  indexMilliseconds: Record<string, number>;
  people: PersonCounts;
  databaseBytes: number;
}

function secondsSince(started: number): number {
  return Math.round((performance.now() - started) / 100) / 10;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Skips foreign-key and user triggers during the load; the generator keeps references consistent.
  await client.query(`set session_replication_role = replica`);
  return client;
}

async function writeUnits(
  url: string,
  plan: ReturnType<typeof buildBenchOrgPlan>,
): Promise<Record<string, number>> {
  const unitsClient = await connect(url);
  const revisionsClient = await connect(url);
  try {
    const units = CopyWriter.open(unitsClient, 'units', [
      'id',
      'code',
      'name',
      'kind',
      'parent_id',
      'valid_from',
      'valid_to',
      'status',
      'decision_number',
      'decision_date',
      'sort_order',
    ]);
    const revisions = CopyWriter.open(revisionsClient, 'unit_revisions', [
      'id',
      'unit_id',
      'name',
      'parent_id',
      'valid_from',
      'valid_to',
      'decision_number',
      'decision_date',
    ]);
    let revisionId = 0;
    for (const unit of plan.units) {
      const ended = unit.validTo !== null;
      const decision = ended ? [`${unit.id}/QĐ-UBND`, '2026-06-15'] : [null, null];
      await units.push([
        unit.id,
        unit.code,
        unit.name,
        unit.kind,
        unit.parentId,
        unit.validFrom,
        unit.validTo,
        ended ? 'ended' : 'active',
        decision[0],
        decision[1],
        unit.sortOrder,
      ]);
      if (unit.formerName) {
        await revisions.push([
          ++revisionId,
          unit.id,
          unit.formerName,
          unit.parentId,
          unit.validFrom,
          '2025-07-01',
          null,
          null,
        ]);
        await revisions.push([
          ++revisionId,
          unit.id,
          unit.name,
          unit.parentId,
          '2025-07-01',
          unit.validTo,
          '1234/QĐ-UBND',
          '2025-06-30',
        ]);
      } else {
        await revisions.push([
          ++revisionId,
          unit.id,
          unit.name,
          unit.parentId,
          unit.validFrom,
          unit.validTo,
          decision[0],
          decision[1],
        ]);
      }
    }
    return { units: await units.finish(), unit_revisions: await revisions.finish() };
  } finally {
    await unitsClient.end();
    await revisionsClient.end();
  }
}

async function writePeopleTables(
  url: string,
  profile: DatasetProfile,
  plan: ReturnType<typeof buildBenchOrgPlan>,
  catalogs: Awaited<ReturnType<typeof loadDemoCatalogs>>,
) {
  const clients: pg.Client[] = [];
  const open = async (table: keyof typeof COPY_COLUMNS) => {
    const client = await connect(url);
    clients.push(client);
    return CopyWriter.open(client, table, COPY_COLUMNS[table]);
  };
  try {
    const writers: PersonWriters = {
      people: await open('people'),
      memberships: await open('memberships'),
      accounts: await open('accounts'),
      roleGrants: await open('role_grants'),
      recordVersions: await open('record_versions'),
      personRecords: await open('person_records'),
      declarations: await open('declarations'),
      declarationEvents: await open('declaration_events'),
    };
    // One shared hash: hashing millions of passwords would take hours (about 10 ms each).
    const counts = await writePeople(profile, plan, catalogs, await hashPassword(BENCH_PASSWORD), writers);
    const rows: Record<string, number> = {};
    for (const writer of Object.values(writers)) rows[writer.table] = await writer.finish();
    return { counts, rows };
  } finally {
    for (const client of clients) await client.end();
  }
}

/** Recreates the database, fills it with the profile's dataset and returns what it did and how long it took. */
export async function loadDataset(
  serverUrl: string,
  databaseUrl: string,
  database: string,
  profile: DatasetProfile,
  log: (line: string) => void,
): Promise<LoadReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  await recreateDatabase(serverUrl, database);

  const migrateStarted = performance.now();
  const handle = await openDatabase({ databaseUrl });
  await migrateToLatest(handle.db);
  await handle.close();
  const migrateSeconds = secondsSince(migrateStarted);
  log(`migrated ${database} in ${migrateSeconds} s`);

  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const catalogs = await loadDemoCatalogs(admin);
    const indexes = await secondaryIndexes(admin, LOADED_TABLES);
    await dropIndexes(admin, indexes);

    const copyStarted = performance.now();
    const plan = buildBenchOrgPlan(profile);
    const unitRows = await writeUnits(databaseUrl, plan);
    log(`wrote ${unitRows.units} units; generating ${profile.people} people`);
    const { counts, rows } = await writePeopleTables(databaseUrl, profile, plan, catalogs);
    const copySeconds = secondsSince(copyStarted);
    log(`copied ${counts.people} people and their rows in ${copySeconds} s`);

    const indexStarted = performance.now();
    await admin.query(`set maintenance_work_mem = '256MB'`);
    const indexMilliseconds = await rebuildIndexes(admin, indexes);
    await resetIdentitySequences(admin, LOADED_TABLES);
    const indexSeconds = secondsSince(indexStarted);
    log(`rebuilt ${indexes.length} indexes in ${indexSeconds} s`);

    const analyzeStarted = performance.now();
    await admin.query('analyze');
    const analyzeSeconds = secondsSince(analyzeStarted);

    const { rows: sizeRows } = await admin.query<{ bytes: string }>(
      'select pg_database_size(current_database()) as bytes',
    );
    const report: LoadReport = {
      size: profile.size,
      seed: profile.seed,
      startedAt,
      seconds: {
        migrate: migrateSeconds,
        copy: copySeconds,
        indexes: indexSeconds,
        analyze: analyzeSeconds,
        total: secondsSince(started),
      },
      rows: { ...unitRows, ...rows },
      indexMilliseconds,
      people: counts,
      databaseBytes: Number(sizeRows[0]?.bytes ?? 0),
    };
    await saveDatasetInfo(admin, profile, report);
    return report;
  } finally {
    await admin.end();
  }
}

/** Keeps the profile and load report in the database, so that --skip-load runs know what they measure. */
async function saveDatasetInfo(
  client: pg.ClientBase,
  profile: DatasetProfile,
  report: LoadReport,
): Promise<void> {
  await client.query('create table if not exists bench_dataset (key text primary key, value jsonb not null)');
  await client.query(
    `insert into bench_dataset (key, value) values ('profile', $1), ('load', $2), ('ended_on', $3)
    on conflict (key) do update set value = excluded.value`,
    [JSON.stringify(profile), JSON.stringify(report), JSON.stringify(DIVISION_END_DATE)],
  );
}

/** Reads the profile and load report saved by loadDataset; undefined when loadDataset did not fill the database. */
export async function readDatasetInfo(
  databaseUrl: string,
): Promise<{ profile: DatasetProfile; load: LoadReport } | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client
      .query<{ key: string; value: unknown }>(
        `select key, value from bench_dataset where key in ('profile', 'load')`,
      )
      .catch(() => ({ rows: [] }));
    const profile = rows.find((row) => row.key === 'profile')?.value as DatasetProfile | undefined;
    const load = rows.find((row) => row.key === 'load')?.value as LoadReport | undefined;
    return profile && load ? { profile, load } : undefined;
  } finally {
    await client.end();
  }
}
