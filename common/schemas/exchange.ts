import { z } from 'zod';

// The national data exchange document: one person's approved record arranged in the ten data
// groups of Nghị định 27/2026/NĐ-CP (Article 5), for the national CBCCVC database and for
// provinces that exchange records. docs/exchange-schema.md describes every group and field.
//
// Versioning: schemaVersion follows semantic versioning. A new optional field raises the minor
// number; a renamed, removed or retyped field raises the major number. Every field is present in
// every document: a value the record lacks is null (or an empty list), never a missing key.
// Dates are 'YYYY-MM-DD', months 'YYYY-MM', money in đồng, codes from the catalogs named in the
// documentation. Internal ids of the source system never appear.

export const EXCHANGE_SCHEMA_VERSION = '1.0.0';
export const EXCHANGE_STANDARD = 'NĐ 27/2026/NĐ-CP';

const text = z.string().nullable();
const date = z.iso.date().nullable();
const month = z
  .string()
  .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/)
  .nullable();
const integer = z.number().int().nullable();
const decimal = z.number().nullable();
const code = z.string().nullable();
const period = { from: month, to: month };

const address = z.object({ provinceCode: code, communeCode: code, detail: text }).strict().nullable();
const unit = z.object({ code: z.string(), name: z.string() }).strict().nullable();
const rows = <T extends z.ZodRawShape>(shape: T) => z.array(z.object(shape).strict());

const relative = {
  relation: z.string(),
  fullName: z.string(),
  birthYear: integer,
  details: text,
  socioPoliticalMembership: text,
  formerRegime: text,
  criminalRecord: text,
};

/** Group 1: thông tin cơ bản, định danh. */
export const exchangeBasicInformation = z
  .object({
    personalIdNumber: code,
    personnelNumber: text,
    managingAgencyName: text,
    employingAgency: unit,
    employingDivision: unit,
    fullName: z.string(),
    otherNames: text,
    gender: z.enum(['male', 'female']).nullable(),
    birthDate: date,
    birthPlace: address,
    hometown: address,
    ethnicity: z
      .object({ code: z.string(), codeSystem: z.enum(['qd1019_2008', 'qd121_1979']) })
      .strict()
      .nullable(),
    religionCode: code,
    idIssueDate: date,
    idIssuePlace: text,
    phone: text,
    socialInsuranceNumber: text,
    healthInsuranceNumber: text,
    permanentResidence: address,
    currentResidence: address,
    familyBackground: text,
    policyBeneficiary: text,
  })
  .strict();

/** Group 2: quan hệ gia đình. */
export const exchangeFamily = z.object({ ownSide: rows(relative), spouseSide: rows(relative) }).strict();

/** Group 3: lịch sử bản thân. */
export const exchangePersonalHistory = z
  .object({
    arrestHistory: text,
    formerRegimeService: rows({ ...period, description: z.string() }),
    foreignOrganisations: rows({ ...period, description: z.string() }),
    relativesAbroad: text,
  })
  .strict();

/** Group 4: tuyển dụng, bầu cử, bổ nhiệm, quy hoạch, điều động, luân chuyển, biệt phái, thôi việc, nghỉ hưu. */
export const exchangeRecruitmentAndCareer = z
  .object({
    employmentType: z.enum(['cadre', 'civil_servant', 'public_employee']).nullable(),
    occupationBeforeRecruitment: text,
    firstRecruitmentDate: date,
    recruitingAgency: text,
    currentAgencyJoinDate: date,
    positionCode: code,
    positionName: text,
    positionAppointmentDate: date,
    positionReappointmentDate: date,
    concurrentPositions: z.array(z.string()),
    plannedPositions: text,
    mainDuties: text,
    workStrengths: text,
    longestJob: text,
    workHistory: rows({ ...period, unitName: text, title: text }),
    careerEvents: rows({
      eventType: text,
      decisionNumber: text,
      decisionDate: date,
      unitName: text,
      note: text,
    }),
  })
  .strict();

/** Group 5: học vấn, trình độ chuyên môn, đào tạo, bồi dưỡng. */
export const exchangeEducationAndTraining = z
  .object({
    generalEducationCode: code,
    professionalLevelCode: code,
    professionalMajor: text,
    academicTitleCode: code,
    politicalTheoryCode: code,
    stateManagementCode: code,
    itLevelCode: code,
    foreignLanguages: rows({ language: z.string(), levelCode: code }),
    ethnicLanguage: text,
    professionalTraining: rows({ ...period, institution: text, major: text, mode: text, degree: text }),
    politicalTheoryTraining: rows({ ...period, institution: text, mode: text, degree: text }),
    managementTraining: rows({ ...period, institution: text, certificate: text }),
    defenceTraining: rows({ ...period, institution: text, certificate: text }),
    informationTechnologyTraining: rows({ ...period, institution: text, certificate: text }),
    languageTraining: rows({ ...period, institution: text, language: text, certificate: text, score: text }),
  })
  .strict();

