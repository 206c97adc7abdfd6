import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { recordData, recordIndexedColumns, repeatingTables } from './record.ts';
import { recordFieldLabel } from './record-labels.ts';

// Where each field of the national CBCCVC information standard (data-seed/standard/fields.csv,
// by its English name) lives in RecordData. Printing either CV form and the ten data groups
// depends on every row having a place.
const FIELD_PATHS: Record<string, string[]> = {
  'Electronic dossier ID (= personal identification number)': ['identity.personalIdNumber'],
  'Personnel number': ['identity.personnelNumber'],
  'Managing agency': ['employment.managingAgencyName'],
  'Employing unit': ['employment.agencyId', 'employment.divisionId'],
  'Colour photo 4x6 cm': ['identity.photoFileId'],
  'Full name at birth (upper case)': ['identity.fullName'],
  Sex: ['identity.gender'],
  'Other names': ['identity.otherNames'],
  'Date of birth': ['identity.birthDate'],
  'Place of birth': [
    'places.birthPlace.provinceCode',
    'places.birthPlace.communeCode',
    'places.birthPlace.detail',
  ],
  'Home town (ancestral)': [
    'places.hometown.provinceCode',
    'places.hometown.communeCode',
    'places.hometown.detail',
  ],
  'Ethnic group': ['identity.ethnicityCode', 'identity.ethnicityCodeSystem'],
  Religion: ['identity.religionCode'],
  'Citizen ID card number': ['identity.personalIdNumber'],
  'ID card issue date': ['identity.idIssueDate'],
  'Contact phone': ['identity.phone'],
  'Social insurance number': ['identity.socialInsuranceNumber'],
  'Health insurance card number': ['identity.healthInsuranceNumber'],
  'Current residence': ['places.currentResidence.detail'],
  'Registered permanent residence': ['places.permanentResidence.detail'],
  'Family social background': ['identity.familyBackground'],
  'Policy-beneficiary status': ['identity.policyBeneficiary'],
  'Occupation before recruitment': ['employment.occupationBeforeRecruitment'],
  'First recruitment date': ['employment.firstRecruitmentDate'],
  'Recruiting agency': ['employment.recruitingAgency'],
  'Date joined current agency': ['employment.currentAgencyJoinDate'],
  'Current position': ['employment.positionCode', 'employment.positionName'],
  'Appointment or approval date': ['employment.positionAppointmentDate'],
  'Re-appointment date': ['employment.positionReappointmentDate'],
  'Positions planned for (quy hoạch)': ['employment.plannedPositions'],
  'Concurrent positions': ['employment.concurrentPositions'],
  'Main assigned duties': ['employment.mainDuties'],
  'Work strengths': ['employment.workStrengths'],
  'Longest-held job': ['employment.longestJob'],
  'Work history': ['workHistory.from', 'workHistory.to', 'workHistory.unitName', 'workHistory.title'],
  'Career events with decisions': [
    'careerEvents.eventType',
    'careerEvents.decisionNumber',
    'careerEvents.decisionDate',
    'careerEvents.unitName',
  ],
  'Party admission date': ['party.partyJoinDate'],
  'Full party membership date': ['party.partyOfficialDate'],
  'Current party post': ['party.partyPost'],
  'Concurrent party post': ['party.concurrentPartyPost'],
  'First socio-political organisation join date': ['party.socioPoliticalJoinDate'],
  'Enlistment date': ['military.enlistmentDate'],
  'Discharge date': ['military.dischargeDate'],
  'Highest military rank': ['military.highestRank'],
  'General education level': ['education.generalEducationCode'],
  'Highest professional qualification': ['education.professionalLevelCode', 'education.professionalMajor'],
  'Academic title': ['education.academicTitleCode'],
  'Political theory level': ['education.politicalTheoryCode'],
  'State management training level': ['education.stateManagementCode'],
  'Foreign language': ['education.foreignLanguages.language', 'education.foreignLanguages.levelCode'],
  'IT skill level': ['education.itLevelCode'],
  'Degree training history': [
    'training.professional.institution',
    'training.professional.major',
    'training.professional.mode',
    'training.professional.degree',
  ],
  'Political theory training': ['training.politicalTheory.institution', 'training.politicalTheory.degree'],
  'Management and professional-title training': ['training.management.certificate'],
  'Defence and security training': ['training.defence.certificate'],
  'IT training': ['training.informationTechnology.certificate'],
  'Language training': [
    'training.languages.language',
    'training.languages.certificate',
    'training.languages.score',
  ],
  'Civil-service grade or professional title': ['salary.rankKind', 'salary.rankName'],
  'Grade or title code': ['salary.rankCode'],
  'Grade appointment date': ['salary.rankAppointmentDate'],
  'Salary step': ['salary.salaryStep'],
  'Salary coefficient': ['salary.coefficient'],
  'Salary step effective date': ['salary.stepStartDate'],
  'Percent of salary received': ['salary.salaryPercent'],
  'Over-ceiling seniority allowance (%) and date': ['salary.overFramePercent', 'salary.overFrameStartDate'],
  'Position allowance': ['salary.positionAllowance'],
  'Concurrent-post allowance': ['salary.concurrentPostAllowance'],
  'Other allowances': ['salary.otherAllowances'],
  'Job position and code': ['employment.jobPositionCode', 'employment.jobPositionName'],
  'Position-based salary': [
    'salary.positionSalaryStep',
    'salary.positionSalaryAmount',
    'salary.positionSalaryStartDate',
    'salary.positionSalaryPercent',
  ],
  'Salary history': [
    'salaryHistory.rankCode',
    'salaryHistory.salaryStep',
    'salaryHistory.coefficient',
    'salaryHistory.positionSalaryAmount',
  ],
  'Allowance history': [
    'allowanceHistory.allowanceType',
    'allowanceHistory.percent',
    'allowanceHistory.coefficient',
    'allowanceHistory.paymentForm',
    'allowanceHistory.amount',
  ],
  'State honorary titles': ['honours.stateHonourTitle'],
  'Yearly ratings and awards': [
    'yearlyRatings.year',
    'yearlyRatings.professionalRating',
    'yearlyRatings.emulationRating',
    'yearlyRatings.award',
  ],
  'Annual quality rating': ['yearlyRatings.qualityRating'],
  'Disciplinary measures': ['disciplines.form', 'disciplines.violation', 'disciplines.decidedBy'],
  "Employer's assessment": ['employerAssessment'],
  'Family members (own side)': [
    'family.ownSide.relation',
    'family.ownSide.fullName',
    'family.ownSide.birthYear',
    'family.ownSide.details',
  ],
  'Family members (spouse side)': [
    'family.spouseSide.relation',
    'family.spouseSide.fullName',
    'family.spouseSide.birthYear',
    'family.spouseSide.details',
  ],
  'Arrest or imprisonment history': ['personalHistory.arrestHistory'],
  'Service under the former regime': ['personalHistory.formerRegimeService.description'],
  'Links with organisations abroad': ['personalHistory.foreignOrganisations.description'],
  'Relatives abroad': ['personalHistory.relativesAbroad'],
  'Annual family income': [
    'assets.annualSalaryIncome',
    'assets.otherIncomeSources',
    'assets.otherIncomeAmount',
  ],
  Housing: [
    'assets.housing.acquisition',
    'assets.housing.houseType',
    'assets.housing.areaM2',
    'assets.housing.certificate',
  ],
  'Residential land': [
    'assets.residentialLand.acquisition',
    'assets.residentialLand.areaM2',
    'assets.residentialLand.certificate',
  ],
  'Production or business land': ['assets.productionLand'],
  'Health status': ['health.status'],
  'Height (cm)': ['health.heightCm'],
  'Weight (kg)': ['health.weightKg'],
  'Blood group': ['health.bloodGroup'],
};

