import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../common/dates.ts';
import { openDatabase } from '../server/db/database.ts';
import { findDeclarationProblems } from '../server/modules/declarations/declaration-validation.ts';
import { copyText } from './dataset/copy-writer.ts';
import { DEFAULT_SERVER_URL, databaseUrlFor, dropDatabase, serverReachable } from './harness/database.ts';
import { percentile, summarize } from './harness/latency.ts';
import { parseOptions, UsageError } from './options.ts';
import { writeReport } from './report.ts';
import { runBenchmark } from './run.ts';
import { initialAssets } from './scenarios/client-size.ts';

// The benchmark end to end on the tiny dataset: load, server, every scenario, report. It checks
// that the harness works and that the product's answers are right (records valid, no lost
// update), never how fast anything is.

const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER_URL;
const reachable = await serverReachable(serverUrl);

describe('benchmark helpers', () => {
  it('percentile uses the nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 95)).toBe(10);
    expect(percentile(sorted, 10)).toBe(1);
    expect(summarize([3, 1, 2]).p50).toBe(2);
  });

  it('copyText escapes COPY text format', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyText(false)).toBe('f');
    expect(copyText(12.5)).toBe('12.5');
  });

  it('initialAssets lists scripts and preloads', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js"><link rel="stylesheet" href="/assets/index-c.css">
      <link rel="icon" href="/favicon.svg">`;
    expect(initialAssets(html)).toEqual({
      scripts: ['/assets/index-a.js', '/assets/vendor-b.js'],
      styles: ['/assets/index-c.css'],
    });
  });

  it('parseOptions rejects a bad size', () => {
    expect(() => parseOptions(['--size', 'city'])).toThrow(UsageError);
    expect(() => parseOptions(['--duration', '0'])).toThrow(UsageError);
    const flags = parseOptions(['--server-node-options=--max-old-space-size=192 --max-semi-space-size=8']);
    expect(flags).toMatchObject({ serverNodeOptions: ['--max-old-space-size=192', '--max-semi-space-size=8'] });
    const options = parseOptions(['--size', 'tiny', '--skip-load', '--no-report']);
    expect(options).toMatchObject({
      size: 'tiny',
      skipLoad: true,
      outDir: null,
      database: 'hoso_bench_tiny',
      durationSeconds: 10,
      serverNodeOptions: [],
    });
  });
});

describe.skipIf(!reachable)('benchmark on the tiny dataset', () => {
  const database = `hoso_bench_test_${randomBytes(4).toString('hex')}`;
  const reportDir = mkdtempSync(join(tmpdir(), 'hoso-bench-test-'));
  let run: Awaited<ReturnType<typeof runBenchmark>>;

  beforeAll(async () => {
    run = await runBenchmark(
      {
        size: 'tiny',
        durationSeconds: 1,
        skipLoad: false,
        serverUrl,
        database,
        declarants: 40,
        outDir: null,
        buildClient: false,
        only: [],
        // A young generation smaller than the default, so the suite runs the option's path too.
        serverNodeOptions: ['--max-semi-space-size=8'],
        command: 'bench.test.ts',
      },
      () => {},
    );
  }, 300_000);

  afterAll(async () => {
    rmSync(reportDir, { recursive: true, force: true });
    await dropDatabase(serverUrl, database);
  });

  it('runs every scenario without a failure', () => {
    const failures = run.results
      .filter((result) => result.status === 'failed')
      .map((result) => `${result.id}: ${result.reason}`);
    expect(failures).toEqual([]);
    for (const id of [
      'agency_table',
      'name_search',
      'open_record',
      'record_reads',
      'declarations',
      'excel_export',
      'excel_import',
      'server_memory',
    ]) {
      expect(run.results.find((result) => result.id === id)?.status, id).toBe('measured');
    }
  });

  it('compares reads with their raw SQL', () => {
    const agencyTable = run.results.find((result) => result.id === 'agency_table')!;
    expect(agencyTable.http!.requests).toBeGreaterThan(0);
    expect(agencyTable.http!.errors).toBe(0);
    expect(agencyTable.raw!.count).toBeGreaterThan(0);
    expect(agencyTable.raw!.statementsPerRequest).toBeGreaterThan(0);
    expect(agencyTable.ratio!.p50).toBeGreaterThan(0);
  });

  it('approves each declaration exactly once', () => {
    const metrics = run.results.find((result) => result.id === 'declarations')!.metrics!;
    expect(metrics.declarationsSubmitted).toBeGreaterThan(0);
    expect(metrics.approvals).toBe(metrics.declarationsSubmitted);
    expect(metrics.lostUpdates).toBe(0);
    expect(metrics.raceConflicts).toBe(metrics.races);
  });

  it('exports every person of the unit', () => {
    const metrics = run.results.find((result) => result.id === 'excel_export')!.metrics!;
    expect(metrics.rows).toBe(run.dataset.load.rows.people! - run.dataset.load.people.holding);
    expect(metrics.fileBytes).toBeGreaterThan(0);
  });

  it('generates records that pass submit validation', async () => {
    const handle = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, database), poolSize: 2 });
    try {
      const rows = await handle.db
        .selectFrom('person_records as r')
        .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
        .innerJoin('units as d', 'd.id', 'r.division_id')
        .select(['r.person_id', 'v.data'])
        .where('d.status', '=', 'active')
        .orderBy('r.person_id')
        .limit(60)
        .execute();
      expect(rows.length).toBe(60);
      for (const row of rows) {
        const problems = await findDeclarationProblems(handle.db, row.data, {
          personId: row.person_id,
          today: todayIso(),
        });
        expect(problems, `person ${row.person_id}`).toEqual([]);
      }
    } finally {
      await handle.close();
    }
  });

  it('writes the report files', () => {
    expect(run.targets.length).toBe(12);
    for (const target of run.targets) expect(['met', 'not met', 'not measured']).toContain(target.status);
    const written = writeReport(reportDir, run);
    expect(readFileSync(written.markdown, 'utf8')).toContain('## tiny dataset');
    expect(JSON.parse(readFileSync(written.json, 'utf8')).runs).toHaveLength(1);
  });
});
