import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince } from '../../test/factories.ts';
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

async function homeTotal(): Promise<number> {
  const snv = await as('snv.admin@test.gov.vn');
  return (await snv.get(`/api/units/${province.home.id}/agency-table`)).json().total;
}

describe('transfer in of the justice department’s only approver', () => {
  const an = () => province.justicePeople[0]!;
  let requestId: number;

  it('files the transfer with the rights asked for', async () => {
    const homeAdmin = await as('nv.admin@test.gov.vn');
    const response = await homeAdmin.post('/api/requests', {
      kind: 'transfer_in',
      agencyId: province.home.id,
      details: {
        fullName: 'Nguyễn Văn An',
        fromUnitId: province.justice.id,
        toDivisionId: province.homeBoard.id,
        grantApprover: true,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().summary).toBe(
      'Tiếp nhận Nguyễn Văn An từ 112 Sở Tư pháp (quyền người phê duyệt phiếu)',
    );
    requestId = response.json().id;
  });

  it('refuses to leave the old agency without an approver', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const current = (await snv.get(`/api/requests/${requestId}`)).json();
    const response = await snv.post(`/api/requests/${requestId}/process`, {
      rowVersion: current.rowVersion,
      personId: an().id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('LAST_APPROVER');
    expect(response.json().fields[0].field).toBe('replacementApproverAccountId');

    const grants = await testApp.database.db
      .selectFrom('role_grants')
      .selectAll()
      .where('account_id', '=', province.accounts.justiceApprover.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(grants.map((grant) => grant.unit_id)).toEqual([province.justice.id]);
    expect((await snv.get(`/api/requests/${requestId}`)).json().status).toBe('new');
  });

  it('moves the account once a replacement is named', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const before = await homeTotal();
    const current = (await snv.get(`/api/requests/${requestId}`)).json();
    const response = await snv.post(`/api/requests/${requestId}/process`, {
      rowVersion: current.rowVersion,
      personId: an().id,
      replacementApproverAccountId: province.accounts.justiceAdmin.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().createdAccounts).toEqual([]);
    expect(response.json().request.result).toMatchObject({
      accountId: province.accounts.justiceApprover.id,
      createdAccount: false,
    });

    const db = testApp.database.db;
    const account = await db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', province.accounts.justiceApprover.id)
      .executeTakeFirstOrThrow();
    expect(account.home_unit_id).toBe(province.home.id);
    const grants = await db
      .selectFrom('role_grants')
      .selectAll()
      .where('role', '=', 'approver')
      .where('revoked_at', 'is', null)
      .execute();
    const holders = grants.map((grant) => `${grant.account_id}@${grant.unit_id}`);
    expect(holders).toContain(`${province.accounts.justiceAdmin.id}@${province.justice.id}`);
    expect(holders).toContain(`${province.accounts.justiceApprover.id}@${province.home.id}`);
    expect(holders).not.toContain(`${province.accounts.justiceApprover.id}@${province.justice.id}`);

    // The membership moves only when the new agency approves the declaration.
    expect(await homeTotal()).toBe(before);
  });

  it('shows the person in the new agency after approval', async () => {
    const before = await homeTotal();
    const person = await testApp.signIn('tp.duyet@test.gov.vn');
    const notifications = (await person.get('/api/notifications')).json();
    expect(notifications.items[0].kind).toBe('transfer_in');

    const submitted = await declareAndSubmit(
      person,
      '/api/me/declaration',
      validRecordData({ agencyId: province.home.id, divisionId: province.homeBoard.id }, 'Nguyễn Văn An'),
    );
    expect(submitted.isTransfer).toBe(true);
    const approver = await as('nv.duyet@test.gov.vn');
    const decided = await approver.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await homeTotal()).toBe(before + 1);
  });
});

describe('transfer in from another province', () => {
  it('creates an account and a record to declare', async () => {
    const homeAdmin = await as('nv.admin@test.gov.vn');
    const filed = await homeAdmin.post('/api/requests', {
      kind: 'transfer_in',
      agencyId: province.home.id,
      details: {
        fullName: 'Tôn Nữ Thu',
        fromUnitName: 'Sở Nội vụ tỉnh Khác',
        email: 'tn.thu@test.gov.vn',
        grantUnitAdmin: true,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);

    const snv = await as('snv.admin@test.gov.vn');
    const processed = await snv.post(`/api/requests/${filed.json().id}/process`, {
      rowVersion: filed.json().rowVersion,
    });
    expect(processed.statusCode, processed.body).toBe(200);
    const [created] = processed.json().createdAccounts;
    expect(created).toMatchObject({ email: 'tn.thu@test.gov.vn', displayName: 'Tôn Nữ Thu' });

    const db = testApp.database.db;
    const account = await db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', 'tn.thu@test.gov.vn')
      .executeTakeFirstOrThrow();
    expect(account.must_change_password).toBe(true);
    const person = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', account.person_id!)
      .executeTakeFirstOrThrow();
    expect(person.full_name).toBe('Tôn Nữ Thu');
    const grants = await db
      .selectFrom('role_grants')
      .select(['role', 'unit_id'])
      .where('account_id', '=', account.id)
      .execute();
    expect(grants).toEqual([{ role: 'unit_admin', unit_id: province.home.id }]);
  });

  it('asks for an e-mail when the person has no account', async () => {
    const homeAdmin = await as('nv.admin@test.gov.vn');
    const filed = await homeAdmin.post('/api/requests', {
      kind: 'transfer_in',
      agencyId: province.home.id,
      details: { fullName: 'Lý Văn Vinh', fromUnitName: 'UBND huyện Khác' },
    });
    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post(`/api/requests/${filed.json().id}/process`, {
      rowVersion: filed.json().rowVersion,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('email');
  });

  it('requires the old unit', async () => {
    const homeAdmin = await as('nv.admin@test.gov.vn');
    const response = await homeAdmin.post('/api/requests', {
      kind: 'transfer_in',
      agencyId: province.home.id,
      details: { fullName: 'Không Rõ Nơi Đi' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((field: { field: string }) => field.field)).toContain(
      'details/fromUnitName',
    );
  });
});