type AnySchema = z.ZodType & { def: Record<string, unknown>; shape?: Record<string, z.ZodType> };

/** Finds the schema at a dotted path, looking through optional, nullable, default and array wrappers. */
function schemaAt(root: z.ZodType, path: string): z.ZodType | undefined {
  let current = root as AnySchema;
  for (const key of path.split('.')) {
    while (current.def.innerType || current.def.element) {
      current = (current.def.innerType ?? current.def.element) as AnySchema;
    }
    const next = current.shape?.[key];
    if (!next) return undefined;
    current = next as AnySchema;
  }
  return current;
}

function readStandardFields(): string[] {
  const text = readFileSync(resolve(import.meta.dirname, '../../data-seed/standard/fields.csv'), 'utf8');
  // Each row starts with the group (quoted when it holds a comma) followed by field_vi and field_en.
  const names: string[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"'));
    names.push(cells[2]!);
  }
  return names;
}

describe('record model', () => {
  it('places every standard field', () => {
    const fields = readStandardFields();
    expect(fields).toHaveLength(91);
    const unplaced = fields.filter((field) => !FIELD_PATHS[field]);
    expect(unplaced).toEqual([]);
  });

  it('resolves every mapped path', () => {
    expect(schemaAt(recordData, 'identity.noSuchField')).toBeUndefined();
    expect(schemaAt(recordData, 'family.ownSide.noSuchColumn')).toBeUndefined();
    const missing = Object.values(FIELD_PATHS)
      .flat()
      .filter((path) => schemaAt(recordData, path) === undefined);
    expect(missing).toEqual([]);
  });

  it('labels every mapped field', () => {
    const unlabelled = Object.values(FIELD_PATHS)
      .flat()
      .filter((path) => recordFieldLabel(path.split('.')) === path);
    expect(unlabelled).toEqual([]);
  });

  it('resolves every indexed column and table', () => {
    const paths = [
      ...Object.values(recordIndexedColumns).map((path) => path.replace('[0]', '')),
      ...repeatingTables,
    ];
    expect(paths.filter((path) => schemaAt(recordData, path) === undefined)).toEqual([]);
  });
});
