import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

describe('who opened my record', () => {
  it('lists staff reads and own reads, newest first', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const personId = province.justicePeople[1]!.id;

    expect((await person.get('/api/me/record')).statusCode).toBe(200);
    expect((await admin.get(`/api/people/${personId}/record`)).statusCode).toBe(200);

    const response = await person.get('/api/me/record-reads');
    expect(response.statusCode).toBe(200);
    const reads = response.json();
    expect(reads.map((read: { readerEmail: string }) => read.readerEmail)).toEqual([
      'tp.admin@test.gov.vn',
      'tp.canbo@test.gov.vn',
    ]);
    expect(reads.map((read: { self: boolean }) => read.self)).toEqual([false, true]);
    expect(Date.parse(reads[0].readAt)).toBeGreaterThanOrEqual(Date.parse(reads[1].readAt));
  });

  it('shows nobody else the reads', async () => {
    const otherPerson = await testApp.signIn('tp.duyet@test.gov.vn');
    const reads = (await otherPerson.get('/api/me/record-reads')).json();
    expect(reads.some((read: { readerEmail: string }) => read.readerEmail === 'tp.admin@test.gov.vn')).toBe(
      false,
    );
  });

  it('is closed to accounts without a record', async () => {
    const admin = await testApp.signIn('tp.admin@test.gov.vn');
    const response = await admin.get('/api/me/record-reads');
    expect(response.statusCode).toBe(403);
  });

  it('honours the limit', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    for (let index = 0; index < 3; index++) await person.get('/api/me/record');
    expect((await person.get('/api/me/record-reads?limit=2')).json()).toHaveLength(2);
    expect((await person.get('/api/me/record-reads?limit=0')).statusCode).toBe(400);
  });
});
