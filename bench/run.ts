import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/db/database.ts';
import { installTypeParsers } from '../server/db/type-parsers.ts';
import { loadDataset, readDatasetInfo } from './dataset/load-dataset.ts';
import { datasetProfiles } from './dataset/sizes.ts';
import { databaseExists, databaseUrlFor, serverReachable } from './harness/database.ts';
import { chooseFixtures } from './harness/fixtures.ts';
import { BenchClient } from './harness/load-driver.ts';
import { startServer } from './harness/server-process.ts';
import { type BenchSession, openSession } from './harness/sessions.ts';
import { SqlCapture } from './harness/sql-capture.ts';
import { type BenchOptions, parseOptions, USAGE, UsageError } from './options.ts';
import { type BenchRun, formatRun, type MachineInfo, writeReport } from './report.ts';
import { clientSize, WEB_DIST } from './scenarios/client-size.ts';
import { type BenchContext, failed, type ScenarioResult } from './scenarios/context.ts';
import { DECLARATION_CONCURRENCY, declarationsUnderLoad } from './scenarios/declarations.ts';
import { curriculumVitae } from './scenarios/documents.ts';
import { excelExport, excelImport } from './scenarios/excel.ts';
import {
  agencyTable,
  nameSearch,
  nationalStatistics,
  openRecord,
  provinceAgencyTable,
  provinceDashboard,
  provinceStatistics,
  READ_CONCURRENCY,
  recordReads,
} from './scenarios/reads.ts';
import { checkTargets } from './targets.ts';

// `npm run bench`: load (or reuse) the dataset, start the real server against it, run every
// scenario, check the targets and write docs/benchmarks.md and docs/benchmarks.json.

const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Scenarios in the order they run; writes (declarations, export) come after the reads they would disturb. */
const SCENARIOS: Array<{ id: string; run: (context: BenchContext) => Promise<ScenarioResult> }> = [
  { id: 'agency_table', run: agencyTable },
  { id: 'province_agency_table', run: provinceAgencyTable },
  { id: 'province_dashboard', run: provinceDashboard },
  { id: 'quality_statistics_province', run: provinceStatistics },
  { id: 'quality_statistics_national', run: nationalStatistics },
  { id: 'name_search', run: nameSearch },
  { id: 'open_record', run: openRecord },
  { id: 'record_reads', run: recordReads },
  { id: 'cv_docx', run: curriculumVitae },
  { id: 'declarations', run: declarationsUnderLoad },
  { id: 'excel_export', run: excelExport },
  { id: 'excel_import', run: excelImport },
];

function printProgress(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function machineInfo(databaseUrl: string): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const setting = async (name: string) =>
      (await client.query<{ value: string }>(`select current_setting($1) as value`, [name])).rows[0]!.value;
    const postgresSettings: Record<string, string> = {};
    for (const name of ['shared_buffers', 'work_mem', 'synchronous_commit', 'max_connections'])
      postgresSettings[name] = await setting(name);
    return {
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      cpus: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
      node: process.versions.node,
      postgres: await setting('server_version'),
      postgresSettings,
      loadAverageStart: Math.round(loadavg()[0]! * 100) / 100,
      loadAverageEnd: 0,
    };
  } finally {
    await client.end();
  }
}

