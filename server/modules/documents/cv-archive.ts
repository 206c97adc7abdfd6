import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { CvArchiveBody } from '../../../common/schemas/documents.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { assertCoversUnit, STAFF_ROLES, subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import type { FileExportTask } from '../exports/export-jobs.ts';
import { findPerson } from '../records/records.repository.ts';
import type { PeopleScope } from '../search/people-scope.ts';
import { batchesOfPeople, countPeople } from '../search/person-list.ts';
import { populationQuery } from '../search/population.ts';
import { DocumentsService } from './documents.service.ts';

/** People read per query. Each CV takes several queries of its own, so batches stay small. */
const CV_ARCHIVE_BATCH_SIZE = 50;

/**
 * Largest number of people in one archive. Every Word file of the archive stays in memory until
 * the .zip is written. NOTE: the size of a CV file in production was not measured, so this cap is
 * a guess to revisit.
 */
export const CV_ARCHIVE_MAX_PEOPLE = 3_000;

const FORM_LABELS = { '2c': '2C-BNV-2008', '2023': '2023' } as const;

/** Turns a Vietnamese name into a file-name part without marks, e.g. "Trần Thị Bình" into "Tran-Thi-Binh". */
export function asciiFileNamePart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Builds the background export of the Sơ yếu lý lịch of everyone in a unit, one .docx per person
 * in Vietnamese name order. A division contains its members, an agency or holding group the members
 * whose agency it is, and a higher unit every member of an agency below it, as in
 * GET /api/units/:id/people. Each CV printed is audited as a read of that person's record.
 */
export async function cvArchiveTask(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  body: CvArchiveBody,
  audit: AuditContext,
): Promise<FileExportTask> {
  await assertCoversUnit(db, actor, unitId, STAFF_ROLES);
  const unit = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');

  const asOf = todayIso();
  let scope: PeopleScope;
  if (unit.kind === 'division')
    scope = { kind: 'units', asOf, agencyUnitIds: [], divisionUnitIds: [unit.id] };
  else if (unit.kind === 'agency' || unit.kind === 'holding_group')
    scope = { kind: 'units', asOf, agencyUnitIds: [unit.id], divisionUnitIds: [] };
  else scope = { kind: 'units', asOf, agencyUnitIds: await subtreeIds(db, [unit.id]), divisionUnitIds: [] };
  const query = populationQuery(db, scope);

  const total = await countPeople(query);
  if (total > CV_ARCHIVE_MAX_PEOPLE) {
    throw new AppError('EXPORT_TOO_LARGE', {
      message: `Đơn vị có ${total.toLocaleString('vi-VN')} người, vượt giới hạn ${CV_ARCHIVE_MAX_PEOPLE.toLocaleString('vi-VN')} Sơ yếu lý lịch mỗi tệp .zip. Hãy chọn một bộ phận hoặc cơ quan nhỏ hơn.`,
    });
  }

  const documents = new DocumentsService(db);
  const form = body.form;
  const archiveUnitId = unit.id;
  const safeCode = unit.code.replace(/[^A-Za-z0-9._-]+/g, '-');

  async function writeFile(path: string, onProgress: (done: number) => void): Promise<number> {
    const zip = new JSZip();
    const usedNames = new Set<string>();
    let done = 0;

    for await (const batch of batchesOfPeople(query, {
      asOf,
      fullIdNumbers: false,
      batchSize: CV_ARCHIVE_BATCH_SIZE,
    })) {
      for (const summary of batch) {
        const person = await findPerson(db, summary.id);
        if (!person) continue;
        const { docx, source } = await documents.buildDocx(person, form);

        const stem = `${person.employee_code ?? person.id}-${asciiFileNamePart(person.full_name)}`;
        let fileName = `${stem}.docx`;
        for (let copy = 2; usedNames.has(fileName); copy++) fileName = `${stem}-${copy}.docx`;
        usedNames.add(fileName);
        zip.file(fileName, docx);

        await recordAudit(db, audit, {
          action: 'record.read',
          entityType: 'person',
          entityId: person.id,
          detail: {
            view: 'cv',
            form,
            format: 'docx',
            draft: source.draft,
            versionNo: source.versionNo,
            declarationId: source.declarationId,
            self: actor.personId === person.id,
            archiveUnitId,
          },
        });
        done += 1;
        onProgress(done);
        // Lets other requests reach the database between two CVs, because PGlite serves one session.
        await nextTurn();
      }
    }

    // Word files are already compressed, so they are stored as they are.
    const stream = zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' });
    await pipeline(stream, createWriteStream(path));
    return done;
  }

  return {
    kind: 'cv.archive',
    fileName: `Sơ yếu lý lịch ${FORM_LABELS[form]} ${safeCode} ${asOf}.zip`,
    filter: { unitId: unit.id, unitCode: unit.code, form },
    rowsTotal: total,
    extension: 'zip',
    contentType: 'application/zip',
    writeFile,
  };
}
