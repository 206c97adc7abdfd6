import type { RecordData } from '../../../common/schemas/record.ts';
import { nameSortKey } from '../../../common/vietnamese.ts';
import type { PersonRecordsTable } from './records.tables.ts';

type IndexedColumns = Omit<
  PersonRecordsTable,
  'person_id' | 'current_version_id' | 'version_no' | 'is_party_member' | 'approved_at' | 'updated_at'
>;

/**
 * The person_records columns of an approved record: the values search and statistics filter on
 * (the mapping is listed in recordIndexedColumns of common/schemas/record.ts).
 */
export function indexedColumnsOf(data: RecordData): IndexedColumns {
  const firstLanguage = data.education.foreignLanguages[0];
  return {
    employment_type: data.employment.employmentType ?? null,
    agency_id: data.employment.agencyId ?? null,
    division_id: data.employment.divisionId ?? null,
    ethnicity_code: data.identity.ethnicityCode ?? null,
    ethnicity_code_system: data.identity.ethnicityCode
      ? (data.identity.ethnicityCodeSystem ?? 'qd1019_2008')
      : null,
    religion_code: data.identity.religionCode ?? null,
    rank_kind: data.salary.rankKind ?? null,
    rank_code: data.salary.rankCode ?? null,
    salary_group: data.salary.salaryGroup ?? null,
    salary_step: data.salary.salaryStep ?? null,
    salary_coefficient: data.salary.coefficient ?? null,
    step_start_date: data.salary.stepStartDate ?? null,
    position_code: data.employment.positionCode ?? null,
    position_name: data.employment.positionName ?? null,
    position_allowance: data.salary.positionAllowance ?? null,
    general_education_code: data.education.generalEducationCode ?? null,
    professional_level_code: data.education.professionalLevelCode ?? null,
    political_theory_code: data.education.politicalTheoryCode ?? null,
    state_management_code: data.education.stateManagementCode ?? null,
    it_level_code: data.education.itLevelCode ?? null,
    foreign_language: firstLanguage?.language ?? null,
    foreign_language_level_code: firstLanguage?.levelCode ?? null,
    party_join_date: data.party.partyJoinDate ?? null,
    party_official_date: data.party.partyOfficialDate ?? null,
    hometown_province_code: data.places.hometown?.provinceCode ?? null,
    birth_place_province_code: data.places.birthPlace?.provinceCode ?? null,
    first_recruitment_date: data.employment.firstRecruitmentDate ?? null,
  };
}

/** The identity columns of people that follow the approved record. */
export function identityColumnsOf(data: RecordData) {
  return {
    full_name: data.identity.fullName,
    name_sort_key: nameSortKey(data.identity.fullName),
    gender: data.identity.gender ?? null,
    birth_date: data.identity.birthDate ?? null,
    personal_id_number: data.identity.personalIdNumber ?? null,
  };
}
