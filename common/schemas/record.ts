import { z } from 'zod';
import {
  catalogCode,
  code,
  coefficient,
  date,
  LONG,
  longText,
  money,
  monthYear,
  percent,
  period,
  personalIdNumber,
  personName,
  rows,
  SHORT,
  safeText,
  shortText,
} from './record-fields.ts';

export { catalogCode, monthYear, personalIdNumber, personName, safeText };

// The personnel record (hồ sơ) of one person: every field of the national CBCCVC information
// standard, grouped so that both printed forms (Mẫu 2C-BNV/2008 and the 2023 Sơ yếu lý lịch) and
// the ten data groups of Nghị định 27/2026/NĐ-CP can be produced from it. A declaration (phiếu)
// holds a full RecordData; an approved declaration becomes an immutable record version.
//
// The same schema checks drafts: types, lengths and character rules apply on every save. The
// rules that depend on the day, the catalogs and the organisation tree (dates not in the future,
// codes valid on a date, division inside the agency, salary step in range) apply on submit.
//
// Search and statistics do not read this JSON: on approval the server copies the fields they
// need into indexed columns (people: full_name, gender, birth_date, personal_id_number;
// person_records: everything else listed in recordIndexedColumns below).

export const genders = ['male', 'female'] as const;
export const employmentTypes = ['cadre', 'civil_servant', 'public_employee'] as const;
export const rankKinds = ['grade', 'professional_title'] as const;
export const bloodGroups = ['A', 'B', 'AB', 'O'] as const;
/** Ethnic group code systems: QĐ 121-TCTK/PPCĐ (1979) and QĐ 1019/QĐ-TCTK (2008). */
export const ethnicityCodeSystems = ['qd121_1979', 'qd1019_2008'] as const;

/** An address: administrative unit codes (QĐ 19/2025/QĐ-TTg) plus the rest as text. */
export const address = z
  .object({
    provinceCode: z
      .string()
      .regex(/^[0-9]{2}$/, 'Mã tỉnh gồm 2 chữ số.')
      .nullish(),
    communeCode: z
      .string()
      .regex(/^[0-9]{5}$/, 'Mã xã, phường gồm 5 chữ số.')
      .nullish(),
    detail: shortText,
  })
  .strict();

