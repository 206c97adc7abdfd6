import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '../../../common/schemas/exports.ts';
import type { Actor } from '../../http/policy.ts';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { AuditContext } from '../audit/audit.ts';
import { ExportJobs, type ExportTask } from './export-jobs.ts';
import { writeListSheet } from './list-workbook.ts';

let testApp: TestApp;
let jobs: ExportJobs;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
const audit: AuditContext = { actorAccountId: null, requestId: 'export-jobs-test', ip: '127.0.0.1' };

function actorFor(accountId: number): Actor {
  return {
    accountId,
    email: '',
    displayName: '',
    personId: null,
    homeUnitId: 1,
    mustChangePassword: false,
    grants: [],
    sessionId: '',
    csrfToken: '',
  };
}

/** Builds a task over generate_series in batches of `batchSize` that waits for `gate` after the first batch. */
function numbersTask(total: number, batchSize: number, gate?: Promise<void>): ExportTask {
  async function* batches() {
    for (let start = 1; start <= total; start += batchSize) {
      const result = await sql<{
        n: number;
      }>`select n::int from generate_series(${start}::int, ${Math.min(start + batchSize - 1, total)}::int) as n`.execute(
        testApp.database.db,
      );
      yield result.rows;
      if (start === 1 && gate) await gate;
    }
  }
  return {
    kind: 'test.numbers',
    fileName: 'Số thử.xlsx',
    filter: { total },
    rowsTotal: total,
    write: (workbook, onProgress) =>
      writeListSheet(
        workbook,
        {
          sheetName: 'Số',
          title: 'SỐ',
          subtitles: [],
          columns: [{ header: 'Số', width: 10, kind: 'integer', value: (row) => row.n }],
          batches: batches(),
        },
        onProgress,
      ),
  };
}

async function waitFor(
  accountId: number,
  id: string,
  until: (job: ExportJob) => boolean,
): Promise<ExportJob> {
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const job = jobs.status(actorFor(accountId), id);
    if (until(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Export ${id} never reached the expected state`);
}

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
  jobs = new ExportJobs({
    db: testApp.database.db,
    log: testApp.app.log,
    maxRunning: 1,
    maxActivePerAccount: 2,
    maxRows: 5_000,
  });
});

afterAll(async () => {
  await jobs?.close();
  await testApp?.close();
});

describe('export jobs', () => {
  it('serves other requests while an export is half written', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started = jobs.start(actorFor(1), audit, numbersTask(2_000, 250, gate));
    const halfway = await waitFor(1, started.id, (job) => job.rowsDone > 0);
    expect(halfway.state).toBe('running');
    expect(halfway.rowsDone).toBe(250);

    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const meanwhile = await snv.get(`/api/units/${province.province.id}/agency-table`);
    expect(meanwhile.statusCode).toBe(200);
    expect(jobs.status(actorFor(1), started.id).state).toBe('running');

    release();
    const done = await waitFor(1, started.id, (job) => job.state === 'done');
    expect(done.rowsDone).toBe(2_000);
    const file = await jobs.file(actorFor(1), started.id);
    expect(file.size).toBeGreaterThan(0);
  });

  it('queues exports beyond the running limit', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = jobs.start(actorFor(2), audit, numbersTask(600, 200, gate));
    await waitFor(2, first.id, (job) => job.state === 'running');
    const second = jobs.start(actorFor(3), audit, numbersTask(10, 10));
    expect(second.state).toBe('queued');
    expect(jobs.status(actorFor(3), second.id).state).toBe('queued');

    release();
    expect((await waitFor(3, second.id, (job) => job.state === 'done')).rowsDone).toBe(10);
    expect((await waitFor(2, first.id, (job) => job.state === 'done')).rowsDone).toBe(600);
  });

  it('refuses a third active export of one account', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = jobs.start(actorFor(4), audit, numbersTask(400, 200, gate));
    jobs.start(actorFor(4), audit, numbersTask(5, 5));
    expect(() => jobs.start(actorFor(4), audit, numbersTask(5, 5))).toThrow(
      expect.objectContaining({ code: 'EXPORT_BUSY' }),
    );
    release();
    await waitFor(4, first.id, (job) => job.state === 'done');
  });

  it('refuses a list over the row limit with the counts', () => {
    expect(() => jobs.start(actorFor(5), audit, numbersTask(5_001, 500))).toThrow(/5\.001 dòng.*5\.000 dòng/);
  });

  it('reports a failed export and audits it', async () => {
    const failing: ExportTask = {
      ...numbersTask(10, 10),
      write: async () => Promise.reject(new Error('disk full')),
    };
    const started = jobs.start(actorFor(6), audit, failing);
    const failed = await waitFor(6, started.id, (job) => job.state === 'failed');
    expect(failed.error).toMatch(/không thành công/);
    await expect(jobs.file(actorFor(6), started.id)).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
    const row = await testApp.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', started.id)
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('export.fail');
  });

  it('answers not ready before the file exists', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started = jobs.start(actorFor(7), audit, numbersTask(300, 100, gate));
    await waitFor(7, started.id, (job) => job.rowsDone > 0);
    await expect(jobs.file(actorFor(7), started.id)).rejects.toMatchObject({ code: 'EXPORT_NOT_READY' });
    release();
    await waitFor(7, started.id, (job) => job.state === 'done');
  });
});
