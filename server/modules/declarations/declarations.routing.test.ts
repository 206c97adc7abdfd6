import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makePerson, makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { declareAndSubmit, validRecordData } from './declarations.fixtures.ts';

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

let serial = 0;
const names = [
  'Đặng Văn Khải',
  'Vũ Thị Lan',
  'Ngô Văn Minh',
  'Đinh Thị Nga',
  'Bùi Văn Phúc',
  'Lý Thị Quyên',
  'Mai Văn Sơn',
  'Tô Thị Thu',
];

/** Creates a person of the agency with an account and signs them in. */
async function newMember(
  agencyId: number,
  divisionId: number | null,
): Promise<{ personId: number; client: TestClient; fullName: string }> {
  const fullName = names[serial % names.length]!;
  serial += 1;
  const person = await makePerson(testApp.database.db, { fullName, agencyId, divisionId });
  const email = `canbo.dinhtuyen.${serial}@test.gov.vn`;
  await makeAccount(testApp.database.db, { email, homeUnitId: agencyId, personId: person.id });
  return { personId: person.id, client: await testApp.signIn(email), fullName };
}

async function agencyTotal(client: TestClient, agencyId: number): Promise<number> {
  const response = await client.get(`/api/units/${agencyId}/agency-table`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().total;
}

async function inboxIds(client: TestClient): Promise<number[]> {
  const response = await client.get('/api/declarations/inbox');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().map((item: { id: number }) => item.id);
}

describe('declaration routing', () => {
  it('sends a change inside the agency to its approver only', async () => {
    const member = await newMember(province.justice.id, province.justiceBoard.id);
    const submitted = await declareAndSubmit(
      member.client,
      '/api/me/declaration',
      validRecordData(
        { agencyId: province.justice.id, divisionId: province.justiceControl.id },
        member.fullName,
      ),
    );
    expect(submitted.route).toBe('agency');
    expect(submitted.isTransfer).toBe(false);

    const justiceApprover = await testApp.signIn('tp.duyet@test.gov.vn');
    const homeApprover = await testApp.signIn('nv.duyet@test.gov.vn');
    expect(await inboxIds(justiceApprover)).toContain(submitted.id);
    expect(await inboxIds(homeApprover)).not.toContain(submitted.id);

    const refused = await homeApprover.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(refused.statusCode).toBe(404);

    const approved = await justiceApprover.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const membership = await testApp.database.db
      .selectFrom('memberships')
      .selectAll()
      .where('person_id', '=', member.personId)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(membership.division_id).toBe(province.justiceControl.id);
  });

  it('moves a transferring person only on approval by the new agency', async () => {
    const member = await newMember(province.justice.id, province.justiceControl.id);
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    const justiceBefore = await agencyTotal(snv, province.justice.id);
    const homeBefore = await agencyTotal(snv, province.home.id);

    const submitted = await declareAndSubmit(
      member.client,
      '/api/me/declaration',
      validRecordData({ agencyId: province.home.id, divisionId: province.homeBoard.id }, member.fullName),
    );
    expect(submitted.isTransfer).toBe(true);
    expect(submitted.targetAgency.id).toBe(province.home.id);

    // Until the decision the old agency still counts the person.
    expect(await agencyTotal(snv, province.justice.id)).toBe(justiceBefore);
    expect(await agencyTotal(snv, province.home.id)).toBe(homeBefore);

    const justiceApprover = await testApp.signIn('tp.duyet@test.gov.vn');
    expect(await inboxIds(justiceApprover)).not.toContain(submitted.id);
    const oldAgencyTry = await justiceApprover.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(oldAgencyTry.statusCode).toBe(403);
    expect(oldAgencyTry.json().code).toBe('DECLARATION_NOT_ROUTED_TO_YOU');

    const homeApprover = await testApp.signIn('nv.duyet@test.gov.vn');
    expect(await inboxIds(homeApprover)).toContain(submitted.id);
    const review = await homeApprover.get(`/api/declarations/${submitted.id}/review`);
    expect(review.statusCode, review.body).toBe(200);
    const approved = await homeApprover.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(approved.statusCode, approved.body).toBe(200);

    expect(await agencyTotal(snv, province.justice.id)).toBe(justiceBefore - 1);
    expect(await agencyTotal(snv, province.home.id)).toBe(homeBefore + 1);
    const rows = await testApp.database.db
      .selectFrom('memberships')
      .selectAll()
      .where('person_id', '=', member.personId)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.agency_id, row.valid_to === null])).toEqual([
      [province.justice.id, false],
      [province.home.id, true],
    ]);
  });

  it('sends a holding-group person to the province admin', async () => {
    const db = testApp.database.db;
    const holdingRoot = await makeUnit(db, {
      code: '449',
      name: 'Nhóm giảm tài khoản',
      kind: 'holding_root',
      parentId: province.province.id,
    });
    const retired = await makeUnit(db, {
      code: '449001',
      name: 'Nhóm nghỉ hưu',
      kind: 'holding_group',
      parentId: holdingRoot.id,
    });
    const member = await newMember(retired.id, null);

    const submitted = await declareAndSubmit(
      member.client,
      '/api/me/declaration',
      validRecordData({ agencyId: retired.id, divisionId: null }, member.fullName),
    );
    expect(submitted.route).toBe('province');

    const justiceApprover = await testApp.signIn('tp.duyet@test.gov.vn');
    expect(await inboxIds(justiceApprover)).not.toContain(submitted.id);
    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    expect(await inboxIds(snv)).toContain(submitted.id);
    const approved = await snv.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('refuses self-approval and falls back to the province admin', async () => {
    // tp.duyet is the only approver of agency 112 and is also the person Nguyễn Văn An.
    const self = await testApp.signIn('tp.duyet@test.gov.vn');
    const submitted = await declareAndSubmit(
      self,
      '/api/me/declaration',
      validRecordData(
        { agencyId: province.justice.id, divisionId: province.justiceBoard.id },
        'Nguyễn Văn An',
      ),
    );
    expect(await inboxIds(self)).not.toContain(submitted.id);

    const refused = await self.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DECLARATION_SELF_DECISION');
    expect(refused.json().message).toContain('chính mình');

    const snv = await testApp.signIn('snv.admin@test.gov.vn');
    expect(await inboxIds(snv)).toContain(submitted.id);
    const approved = await snv.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('refuses a revoked approver and keeps the declaration decidable', async () => {
    const db = testApp.database.db;
    const first = await makeAccount(db, {
      email: 'tp.duyet2@test.gov.vn',
      homeUnitId: province.justice.id,
      grants: [{ role: 'approver', unitId: province.justice.id }],
    });
    await makeAccount(db, {
      email: 'tp.duyet3@test.gov.vn',
      homeUnitId: province.justice.id,
      grants: [{ role: 'approver', unitId: province.justice.id }],
    });
    const member = await newMember(province.justice.id, province.justiceControl.id);
    const submitted = await declareAndSubmit(
      member.client,
      '/api/me/declaration',
      validRecordData(
        { agencyId: province.justice.id, divisionId: province.justiceControl.id },
        member.fullName,
      ),
    );

    const revokedClient = await testApp.signIn('tp.duyet2@test.gov.vn');
    expect(await inboxIds(revokedClient)).toContain(submitted.id);
    await db
      .updateTable('role_grants')
      .set({ revoked_at: new Date() })
      .where('account_id', '=', first.id)
      .execute();

    const refused = await revokedClient.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(refused.statusCode).toBe(403);
    const still = await db
      .selectFrom('declarations')
      .select('status')
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('submitted');

    const remaining = await testApp.signIn('tp.duyet3@test.gov.vn');
    expect(await inboxIds(remaining)).toContain(submitted.id);
    const approved = await remaining.post(`/api/declarations/${submitted.id}/decision`, {
      decision: 'approve',
      rowVersion: submitted.rowVersion,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });
});

describe('concurrent decisions', () => {
  it('lets exactly one of two approvers win', async () => {
    const member = await newMember(province.justice.id, province.justiceControl.id);
    const submitted = await declareAndSubmit(
      member.client,
      '/api/me/declaration',
      validRecordData(
        { agencyId: province.justice.id, divisionId: province.justiceControl.id },
        member.fullName,
      ),
    );
    const approverA = await testApp.signIn('tp.duyet3@test.gov.vn');
    const approverB = await testApp.signIn('tp.duyet@test.gov.vn');
    const db = testApp.database.db;

    // Hold the declaration's row lock from another transaction while both decisions start, so
    // that on PostgreSQL both wait on the same lock and then race for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = db.transaction().execute(async (trx) => {
      await sql`select id from declarations where id = ${submitted.id} for update`.execute(trx);
      locked();
      await released;
    });
    await isLocked;

    const decisions = Promise.all([
      approverA.post(`/api/declarations/${submitted.id}/decision`, {
        decision: 'approve',
        rowVersion: submitted.rowVersion,
      }),
      approverB.post(`/api/declarations/${submitted.id}/decision`, {
        decision: 'return',
        rowVersion: submitted.rowVersion,
        reason: 'Thiếu quá trình công tác',
      }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await holder;
    const responses = await decisions;

    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = responses.find((response) => response.statusCode === 409)!;
    expect(loser.json().code).toBe('DECLARATION_ALREADY_DECIDED');
    expect(loser.json().message).toMatch(/Phiếu đã được (phê duyệt|trả lại)/);

    const events = await db
      .selectFrom('declaration_events')
      .select('event')
      .where('declaration_id', '=', submitted.id)
      .where('event', 'in', ['approved', 'returned'])
      .execute();
    expect(events).toHaveLength(1);
    const versions = await db
      .selectFrom('record_versions')
      .select('id')
      .where('declaration_id', '=', submitted.id)
      .execute();
    expect(versions.length).toBe(events[0]!.event === 'approved' ? 1 : 0);
  });
});
