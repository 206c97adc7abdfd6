import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvinceDashboard, QualityStatistics } from '../../../common/schemas/statistics.ts';
import { DataChanges, writesCountedTable } from '../../db/data-changes.ts';
import { makePerson, makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { ResultCache } from './result-cache.ts';

describe('statements that change counted tables', () => {
  it('are told apart from reads and from other tables', () => {
    expect(writesCountedTable('insert into "people" ("full_name") values ($1) returning "id"')).toBe(true);
    expect(writesCountedTable('update "memberships" set "valid_to" = $1 where "id" = $2')).toBe(true);
    expect(writesCountedTable('delete from "declarations" where "id" = $1')).toBe(true);
    expect(writesCountedTable('with moved as (update person_records set x = 1 returning *) select 1')).toBe(
      true,
    );
    expect(writesCountedTable('COPY people (id) FROM STDIN')).toBe(true);

    expect(writesCountedTable('select * from "people" where "id" = $1')).toBe(false);
    expect(writesCountedTable('insert into "audit_log" ("action") values ($1)')).toBe(false);
    expect(writesCountedTable('update "sessions" set "last_seen_at" = $1')).toBe(false);
    expect(writesCountedTable('insert into "people_notes" ("id") values ($1)')).toBe(false);
  });
});

describe('the result cache', () => {
  function counter() {
    let calls = 0;
    return {
      compute: async () => {
        calls += 1;
        return { calls };
      },
      get calls() {
        return calls;
      },
    };
  }

  it('computes once until a change commits', async () => {
    const changes = new DataChanges();
    const cache = new ResultCache<{ calls: number }>(changes, { maxEntries: 10, maxAgeMs: 60_000 });
    const source = counter();
    expect(await cache.get('a', source.compute)).toEqual({ calls: 1 });
    expect(await cache.get('a', source.compute)).toEqual({ calls: 1 });
    changes.committed();
    expect(await cache.get('a', source.compute)).toEqual({ calls: 2 });
  });

  it('keeps no result when a change commits while it is computed', async () => {
    const changes = new DataChanges();
    const cache = new ResultCache<number>(changes, { maxEntries: 10, maxAgeMs: 60_000 });
    let calls = 0;
    const computeAcrossACommit = async () => {
      calls += 1;
      changes.committed();
      return calls;
    };
    expect(await cache.get('a', computeAcrossACommit)).toBe(1);
    expect(await cache.get('a', computeAcrossACommit)).toBe(2);
  });

  it('runs one computation for equal requests that arrive together', async () => {
    const cache = new ResultCache<{ calls: number }>(new DataChanges(), { maxEntries: 10, maxAgeMs: 60_000 });
    const source = counter();
    const results = await Promise.all([1, 2, 3].map(() => cache.get('a', source.compute)));
    expect(source.calls).toBe(1);
    expect(results.every((result) => result === results[0])).toBe(true);
  });

  it('forgets results by age and the least recently used beyond its size', async () => {
    const cache = new ResultCache<{ calls: number }>(new DataChanges(), { maxEntries: 2, maxAgeMs: 50 });
    const source = counter();
    await cache.get('a', source.compute);
    await cache.get('b', source.compute);
    await cache.get('a', source.compute);
    await cache.get('c', source.compute);
    expect(source.calls).toBe(3);
    await cache.get('a', source.compute);
    expect(source.calls).toBe(3);
    await cache.get('b', source.compute);
    expect(source.calls).toBe(4);

    await sleep(80);
    await cache.get('a', source.compute);
    expect(source.calls).toBe(5);
  });

  it('computes every time without a change counter', async () => {
    const cache = new ResultCache<{ calls: number }>(undefined, { maxEntries: 10, maxAgeMs: 60_000 });
    const source = counter();
    await cache.get('a', source.compute);
    await cache.get('a', source.compute);
    expect(source.calls).toBe(2);
  });
});

describe('statistics served from the cache', () => {
  let testApp: TestApp;
  let province: Awaited<ReturnType<typeof makeSmallProvince>>;

  beforeAll(async () => {
    testApp = await startTestApp();
    province = await makeSmallProvince(testApp.database.db);
    for (const fullName of ['Hà Văn Một', 'Hà Thị Hai'])
      await makePerson(testApp.database.db, {
        fullName,
        agencyId: province.justice.id,
        divisionId: province.justiceBoard.id,
      });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('moves the change counter only after a write to a counted table commits', async () => {
    const { db, changes } = testApp.database;
    const person = await db.selectFrom('people').select('id').executeTakeFirstOrThrow();
    const before = changes.generation;

    await db.selectFrom('people').selectAll().execute();
    await db.updateTable('accounts').set({ failed_sign_in_count: 0 }).execute();
    expect(changes.generation).toBe(before);

    await db.updateTable('people').set({ full_name: sql`full_name` }).where('id', '=', person.id).execute();
    expect(changes.generation).toBe(before + 1);

    await db.transaction().execute(async (trx) => {
      await sql`update people set full_name = full_name where id = ${person.id}`.execute(trx);
      expect(changes.generation).toBe(before + 1);
    });
    expect(changes.generation).toBe(before + 2);

    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('people')
          .set({ full_name: sql`full_name` })
          .where('id', '=', person.id)
          .execute();
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(changes.generation).toBe(before + 2);
  });

  it('counts a person added after the statistic was first computed', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const url = `/api/statistics/dashboard?unitId=${province.justice.id}`;
    const first = (await snv.get(url)).json() as ProvinceDashboard;
    const again = (await snv.get(url)).json() as ProvinceDashboard;
    expect(again).toEqual(first);

    await makePerson(testApp.database.db, {
      fullName: 'Hà Văn Ba',
      agencyId: province.justice.id,
      divisionId: province.justiceBoard.id,
    });
    const after = (await snv.get(url)).json() as ProvinceDashboard;
    expect(after.total).toBe(first.total + 1);
    const quality = (
      await snv.get(`/api/statistics/quality?unitId=${province.justice.id}`)
    ).json() as QualityStatistics;
    expect(quality.total).toBe(after.total);
  });

  it('checks access before it serves a cached statistic', async () => {
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const justiceAdmin = await testApp.signIn('tp.admin@test.gov.vn');
    for (const path of ['dashboard', 'quality']) {
      const url = `/api/statistics/${path}?unitId=${province.home.id}`;
      expect((await snv.get(url)).statusCode, url).toBe(200);
      expect((await justiceAdmin.get(url)).statusCode, url).toBe(404);
    }
  });
});
