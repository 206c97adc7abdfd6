import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

// The unit pickers of the declaration form: GET /api/units/options.

let testApp: TestApp;
let holdingGroupId: number;
let endedGroupId: number;

beforeAll(async () => {
  testApp = await startTestApp();
  const province = await makeSmallProvince(testApp.database.db);
  const db = testApp.database.db;
  const root = await makeUnit(db, {
    code: '900',
    name: 'Nhóm giảm tài khoản',
    kind: 'holding_root',
    parentId: province.province.id,
  });
  holdingGroupId = (
    await makeUnit(db, { code: '901', name: 'Nhóm nghỉ hưu', kind: 'holding_group', parentId: root.id })
  ).id;
  endedGroupId = (
    await makeUnit(db, { code: '902', name: 'Nhóm đã kết thúc', kind: 'holding_group', parentId: root.id })
  ).id;
  await db
    .updateTable('units')
    .set({ status: 'ended', valid_to: '2024-01-01' })
    .where('id', '=', endedGroupId)
    .execute();
});

afterAll(async () => {
  await testApp?.close();
});

describe('unit options', () => {
  it('lists active holding groups on request', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const response = await person.get('/api/units/options?kind=holding_group');
    expect(response.statusCode).toBe(200);
    const groups = response.json() as Array<{ id: number; kind: string }>;
    expect(groups.map((group) => group.id)).toEqual([holdingGroupId]);
    expect(groups[0]!.kind).toBe('holding_group');
  });

  it('keeps holding groups out of agencies', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const agencies = (await person.get('/api/units/options?kind=agency')).json() as Array<{
      id: number;
      kind: string;
    }>;
    expect(agencies.length).toBeGreaterThan(0);
    expect(agencies.every((unit) => unit.kind === 'agency')).toBe(true);
    const everything = (await person.get('/api/units/options')).json() as Array<{ id: number }>;
    expect(everything.some((unit) => unit.id === holdingGroupId)).toBe(false);
  });

  it('rejects an unknown kind', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const response = await person.get('/api/units/options?kind=province');
    expect(response.statusCode).toBe(400);
  });
});