export const recordData = z
  .object({
    identity: z
      .object({
        fullName: personName,
        otherNames: shortText,
        gender: z.enum(genders, { error: 'Chọn Nam hoặc Nữ.' }).nullish(),
        birthDate: date,
        personalIdNumber: personalIdNumber.nullish(),
        idIssueDate: date,
        idIssuePlace: shortText,
        personnelNumber: safeText(50).nullish(),
        phone: z
          .string()
          .regex(/^[0-9+ .-]{6,20}$/, 'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, dấu +.')
          .nullish(),
        socialInsuranceNumber: z
          .string()
          .regex(/^[0-9]{10}$/, 'Số sổ bảo hiểm xã hội gồm 10 chữ số.')
          .nullish(),
        healthInsuranceNumber: z
          .string()
          .regex(
            /^[A-Z]{2}[0-9]{13}$|^[0-9]{10}$/,
            'Số thẻ BHYT gồm 2 chữ in hoa và 13 chữ số, hoặc 10 chữ số.',
          )
          .nullish(),
        ethnicityCode: code,
        ethnicityCodeSystem: z.enum(ethnicityCodeSystems).nullish(),
        religionCode: code,
        familyBackground: shortText,
        policyBeneficiary: shortText,
        photoFileId: safeText(100).nullish(),
      })
      .strict(),
    places: z
      .object({
        birthPlace: address.nullish(),
        hometown: address.nullish(),
        permanentResidence: address.nullish(),
        currentResidence: address.nullish(),
      })
      .strict()
      .default({}),
    employment: z
      .object({
        employmentType: z
          .enum(employmentTypes, { error: 'Chọn cán bộ, công chức hoặc viên chức.' })
          .nullish(),
        agencyId: z.number().int().positive().nullish(),
        divisionId: z.number().int().positive().nullish(),
        managingAgencyName: shortText,
        occupationBeforeRecruitment: shortText,
        firstRecruitmentDate: date,
        recruitingAgency: shortText,
        currentAgencyJoinDate: date,
        positionCode: code,
        positionName: shortText,
        positionAppointmentDate: date,
        positionReappointmentDate: date,
        concurrentPositions: z.array(safeText(SHORT)).max(20, 'Không quá 20 chức vụ kiêm nhiệm.').default([]),
        plannedPositions: shortText,
        mainDuties: longText,
        workStrengths: longText,
        longestJob: shortText,
        jobPositionCode: safeText(50).nullish(),
        jobPositionName: shortText,
      })
      .strict()
      .default({ concurrentPositions: [] }),
    salary: z
      .object({
        rankKind: z.enum(rankKinds).nullish(),
        rankCode: code,
        rankName: shortText,
        rankAppointmentDate: date,
        salaryGroup: safeText(10).nullish(),
        salaryStep: z
          .number()
          .int('Bậc lương là số nguyên.')
          .min(1, 'Bậc lương từ 1 trở lên.')
          .max(20, 'Bậc lương không quá 20.')
          .nullish(),
        coefficient,
        stepStartDate: date,
        salaryPercent: percent,
        overFramePercent: percent,
        overFrameStartDate: date,
        positionAllowance: coefficient,
        concurrentPostAllowance: coefficient,
        otherAllowances: shortText,
        positionSalaryStep: z.number().int().min(1).max(20).nullish(),
        positionSalaryAmount: money,
        positionSalaryStartDate: date,
        positionSalaryPercent: percent,
      })
      .strict()
      .default({}),
    education: z
      .object({
        generalEducationCode: code,
        professionalLevelCode: code,
        professionalMajor: shortText,
        academicTitleCode: code,
        politicalTheoryCode: code,
        stateManagementCode: code,
        itLevelCode: code,
        foreignLanguages: rows({ language: safeText(100), levelCode: code }),
        ethnicLanguage: shortText,
      })
      .strict()
      .default({ foreignLanguages: [] }),
    party: z
      .object({
        partyJoinDate: date,
        partyOfficialDate: date,
        partyPost: shortText,
        concurrentPartyPost: shortText,
        socioPoliticalJoinDate: date,
        socioPoliticalOrganisations: shortText,
      })
      .strict()
      .default({}),
    military: z
      .object({ enlistmentDate: date, dischargeDate: date, highestRank: shortText })
      .strict()
      .default({}),
    honours: z
      .object({ stateHonourTitle: shortText, highestAward: shortText, highestDiscipline: shortText })
      .strict()
      .default({}),
    health: z
      .object({
        status: shortText,
        heightCm: z
          .number()
          .int('Chiều cao là số nguyên (cm).')
          .min(50, 'Chiều cao từ 50 cm.')
          .max(250, 'Chiều cao không quá 250 cm.')
          .nullish(),
        weightKg: z
          .number()
          .int('Cân nặng là số nguyên (kg).')
          .min(20, 'Cân nặng từ 20 kg.')
          .max(300, 'Cân nặng không quá 300 kg.')
          .nullish(),
        bloodGroup: z.enum(bloodGroups, { error: 'Nhóm máu là A, B, AB hoặc O.' }).nullish(),
      })
      .strict()
      .default({}),
    personalHistory: z
      .object({
        arrestHistory: longText,
        formerRegimeService: rows({ ...period, description: safeText(LONG) }),
        foreignOrganisations: rows({ ...period, description: safeText(LONG) }),
        relativesAbroad: longText,
      })
      .strict()
      .default({ formerRegimeService: [], foreignOrganisations: [] }),
    assets: z
      .object({
        annualSalaryIncome: money,
        otherIncomeSources: shortText,
        otherIncomeAmount: money,
        housing: rows({
          acquisition: z.enum(['allocated_or_rented', 'self_bought_or_built']),
          houseType: shortText,
          areaM2: z.number().min(0).max(1e6).nullish(),
          certificate: shortText,
        }),
        residentialLand: rows({
          acquisition: z.enum(['allocated', 'self_bought']),
          areaM2: z.number().min(0).max(1e7).nullish(),
          certificate: shortText,
        }),
        productionLand: shortText,
      })
      .strict()
      .default({ housing: [], residentialLand: [] }),
    training: z
      .object({
        professional: rows({
          ...period,
          institution: shortText,
          major: shortText,
          mode: shortText,
          degree: shortText,
        }),
        politicalTheory: rows({ ...period, institution: shortText, mode: shortText, degree: shortText }),
        management: rows({ ...period, institution: shortText, certificate: shortText }),
        defence: rows({ ...period, institution: shortText, certificate: shortText }),
        informationTechnology: rows({ ...period, institution: shortText, certificate: shortText }),
        languages: rows({
          ...period,
          institution: shortText,
          language: shortText,
          certificate: shortText,
          score: safeText(20).nullish(),
        }),
      })
      .strict()
      .default({
        professional: [],
        politicalTheory: [],
        management: [],
        defence: [],
        informationTechnology: [],
        languages: [],
      }),
    workHistory: rows({ ...period, unitName: shortText, title: shortText }),
    careerEvents: rows({
      eventType: shortText,
      decisionNumber: safeText(100).nullish(),
      decisionDate: date,
      unitName: shortText,
      note: shortText,
    }),
    salaryHistory: rows({
      ...period,
      rankCode: code,
      salaryStep: z.number().int().min(1).max(20).nullish(),
      coefficient,
      positionSalaryAmount: money,
    }),
    allowanceHistory: rows({
      ...period,
      allowanceType: shortText,
      percent,
      coefficient,
      paymentForm: shortText,
      amount: money,
    }),
    yearlyRatings: rows({
      year: z.number().int('Năm là số nguyên.').min(1945, 'Năm từ 1945.').max(2100, 'Năm không quá 2100.'),
      professionalRating: shortText,
      emulationRating: shortText,
      award: shortText,
      qualityRating: z.enum(['excellent', 'good', 'completed', 'not_completed']).nullish(),
    }),
    disciplines: rows({ ...period, form: shortText, violation: shortText, decidedBy: shortText }),
    family: z
      .object({
        ownSide: rows({
          relation: safeText(50),
          fullName: personName,
          birthYear: z
            .number()
            .int('Năm sinh là số nguyên.')
            .min(1850, 'Năm sinh từ 1850.')
            .max(2100)
            .nullish(),
          details: longText,
          socioPoliticalMembership: shortText,
          formerRegime: shortText,
          criminalRecord: shortText,
        }),
        spouseSide: rows({
          relation: safeText(50),
          fullName: personName,
          birthYear: z
            .number()
            .int('Năm sinh là số nguyên.')
            .min(1850, 'Năm sinh từ 1850.')
            .max(2100)
            .nullish(),
          details: longText,
          socioPoliticalMembership: shortText,
          formerRegime: shortText,
          criminalRecord: shortText,
        }),
      })
      .strict()
      .default({ ownSide: [], spouseSide: [] }),
    employerAssessment: longText,
  })
  .strict();