function buildClientIfMissing(options: BenchOptions, log: (line: string) => void): void {
  if (existsSync(resolve(WEB_DIST, 'index.html')) || !options.buildClient) return;
  log('web/dist is missing: running npm run build');
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${resolve(REPO_ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  if (result.status !== 0)
    log(`npm run build failed with code ${result.status}; the client size is reported as not available`);
}

async function openApiRoutes(origin: string): Promise<Set<string>> {
  const response = await fetch(`${origin}/api/openapi.json`);
  if (!response.ok) throw new Error(`GET /api/openapi.json returned ${response.status}.`);
  const document = (await response.json()) as { paths?: Record<string, Record<string, unknown>> };
  const routes = new Set<string>();
  for (const [path, operations] of Object.entries(document.paths ?? {}))
    for (const method of Object.keys(operations)) routes.add(`${method.toUpperCase()} ${path}`);
  return routes;
}

/** The memory samples taken while each scenario ran: [scenario id, first sample, end sample). */
type SampleSpans = Array<[string, number, number]>;

function memoryResult(samples: Array<{ rssBytes: number }>, spans: SampleSpans): ScenarioResult {
  const values = samples.map((sample) => sample.rssBytes).filter((value) => value > 0);
  if (values.length === 0)
    return {
      id: 'server_memory',
      title: 'Server memory (RSS)',
      status: 'not_available',
      reason: 'no /proc memory samples of the server process',
    };
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const peakOf = (from: number, to: number) =>
    Math.max(0, ...samples.slice(from, to).map((sample) => sample.rssBytes));
  const perScenario = Object.fromEntries(
    spans.filter(([, from, to]) => to > from).map(([id, from, to]) => [`peakMb_${id}`, mb(peakOf(from, to))]),
  );
  return {
    id: 'server_memory',
    title: 'Server memory (RSS)',
    status: 'measured',
    metrics: {
      startMb: mb(values[0]!),
      peakMb: mb(Math.max(...values)),
      endMb: mb(values.at(-1)!),
      samples: values.length,
      ...perScenario,
    },
    notes: [
      '1 MB is 1,000,000 bytes. The peak covers every scenario of the run, exports and CV generation included.',
    ],
  };
}

/** Runs the whole benchmark and returns the run as written to the report; `log` gets progress lines. */
export async function runBenchmark(
  options: BenchOptions,
  log: (line: string) => void = printProgress,
): Promise<BenchRun> {
  installTypeParsers();
  const databaseUrl = databaseUrlFor(options.serverUrl, options.database);
  if (!(await serverReachable(options.serverUrl)))
    throw new Error(
      `PostgreSQL is not reachable at ${options.serverUrl}; start it (pg_ctlcluster 15 main start) or pass --server-url.`,
    );

  let loadedThisRun = false;
  let info =
    options.skipLoad && (await databaseExists(options.serverUrl, options.database))
      ? await readDatasetInfo(databaseUrl)
      : undefined;
  if (options.skipLoad && !info)
    throw new Error(
      `--skip-load needs a database loaded by an earlier run, and ${options.database} has none; run without --skip-load.`,
    );
  if (info && info.profile.size !== options.size)
    throw new Error(`${options.database} contains the ${info.profile.size} dataset, not ${options.size}.`);
  if (!info) {
    log(`loading the ${options.size} dataset into ${options.database}`);
    const load = await loadDataset(
      options.serverUrl,
      databaseUrl,
      options.database,
      datasetProfiles[options.size],
      log,
    );
    info = { profile: datasetProfiles[options.size], load };
    loadedThisRun = true;
  }

  const machine = await machineInfo(databaseUrl);
  buildClientIfMissing(options, log);

  log('starting the server');
  const server = await startServer({ databaseUrl, nodeOptions: options.serverNodeOptions });
  const client = new BenchClient(server.origin, Math.max(READ_CONCURRENCY, DECLARATION_CONCURRENCY) + 2);
  const handle = await openDatabase({ databaseUrl, poolSize: 4 });
  const capture = await SqlCapture.start(databaseUrl);
  const results: ScenarioResult[] = [];
  const spans: SampleSpans = [];
  try {
    const fixtureClient = new pg.Client({ connectionString: databaseUrl });
    await fixtureClient.connect();
    const fixtures = await chooseFixtures(fixtureClient, { declarants: options.declarants }).finally(() =>
      fixtureClient.end(),
    );
    const sessions = new Map<number, Promise<BenchSession>>();
    const context: BenchContext = {
      databaseUrl,
      durationSeconds: options.durationSeconds,
      profile: info.profile,
      load: info.load,
      server,
      client,
      db: handle.db,
      capture,
      fixtures,
      routes: await openApiRoutes(server.origin),
      session(accountId) {
        if (!sessions.has(accountId)) sessions.set(accountId, openSession(handle.db, accountId));
        return sessions.get(accountId)!;
      },
      log,
    };

    for (const scenario of SCENARIOS) {
      if (options.only.length > 0 && !options.only.includes(scenario.id)) continue;
      log(`running ${scenario.id}`);
      const firstSample = server.samples.length;
      const result = await scenario
        .run(context)
        .catch((error: unknown) => failed(scenario.id, scenario.id, error));
      spans.push([scenario.id, firstSample, server.samples.length]);
      log(`${scenario.id}: ${result.status}${result.reason ? ` (${result.reason.slice(0, 200)})` : ''}`);
      results.push(result);
    }
  } finally {
    results.push(memoryResult(server.samples, spans));
    await capture.close();
    await client.close();
    await handle.close();
    await server.stop();
  }
  if (options.only.length === 0 || options.only.includes('client_initial_js')) results.push(clientSize());

  machine.loadAverageEnd = Math.round(loadavg()[0]! * 100) / 100;
  const units = Object.values(info.load.rows).length > 0 ? (info.load.rows.units ?? 0) : 0;
  return {
    id: new Date().toISOString(),
    date: new Date().toISOString(),
    command: options.command,
    machine,
    dataset: {
      size: info.profile.size,
      people: info.profile.people,
      units,
      seed: info.profile.seed,
      loadedThisRun,
      load: info.load,
    },
    durationSeconds: options.durationSeconds,
    results,
    targets: checkTargets(results),
  };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const run = await runBenchmark(options);
  console.log(formatRun(run));
  if (options.outDir) {
    const written = writeReport(resolve(REPO_ROOT, options.outDir), run);
    printProgress(`wrote ${written.markdown} and ${written.json}`);
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(1);
  });
}
