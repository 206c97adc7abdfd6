import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makePerson, makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { declareAndSubmit, validRecordData } from '../declarations/declarations.fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let office: Awaited<ReturnType<typeof makeUnit>>;
let officeBoard: Awaited<ReturnType<typeof makeUnit>>;

const DECISION = { decisionNumber: '15/QĐ-UBND', decisionDate: '2025-02-20' };

interface TableRow {
  unitId: number;
  code: string;
  name: string;
  status: string;
  headcount: number;
}

beforeAll(async () => {
  testApp = await startTestApp();
  const db = testApp.database.db;
  province = await makeSmallProvince(db);
  office = await makeUnit(db, {
    code: '101',
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    kind: 'agency',
    parentId: province.province.id,
  });
  officeBoard = await makeUnit(db, {
    code: '101001',
    name: 'Ban Lãnh đạo Văn phòng',
    kind: 'division',
    parentId: office.id,
  });
  await makePerson(db, { fullName: 'Đinh Văn Giang', agencyId: office.id, divisionId: officeBoard.id });
  await makeAccount(db, {
    email: 'vp.duyet@test.gov.vn',
    homeUnitId: office.id,
    grants: [{ role: 'approver', unitId: office.id }],
  });
  await makeAccount(db, {
    email: 'vp.admin@test.gov.vn',
    homeUnitId: office.id,
    grants: [{ role: 'unit_admin', unitId: office.id }],
  });
});

afterAll(async () => {
  await testApp?.close();
});

// Sign-ins are rate limited, so each account signs in once per file.
const clients = new Map<string, Promise<TestClient>>();
function as(email: string): Promise<TestClient> {
  if (!clients.has(email)) clients.set(email, testApp.signIn(email));
  return clients.get(email)!;
}

