import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '../../../common/schemas/exports.ts';
import { recordData } from '../../../common/schemas/record.ts';
import { nameSortKey } from '../../../common/vietnamese.ts';
import { makePerson, makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { writeApprovedVersion } from '../records/records.repository.ts';
import { asciiFileNamePart } from './cv-archive.ts';
import { cvRecordData, docxPart, paragraphsOf } from './documents.fixtures.ts';

let test: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let justiceAdmin: TestClient;
let homeAdmin: TestClient;
/** Members of the division 112011 as { id, fullName, employeeCode }. */
let members: { id: number; fullName: string; employeeCode: string | null }[];

beforeAll(async () => {
  test = await startTestApp();
  const db = test.database.db;
  province = await makeSmallProvince(db);
  const place = { agencyId: province.justice.id, divisionId: province.justiceControl.id };

  // Trần Thị Bình has an approved record; Lê Văn Cường and Đỗ Minh Châu have none.
  const approvedId = province.justicePeople[1]!.id;
  await db.transaction().execute((trx) =>
    writeApprovedVersion(trx, {
      personId: approvedId,
      data: recordData.parse(cvRecordData(place)),
      source: 'import',
      declarationId: null,
      approvedBy: null,
    }),
  );
  const extra = await makePerson(db, {
    fullName: 'Đỗ Minh Châu',
    agencyId: province.justice.id,
    divisionId: province.justiceControl.id,
  });
  await db.updateTable('people').set({ employee_code: 'TP-0077' }).where('id', '=', extra.id).execute();

  members = [
    { id: approvedId, fullName: 'Trần Thị Bình', employeeCode: null },
    { id: province.justicePeople[2]!.id, fullName: 'Lê Văn Cường', employeeCode: null },
    { id: extra.id, fullName: 'Đỗ Minh Châu', employeeCode: 'TP-0077' },
  ];

  justiceAdmin = await test.signIn('tp.admin@test.gov.vn');
  homeAdmin = await test.signIn('nv.admin@test.gov.vn');
});

afterAll(async () => {
  await test.close();
});

/** Polls an archive export until it finishes and returns its last status, every status seen and the download. */
async function downloadArchive(client: TestClient, started: LightMyRequestResponse) {
  expect(started.statusCode, started.body).toBe(202);
  let status = started.json() as ExportJob;
  const states: ExportJob[] = [status];
  const deadline = Date.now() + 60_000;
  while (status.state === 'queued' || status.state === 'running') {
    if (Date.now() > deadline) throw new Error(`Archive ${status.id} did not finish in 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = (await client.get(`/api/exports/${status.id}`)).json() as ExportJob;
    states.push(status);
  }
  expect(status.state, status.error ?? '').toBe('done');
  const file = await client.get(`/api/exports/${status.id}/file`);
  expect(file.statusCode).toBe(200);
  return { job: status, states, file, zip: await JSZip.loadAsync(file.rawPayload) };
}

function expectedFileName(member: (typeof members)[number]): string {
  return `${member.employeeCode ?? member.id}-${asciiFileNamePart(member.fullName)}.docx`;
}

describe('Sơ yếu lý lịch archive of a division', () => {
  it('contains one Word file per member in name order', async () => {
    const { job, states, file, zip } = await downloadArchive(
      justiceAdmin,
      await justiceAdmin.post(`/api/units/${province.justiceControl.id}/cv-archive`, { form: '2c' }),
    );

    expect(file.headers['content-type']).toBe('application/zip');
    expect(String(file.headers['content-disposition'])).toContain('112011');
    expect(job.rowsTotal).toBe(members.length);
    expect(job.rowsDone).toBe(members.length);
    expect(states[0]!.rowsTotal).toBe(members.length);

    const byNameOrder = [...members].sort((a, b) =>
      nameSortKey(a.fullName) < nameSortKey(b.fullName) ? -1 : 1,
    );
    const entries = Object.keys(zip.files);
    expect(entries).toEqual(byNameOrder.map(expectedFileName));
    expect(entries).toContain('TP-0077-Do-Minh-Chau.docx');

    for (const member of members) {
      const docx = await zip.file(expectedFileName(member))!.async('nodebuffer');
      const text = paragraphsOf(docxPart(docx, 'word/document.xml')).join('\n').toLocaleLowerCase('vi');
      expect(text, member.fullName).toContain(member.fullName.toLocaleLowerCase('vi'));
    }
  });

  it('marks people without an approved record as a draft', async () => {
    const { zip } = await downloadArchive(
      justiceAdmin,
      await justiceAdmin.post(`/api/units/${province.justiceControl.id}/cv-archive`, { form: '2023' }),
    );
    const approved = members[0]!;
    const unapproved = members[1]!;
    const approvedDocx = await zip.file(expectedFileName(approved))!.async('nodebuffer');
    const draftDocx = await zip.file(expectedFileName(unapproved))!.async('nodebuffer');
    expect(paragraphsOf(docxPart(draftDocx, 'word/header1.xml')).join(' ')).toContain('BẢN NHÁP');
    expect(paragraphsOf(docxPart(approvedDocx, 'word/header1.xml')).join(' ')).not.toContain('BẢN NHÁP');
  });

  it('writes a record.read row per person and one for the archive', async () => {
    const before = new Date();
    const { job } = await downloadArchive(
      justiceAdmin,
      await justiceAdmin.post(`/api/units/${province.justiceControl.id}/cv-archive`, { form: '2c' }),
    );
    const db = test.database.db;

    const reads = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'record.read')
      .where('occurred_at', '>=', before)
      .execute();
    expect(reads.map((row) => Number(row.entity_id)).sort()).toEqual(members.map((m) => m.id).sort());
    for (const row of reads) {
      expect(row.actor_account_id).toBe(province.accounts.justiceAdmin.id);
      expect(row.detail).toMatchObject({ view: 'cv', form: '2c', archiveUnitId: province.justiceControl.id });
    }

    const archive = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', job.id).execute();
    expect(archive).toHaveLength(1);
    expect(archive[0]!.action).toBe('export.create');
    expect(archive[0]!.actor_account_id).toBe(province.accounts.justiceAdmin.id);
    expect(archive[0]!.detail).toMatchObject({
      kind: 'cv.archive',
      filter: { unitId: province.justiceControl.id, form: '2c' },
      rowCount: members.length,
    });
  });

  it('is not found for an admin of another agency', async () => {
    const before = new Date();
    const response = await homeAdmin.post(`/api/units/${province.justiceControl.id}/cv-archive`, {
      form: '2c',
    });
    expect(response.statusCode).toBe(404);
    const agencyResponse = await homeAdmin.post(`/api/units/${province.justice.id}/cv-archive`, {
      form: '2c',
    });
    expect(agencyResponse.statusCode).toBe(404);

    const reads = await test.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'record.read')
      .where('actor_account_id', '=', province.accounts.homeAdmin.id)
      .where('occurred_at', '>=', before)
      .execute();
    expect(reads).toEqual([]);
  });

  it('rejects an unknown form with a message naming it', async () => {
    const response = await justiceAdmin.post(`/api/units/${province.justiceControl.id}/cv-archive`, {
      form: '2b',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Mẫu chỉ nhận 2c');
  });
});
