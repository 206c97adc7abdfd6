import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates.ts';
import { makeAccount, makePerson, makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { declareAndSubmit, validRecordData } from '../declarations/declarations.fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
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

async function justiceTotal(): Promise<number> {
  const snv = await as('snv.admin@test.gov.vn');
  return (await snv.get(`/api/units/${province.justice.id}/agency-table`)).json().total;
}

async function fileReduction(
  person: { personId: number; reason: string; disposition: string },
  extra: Record<string, unknown> = {},
) {
  const admin = await as('tp.admin@test.gov.vn');
  return admin.post('/api/requests', {
    kind: 'reduction',
    agencyId: province.justice.id,
    details: {
      effectiveDate: todayIso(),
      decisionNumber: '88/QĐ-STP',
      decisionDate: '2025-05-15',
      people: [person],
      ...extra,
    },
  });
}

async function process(requestId: number, body: Record<string, unknown> = {}) {
  const snv = await as('snv.admin@test.gov.vn');
  const current = (await snv.get(`/api/requests/${requestId}`)).json();
  return snv.post(`/api/requests/${requestId}/process`, { rowVersion: current.rowVersion, ...body });
}

describe('retiree kept in the retirement group', () => {
  const binh = () => province.justicePeople[1]!;
  let holdingGroupId: number;

  it('files, processes and moves the record', async () => {
    const before = await justiceTotal();
    const filed = await fileReduction({ personId: binh().id, reason: 'retirement', disposition: 'hold' });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().summary).toBe('Giảm 1 người: Trần Thị Bình (nghỉ hưu)');
    expect(filed.json().details.people[0]).toMatchObject({
      fullName: 'Trần Thị Bình',
      divisionName: 'Phòng Kiểm soát thủ tục hành chính',
    });

    const snv = await as('snv.admin@test.gov.vn');
    const started = await snv.post(`/api/requests/${filed.json().id}/status`, {
      status: 'in_progress',
      rowVersion: filed.json().rowVersion,
    });
    expect(started.statusCode).toBe(200);
    const processed = await process(filed.json().id);
    expect(processed.statusCode, processed.body).toBe(200);
    const outcome = processed.json().request.result.people[0];
    expect(outcome).toMatchObject({ outcome: 'held', holdingGroupName: 'Nhóm nghỉ hưu' });
    holdingGroupId = outcome.holdingGroupId;

    const group = await testApp.database.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', holdingGroupId)
      .executeTakeFirstOrThrow();
    expect(group.kind).toBe('holding_group');
    const root = await testApp.database.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', group.parent_id!)
      .executeTakeFirstOrThrow();
    expect(root).toMatchObject({
      kind: 'holding_root',
      name: 'Nhóm giảm tài khoản',
      parent_id: province.province.id,
    });
    expect(await justiceTotal()).toBe(before - 1);

    const account = await testApp.database.db
      .selectFrom('accounts')
      .selectAll()
      .where('person_id', '=', binh().id)
      .executeTakeFirstOrThrow();
    expect(account.home_unit_id).toBe(holdingGroupId);
    expect(account.disabled_at).toBeNull();
  });

  it('lets the person declare the group for SNV approval', async () => {
    const person = await as('tp.canbo@test.gov.vn');
    const notifications = (await person.get('/api/notifications')).json();
    expect(notifications.items[0].kind).toBe('record_held');
    expect(notifications.items[0].body).toContain('Nhóm nghỉ hưu');

    const submitted = await declareAndSubmit(
      person,
      '/api/me/declaration',
      validRecordData({ agencyId: holdingGroupId, divisionId: null }, 'Trần Thị Bình'),
    );
    expect(submitted.route).toBe('province');

    const approver = await as('tp.duyet@test.gov.vn');
    const inbox = (await approver.get('/api/declarations/inbox')).json();
    expect(inbox.map((item: { id: number }) => item.id)).not.toContain(submitted.id);

    const snv = await as('snv.admin@test.gov.vn');
    const decided = await snv.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const record = await testApp.database.db
      .selectFrom('person_records')
      .selectAll()
      .where('person_id', '=', binh().id)
      .executeTakeFirstOrThrow();
    expect(record.agency_id).toBe(holdingGroupId);
  });

  it('keeps the record searchable by SNV only', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const found = (await snv.get('/api/search/people?q=tran thi binh')).json();
    expect(found.items.map((item: { id: number }) => item.id)).toContain(binh().id);
    const group = (await snv.get(`/api/units/${holdingGroupId}/people`)).json();
    expect(group.items.map((item: { fullName: string }) => item.fullName)).toEqual(['Trần Thị Bình']);

    const admin = await as('tp.admin@test.gov.vn');
    const hidden = (await admin.get('/api/search/people?q=tran thi binh')).json();
    expect(hidden.items.map((item: { id: number }) => item.id)).not.toContain(binh().id);
    expect((await admin.get(`/api/units/${holdingGroupId}/people`)).statusCode).toBe(404);
  });

  it('lists the group with its reason', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const groups = (await admin.get('/api/holding-groups')).json();
    expect(groups).toEqual([
      expect.objectContaining({ id: holdingGroupId, name: 'Nhóm nghỉ hưu', reasons: ['retirement'] }),
    ]);
  });
});