async function agencyRows(agencyId: number, asOf?: string): Promise<TableRow[]> {
  const snv = await as('snv.admin@test.gov.vn');
  const response = await snv.get(`/api/units/${agencyId}/agency-table${asOf ? `?asOf=${asOf}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows;
}

describe('division 112011 merged into the People’s Committee Office', () => {
  let officeControlId: number;

  it('ends the division and creates its successor', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [province.justiceControl.id],
      target: {
        newUnit: {
          code: '101011',
          name: 'Phòng Kiểm soát thủ tục hành chính',
          kind: 'division',
          parentId: office.id,
        },
      },
      effectiveDate: '2025-03-01',
      ...DECISION,
    });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result.endedUnitIds).toEqual([province.justiceControl.id]);
    expect(result.createdUnitIds).toHaveLength(1);
    expect(result.peopleAttached).toBe(2);
    expect(result.notifiedAccounts).toBe(1);
    expect(result.event.lineage[0].fromUnit.code).toBe('112011');
    expect(result.event.lineage[0].toUnit.code).toBe('101011');
    officeControlId = result.createdUnitIds[0];

    const unit = await testApp.database.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', province.justiceControl.id)
      .executeTakeFirstOrThrow();
    expect(unit.status).toBe('ended');
    expect(unit.valid_to).toBe('2025-03-01');
    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(province.justiceControl.id))
      .execute();
    expect(audit.map((row) => row.action)).toContain('unit.end');
  });

  it('shows the ended division as a code with an empty name', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const table = (await admin.get(`/api/units/${province.justice.id}/agency-table`)).json();
    const blank = table.rows.find((row: TableRow) => row.code === '112011');
    expect(blank).toMatchObject({ name: '', status: 'ended', headcount: 2 });
    expect(table.total).toBe(3);

    const details = await admin.get(`/api/units/${province.justiceControl.id}/people`);
    expect(details.statusCode).toBe(200);
    expect(
      details
        .json()
        .items.map((item: { fullName: string }) => item.fullName)
        .sort(),
    ).toEqual(['Lê Văn Cường', 'Trần Thị Bình']);
  });

  it('lists the blank row with its successor for both admins', async () => {
    for (const email of ['tp.admin@test.gov.vn', 'snv.admin@test.gov.vn']) {
      const client = await as(email);
      const pending = (await client.get('/api/reorganisation/pending-units')).json();
      const entry = pending.find((item: { unit: { code: string } }) => item.unit.code === '112011');
      expect(entry?.headcount, email).toBe(2);
      expect(entry.agency.code).toBe('112');
      expect(entry.placements).toEqual([
        expect.objectContaining({
          agency: expect.objectContaining({ code: '101' }),
          division: expect.objectContaining({ code: '101011' }),
        }),
      ]);
    }
    const other = await as('nv.admin@test.gov.vn');
    const hidden = (await other.get('/api/reorganisation/pending-units')).json();
    expect(hidden.map((item: { unit: { code: string } }) => item.unit.code)).not.toContain('112011');
  });

  it('notifies the person and suggests the successor', async () => {
    const person = await as('tp.canbo@test.gov.vn');
    const notifications = (await person.get('/api/notifications')).json();
    expect(notifications.unread).toBe(1);
    expect(notifications.items[0].kind).toBe('unit_ended');
    expect(notifications.items[0].body).toContain('101011');

    const placement = (await person.get('/api/reorganisation/my-placement')).json();
    expect(placement.mustRedeclare).toBe(true);
    expect(placement.current.division.code).toBe('112011');
    expect(placement.suggestions[0].division.id).toBe(officeControlId);

    const successors = (
      await person.get(`/api/reorganisation/units/${province.justiceControl.id}/successors`)
    ).json();
    expect(successors.dissolved).toBe(false);
    expect(successors.placements[0].agency.id).toBe(office.id);

    const read = await person.post('/api/notifications/read', {});
    expect(read.json().marked).toBe(1);
    expect((await person.get('/api/notifications')).json().unread).toBe(0);
  });

  it('removes the row once the last person is approved', async () => {
    const place = { agencyId: office.id, divisionId: officeControlId };
    const approver = await as('vp.duyet@test.gov.vn');
    const approveLatest = async () => {
      const inbox = (await approver.get('/api/declarations/inbox')).json();
      expect(inbox).toHaveLength(1);
      const decided = await approver.post(`/api/declarations/${inbox[0].id}/decision`, {
        decision: 'approve',
        rowVersion: inbox[0].rowVersion,
      });
      expect(decided.statusCode, decided.body).toBe(200);
    };

    const person = await as('tp.canbo@test.gov.vn');
    await declareAndSubmit(person, '/api/me/declaration', validRecordData(place, 'Trần Thị Bình'));
    await approveLatest();
    const afterFirst = (await agencyRows(province.justice.id)).find((row) => row.code === '112011');
    expect(afterFirst?.headcount).toBe(1);

    const admin = await as('tp.admin@test.gov.vn');
    const cuong = province.justicePeople[2]!;
    await declareAndSubmit(
      admin,
      `/api/people/${cuong.id}/declaration`,
      validRecordData(place, 'Lê Văn Cường'),
    );
    await approveLatest();

    const justiceRows = await agencyRows(province.justice.id);
    expect(justiceRows.map((row) => row.code)).not.toContain('112011');
    const officeRows = await agencyRows(office.id);
    expect(officeRows.find((row) => row.code === '101011')?.headcount).toBe(2);
    const pending = (
      await (await as('snv.admin@test.gov.vn')).get('/api/reorganisation/pending-units')
    ).json();
    expect(pending.map((item: { unit: { code: string } }) => item.unit.code)).not.toContain('112011');
  });

  it('shows the old division and its people before the merger', async () => {
    const before = await agencyRows(province.justice.id, '2025-02-28');
    expect(before.find((row) => row.code === '112011')).toMatchObject({
      name: 'Phòng Kiểm soát thủ tục hành chính',
      status: 'active',
      headcount: 2,
    });
    const officeBefore = await agencyRows(office.id, '2025-02-28');
    expect(officeBefore.map((row) => row.code)).not.toContain('101011');

    const snv = await as('snv.admin@test.gov.vn');
    const people = (await snv.get(`/api/units/${province.justiceControl.id}/people?asOf=2025-02-28`)).json();
    expect(people.total).toBe(2);

    const treeBefore = (
      await snv.get(`/api/units/tree?rootId=${province.justice.id}&asOf=2025-02-28`)
    ).json();
    expect(treeBefore[0].children.map((node: { code: string }) => node.code)).toContain('112011');
    const treeNow = (await snv.get(`/api/units/tree?rootId=${province.justice.id}`)).json();
    expect(treeNow[0].children.map((node: { code: string }) => node.code)).not.toContain('112011');
  });
});

