import type { ImportFieldKey } from '../../../common/schemas/import.ts';
import type { RecordData } from '../../../common/schemas/record.ts';
import type { RowValues } from './import-rows.ts';

// Putting the values of one row into a person's record. An imported cell replaces the value in
// the record. An empty cell, or a column that is not mapped, leaves the record as it is, so a file
// with a few columns updates those fields only and never erases the rest.

/** Record paths of each column; field errors on these paths point back to the column. */
export const importFieldPaths: Record<ImportFieldKey, string[]> = {
  personalIdNumber: ['identity.personalIdNumber'],
  fullName: ['identity.fullName'],
  gender: ['identity.gender'],
  birthDate: ['identity.birthDate'],
  otherNames: ['identity.otherNames'],
  idIssueDate: ['identity.idIssueDate'],
  idIssuePlace: ['identity.idIssuePlace'],
  personnelNumber: ['identity.personnelNumber'],
  phone: ['identity.phone'],
  socialInsuranceNumber: ['identity.socialInsuranceNumber'],
  healthInsuranceNumber: ['identity.healthInsuranceNumber'],
  ethnicityCode: ['identity.ethnicityCode', 'identity.ethnicityCodeSystem'],
  religionCode: ['identity.religionCode'],
  birthPlaceProvince: ['places.birthPlace.provinceCode'],
  birthPlaceDetail: ['places.birthPlace.detail', 'places.birthPlace.communeCode'],
  hometownProvince: ['places.hometown.provinceCode'],
  hometownDetail: ['places.hometown.detail', 'places.hometown.communeCode'],
  residenceProvince: ['places.currentResidence.provinceCode'],
  residenceDetail: ['places.currentResidence.detail', 'places.currentResidence.communeCode'],
  divisionCode: ['employment.divisionId'],
  employmentType: ['employment.employmentType'],
  firstRecruitmentDate: ['employment.firstRecruitmentDate'],
  recruitingAgency: ['employment.recruitingAgency'],
  currentAgencyJoinDate: ['employment.currentAgencyJoinDate'],
  positionName: ['employment.positionName'],
  positionAppointmentDate: ['employment.positionAppointmentDate'],
  rankCode: ['salary.rankCode', 'salary.rankKind', 'salary.rankName', 'salary.salaryGroup'],
  rankAppointmentDate: ['salary.rankAppointmentDate'],
  salaryStep: ['salary.salaryStep'],
  coefficient: ['salary.coefficient'],
  stepStartDate: ['salary.stepStartDate'],
  overFramePercent: ['salary.overFramePercent'],
  overFrameStartDate: ['salary.overFrameStartDate'],
  positionAllowance: ['salary.positionAllowance'],
  generalEducationCode: ['education.generalEducationCode'],
  professionalLevelCode: ['education.professionalLevelCode'],
  professionalMajor: ['education.professionalMajor'],
  politicalTheoryCode: ['education.politicalTheoryCode'],
  stateManagementCode: ['education.stateManagementCode'],
  itLevelCode: ['education.itLevelCode'],
  foreignLanguage: ['education.foreignLanguages.0.language', 'education.foreignLanguages.0'],
  foreignLanguageLevelCode: ['education.foreignLanguages.0.levelCode'],
  partyJoinDate: ['party.partyJoinDate'],
  partyOfficialDate: ['party.partyOfficialDate'],
  enlistmentDate: ['military.enlistmentDate'],
  dischargeDate: ['military.dischargeDate'],
  highestMilitaryRank: ['military.highestRank'],
  healthStatus: ['health.status'],
  heightCm: ['health.heightCm'],
  weightKg: ['health.weightKg'],
  bloodGroup: ['health.bloodGroup'],
};

const FIELD_BY_PATH = new Map<string, ImportFieldKey>();
for (const [field, paths] of Object.entries(importFieldPaths) as Array<[ImportFieldKey, string[]]>) {
  for (const path of paths) FIELD_BY_PATH.set(path, field);
}

/** Finds the column behind a record path such as 'data.identity.birthDate', if any. */
export function importFieldOfPath(fieldPath: string): ImportFieldKey | undefined {
  const path = fieldPath.replace(/^data\./, '');
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const field = FIELD_BY_PATH.get(parts.join('.'));
    if (field) return field;
  }
  return undefined;
}

type Section = Record<string, unknown>;

function section(record: Section, key: string): Section {
  const value = record[key];
  if (value !== null && typeof value === 'object') return value as Section;
  const created: Section = {};
  record[key] = created;
  return created;
}

function setText(target: Section, key: string, value: string | number | undefined): void {
  if (value !== undefined) target[key] = value;
}

/**
 * Returns the record input for the row: a copy of the current record (or a new one) with every
 * imported value set, and the agency and division of the import. Not yet validated.
 */