/** What the client sends and the server stores (defaults filled, rows may lack ids). */
export type RecordData = z.output<typeof recordData>;
export type RecordDataInput = z.input<typeof recordData>;
export type Address = z.output<typeof address>;

/** The repeating tables, as paths into RecordData; their rows carry a rowId matched by the diff. */
export const repeatingTables = [
  'education.foreignLanguages',
  'personalHistory.formerRegimeService',
  'personalHistory.foreignOrganisations',
  'assets.housing',
  'assets.residentialLand',
  'training.professional',
  'training.politicalTheory',
  'training.management',
  'training.defence',
  'training.informationTechnology',
  'training.languages',
  'workHistory',
  'careerEvents',
  'salaryHistory',
  'allowanceHistory',
  'yearlyRatings',
  'disciplines',
  'family.ownSide',
  'family.spouseSide',
] as const;
export type RepeatingTable = (typeof repeatingTables)[number];

/**
 * Columns of person_records (plus people's identity columns) filled from the approved record, for
 * search and statistics. Keys are column names; values are the RecordData paths they come from.
 */
export const recordIndexedColumns = {
  employment_type: 'employment.employmentType',
  agency_id: 'employment.agencyId',
  division_id: 'employment.divisionId',
  ethnicity_code: 'identity.ethnicityCode',
  ethnicity_code_system: 'identity.ethnicityCodeSystem',
  religion_code: 'identity.religionCode',
  rank_kind: 'salary.rankKind',
  rank_code: 'salary.rankCode',
  salary_group: 'salary.salaryGroup',
  salary_step: 'salary.salaryStep',
  salary_coefficient: 'salary.coefficient',
  step_start_date: 'salary.stepStartDate',
  position_code: 'employment.positionCode',
  position_name: 'employment.positionName',
  position_allowance: 'salary.positionAllowance',
  general_education_code: 'education.generalEducationCode',
  professional_level_code: 'education.professionalLevelCode',
  political_theory_code: 'education.politicalTheoryCode',
  state_management_code: 'education.stateManagementCode',
  it_level_code: 'education.itLevelCode',
  foreign_language: 'education.foreignLanguages[0].language',
  foreign_language_level_code: 'education.foreignLanguages[0].levelCode',
  party_join_date: 'party.partyJoinDate',
  party_official_date: 'party.partyOfficialDate',
  hometown_province_code: 'places.hometown.provinceCode',
  birth_place_province_code: 'places.birthPlace.provinceCode',
  first_recruitment_date: 'employment.firstRecruitmentDate',
} as const;
