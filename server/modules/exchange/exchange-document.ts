import {
  EXCHANGE_SCHEMA_VERSION,
  EXCHANGE_STANDARD,
  type ExchangeDocument,
} from '../../../common/schemas/exchange.ts';
import type { Address, RecordData } from '../../../common/schemas/record.ts';
import type { StoredVersion } from '../records/records.repository.ts';

// Maps an approved record version onto the exchange document of common/schemas/exchange.ts.
// Every field of RecordData lands in exactly one group. The exceptions are ids that mean nothing
// outside this system: row ids, unit ids (replaced by unit codes and names) and the photo file
// id, because the photo travels as a file and not in the JSON.

export interface ExchangeContext {
  agency: { code: string; name: string } | null;
  division: { code: string; name: string } | null;
  provinceCode: string | null;
  generatedAt: Date;
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

function addressOf(
  value: Address | null | undefined,
): ExchangeDocument['groups']['basicInformation']['birthPlace'] {
  if (!value) return null;
  return {
    provinceCode: orNull(value.provinceCode),
    communeCode: orNull(value.communeCode),
    detail: orNull(value.detail),
  };
}

/** Drops the row id and turns absent values into null, keeping the listed columns in order. */
function rowsOf<Row extends object, Key extends keyof Row & string>(
  rows: readonly Row[],
  keys: readonly Key[],
) {
  return rows.map(
    (row) =>
      Object.fromEntries(keys.map((key) => [key, row[key] ?? null])) as {
        [K in Key]: NonNullable<Row[K]> | null;
      },
  );
}

function basicInformation(
  data: RecordData,
  context: ExchangeContext,
): ExchangeDocument['groups']['basicInformation'] {
  const { identity, places, employment } = data;
  return {
    personalIdNumber: orNull(identity.personalIdNumber),
    personnelNumber: orNull(identity.personnelNumber),
    managingAgencyName: orNull(employment.managingAgencyName),
    employingAgency: context.agency,
    employingDivision: context.division,
    fullName: identity.fullName,
    otherNames: orNull(identity.otherNames),
    gender: orNull(identity.gender),
    birthDate: orNull(identity.birthDate),
    birthPlace: addressOf(places.birthPlace),
    hometown: addressOf(places.hometown),
    ethnicity: identity.ethnicityCode
      ? { code: identity.ethnicityCode, codeSystem: identity.ethnicityCodeSystem ?? 'qd1019_2008' }
      : null,
    religionCode: orNull(identity.religionCode),
    idIssueDate: orNull(identity.idIssueDate),
    idIssuePlace: orNull(identity.idIssuePlace),
    phone: orNull(identity.phone),
    socialInsuranceNumber: orNull(identity.socialInsuranceNumber),
    healthInsuranceNumber: orNull(identity.healthInsuranceNumber),
    permanentResidence: addressOf(places.permanentResidence),
    currentResidence: addressOf(places.currentResidence),
    familyBackground: orNull(identity.familyBackground),
    policyBeneficiary: orNull(identity.policyBeneficiary),
  };
}

const RELATIVE_KEYS = [
  'relation',
  'fullName',
  'birthYear',
  'details',
  'socioPoliticalMembership',
  'formerRegime',
  'criminalRecord',
] as const;
const PERIOD = ['from', 'to'] as const;

function recruitmentAndCareer(data: RecordData): ExchangeDocument['groups']['recruitmentAndCareer'] {
  const { employment } = data;
  return {
    employmentType: orNull(employment.employmentType),
    occupationBeforeRecruitment: orNull(employment.occupationBeforeRecruitment),
    firstRecruitmentDate: orNull(employment.firstRecruitmentDate),
    recruitingAgency: orNull(employment.recruitingAgency),
    currentAgencyJoinDate: orNull(employment.currentAgencyJoinDate),
    positionCode: orNull(employment.positionCode),
    positionName: orNull(employment.positionName),
    positionAppointmentDate: orNull(employment.positionAppointmentDate),
    positionReappointmentDate: orNull(employment.positionReappointmentDate),
    concurrentPositions: [...employment.concurrentPositions],
    plannedPositions: orNull(employment.plannedPositions),
    mainDuties: orNull(employment.mainDuties),
    workStrengths: orNull(employment.workStrengths),
    longestJob: orNull(employment.longestJob),
    workHistory: rowsOf(data.workHistory, [...PERIOD, 'unitName', 'title']),
    careerEvents: rowsOf(data.careerEvents, [
      'eventType',
      'decisionNumber',
      'decisionDate',
      'unitName',
      'note',
    ]),
  };
}

function educationAndTraining(data: RecordData): ExchangeDocument['groups']['educationAndTraining'] {
  const { education, training } = data;
  return {
    generalEducationCode: orNull(education.generalEducationCode),
    professionalLevelCode: orNull(education.professionalLevelCode),
    professionalMajor: orNull(education.professionalMajor),
    academicTitleCode: orNull(education.academicTitleCode),
    politicalTheoryCode: orNull(education.politicalTheoryCode),
    stateManagementCode: orNull(education.stateManagementCode),
    itLevelCode: orNull(education.itLevelCode),
    foreignLanguages: education.foreignLanguages.map((row) => ({
      language: row.language,
      levelCode: orNull(row.levelCode),
    })),
    ethnicLanguage: orNull(education.ethnicLanguage),
    professionalTraining: rowsOf(training.professional, [
      ...PERIOD,
      'institution',
      'major',
      'mode',
      'degree',
    ]),
    politicalTheoryTraining: rowsOf(training.politicalTheory, [...PERIOD, 'institution', 'mode', 'degree']),
    managementTraining: rowsOf(training.management, [...PERIOD, 'institution', 'certificate']),
    defenceTraining: rowsOf(training.defence, [...PERIOD, 'institution', 'certificate']),
    informationTechnologyTraining: rowsOf(training.informationTechnology, [
      ...PERIOD,
      'institution',
      'certificate',
    ]),
    languageTraining: rowsOf(training.languages, [
      ...PERIOD,
      'institution',
      'language',
      'certificate',
      'score',
    ]),
  };
}

function positionSalaryAndEvaluation(
  data: RecordData,
): ExchangeDocument['groups']['positionSalaryAndEvaluation'] {
  const { salary, employment, honours } = data;
  return {
    jobPositionCode: orNull(employment.jobPositionCode),
    jobPositionName: orNull(employment.jobPositionName),
    rankKind: orNull(salary.rankKind),
    rankCode: orNull(salary.rankCode),
    rankName: orNull(salary.rankName),
    rankAppointmentDate: orNull(salary.rankAppointmentDate),
    salaryGroup: orNull(salary.salaryGroup),
    salaryStep: orNull(salary.salaryStep),
    coefficient: orNull(salary.coefficient),
    stepStartDate: orNull(salary.stepStartDate),
    salaryPercent: orNull(salary.salaryPercent),
    overFramePercent: orNull(salary.overFramePercent),
    overFrameStartDate: orNull(salary.overFrameStartDate),
    positionAllowance: orNull(salary.positionAllowance),
    concurrentPostAllowance: orNull(salary.concurrentPostAllowance),
    otherAllowances: orNull(salary.otherAllowances),
    positionSalaryStep: orNull(salary.positionSalaryStep),
    positionSalaryAmount: orNull(salary.positionSalaryAmount),
    positionSalaryStartDate: orNull(salary.positionSalaryStartDate),
    positionSalaryPercent: orNull(salary.positionSalaryPercent),
    salaryHistory: rowsOf(data.salaryHistory, [
      ...PERIOD,
      'rankCode',
      'salaryStep',
      'coefficient',
      'positionSalaryAmount',
    ]),
    allowanceHistory: rowsOf(data.allowanceHistory, [
      ...PERIOD,
      'allowanceType',
      'percent',
      'coefficient',
      'paymentForm',
      'amount',
    ]),
    stateHonourTitle: orNull(honours.stateHonourTitle),
    highestAward: orNull(honours.highestAward),
    yearlyRatings: rowsOf(data.yearlyRatings, [
      'year',
      'professionalRating',
      'emulationRating',
      'award',
      'qualityRating',
    ]).map((row) => ({ ...row, year: row.year! })),
    highestDiscipline: orNull(honours.highestDiscipline),
    disciplines: rowsOf(data.disciplines, [...PERIOD, 'form', 'violation', 'decidedBy']),
    employerAssessment: orNull(data.employerAssessment),
  };
}

/** Builds the exchange document of one approved version. */
export function toExchangeDocument(version: StoredVersion, context: ExchangeContext): ExchangeDocument {
  const data = version.data;
  return {
    schemaVersion: EXCHANGE_SCHEMA_VERSION,
    standard: EXCHANGE_STANDARD,
    generatedAt: context.generatedAt.toISOString(),
    source: { system: 'HoSo', provinceCode: context.provinceCode },
    record: {
      dossierId: orNull(data.identity.personalIdNumber),
      versionNo: version.versionNo,
      approvedAt: new Date(version.approvedAt).toISOString(),
      source: version.source,
    },
    groups: {
      basicInformation: basicInformation(data, context),
      family: {
        ownSide: rowsOf(data.family.ownSide, RELATIVE_KEYS).map((row) => ({
          ...row,
          relation: row.relation!,
          fullName: row.fullName!,
        })),
        spouseSide: rowsOf(data.family.spouseSide, RELATIVE_KEYS).map((row) => ({
          ...row,
          relation: row.relation!,
          fullName: row.fullName!,
        })),
      },
      personalHistory: {
        arrestHistory: orNull(data.personalHistory.arrestHistory),
        formerRegimeService: rowsOf(data.personalHistory.formerRegimeService, [...PERIOD, 'description']).map(
          (row) => ({ ...row, description: row.description! }),
        ),
        foreignOrganisations: rowsOf(data.personalHistory.foreignOrganisations, [
          ...PERIOD,
          'description',
        ]).map((row) => ({ ...row, description: row.description! })),
        relativesAbroad: orNull(data.personalHistory.relativesAbroad),
      },
      recruitmentAndCareer: recruitmentAndCareer(data),
      educationAndTraining: educationAndTraining(data),
      positionSalaryAndEvaluation: positionSalaryAndEvaluation(data),
      politicalOrganisations: {
        partyJoinDate: orNull(data.party.partyJoinDate),
        partyOfficialDate: orNull(data.party.partyOfficialDate),
        partyPost: orNull(data.party.partyPost),
        concurrentPartyPost: orNull(data.party.concurrentPartyPost),
        socioPoliticalJoinDate: orNull(data.party.socioPoliticalJoinDate),
        socioPoliticalOrganisations: orNull(data.party.socioPoliticalOrganisations),
      },
      armedForces: {
        enlistmentDate: orNull(data.military.enlistmentDate),
        dischargeDate: orNull(data.military.dischargeDate),
        highestRank: orNull(data.military.highestRank),
      },
      assetsAndIncome: {
        annualSalaryIncome: orNull(data.assets.annualSalaryIncome),
        otherIncomeSources: orNull(data.assets.otherIncomeSources),
        otherIncomeAmount: orNull(data.assets.otherIncomeAmount),
        housing: data.assets.housing.map((row) => ({
          acquisition: row.acquisition,
          houseType: orNull(row.houseType),
          areaM2: orNull(row.areaM2),
          certificate: orNull(row.certificate),
        })),
        residentialLand: data.assets.residentialLand.map((row) => ({
          acquisition: row.acquisition,
          areaM2: orNull(row.areaM2),
          certificate: orNull(row.certificate),
        })),
        productionLand: orNull(data.assets.productionLand),
      },
      health: {
        status: orNull(data.health.status),
        heightCm: orNull(data.health.heightCm),
        weightKg: orNull(data.health.weightKg),
        bloodGroup: orNull(data.health.bloodGroup),
      },
    },
  };
}