export function mergeRow(
  current: RecordData | undefined,
  values: RowValues,
  place: { agencyId: number; divisionId: number | null },
): Section {
  const record: Section = current ? structuredClone(current) : { identity: { fullName: '' } };
  const identity = section(record, 'identity');
  const { text, numbers, codes } = values;

  setText(identity, 'personalIdNumber', values.personalIdNumber);
  setText(identity, 'fullName', text.fullName);
  setText(identity, 'gender', values.gender);
  setText(identity, 'birthDate', text.birthDate);
  setText(identity, 'otherNames', text.otherNames);
  setText(identity, 'idIssueDate', text.idIssueDate);
  setText(identity, 'idIssuePlace', text.idIssuePlace);
  setText(identity, 'personnelNumber', text.personnelNumber);
  setText(identity, 'phone', text.phone);
  setText(identity, 'socialInsuranceNumber', text.socialInsuranceNumber);
  setText(identity, 'healthInsuranceNumber', text.healthInsuranceNumber);
  if (codes.ethnicityCode !== undefined) {
    identity.ethnicityCode = codes.ethnicityCode;
    identity.ethnicityCodeSystem = 'qd1019_2008';
  }
  setText(identity, 'religionCode', codes.religionCode);

  const places = section(record, 'places');
  for (const [key, province, detail] of [
    ['birthPlace', codes.birthPlaceProvince, text.birthPlaceDetail],
    ['hometown', codes.hometownProvince, text.hometownDetail],
    ['currentResidence', codes.residenceProvince, text.residenceDetail],
  ] as const) {
    if (province === undefined && detail === undefined) continue;
    const address = section(places, key);
    setText(address, 'provinceCode', province);
    setText(address, 'detail', detail);
    // A commune of another province would no longer fit the new province code.
    if (province !== undefined && address.communeCode && province !== current?.places[key]?.provinceCode)
      address.communeCode = null;
  }

  const employment = section(record, 'employment');
  employment.agencyId = place.agencyId;
  employment.divisionId = values.divisionId ?? place.divisionId;
  setText(employment, 'employmentType', values.employmentType);
  setText(employment, 'firstRecruitmentDate', text.firstRecruitmentDate);
  setText(employment, 'recruitingAgency', text.recruitingAgency);
  setText(employment, 'currentAgencyJoinDate', text.currentAgencyJoinDate);
  setText(employment, 'positionName', text.positionName);
  setText(employment, 'positionAppointmentDate', text.positionAppointmentDate);

  const salary = section(record, 'salary');
  if (values.rank && values.rank.code !== current?.salary.rankCode) {
    salary.rankKind = values.rank.extra.kind;
    salary.rankCode = values.rank.code;
    salary.rankName = values.rank.name;
    salary.salaryGroup = values.rank.extra.salaryGroup ?? salary.salaryGroup ?? null;
  }
  setText(salary, 'rankAppointmentDate', text.rankAppointmentDate);
  setText(salary, 'salaryStep', numbers.salaryStep);
  setText(salary, 'coefficient', numbers.coefficient);
  setText(salary, 'stepStartDate', text.stepStartDate);
  setText(salary, 'overFramePercent', numbers.overFramePercent);
  setText(salary, 'overFrameStartDate', text.overFrameStartDate);
  setText(salary, 'positionAllowance', numbers.positionAllowance);

  const education = section(record, 'education');
  setText(education, 'generalEducationCode', codes.generalEducationCode);
  setText(education, 'professionalLevelCode', codes.professionalLevelCode);
  setText(education, 'professionalMajor', text.professionalMajor);
  setText(education, 'politicalTheoryCode', codes.politicalTheoryCode);
  setText(education, 'stateManagementCode', codes.stateManagementCode);
  setText(education, 'itLevelCode', codes.itLevelCode);
  if (text.foreignLanguage !== undefined || codes.foreignLanguageLevelCode !== undefined) {
    const languages = Array.isArray(education.foreignLanguages)
      ? [...(education.foreignLanguages as Section[])]
      : [];
    const first = { ...(languages[0] ?? {}) };
    setText(first, 'language', text.foreignLanguage);
    setText(first, 'levelCode', codes.foreignLanguageLevelCode);
    languages[0] = first;
    education.foreignLanguages = languages;
  }

  const party = section(record, 'party');
  setText(party, 'partyJoinDate', text.partyJoinDate);
  setText(party, 'partyOfficialDate', text.partyOfficialDate);

  const military = section(record, 'military');
  setText(military, 'enlistmentDate', text.enlistmentDate);
  setText(military, 'dischargeDate', text.dischargeDate);
  setText(military, 'highestRank', text.highestMilitaryRank);

  const health = section(record, 'health');
  setText(health, 'status', text.healthStatus);
  setText(health, 'heightCm', numbers.heightCm);
  setText(health, 'weightKg', numbers.weightKg);
  setText(health, 'bloodGroup', values.bloodGroup);
  return record;
}

/** Serialises with sorted keys, so that two records compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const keys = Object.keys(item).sort();
    return Object.fromEntries(keys.map((key) => [key, (item as Section)[key]]));
  });
}