describe('merge rules', () => {
  it('refuses a unit admin', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.post('/api/reorganisation/merge', {
      sourceUnitIds: [province.justiceBoard.id],
      target: { unitId: officeBoard.id },
      effectiveDate: '2025-03-01',
      ...DECISION,
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses an ended source', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [province.justiceControl.id],
      target: { unitId: officeBoard.id },
      effectiveDate: '2025-04-01',
      ...DECISION,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('UNIT_ENDED');
    expect(response.json().message).toContain('112011');
  });

  it('refuses a date before the last change', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const unit = await makeUnit(testApp.database.db, {
      code: '112040',
      name: 'Phòng Mới',
      kind: 'division',
      parentId: province.justice.id,
      validFrom: '2024-06-01',
    });
    const response = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [unit.id],
      target: { unitId: province.justiceBoard.id },
      effectiveDate: '2024-06-01',
      ...DECISION,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('effectiveDate');
    expect(response.json().message).toContain('01/06/2024');
  });

  it('refuses a successor inside a source', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const agency = await makeUnit(testApp.database.db, {
      code: '130',
      name: 'Sở Thử Nghiệm',
      kind: 'agency',
      parentId: province.province.id,
    });
    const division = await makeUnit(testApp.database.db, {
      code: '130001',
      name: 'Phòng Một',
      kind: 'division',
      parentId: agency.id,
    });
    const response = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [agency.id],
      target: { unitId: division.id },
      effectiveDate: '2025-03-01',
      ...DECISION,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('REORGANISATION_INVALID');
    const still = await testApp.database.db
      .selectFrom('units')
      .select('status')
      .where('id', '=', agency.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('active');
  });

  it('names missing decision fields', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [province.justiceBoard.id],
      target: { unitId: officeBoard.id },
      effectiveDate: '2025-13-01',
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((field: { field: string }) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['effectiveDate', 'decisionNumber', 'decisionDate']));
  });
});

describe('agency merger, split and dissolution', () => {
  it('merges agencies, keeping their history', async () => {
    const db = testApp.database.db;
    const planning = await makeUnit(db, {
      code: '120',
      name: 'Sở Kế hoạch và Đầu tư',
      kind: 'agency',
      parentId: province.province.id,
    });
    const planningBoard = await makeUnit(db, {
      code: '120001',
      name: 'Ban Giám đốc',
      kind: 'division',
      parentId: planning.id,
    });
    const finance = await makeUnit(db, {
      code: '121',
      name: 'Sở Tài chính',
      kind: 'agency',
      parentId: province.province.id,
    });
    await makePerson(db, { fullName: 'Vũ Thị Hạnh', agencyId: planning.id, divisionId: planningBoard.id });
    await makePerson(db, { fullName: 'Ngô Văn Ích', agencyId: finance.id });

    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [planning.id, finance.id],
      target: {
        newUnit: { code: '121', name: 'Sở Tài chính', kind: 'agency', parentId: province.province.id },
      },
      effectiveDate: '2025-03-01',
      decisionNumber: '05/NQ-HĐND',
      decisionDate: '2025-02-20',
    });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result.endedUnitIds.sort()).toEqual([planning.id, planningBoard.id, finance.id].sort());
    expect(result.peopleAttached).toBe(2);

    const before = (await snv.get(`/api/units/${province.province.id}/agency-table?asOf=2025-02-01`)).json();
    const codesBefore = before.rows.map((row: TableRow) => row.code);
    expect(codesBefore).toEqual(expect.arrayContaining(['120', '121']));
    expect(before.rows.find((row: TableRow) => row.code === '120').headcount).toBe(1);
    const after = (await snv.get(`/api/units/${province.province.id}/agency-table?asOf=2025-03-01`)).json();
    // The new 121 is empty until people declare it; the ended agencies keep their people as
    // blank rows (code, empty name) until then.
    const active121 = after.rows.filter((row: TableRow) => row.code === '121' && row.name !== '');
    expect(active121).toHaveLength(1);
    expect(active121[0].headcount).toBe(0);
    const blankRows = after.rows.filter((row: TableRow) => row.name === '');
    expect(blankRows.map((row: TableRow) => row.code).sort()).toEqual(['120', '121']);
    expect(blankRows.map((row: TableRow) => row.headcount)).toEqual([1, 1]);

    const pending = (await snv.get('/api/reorganisation/pending-units')).json();
    const planningEntry = pending.find((item: { unit: { id: number } }) => item.unit.id === planning.id);
    expect(planningEntry.headcount).toBe(1);
    expect(planningEntry.placements[0].agency.id).toBe(result.createdUnitIds[0]);
  });

  it('splits a division and refuses to move everyone at once', async () => {
    const db = testApp.database.db;
    const agency = await makeUnit(db, {
      code: '140',
      name: 'Sở Lao động - Thương binh và Xã hội',
      kind: 'agency',
      parentId: province.province.id,
    });
    const division = await makeUnit(db, {
      code: '140001',
      name: 'Phòng Tổng hợp',
      kind: 'division',
      parentId: agency.id,
    });
    await makePerson(db, { fullName: 'Kiều Thị Lan', agencyId: agency.id, divisionId: division.id });

    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post('/api/reorganisation/split', {
      sourceUnitId: division.id,
      targets: [
        { newUnit: { code: '140002', name: 'Phòng Lao động', kind: 'division', parentId: agency.id } },
        { newUnit: { code: '140003', name: 'Phòng Xã hội', kind: 'division', parentId: agency.id } },
      ],
      effectiveDate: '2025-03-01',
      ...DECISION,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().event.lineage).toHaveLength(2);

    const successors = (await snv.get(`/api/reorganisation/units/${division.id}/successors`)).json();
    expect(
      successors.placements.map((item: { division: { code: string } }) => item.division.code).sort(),
    ).toEqual(['140002', '140003']);

    const move = await snv.post('/api/reorganisation/move-members', { fromUnitId: division.id });
    expect(move.statusCode).toBe(400);
    expect(move.json().message).toContain('2 đơn vị kế thừa');
  });

  it('dissolves a division without successor', async () => {
    const db = testApp.database.db;
    const division = await makeUnit(db, {
      code: '113009',
      name: 'Tổ Công tác tạm thời',
      kind: 'division',
      parentId: province.home.id,
    });
    await makePerson(db, { fullName: 'Mai Văn Minh', agencyId: province.home.id, divisionId: division.id });

    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post('/api/reorganisation/dissolve', {
      unitId: division.id,
      effectiveDate: '2025-05-01',
      ...DECISION,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().event.lineage[0].toUnit).toBeNull();

    const successors = (await snv.get(`/api/reorganisation/units/${division.id}/successors`)).json();
    expect(successors.dissolved).toBe(true);
    expect(successors.placements).toEqual([]);
    const row = (await agencyRows(province.home.id)).find((item) => item.code === '113009');
    expect(row).toMatchObject({ name: '', headcount: 1 });
  });
});

