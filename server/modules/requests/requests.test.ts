import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates.ts';
import { makeSmallProvince, makeUnit } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

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

function mismatchBody(
  agencyId: number,
  unitIds: number[],
  description = 'Phòng Kiểm soát thủ tục hành chính đã chuyển về Văn phòng UBND tỉnh',
) {
  return {
    kind: 'org_mismatch',
    agencyId,
    note: 'Đề nghị Sở Nội vụ cập nhật cây đơn vị.',
    details: {
      changeType: 'merge',
      unitIds,
      description,
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2025-02-20',
    },
  };
}

describe('request queue', () => {
  let requestId: number;

  it('files an organisation mismatch with its history', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.post(
      '/api/requests',
      mismatchBody(province.justice.id, [province.justiceControl.id]),
    );
    expect(response.statusCode, response.body).toBe(201);
    const request = response.json();
    expect(request.status).toBe('new');
    expect(request.agency.code).toBe('112');
    expect(request.summary).toContain('Sáp nhập');
    expect(request.summary).toContain('15/QĐ-UBND');
    requestId = request.id;

    const detail = (await admin.get(`/api/requests/${requestId}`)).json();
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ kind: 'created', toStatus: 'new' });
    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'request')
      .where('entity_id', '=', String(requestId))
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['request.create']);
  });

  it('shows one queue to the province admin', async () => {
    const homeAdmin = await as('nv.admin@test.gov.vn');
    const filed = await homeAdmin.post(
      '/api/requests',
      mismatchBody(province.home.id, [province.homeBoard.id], 'Ban Giám đốc đổi tên'),
    );
    expect(filed.statusCode, filed.body).toBe(201);

    const snv = await as('snv.admin@test.gov.vn');
    const queue = (await snv.get('/api/requests?status=new')).json();
    expect(queue.total).toBe(2);
    expect(queue.items.map((item: { agency: { code: string } }) => item.agency.code)).toEqual(['112', '113']);
    expect(queue.countsByStatus).toMatchObject({ new: 2, in_progress: 0, done: 0, rejected: 0 });
  });

  it('hides another agency’s requests', async () => {
    const homeAdmin = await as('nv.admin@test.gov.vn');
    const own = (await homeAdmin.get('/api/requests')).json();
    expect(own.items.map((item: { agency: { code: string } }) => item.agency.code)).toEqual(['113']);
    expect((await homeAdmin.get(`/api/requests/${requestId}`)).statusCode).toBe(404);
    expect(
      (await homeAdmin.post(`/api/requests/${requestId}/comments`, { text: 'Xem thử' })).statusCode,
    ).toBe(404);
    expect((await homeAdmin.get(`/api/requests?agencyId=${province.justice.id}`)).statusCode).toBe(404);
    const foreignUnit = await homeAdmin.post(
      '/api/requests',
      mismatchBody(province.home.id, [province.justiceControl.id]),
    );
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().fields[0].field).toBe('details.unitIds.0');

    const filedElsewhere = await homeAdmin.post('/api/requests', mismatchBody(province.justice.id, []));
    expect(filedElsewhere.statusCode).toBe(404);
  });

  it('refuses people without admin rights', async () => {
    const approver = await as('tp.duyet@test.gov.vn');
    expect((await approver.get('/api/requests')).statusCode).toBe(403);
    const admin = await as('tp.admin@test.gov.vn');
    expect(
      (await admin.post(`/api/requests/${requestId}/status`, { status: 'in_progress', rowVersion: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('moves to in progress and notifies the requester', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const response = await snv.post(`/api/requests/${requestId}/status`, {
      status: 'in_progress',
      rowVersion: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe('in_progress');

    const stale = await snv.post(`/api/requests/${requestId}/status`, {
      status: 'rejected',
      rowVersion: 1,
      comment: 'Cũ',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');

    const admin = await as('tp.admin@test.gov.vn');
    const notifications = (await admin.get('/api/notifications?unreadOnly=true')).json();
    expect(notifications.items[0]).toMatchObject({
      kind: 'request_status',
      requestId,
      link: `/requests/${requestId}`,
    });
    expect(notifications.items[0].title).toContain('Đang xử lý');
  });

  it('carries comments both ways', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const asked = await snv.post(`/api/requests/${requestId}/comments`, {
      text: 'Đề nghị gửi kèm bản chụp quyết định.',
    });
    expect(asked.statusCode).toBe(200);
    const admin = await as('tp.admin@test.gov.vn');
    const adminInbox = (await admin.get('/api/notifications?unreadOnly=true')).json();
    expect(adminInbox.items[0].body).toContain('bản chụp quyết định');

    await admin.post(`/api/requests/${requestId}/comments`, { text: 'Đã gửi qua hệ thống văn bản.' });
    const snvInbox = (await snv.get('/api/notifications?unreadOnly=true')).json();
    expect(snvInbox.items[0].kind).toBe('request_comment');
    const history = (await admin.get(`/api/requests/${requestId}`)).json().history;
    expect(history.filter((event: { kind: string }) => event.kind === 'comment')).toHaveLength(2);

    const empty = await admin.post(`/api/requests/${requestId}/comments`, { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('text');
  });

  it('links the merger and closes the request', async () => {
    const db = testApp.database.db;
    const office = await makeUnit(db, {
      code: '101',
      name: 'Văn phòng Ủy ban nhân dân tỉnh',
      kind: 'agency',
      parentId: province.province.id,
    });
    const snv = await as('snv.admin@test.gov.vn');
    const merged = await snv.post('/api/reorganisation/merge', {
      sourceUnitIds: [province.justiceControl.id],
      target: { unitId: office.id },
      effectiveDate: '2025-03-01',
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2025-02-20',
      requestId,
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(merged.json().event.requestId).toBe(requestId);

    const current = (await snv.get(`/api/requests/${requestId}`)).json();
    expect(current.history.at(-1).comment).toContain('Đã sáp nhập 112011');
    const done = await snv.post(`/api/requests/${requestId}/process`, {
      rowVersion: current.rowVersion,
      note: 'Đã cập nhật cây đơn vị.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().request.status).toBe('done');
    expect(done.json().request.result.reorganisationEventIds).toEqual([merged.json().event.id]);

    const again = await snv.post(`/api/requests/${requestId}/process`, {
      rowVersion: done.json().request.rowVersion,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('REQUEST_STATE');
  });

  it('rejects only with a reason', async () => {
    const snv = await as('snv.admin@test.gov.vn');
    const queue = (await snv.get('/api/requests?status=new')).json();
    const homeRequest = queue.items[0];
    const missing = await snv.post(`/api/requests/${homeRequest.id}/status`, {
      status: 'rejected',
      rowVersion: homeRequest.rowVersion,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].field).toBe('comment');

    const rejected = await snv.post(`/api/requests/${homeRequest.id}/status`, {
      status: 'rejected',
      rowVersion: homeRequest.rowVersion,
      comment: 'Chưa có quyết định đổi tên.',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      resolutionNote: 'Chưa có quyết định đổi tên.',
    });
  });

  it('names invalid request fields', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.post('/api/requests', {
      kind: 'org_mismatch',
      agencyId: province.justice.id,
      details: { changeType: 'merge', description: '', decisionDate: '20/02/2025' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((field: { field: string }) => field.field);
    expect(fields).toEqual(
      expect.arrayContaining(['details/description', 'details/decisionNumber', 'details/decisionDate']),
    );

    const division = await admin.post('/api/requests', mismatchBody(province.justiceBoard.id, []));
    expect(division.statusCode).toBe(400);
    expect(division.json().message).toContain('chọn cơ quan');
  });
});

describe('reconciliation', () => {
  it('records a matching list', async () => {
    const admin = await as('nv.admin@test.gov.vn');
    const response = await admin.post('/api/reconciliations', {
      agencyId: province.home.id,
      checkedOn: todayIso(),
      matches: true,
      note: 'Đã đối chiếu với bảng lương tháng này.',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ matches: true, requestIds: [] });
  });

  it('turns differences into requests', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.post('/api/reconciliations', {
      agencyId: province.justice.id,
      checkedOn: todayIso(),
      matches: false,
      requests: [
        {
          kind: 'org_mismatch',
          details: {
            changeType: 'new_division',
            description: 'Có phòng Công chứng chưa có trong cây',
            decisionNumber: '20/QĐ-STP',
            decisionDate: '2025-04-01',
          },
        },
        {
          kind: 'recruitment',
          details: { recruits: [{ fullName: 'Phùng Thị Quế', email: 'pt.que@test.gov.vn' }] },
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const reconciliation = response.json();
    expect(reconciliation.requestIds).toHaveLength(2);

    const request = (await admin.get(`/api/requests/${reconciliation.requestIds[1]}`)).json();
    expect(request).toMatchObject({
      kind: 'recruitment',
      reconciliationId: reconciliation.id,
      status: 'new',
    });
    const history = (await admin.get(`/api/reconciliations?agencyId=${province.justice.id}`)).json();
    expect(history[0].id).toBe(reconciliation.id);
  });

  it('requires requests when the list differs', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const response = await admin.post('/api/reconciliations', {
      agencyId: province.justice.id,
      checkedOn: todayIso(),
      matches: false,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('requests');
    const future = await admin.post('/api/reconciliations', {
      agencyId: province.justice.id,
      checkedOn: '2999-01-01',
      matches: true,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].field).toBe('checkedOn');
  });

  it('keeps the whole reconciliation when one request fails', async () => {
    const admin = await as('tp.admin@test.gov.vn');
    const before = (await admin.get(`/api/reconciliations?agencyId=${province.justice.id}`)).json().length;
    const response = await admin.post('/api/reconciliations', {
      agencyId: province.justice.id,
      checkedOn: todayIso(),
      matches: false,
      requests: [
        {
          kind: 'recruitment',
          details: { recruits: [{ fullName: 'Trùng Thư', email: 'tp.canbo@test.gov.vn' }] },
        },
      ],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('EMAIL_TAKEN');
    expect((await admin.get(`/api/reconciliations?agencyId=${province.justice.id}`)).json()).toHaveLength(
      before,
    );
  });

  it('lists agencies that have not reconciled', async () => {
    const db = testApp.database.db;
    await makeUnit(db, { code: '160', name: 'Sở Y tế', kind: 'agency', parentId: province.province.id });
    const snv = await as('snv.admin@test.gov.vn');
    const overview = (await snv.get(`/api/reconciliations/overview?since=${todayIso()}`)).json();
    const byCode = new Map(overview.rows.map((row: { agency: { code: string } }) => [row.agency.code, row]));
    expect(byCode.get('112')).toMatchObject({ reconciled: true, lastMatches: false });
    expect(byCode.get('113')).toMatchObject({ reconciled: true, lastMatches: true });
    expect(byCode.get('160')).toMatchObject({ reconciled: false, lastCheckedOn: null });
    expect(overview.notReconciled).toBe(
      overview.rows.filter((row: { reconciled: boolean }) => !row.reconciled).length,
    );
    expect(overview.rows[0].reconciled).toBe(false);

    const admin = await as('tp.admin@test.gov.vn');
    expect((await admin.get(`/api/reconciliations/overview?since=${todayIso()}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/reconciliations?agencyId=${province.home.id}`)).statusCode).toBe(404);
  });
});
