import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { findCatalogEntry } from './catalogs.lookup.ts';

let test: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let provinceAdmin: TestClient;
let justiceAdmin: TestClient;
let homeAdmin: TestClient;
let approver: TestClient;
let person: TestClient;

const gradeAttributes = {
  salaryTable: 'bang_2_cong_chuc',
  salaryGroup: 'A1',
  stepCount: 9,
  firstCoefficient: 2.34,
  lastCoefficient: 4.98,
};

beforeAll(async () => {
  test = await startTestApp();
  province = await makeSmallProvince(test.database.db);
  provinceAdmin = await test.signIn('snv.admin@test.gov.vn');
  justiceAdmin = await test.signIn('tp.admin@test.gov.vn');
  homeAdmin = await test.signIn('nv.admin@test.gov.vn');
  approver = await test.signIn('tp.duyet@test.gov.vn');
  person = await test.signIn('tp.canbo@test.gov.vn');
});
afterAll(async () => {
  await test.close();
});

async function auditRows(action: string, entityId: number) {
  return test.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}

describe('reading catalogs', () => {
  it('lists catalogs for any signed-in account', async () => {
    const response = await person.get('/api/catalogs');
    expect(response.statusCode).toBe(200);
    const grades = response.json().find((item: { catalog: string }) => item.catalog === 'grades');
    expect(grades).toMatchObject({ label: 'Ngạch công chức', entryCount: 92 });
  });

  it('rejects anonymous callers', async () => {
    expect((await test.anonymous().get('/api/catalogs')).statusCode).toBe(401);
    expect((await test.anonymous().get('/api/catalogs/grades')).statusCode).toBe(401);
  });

  it('searches entries without accents', async () => {
    const response = await person.get('/api/catalogs/ethnic_groups?q=e%20de');
    expect(response.statusCode).toBe(200);
    expect(response.json().map((entry: { name: string }) => entry.name)).toEqual(['Ê-đê']);
  });

  it('answers 404 for an unknown catalog', async () => {
    const response = await person.get('/api/catalogs/khong_co');
    expect(response.statusCode).toBe(404);
  });

  it('names the invalid query field', async () => {
    const response = await person.get('/api/catalogs/grades?onDate=31-12-2026');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'onDate', label: 'Ngày áp dụng' });
  });
});