/** Group 6: cơ quan, vị trí việc làm, chức danh, tiền lương, phụ cấp, đánh giá, thi đua, khen thưởng, kỷ luật. */
export const exchangePositionSalaryAndEvaluation = z
  .object({
    jobPositionCode: code,
    jobPositionName: text,
    rankKind: z.enum(['grade', 'professional_title']).nullable(),
    rankCode: code,
    rankName: text,
    rankAppointmentDate: date,
    salaryGroup: code,
    salaryStep: integer,
    coefficient: decimal,
    stepStartDate: date,
    salaryPercent: decimal,
    overFramePercent: decimal,
    overFrameStartDate: date,
    positionAllowance: decimal,
    concurrentPostAllowance: decimal,
    otherAllowances: text,
    positionSalaryStep: integer,
    positionSalaryAmount: integer,
    positionSalaryStartDate: date,
    positionSalaryPercent: decimal,
    salaryHistory: rows({
      ...period,
      rankCode: code,
      salaryStep: integer,
      coefficient: decimal,
      positionSalaryAmount: integer,
    }),
    allowanceHistory: rows({
      ...period,
      allowanceType: text,
      percent: decimal,
      coefficient: decimal,
      paymentForm: text,
      amount: integer,
    }),
    stateHonourTitle: text,
    highestAward: text,
    yearlyRatings: rows({
      year: z.number().int(),
      professionalRating: text,
      emulationRating: text,
      award: text,
      qualityRating: z.enum(['excellent', 'good', 'completed', 'not_completed']).nullable(),
    }),
    highestDiscipline: text,
    disciplines: rows({ ...period, form: text, violation: text, decidedBy: text }),
    employerAssessment: text,
  })
  .strict();

/** Group 7: tham gia tổ chức chính trị, chính trị - xã hội. */
export const exchangePoliticalOrganisations = z
  .object({
    partyJoinDate: date,
    partyOfficialDate: date,
    partyPost: text,
    concurrentPartyPost: text,
    socioPoliticalJoinDate: date,
    socioPoliticalOrganisations: text,
  })
  .strict();

/** Group 8: đã tham gia lực lượng vũ trang. */
export const exchangeArmedForces = z
  .object({ enlistmentDate: date, dischargeDate: date, highestRank: text })
  .strict();

/** Group 9: tài sản, thu nhập. */
export const exchangeAssetsAndIncome = z
  .object({
    annualSalaryIncome: integer,
    otherIncomeSources: text,
    otherIncomeAmount: integer,
    housing: rows({
      acquisition: z.enum(['allocated_or_rented', 'self_bought_or_built']),
      houseType: text,
      areaM2: decimal,
      certificate: text,
    }),
    residentialLand: rows({
      acquisition: z.enum(['allocated', 'self_bought']),
      areaM2: decimal,
      certificate: text,
    }),
    productionLand: text,
  })
  .strict();

/** Group 10: sức khỏe. */
export const exchangeHealth = z
  .object({
    status: text,
    heightCm: integer,
    weightKg: integer,
    bloodGroup: z.enum(['A', 'B', 'AB', 'O']).nullable(),
  })
  .strict();

export const exchangeDocument = z
  .object({
    schemaVersion: z.literal(EXCHANGE_SCHEMA_VERSION),
    standard: z.literal(EXCHANGE_STANDARD),
    generatedAt: z.iso.datetime(),
    source: z.object({ system: z.literal('HoSo'), provinceCode: code }).strict(),
    record: z
      .object({
        /** Mã định danh hồ sơ điện tử: the số định danh cá nhân, or null while the record lacks it. */
        dossierId: code,
        versionNo: z.number().int().positive(),
        approvedAt: z.iso.datetime(),
        source: z.enum(['declaration', 'import']),
      })
      .strict(),
    groups: z
      .object({
        basicInformation: exchangeBasicInformation,
        family: exchangeFamily,
        personalHistory: exchangePersonalHistory,
        recruitmentAndCareer: exchangeRecruitmentAndCareer,
        educationAndTraining: exchangeEducationAndTraining,
        positionSalaryAndEvaluation: exchangePositionSalaryAndEvaluation,
        politicalOrganisations: exchangePoliticalOrganisations,
        armedForces: exchangeArmedForces,
        assetsAndIncome: exchangeAssetsAndIncome,
        health: exchangeHealth,
      })
      .strict(),
  })
  .strict();
export type ExchangeDocument = z.infer<typeof exchangeDocument>;

/** The ten group keys in the order of Article 5 (group 1 first). */
export const exchangeGroupKeys = [
  'basicInformation',
  'family',
  'personalHistory',
  'recruitmentAndCareer',
  'educationAndTraining',
  'positionSalaryAndEvaluation',
  'politicalOrganisations',
  'armedForces',
  'assetsAndIncome',
  'health',
] as const satisfies ReadonlyArray<keyof ExchangeDocument['groups']>;
