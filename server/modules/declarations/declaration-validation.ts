import type { Kysely } from 'kysely';
import type { FieldError } from '../../../common/error-codes.ts';
import type { CatalogName, SalaryTable } from '../../../common/schemas/catalogs.ts';
import { type RecordData, recordData } from '../../../common/schemas/record.ts';
import { recordFieldLabel } from '../../../common/schemas/record-labels.ts';
import type { Database } from '../../db/schema.ts';
import { ancestorIds } from '../access/scope.ts';
import { findCatalogEntry, findCatalogEntryWithAttributes, findEthnicGroup, findSalaryCoefficient, findStepCount } from '../catalogs/catalogs.lookup.ts';
import { recordFieldErrors } from '../records/record-data.ts';

// The rules a declaration must meet when it is submitted and again when it is approved: the
// checks that depend on today's date, the catalogs and the organisation tree. Every broken rule
// yields one Vietnamese message naming its field.

type Path = ReadonlyArray<string | number>;

class Problems {
  readonly list: FieldError[] = [];
  private readonly seen = new Set<string>();

  add(path: Path, message: string): void {
    const field = ['data', ...path].join('.');
    if (this.seen.has(field)) return;
    this.seen.add(field);
    this.list.push({ field, label: recordFieldLabel(path), message });
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Walks every leaf of the record; dates and months must not lie after today. */
function checkNotFuture(value: unknown, path: Array<string | number>, today: string, problems: Problems): void {
  if (typeof value === 'string') {
    if (DATE.test(value) && value > today) problems.add(path, `Ngày ${formatDate(value)} ở tương lai; hãy nhập ngày không sau hôm nay.`);
    if (MONTH.test(value) && value > today.slice(0, 7)) problems.add(path, `Tháng ${value.slice(5)}/${value.slice(0, 4)} ở tương lai; hãy nhập tháng không sau tháng này.`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkNotFuture(item, [...path, index], today, problems));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkNotFuture(item, [...path, key], today, problems);
  }
}

function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function checkRequired(data: RecordData, problems: Problems): void {
  const required: Array<[Path, unknown, string]> = [
    [['identity', 'gender'], data.identity.gender, 'Hãy chọn giới tính.'],
    [['identity', 'birthDate'], data.identity.birthDate, 'Hãy nhập ngày, tháng, năm sinh.'],
    [['identity', 'personalIdNumber'], data.identity.personalIdNumber, 'Hãy nhập số định danh cá nhân (12 chữ số).'],
    [['identity', 'ethnicityCode'], data.identity.ethnicityCode, 'Hãy chọn dân tộc.'],
    [['employment', 'employmentType'], data.employment.employmentType, 'Hãy chọn cán bộ, công chức hoặc viên chức.'],
    [['employment', 'agencyId'], data.employment.agencyId, 'Hãy chọn cơ quan, đơn vị công tác.'],
  ];
  for (const [path, value, message] of required) if (value === null || value === undefined) problems.add(path, message);
}

function checkOrder(problems: Problems, path: Path, earlier: string | null | undefined, later: string | null | undefined, message: string): void {
  if (earlier && later && later < earlier) problems.add(path, message);
}

function checkChronology(data: RecordData, problems: Problems): void {
  const birth = data.identity.birthDate;
  if (birth && birth < '1900-01-01') problems.add(['identity', 'birthDate'], 'Ngày sinh phải từ năm 1900.');
  checkOrder(problems, ['identity', 'idIssueDate'], birth, data.identity.idIssueDate, 'Ngày cấp căn cước phải sau ngày sinh.');
  checkOrder(problems, ['employment', 'firstRecruitmentDate'], birth, data.employment.firstRecruitmentDate, 'Ngày tuyển dụng phải sau ngày sinh.');
  checkOrder(problems, ['party', 'partyOfficialDate'], data.party.partyJoinDate, data.party.partyOfficialDate, 'Ngày chính thức phải sau ngày vào Đảng.');
  checkOrder(problems, ['military', 'dischargeDate'], data.military.enlistmentDate, data.military.dischargeDate, 'Ngày xuất ngũ phải sau ngày nhập ngũ.');

  const periodTables = [
    ['workHistory', data.workHistory],
    ['salaryHistory', data.salaryHistory],
    ['allowanceHistory', data.allowanceHistory],
    ['disciplines', data.disciplines],
    ...Object.entries(data.training).map(([key, rows]) => [`training.${key}`, rows] as const),
  ] as const;
  for (const [table, rows] of periodTables) {
    rows.forEach((row, index) => {
      const { from, to } = row as { from?: string | null; to?: string | null };
      checkOrder(problems, [...table.split('.'), index, 'to'], from, to, 'Tháng, năm kết thúc phải không trước tháng, năm bắt đầu.');
    });
  }
}

async function checkCode(db: Kysely<Database>, problems: Problems, path: Path, catalog: CatalogName, code: string | null | undefined, onDate: string): Promise<boolean> {
  if (!code) return true;
  const entry = await findCatalogEntry(db, catalog, code, onDate);
  if (entry) return true;
  problems.add(path, `Mã "${code}" không có trong danh mục hoặc đã hết hiệu lực vào ngày ${formatDate(onDate)}; hãy chọn lại từ danh mục.`);
  return false;
}

async function checkCatalogCodes(db: Kysely<Database>, data: RecordData, today: string, problems: Problems): Promise<void> {
  const { identity, education } = data;
  if (identity.ethnicityCode) {
    const system = identity.ethnicityCodeSystem ?? 'qd1019_2008';
    const found = await findEthnicGroup(db, identity.ethnicityCode, system, today);
    if (!found) problems.add(['identity', 'ethnicityCode'], `Mã dân tộc "${identity.ethnicityCode}" không có trong danh mục dân tộc; hãy chọn lại từ danh mục.`);
  }
  await checkCode(db, problems, ['identity', 'religionCode'], 'religions', identity.religionCode, today);
  await checkCode(db, problems, ['education', 'generalEducationCode'], 'general_education', education.generalEducationCode, today);
  await checkCode(db, problems, ['education', 'professionalLevelCode'], 'professional_levels', education.professionalLevelCode, today);
  await checkCode(db, problems, ['education', 'academicTitleCode'], 'academic_titles', education.academicTitleCode, today);
  await checkCode(db, problems, ['education', 'politicalTheoryCode'], 'political_theory', education.politicalTheoryCode, today);
  await checkCode(db, problems, ['education', 'stateManagementCode'], 'state_management', education.stateManagementCode, today);
  await checkCode(db, problems, ['education', 'itLevelCode'], 'it_skills', education.itLevelCode, today);
  for (const [index, language] of education.foreignLanguages.entries()) {
    await checkCode(db, problems, ['education', 'foreignLanguages', index, 'levelCode'], 'foreign_languages', language.levelCode, today);
  }
  await checkCode(db, problems, ['employment', 'positionCode'], 'leadership_allowances', data.employment.positionCode, today);

  for (const place of ['birthPlace', 'hometown', 'permanentResidence', 'currentResidence'] as const) {
    const value = data.places[place];
    if (!value) continue;
    await checkCode(db, problems, ['places', place, 'provinceCode'], 'provinces', value.provinceCode, today);
    if (!value.communeCode) continue;
    const commune = await findCatalogEntryWithAttributes(db, 'communes', value.communeCode, today);
    if (!commune) problems.add(['places', place, 'communeCode'], `Mã xã, phường "${value.communeCode}" không có trong danh mục; hãy chọn lại.`);
    else if (value.provinceCode && commune.attributes.provinceCode !== value.provinceCode) {
      problems.add(['places', place, 'communeCode'], `Xã, phường ${commune.entry.name} không thuộc tỉnh, thành phố đã chọn.`);
    }
  }
}

async function checkSalary(db: Kysely<Database>, data: RecordData, today: string, problems: Problems): Promise<void> {
  const { salary, employment } = data;
  if (!salary.rankCode) {
    if (salary.salaryStep || salary.coefficient) problems.add(['salary', 'rankCode'], 'Hãy chọn ngạch hoặc chức danh nghề nghiệp trước khi khai bậc, hệ số lương.');
    return;
  }
  if (!salary.rankKind) {
    problems.add(['salary', 'rankKind'], 'Hãy chọn ngạch công chức hay chức danh nghề nghiệp viên chức.');
    return;
  }
  if (employment.employmentType === 'civil_servant' && salary.rankKind !== 'grade') {
    problems.add(['salary', 'rankKind'], 'Công chức được xếp ngạch công chức, không xếp chức danh nghề nghiệp.');
  }
  if (employment.employmentType === 'public_employee' && salary.rankKind !== 'professional_title') {
    problems.add(['salary', 'rankKind'], 'Viên chức được xếp chức danh nghề nghiệp, không xếp ngạch công chức.');
  }

  const catalog = salary.rankKind === 'grade' ? 'grades' : 'professional_titles';
  const rank = await findCatalogEntryWithAttributes(db, catalog, salary.rankCode, today);
  if (!rank) {
    const kind = salary.rankKind === 'grade' ? 'ngạch công chức' : 'chức danh nghề nghiệp';
    problems.add(['salary', 'rankCode'], `Mã ${kind} "${salary.rankCode}" không có trong danh mục hoặc đã hết hiệu lực vào ngày ${formatDate(today)}.`);
    return;
  }

  const salaryTable = rank.attributes.salaryTable as SalaryTable;
  const group = salary.salaryGroup ?? rank.attributes.salaryGroup;
  if (salary.salaryGroup && rank.attributes.salaryGroup && salary.salaryGroup !== rank.attributes.salaryGroup) {
    problems.add(['salary', 'salaryGroup'], `Ngạch/chức danh ${rank.entry.name} xếp lương nhóm ${rank.attributes.salaryGroup}, không phải ${salary.salaryGroup}.`);
    return;
  }
  if (!group || !salary.salaryStep) return;

  const stepCount = await findStepCount(db, { salaryTable, salaryGroup: group, onDate: today });
  if (stepCount === undefined) {
    problems.add(['salary', 'salaryGroup'], `Nhóm lương ${group} không có trong bảng lương; hãy chọn lại.`);
    return;
  }
  if (salary.salaryStep > stepCount) {
    problems.add(['salary', 'salaryStep'], `Nhóm lương ${group} chỉ có ${stepCount} bậc; bậc ${salary.salaryStep} không hợp lệ.`);
    return;
  }
  if (salary.coefficient === null || salary.coefficient === undefined) return;
  const expected = await findSalaryCoefficient(db, { salaryTable, salaryGroup: group, step: salary.salaryStep, onDate: today });
  if (expected !== undefined && Math.abs(expected - salary.coefficient) > 0.005) {
    problems.add(['salary', 'coefficient'], `Bậc ${salary.salaryStep} nhóm ${group} có hệ số ${expected.toFixed(2)}, không phải ${salary.coefficient.toFixed(2)}.`);
  }
}

async function checkOrganisation(db: Kysely<Database>, data: RecordData, today: string, problems: Problems): Promise<void> {
  const { agencyId, divisionId } = data.employment;
  if (!agencyId) return;
  const agency = await db.selectFrom('units').selectAll().where('id', '=', agencyId).executeTakeFirst();
  const agencyActive = agency && agency.status === 'active' && agency.valid_from <= today;
  if (!agency || !['agency', 'holding_group'].includes(agency.kind)) {
    problems.add(['employment', 'agencyId'], 'Cơ quan, đơn vị đã chọn không có trong tổ chức bộ máy; hãy chọn lại.');
    return;
  }
  if (!agencyActive) {
    problems.add(['employment', 'agencyId'], `Cơ quan ${agency.code} ${agency.name} đã kết thúc hoạt động (sáp nhập, giải thể); hãy chọn cơ quan mới.`);
    return;
  }

  if (!divisionId) {
    const activeDivision = await db
      .selectFrom('units')
      .select('id')
      .where('parent_id', '=', agencyId)
      .where('kind', '=', 'division')
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (activeDivision) problems.add(['employment', 'divisionId'], `Hãy chọn bộ phận, phòng thuộc ${agency.name}.`);
    return;
  }

  const division = await db.selectFrom('units').selectAll().where('id', '=', divisionId).executeTakeFirst();
  if (!division || division.kind !== 'division') {
    problems.add(['employment', 'divisionId'], 'Bộ phận, phòng đã chọn không có trong tổ chức bộ máy; hãy chọn lại.');
    return;
  }
  if (division.status !== 'active' || division.valid_from > today) {
    problems.add(['employment', 'divisionId'], `Bộ phận ${division.code} đã kết thúc hoạt động (sáp nhập, giải thể); hãy chọn bộ phận mới.`);
    return;
  }
  // The division belongs to the agency when the agency is the nearest employing unit above it.
  const ancestors = await ancestorIds(db, divisionId);
  const chain = await db.selectFrom('units').select(['id', 'kind']).where('id', 'in', ancestors).execute();
  const kindById = new Map(chain.map((unit) => [unit.id, unit.kind]));
  const owner = ancestors.find((id) => ['agency', 'holding_group'].includes(kindById.get(id) ?? ''));
  if (owner !== agencyId) problems.add(['employment', 'divisionId'], `Bộ phận ${division.code} ${division.name} không thuộc ${agency.name}; hãy chọn bộ phận của cơ quan đã chọn.`);
}

async function checkPersonalId(db: Kysely<Database>, data: RecordData, personId: number, problems: Problems): Promise<void> {
  const number = data.identity.personalIdNumber;
  if (!number) return;
  const other = await db.selectFrom('people').select('id').where('personal_id_number', '=', number).where('id', '<>', personId).executeTakeFirst();
  if (other) problems.add(['identity', 'personalIdNumber'], 'Số định danh cá nhân này đã thuộc hồ sơ của người khác; hãy kiểm tra lại.');
}

/**
 * Returns every rule the declaration breaks on `today`; an empty list means it may be submitted
 * or approved. Structural errors (types, lengths) come first, from the shared schema.
 */
export async function findDeclarationProblems(db: Kysely<Database>, data: unknown, context: { personId: number; today: string }): Promise<FieldError[]> {
  const parsed = recordData.safeParse(data);
  if (!parsed.success) return recordFieldErrors(parsed.error.issues);

  const problems = new Problems();
  const record = parsed.data;
  checkRequired(record, problems);
  checkNotFuture(record, [], context.today, problems);
  checkChronology(record, problems);
  await checkOrganisation(db, record, context.today, problems);
  await checkCatalogCodes(db, record, context.today, problems);
  await checkSalary(db, record, context.today, problems);
  await checkPersonalId(db, record, context.personId, problems);
  return problems.list;
}