describe('editing catalogs', () => {
  it('is for the province admin only', async () => {
    const body = {
      code: '98.001',
      name: 'Ngạch thử',
      legalBasis: 'Văn bản thử',
      attributes: gradeAttributes,
    };
    expect((await justiceAdmin.post('/api/catalogs/grades', body)).statusCode).toBe(403);
    expect((await approver.post('/api/catalogs/grades', body)).statusCode).toBe(403);
    expect((await person.post('/api/catalogs/grades', body)).statusCode).toBe(403);
    const count = await test.database.db
      .selectFrom('catalog_entries')
      .select('id')
      .where('code', '=', '98.001')
      .execute();
    expect(count).toEqual([]);
  });

  it('names a missing field in Vietnamese', async () => {
    const response = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.002',
      legalBasis: 'x',
      attributes: gradeAttributes,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields).toEqual([expect.objectContaining({ field: 'name', label: 'Tên' })]);
    expect(body.message).toContain('Tên:');
  });

  it('names an invalid attribute', async () => {
    const response = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.003',
      name: 'Ngạch thử',
      legalBasis: 'x',
      attributes: { ...gradeAttributes, salaryGroup: 'nhóm một' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'attributes.salaryGroup', label: 'Nhóm lương' });
    expect(response.json().fields[0].message).toContain('A1, A2.1');
  });

  it('requires a legal basis', async () => {
    const response = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.004',
      name: 'Ngạch thử',
      attributes: gradeAttributes,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'legalDocumentNumber', label: 'Số văn bản' });
  });

  it('rejects an end date before the start date', async () => {
    const response = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.005',
      name: 'Ngạch thử',
      legalBasis: 'x',
      validFrom: '2026-05-01',
      validTo: '2026-01-01',
      attributes: gradeAttributes,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'validTo', label: 'Ngày hết hiệu lực' });
  });

  it('creates, edits and ends an entry, with audit rows', async () => {
    const created = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.010',
      name: '  Chuyên viên   thử nghiệm ',
      validFrom: '2026-01-01',
      legalDocumentNumber: '05/2026/TT-BNV',
      legalDocumentDate: '2025-12-15',
      attributes: gradeAttributes,
    });
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      name: 'Chuyên viên thử nghiệm',
      validFrom: '2026-01-01',
      validTo: null,
      rowVersion: 1,
    });
    const [createAudit] = await auditRows('catalog_entry.create', entry.id);
    expect(createAudit?.after).toMatchObject({ code: '98.010', legalDocumentNumber: '05/2026/TT-BNV' });

    const edited = await provinceAdmin.patch(`/api/catalogs/grades/${entry.id}`, {
      name: 'Chuyên viên thử',
      attributes: { stepCount: 8 },
      rowVersion: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().attributes).toMatchObject({ salaryGroup: 'A1', stepCount: 8 });
    const [editAudit] = await auditRows('catalog_entry.update', entry.id);
    expect(editAudit?.before).toMatchObject({ name: 'Chuyên viên thử nghiệm', attributes: { stepCount: 9 } });
    expect(editAudit?.after).toMatchObject({ name: 'Chuyên viên thử', attributes: { stepCount: 8 } });

    const stale = await provinceAdmin.patch(`/api/catalogs/grades/${entry.id}`, {
      name: 'Cũ',
      rowVersion: 1,
    });
    expect(stale.statusCode).toBe(409);

    const ended = await provinceAdmin.post(`/api/catalogs/grades/${entry.id}/end`, {
      validTo: '2026-07-01',
      legalDocumentNumber: '09/2026/TT-BNV',
      legalDocumentDate: '2026-06-01',
      rowVersion: 2,
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({
      validTo: '2026-07-01',
      endDocumentNumber: '09/2026/TT-BNV',
      legalDocumentNumber: '05/2026/TT-BNV',
    });
    const [endAudit] = await auditRows('catalog_entry.end', entry.id);
    expect(endAudit?.before).toMatchObject({ validTo: null });
    expect(endAudit?.after).toMatchObject({ validTo: '2026-07-01' });

    const again = await provinceAdmin.post(`/api/catalogs/grades/${entry.id}/end`, {
      validTo: '2026-08-01',
      legalBasis: 'x',
      rowVersion: 3,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CATALOG_ENTRY_ENDED');
  });

  it('finds an ended entry before its end only', async () => {
    const created = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.020',
      name: 'Ngạch sẽ hết hiệu lực',
      legalBasis: 'Văn bản thử',
      attributes: gradeAttributes,
    });
    const entry = created.json();
    await provinceAdmin.post(`/api/catalogs/grades/${entry.id}/end`, {
      validTo: '2026-07-01',
      legalBasis: 'Văn bản bãi bỏ',
      rowVersion: 1,
    });

    const db = test.database.db;
    expect((await findCatalogEntry(db, 'grades', '98.020', '2026-06-30'))?.id).toBe(entry.id);
    expect(await findCatalogEntry(db, 'grades', '98.020', '2026-07-01')).toBeUndefined();
    expect(await findCatalogEntry(db, 'grades', '98.020', '2027-01-01')).toBeUndefined();

    const after = await person.get('/api/catalogs/grades?onDate=2026-07-01&q=98.020');
    expect(after.json()).toEqual([]);
    const withEnded = await person.get('/api/catalogs/grades?onDate=2026-07-01&q=98.020&includeEnded=true');
    expect(withEnded.json().map((item: { id: number }) => item.id)).toEqual([entry.id]);
  });

  it('adds a later period for the same code without overlap', async () => {
    const first = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.030',
      name: 'Ngạch giai đoạn 1',
      legalBasis: 'Văn bản 1',
      validFrom: '2020-01-01',
      validTo: '2026-01-01',
      attributes: gradeAttributes,
    });
    expect(first.statusCode).toBe(201);

    const overlapping = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.030',
      name: 'Ngạch trùng',
      legalBasis: 'Văn bản 2',
      validFrom: '2025-06-01',
      attributes: gradeAttributes,
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().code).toBe('CATALOG_PERIOD_OVERLAP');

    const second = await provinceAdmin.post('/api/catalogs/grades', {
      code: '98.030',
      name: 'Ngạch giai đoạn 2',
      legalBasis: 'Văn bản 2',
      validFrom: '2026-01-01',
      attributes: { ...gradeAttributes, salaryGroup: 'A0' },
    });
    expect(second.statusCode).toBe(201);
    expect((await findCatalogEntry(test.database.db, 'grades', '98.030', '2025-12-31'))?.name).toBe(
      'Ngạch giai đoạn 1',
    );
    expect((await findCatalogEntry(test.database.db, 'grades', '98.030', '2026-01-01'))?.name).toBe(
      'Ngạch giai đoạn 2',
    );
  });

  it('offers no way to delete an entry', async () => {
    const [row] = await test.database.db
      .selectFrom('catalog_entries')
      .select('id')
      .where('code', '=', '01.003')
      .execute();
    const response = await provinceAdmin.delete(`/api/catalogs/grades/${row!.id}`);
    expect(response.statusCode).toBe(404);
    expect(await findCatalogEntry(test.database.db, 'grades', '01.003', '2026-01-01')).toBeDefined();
  });
});

