import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates.ts';
import { makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { put, validRecordData } from './declarations.fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let person: TestClient;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
  person = await testApp.signIn('tp.canbo@test.gov.vn');
});

afterAll(async () => {
  await testApp?.close();
});

const place = () => ({ agencyId: province.justice.id, divisionId: province.justiceControl.id });

function nextYear(): string {
  const today = todayIso();
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
}

async function openDraft() {
  const response = await person.post('/api/me/declaration');
  expect(response.statusCode).toBeLessThan(300);
  return response.json();
}

async function storedDraft(id: number) {
  return testApp.database.db
    .selectFrom('declarations')
    .select(['data', 'row_version', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Saves `mutate(valid data)` and expects 400 naming `field` with `label`, leaving the draft as it was. */
async function expectSaveRejected(
  mutate: (data: ReturnType<typeof validRecordData>) => unknown,
  field: string,
  label: string,
) {
  const draft = await openDraft();
  const before = await storedDraft(draft.id);
  const data = validRecordData(place());
  const response = await put(person, '/api/me/declaration', {
    rowVersion: draft.rowVersion,
    data: mutate(data) ?? data,
  });
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json();
  expect(body.code).toBe('VALIDATION_FAILED');
  const named = body.fields.find((item: { field: string }) => item.field === field);
  expect(named, JSON.stringify(body.fields)).toBeDefined();
  expect(named.label).toBe(label);
  expect(body.message).toContain(label);
  const after = await storedDraft(draft.id);
  expect(after.row_version).toBe(before.row_version);
  expect(after.data).toEqual(before.data);
}

/** Saves the data, then expects the submit to fail with 400 naming `field`, and the draft still a draft. */
async function expectSubmitRejected(data: unknown, field: string, messagePart: string) {
  const draft = await openDraft();
  const saved = await put(person, '/api/me/declaration', { rowVersion: draft.rowVersion, data });
  expect(saved.statusCode, saved.body).toBe(200);
  const response = await person.post('/api/me/declaration/submit', { rowVersion: saved.json().rowVersion });
  expect(response.statusCode, response.body).toBe(400);
  const named = response.json().fields.find((item: { field: string }) => item.field === field);
  expect(named, JSON.stringify(response.json().fields)).toBeDefined();
  expect(named.message).toContain(messagePart);
  expect((await storedDraft(draft.id)).status).toBe('draft');
}

describe('saving bad input', () => {
  it('rejects a wrong type', () =>
    expectSaveRejected(
      (data) => {
        (data.identity as Record<string, unknown>).gender = 5;
      },
      'data.identity.gender',
      'Giới tính',
    ));

  it('rejects a 13-digit personal ID', () =>
    expectSaveRejected(
      (data) => {
        data.identity.personalIdNumber = '0791234567890';
      },
      'data.identity.personalIdNumber',
      'Số định danh cá nhân (CCCD)',
    ));

  it('rejects oversized text', () =>
    expectSaveRejected(
      (data) => {
        data.employment!.mainDuties = 'x'.repeat(4001);
      },
      'data.employment.mainDuties',
      'Công việc chính được giao',
    ));

  it('rejects a script in a name', () =>
    expectSaveRejected(
      (data) => {
        data.identity.fullName = '<script>alert(1)</script>';
      },
      'data.identity.fullName',
      'Họ và tên khai sinh',
    ));

  it('names the row of a repeating table', () =>
    expectSaveRejected(
      (data) => {
        data.family!.ownSide![1]!.fullName = 'Lê <b>Hoa</b>';
      },
      'data.family.ownSide.1.fullName',
      'Quan hệ gia đình (về bản thân), dòng 2: Họ và tên',
    ));

  it('rejects an unknown field', async () => {
    const draft = await openDraft();
    const data = { ...validRecordData(place()), unexpected: true };
    const response = await put(person, '/api/me/declaration', { rowVersion: draft.rowVersion, data });
    expect(response.statusCode).toBe(400);
  });

  it('stores text in Unicode NFC', async () => {
    const draft = await openDraft();
    const decomposed = 'Trần Thị Bình'.normalize('NFD');
    const data = validRecordData(place(), `  ${decomposed}  `);
    const response = await put(person, '/api/me/declaration', { rowVersion: draft.rowVersion, data });
    expect(response.statusCode, response.body).toBe(200);
    const stored = (await storedDraft(draft.id)).data as { identity: { fullName: string } };
    expect(stored.identity.fullName).toBe('Trần Thị Bình'.normalize('NFC'));
    expect(stored.identity.fullName).not.toBe(decomposed);
  });
});

describe('submit rules', () => {
  it('rejects a future birth date', async () => {
    const data = validRecordData(place());
    data.identity.birthDate = nextYear();
    await expectSubmitRejected(data, 'data.identity.birthDate', 'tương lai');
  });

  it('rejects a future month in a table', async () => {
    const data = validRecordData(place());
    data.workHistory![0]!.from = nextYear().slice(0, 7);
    await expectSubmitRejected(data, 'data.workHistory.0.from', 'tương lai');
  });

  it('rejects an unknown ethnicity code', async () => {
    const data = validRecordData(place());
    data.identity.ethnicityCode = '97';
    await expectSubmitRejected(data, 'data.identity.ethnicityCode', 'danh mục');
  });

  it('rejects an unknown grade code', async () => {
    const data = validRecordData(place());
    data.salary!.rankCode = '99.999';
    await expectSubmitRejected(data, 'data.salary.rankCode', 'không có trong danh mục');
  });

  it('rejects a salary step beyond the group', async () => {
    const data = validRecordData(place());
    data.salary!.salaryStep = 10;
    await expectSubmitRejected(data, 'data.salary.salaryStep', 'chỉ có 9 bậc');
  });

  it('rejects a coefficient that does not match the step', async () => {
    const data = validRecordData(place());
    data.salary!.coefficient = 3.33;
    await expectSubmitRejected(data, 'data.salary.coefficient', 'hệ số 3.00');
  });

  it('rejects a division of another agency', async () => {
    const data = validRecordData({ agencyId: province.justice.id, divisionId: province.homeBoard.id });
    await expectSubmitRejected(data, 'data.employment.divisionId', 'không thuộc Sở Tư pháp');
  });

  it('rejects a dissolved division', async () => {
    const db = testApp.database.db;
    const dissolved = await makeUnit(db, {
      code: '112091',
      name: 'Phòng Giải Thể',
      kind: 'division',
      parentId: province.justice.id,
      validFrom: '2020-01-01',
    });
    await db
      .updateTable('units')
      .set({ status: 'ended', valid_to: '2024-01-01' })
      .where('id', '=', dissolved.id)
      .execute();
    const data = validRecordData({ agencyId: province.justice.id, divisionId: dissolved.id });
    await expectSubmitRejected(data, 'data.employment.divisionId', 'đã kết thúc hoạt động');
  });

  it('requires the fields a record cannot lack', async () => {
    const data = { identity: { fullName: 'Trần Thị Bình' } };
    const draft = await openDraft();
    const saved = await put(person, '/api/me/declaration', { rowVersion: draft.rowVersion, data });
    expect(saved.statusCode).toBe(200);
    const response = await person.post('/api/me/declaration/submit', { rowVersion: saved.json().rowVersion });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((item: { field: string }) => item.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'data.identity.gender',
        'data.identity.birthDate',
        'data.identity.personalIdNumber',
        'data.identity.ethnicityCode',
        'data.employment.agencyId',
      ]),
    );
  });

  it('accepts the complete declaration', async () => {
    const draft = await openDraft();
    const saved = await put(person, '/api/me/declaration', {
      rowVersion: draft.rowVersion,
      data: validRecordData(place()),
    });
    const response = await person.post('/api/me/declaration/submit', { rowVersion: saved.json().rowVersion });
    expect(response.statusCode, response.body).toBe(200);
  });
});
