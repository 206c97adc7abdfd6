import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { CvQuery } from '../../../common/schemas/documents.ts';
import { type RecordData, recordData } from '../../../common/schemas/record.ts';
import type { Database, PersonRow } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { STAFF_ROLES } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { findOpenDeclaration } from '../declarations/declarations.repository.ts';
import { assertStaffCoversPerson } from '../records/person-access.ts';
import { readStoredRecordData } from '../records/record-data.ts';
import { findCurrentVersion, findPerson } from '../records/records.repository.ts';
import { renderCvDocx } from './cv-docx.ts';
import { buildForm2c } from './cv-form-2c.ts';
import { buildForm2023 } from './cv-form-2023.ts';
import { resolveCvNames } from './cv-names.ts';
import { convertDocxToPdf } from './cv-pdf.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';

export interface CvFile {
  buffer: Buffer;
  contentType: string;
  fileName: string;
}

export interface CvSourceData {
  data: RecordData;
  draft: boolean;
  versionNo: number | null;
  declarationId: number | null;
}

/** Prints a person's Sơ yếu lý lịch from the approved record or from the open declaration. */
export class DocumentsService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async #load(person: PersonRow, source: CvQuery['source']): Promise<CvSourceData> {
    if (source !== 'draft') {
      const version = await findCurrentVersion(this.#db, person.id);
      if (version)
        return { data: version.data, draft: false, versionNo: version.versionNo, declarationId: null };
      if (source === 'record') {
        throw new AppError('NOT_FOUND', {
          message:
            'Người này chưa có hồ sơ được phê duyệt. Hãy in bản nháp từ phiếu đang kê khai (source=draft).',
        });
      }
    }

    const declaration = await findOpenDeclaration(this.#db, person.id);
    if (declaration)
      return {
        data: readStoredRecordData(declaration.data),
        draft: true,
        versionNo: null,
        declarationId: declaration.id,
      };
    if (source === 'draft')
      throw new AppError('NOT_FOUND', { message: 'Người này không có phiếu đang kê khai.' });

    // Someone who has never declared gets a blank form with what the personnel list stores, to fill
    // in by hand. The schema fills the empty sections; the stored values are printed as they are.
    const blank = recordData.parse({ identity: { fullName: 'A' } });
    const data: RecordData = {
      ...blank,
      identity: {
        ...blank.identity,
        fullName: person.full_name,
        gender: person.gender,
        birthDate: person.birth_date,
        personalIdNumber: person.personal_id_number,
      },
    };
    return { data, draft: true, versionNo: null, declarationId: null };
  }

  /**
   * Builds the Word CV of a person whom the caller has already checked to be in scope. It writes no
   * audit row, because the caller does. The approved record is used when there is one, unless
   * `source` selects the draft. Otherwise the open declaration or a blank form is used, marked as a draft.
   */
  async buildDocx(
    person: PersonRow,
    form: CvQuery['form'],
    source?: CvQuery['source'],
  ): Promise<{ docx: Buffer; source: CvSourceData }> {
    const loaded = await this.#load(person, source);
    const names = await resolveCvNames(this.#db, loaded.data, todayIso());
    const input = { data: loaded.data, names, draft: loaded.draft };
    const document = form === '2023' ? buildForm2023(input) : buildForm2c(input);
    return { docx: await renderCvDocx(document), source: loaded };
  }

  /**
   * Builds the CV file. The person reads their own; staff read people within their scope, and
   * anyone else gets NOT_FOUND. Every print is audited as a read of the full record.
   */
  async cv(actor: Actor, personId: number, query: CvQuery, audit: AuditContext): Promise<CvFile> {
    if (actor.personId !== personId) await assertStaffCoversPerson(this.#db, actor, personId, STAFF_ROLES);
    const person = await findPerson(this.#db, personId);
    if (!person) throw new AppError('NOT_FOUND');

    const { docx, source } = await this.buildDocx(person, query.form, query.source);
    const buffer = query.format === 'pdf' ? await convertDocxToPdf(docx) : docx;

    await recordAudit(this.#db, audit, {
      action: 'record.read',
      entityType: 'person',
      entityId: personId,
      detail: {
        view: 'cv',
        form: query.form,
        format: query.format,
        draft: source.draft,
        versionNo: source.versionNo,
        declarationId: source.declarationId,
        self: actor.personId === personId,
      },
    });

    const suffix = source.draft ? ' (bản nháp)' : '';
    const safeName = person.full_name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim();
    return {
      buffer,
      contentType: query.format === 'pdf' ? PDF_TYPE : DOCX_TYPE,
      fileName: `Sơ yếu lý lịch ${query.form === '2023' ? '2023' : '2C'} - ${safeName}${suffix}.${query.format}`,
    };
  }
}