describe('catalog requests', () => {
  const request = {
    catalog: 'professional_titles',
    field: 'Chức danh nghề nghiệp',
    proposedCode: 'V.99.01.01',
    proposedValue: 'Chức danh mới',
    legalDocumentNumber: '12/2026/TT-BYT',
    legalDocumentDate: '2026-03-01',
  };

  it('lets a unit admin file one for their own unit', async () => {
    const response = await justiceAdmin.post('/api/catalog-requests', request);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'new',
      unitId: province.justice.id,
      proposedValue: 'Chức danh mới',
    });
    const [audit] = await auditRows('catalog_request.create', response.json().id);
    expect(audit?.after).toMatchObject({ legalDocumentNumber: '12/2026/TT-BYT' });
  });

  it('keeps a unit admin out of another agency', async () => {
    const response = await justiceAdmin.post('/api/catalog-requests', {
      ...request,
      unitId: province.home.id,
    });
    expect(response.statusCode).toBe(404);
    expect((await approver.post('/api/catalog-requests', request)).statusCode).toBe(403);
  });

  it('names the missing legal document', async () => {
    const { legalDocumentNumber: _omitted, ...withoutNumber } = request;
    const response = await justiceAdmin.post('/api/catalog-requests', withoutNumber);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'legalDocumentNumber', label: 'Số văn bản' });
  });

  it('shows each admin the right requests', async () => {
    const queue = (await provinceAdmin.get('/api/catalog-requests?status=new')).json();
    expect(queue.length).toBeGreaterThanOrEqual(1);
    expect((await justiceAdmin.get('/api/catalog-requests')).json().length).toBeGreaterThanOrEqual(1);
    expect((await homeAdmin.get('/api/catalog-requests')).json()).toEqual([]);
  });

  it('is processed by the province admin', async () => {
    const created = (
      await justiceAdmin.post('/api/catalog-requests', { ...request, proposedValue: 'Chức danh khác' })
    ).json();
    expect(
      (await justiceAdmin.patch(`/api/catalog-requests/${created.id}`, { status: 'done', rowVersion: 1 }))
        .statusCode,
    ).toBe(403);

    const rejectWithoutReason = await provinceAdmin.patch(`/api/catalog-requests/${created.id}`, {
      status: 'rejected',
      rowVersion: 1,
    });
    expect(rejectWithoutReason.statusCode).toBe(400);
    expect(rejectWithoutReason.json().fields[0]).toMatchObject({
      field: 'resolutionNote',
      label: 'Ý kiến xử lý',
    });

    const started = await provinceAdmin.patch(`/api/catalog-requests/${created.id}`, {
      status: 'in_progress',
      rowVersion: 1,
    });
    expect(started.json()).toMatchObject({ status: 'in_progress', rowVersion: 2 });
    const done = await provinceAdmin.patch(`/api/catalog-requests/${created.id}`, {
      status: 'done',
      resolutionNote: 'Đã thêm',
      rowVersion: 2,
    });
    expect(done.json()).toMatchObject({ status: 'done', resolutionNote: 'Đã thêm' });

    const reopened = await provinceAdmin.patch(`/api/catalog-requests/${created.id}`, {
      status: 'in_progress',
      rowVersion: 3,
    });
    expect(reopened.statusCode).toBe(409);
    expect(reopened.json().code).toBe('CATALOG_REQUEST_CLOSED');

    const audits = await auditRows('catalog_request.update', created.id);
    expect(audits.map((row) => (row.after as { status: string }).status)).toEqual(['in_progress', 'done']);
  });
});

describe('cached catalog lookups', () => {
  it('see creates, edits and ends at once', async () => {
    const db = test.database.db;
    expect(await findCatalogEntry(db, 'grades', '97.731', '2026-06-01')).toBeUndefined();

    const created = await provinceAdmin.post('/api/catalogs/grades', {
      code: '97.731',
      name: 'Ngạch thử bộ nhớ đệm',
      validFrom: '2026-01-01',
      legalBasis: 'Văn bản thử',
      attributes: gradeAttributes,
    });
    expect(created.statusCode).toBe(201);
    const entryId = created.json().id;
    expect((await findCatalogEntry(db, 'grades', '97.731', '2026-06-01'))?.name).toBe('Ngạch thử bộ nhớ đệm');

    const edited = await provinceAdmin.patch(`/api/catalogs/grades/${entryId}`, {
      name: 'Ngạch thử đã sửa',
      rowVersion: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect((await findCatalogEntry(db, 'grades', '97.731', '2026-06-01'))?.name).toBe('Ngạch thử đã sửa');

    const ended = await provinceAdmin.post(`/api/catalogs/grades/${entryId}/end`, {
      validTo: '2026-03-01',
      legalBasis: 'Văn bản bãi bỏ thử',
      rowVersion: 2,
    });
    expect(ended.statusCode).toBe(200);
    expect(await findCatalogEntry(db, 'grades', '97.731', '2026-06-01')).toBeUndefined();
  });

  it('return frozen entries', async () => {
    const entry = await findCatalogEntry(test.database.db, 'grades', '01.003', '2026-01-01');
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry?.attributes)).toBe(true);
  });
});