describe('moving everyone after a one-to-one merger', () => {
  it('moves each person and audits each move', async () => {
    const db = testApp.database.db;
    const agency = await makeUnit(db, {
      code: '150',
      name: 'Sở Xây dựng',
      kind: 'agency',
      parentId: province.province.id,
    });
    const oldDivision = await makeUnit(db, {
      code: '150001',
      name: 'Phòng Quản lý giao thông',
      kind: 'division',
      parentId: agency.id,
    });
    const newDivision = await makeUnit(db, {
      code: '150002',
      name: 'Phòng Quản lý hạ tầng',
      kind: 'division',
      parentId: agency.id,
    });
    const people = [];
    for (const name of ['Tạ Văn Nam', 'Hà Thị Oanh', 'Lương Văn Phúc'])
      people.push(await makePerson(db, { fullName: name, agencyId: agency.id, divisionId: oldDivision.id }));

    const snv = await as('snv.admin@test.gov.vn');
    const merged = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [oldDivision.id],
      target: { unitId: newDivision.id },
      effectiveDate: '2025-03-01',
      ...DECISION,
    });
    expect(merged.statusCode, merged.body).toBe(201);

    const moved = await snv.post('/api/reorganisation/move-members', { fromUnitId: oldDivision.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().movedPeople).toBe(3);

    const rows = await agencyRows(agency.id);
    expect(rows.map((row) => row.code)).not.toContain('150001');
    expect(rows.find((row) => row.code === '150002')?.headcount).toBe(3);
    const before = await agencyRows(agency.id, '2025-02-28');
    expect(before.find((row) => row.code === '150001')?.headcount).toBe(3);

    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'membership.move')
      .where('entity_type', '=', 'person')
      .execute();
    for (const person of people) expect(audit.map((row) => row.entity_id)).toContain(String(person.id));
  });

  it('refuses an active unit', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post('/api/reorganisation/move-members', {
      fromUnitId: province.justiceBoard.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('vẫn đang hoạt động');
  });
});

describe('reorganisation history', () => {
  it('lists events within the caller’s scope only', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const all = (await snv.get('/api/reorganisation/events')).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.items[0].decisionNumber).toBeTruthy();

    const justiceAdmin = await as('tp.admin@test.gov.vn');
    const own = (
      await justiceAdmin.get(`/api/reorganisation/events?unitId=${province.justiceControl.id}`)
    ).json();
    expect(own.items).toHaveLength(1);
    expect(own.items[0].kind).toBe('merge');

    const homeAdmin = await as('nv.admin@test.gov.vn');
    const denied = await homeAdmin.get(`/api/reorganisation/events?unitId=${province.justiceControl.id}`);
    expect(denied.statusCode).toBe(404);
    const homeEvents = (await homeAdmin.get('/api/reorganisation/events')).json();
    const codes = homeEvents.items.flatMap((event: { lineage: Array<{ fromUnit: { code: string } }> }) =>
      event.lineage.map((row) => row.fromUnit.code),
    );
    expect(codes).toContain('113009');
    expect(codes).not.toContain('112011');
  });
});