describe('approver continuity', () => {
  const an = () => province.justicePeople[0]!;

  it('refuses the only approver leaving without a replacement', async () => {
    const response = await fileReduction({
      personId: an().id,
      reason: 'transfer_out_of_province',
      disposition: 'delete',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('LAST_APPROVER');
    expect(response.json().message).toContain('Sở Tư pháp');
    expect(response.json().fields[0].field).toBe('details.replacementApproverAccountId');
  });

  it('rejects a replacement from another agency', async () => {
    const response = await fileReduction(
      { personId: an().id, reason: 'transfer_out_of_province', disposition: 'delete' },
      { replacementApproverAccountId: province.accounts.homeApprover.id },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('details.replacementApproverAccountId');
  });

  it('hands the role to the named replacement', async () => {
    const db = testApp.database.db;
    const deputy = await makePerson(db, {
      fullName: 'Đặng Văn Sơn',
      agencyId: province.justice.id,
      divisionId: province.justiceBoard.id,
    });
    const deputyAccount = await makeAccount(db, {
      email: 'tp.phogiamdoc@test.gov.vn',
      homeUnitId: province.justice.id,
      personId: deputy.id,
    });
    const before = await justiceTotal();

    const filed = await fileReduction(
      { personId: an().id, reason: 'transfer_out_of_province', disposition: 'delete' },
      { replacementApproverAccountId: deputyAccount.id },
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const processed = await process(filed.json().id);
    expect(processed.statusCode, processed.body).toBe(200);
    expect(processed.json().request.result.people[0].outcome).toBe('deleted');

    const grants = await db
      .selectFrom('role_grants')
      .selectAll()
      .where('unit_id', '=', province.justice.id)
      .where('role', '=', 'approver')
      .execute();
    const active = grants.filter((grant) => grant.revoked_at === null).map((grant) => grant.account_id);
    expect(active).toEqual([deputyAccount.id]);
    const leaver = await db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', province.accounts.justiceApprover.id)
      .executeTakeFirstOrThrow();
    expect(leaver.disabled_at).not.toBeNull();
    expect(await justiceTotal()).toBe(before - 1);

    const ended = await db.selectFrom('memberships').selectAll().where('person_id', '=', an().id).execute();
    expect(ended).toHaveLength(1);
    expect(ended[0]!.valid_to).toBe(todayIso());
    const person = await db.selectFrom('people').select('id').where('id', '=', an().id).executeTakeFirst();
    expect(person).toBeDefined();
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', String(deputyAccount.id))
      .execute();
    expect(audit.map((row) => row.action)).toContain('account.grant');
  });
});

describe('reduction rules', () => {
  it('refuses a person in another open reduction', async () => {
    const db = testApp.database.db;
    const person = await makePerson(db, {
      fullName: 'Châu Thị Tâm',
      agencyId: province.justice.id,
      divisionId: province.justiceBoard.id,
    });
    const first = await fileReduction({ personId: person.id, reason: 'death', disposition: 'hold' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await fileReduction({ personId: person.id, reason: 'retirement', disposition: 'hold' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('PERSON_IN_OPEN_REQUEST');
    expect(second.json().message).toContain(`số ${first.json().id}`);
  });

  it('hides people of another agency', async () => {
    const response = await fileReduction({
      personId: province.homePeople[1]!.id,
      reason: 'retirement',
      disposition: 'hold',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('details.people.0.personId');
  });

  it('refuses an effective date before the person started', async () => {
    const db = testApp.database.db;
    const person = await makePerson(db, {
      fullName: 'Quách Văn Uy',
      agencyId: province.justice.id,
      divisionId: province.justiceBoard.id,
      validFrom: '2025-06-01',
    });
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.post('/api/requests', {
      kind: 'reduction',
      agencyId: province.justice.id,
      details: {
        effectiveDate: '2025-01-01',
        people: [{ personId: person.id, reason: 'retirement', disposition: 'hold' }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('details.effectiveDate');
    expect(response.json().message).toContain('01/06/2025');
  });

  it('puts a death into the group of the dead', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const queue = (await snv.get('/api/requests?kind=reduction&status=new')).json();
    const pending = queue.items.find((item: { summary: string }) => item.summary.includes('Châu Thị Tâm'));
    const processed = await process(pending.id);
    expect(processed.statusCode, processed.body).toBe(200);
    expect(processed.json().request.result.people[0].holdingGroupName).toBe('Nhóm mất');
  });
});
