import type { Kysely } from 'kysely';
import type { CatalogName, SalaryTable } from '../../../common/schemas/catalogs.ts';
import type { RecordData } from '../../../common/schemas/record.ts';
import type { Database } from '../../db/schema.ts';
import {
  findCatalogEntry,
  findCatalogEntryWithAttributes,
  findEthnicGroup,
  findSalaryCoefficient,
  findStepCount,
} from '../catalogs/catalogs.lookup.ts';
import { formatDate, type Path, type Problems } from './validation-problems.ts';

// Declaration rules that read the catalogs: every code must exist on the day it is checked, and
// the grade or title, salary group, step and coefficient must agree with the salary tables.

async function checkCode(
  db: Kysely<Database>,
  problems: Problems,
  path: Path,
  catalog: CatalogName,
  code: string | null | undefined,
  onDate: string,
): Promise<boolean> {
  if (!code) return true;
  const entry = await findCatalogEntry(db, catalog, code, onDate);
  if (entry) return true;
  problems.add(
    path,
    `Mã "${code}" không có trong danh mục hoặc đã hết hiệu lực vào ngày ${formatDate(onDate)}; hãy chọn lại từ danh mục.`,
  );
  return false;
}

export async function checkCatalogCodes(
  db: Kysely<Database>,
  data: RecordData,
  today: string,
  problems: Problems,
): Promise<void> {
  const { identity, education } = data;
  if (identity.ethnicityCode) {
    const system = identity.ethnicityCodeSystem ?? 'qd1019_2008';
    const found = await findEthnicGroup(db, identity.ethnicityCode, system, today);
    if (!found)
      problems.add(
        ['identity', 'ethnicityCode'],
        `Mã dân tộc "${identity.ethnicityCode}" không có trong danh mục dân tộc; hãy chọn lại từ danh mục.`,
      );
  }
  await checkCode(db, problems, ['identity', 'religionCode'], 'religions', identity.religionCode, today);
  await checkCode(
    db,
    problems,
    ['education', 'generalEducationCode'],
    'general_education',
    education.generalEducationCode,
    today,
  );
  await checkCode(
    db,
    problems,
    ['education', 'professionalLevelCode'],
    'professional_levels',
    education.professionalLevelCode,
    today,
  );
  await checkCode(
    db,
    problems,
    ['education', 'academicTitleCode'],
    'academic_titles',
    education.academicTitleCode,
    today,
  );
  await checkCode(
    db,
    problems,
    ['education', 'politicalTheoryCode'],
    'political_theory',
    education.politicalTheoryCode,
    today,
  );
  await checkCode(
    db,
    problems,
    ['education', 'stateManagementCode'],
    'state_management',
    education.stateManagementCode,
    today,
  );
  await checkCode(db, problems, ['education', 'itLevelCode'], 'it_skills', education.itLevelCode, today);
  for (const [index, language] of education.foreignLanguages.entries()) {
    await checkCode(
      db,
      problems,
      ['education', 'foreignLanguages', index, 'levelCode'],
      'foreign_languages',
      language.levelCode,
      today,
    );
  }
  await checkCode(
    db,
    problems,
    ['employment', 'positionCode'],
    'leadership_allowances',
    data.employment.positionCode,
    today,
  );

  for (const place of ['birthPlace', 'hometown', 'permanentResidence', 'currentResidence'] as const) {
    const value = data.places[place];
    if (!value) continue;
    await checkCode(db, problems, ['places', place, 'provinceCode'], 'provinces', value.provinceCode, today);
    if (!value.communeCode) continue;
    const commune = await findCatalogEntryWithAttributes(db, 'communes', value.communeCode, today);
    if (!commune)
      problems.add(
        ['places', place, 'communeCode'],
        `Mã xã, phường "${value.communeCode}" không có trong danh mục; hãy chọn lại.`,
      );
    else if (value.provinceCode && commune.attributes.provinceCode !== value.provinceCode) {
      problems.add(
        ['places', place, 'communeCode'],
        `Xã, phường ${commune.entry.name} không thuộc tỉnh, thành phố đã chọn.`,
      );
    }
  }
}

export async function checkSalary(
  db: Kysely<Database>,
  data: RecordData,
  today: string,
  problems: Problems,
): Promise<void> {
  const { salary, employment } = data;
  if (!salary.rankCode) {
    if (salary.salaryStep || salary.coefficient)
      problems.add(
        ['salary', 'rankCode'],
        'Hãy chọn ngạch hoặc chức danh nghề nghiệp trước khi khai bậc, hệ số lương.',
      );
    return;
  }
  if (!salary.rankKind) {
    problems.add(['salary', 'rankKind'], 'Hãy chọn ngạch công chức hay chức danh nghề nghiệp viên chức.');
    return;
  }
  if (employment.employmentType === 'civil_servant' && salary.rankKind !== 'grade') {
    problems.add(
      ['salary', 'rankKind'],
      'Công chức được xếp ngạch công chức, không xếp chức danh nghề nghiệp.',
    );
  }
  if (employment.employmentType === 'public_employee' && salary.rankKind !== 'professional_title') {
    problems.add(
      ['salary', 'rankKind'],
      'Viên chức được xếp chức danh nghề nghiệp, không xếp ngạch công chức.',
    );
  }

  const catalog = salary.rankKind === 'grade' ? 'grades' : 'professional_titles';
  const rank = await findCatalogEntryWithAttributes(db, catalog, salary.rankCode, today);
  if (!rank) {
    const kind = salary.rankKind === 'grade' ? 'ngạch công chức' : 'chức danh nghề nghiệp';
    problems.add(
      ['salary', 'rankCode'],
      `Mã ${kind} "${salary.rankCode}" không có trong danh mục hoặc đã hết hiệu lực vào ngày ${formatDate(today)}.`,
    );
    return;
  }

  const salaryTable = rank.attributes.salaryTable as SalaryTable;
  const group = salary.salaryGroup ?? rank.attributes.salaryGroup;
  if (
    salary.salaryGroup &&
    rank.attributes.salaryGroup &&
    salary.salaryGroup !== rank.attributes.salaryGroup
  ) {
    problems.add(
      ['salary', 'salaryGroup'],
      `Ngạch/chức danh ${rank.entry.name} xếp lương nhóm ${rank.attributes.salaryGroup}, không phải ${salary.salaryGroup}.`,
    );
    return;
  }
  if (!group || !salary.salaryStep) return;

  const stepCount = await findStepCount(db, { salaryTable, salaryGroup: group, onDate: today });
  if (stepCount === undefined) {
    problems.add(['salary', 'salaryGroup'], `Nhóm lương ${group} không có trong bảng lương; hãy chọn lại.`);
    return;
  }
  if (salary.salaryStep > stepCount) {
    problems.add(
      ['salary', 'salaryStep'],
      `Nhóm lương ${group} chỉ có ${stepCount} bậc; bậc ${salary.salaryStep} không hợp lệ.`,
    );
    return;
  }
  if (salary.coefficient === null || salary.coefficient === undefined) return;
  const expected = await findSalaryCoefficient(db, {
    salaryTable,
    salaryGroup: group,
    step: salary.salaryStep,
    onDate: today,
  });
  if (expected !== undefined && Math.abs(expected - salary.coefficient) > 0.005) {
    problems.add(
      ['salary', 'coefficient'],
      `Bậc ${salary.salaryStep} nhóm ${group} có hệ số ${expected.toFixed(2)}, không phải ${salary.coefficient.toFixed(2)}.`,
    );
  }
}
