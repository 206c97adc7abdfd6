import type { CatalogName } from '../../../../common/schemas/catalogs.ts';
import type { EnumSet, FieldSpec, TabSpec } from './record-layout.ts';

// The tabs of the record, in the order of the printed Sơ yếu lý lịch (see record-layout.ts).

const text = (path: string, span?: number): FieldSpec => ({ path, kind: 'text', ...(span ? { span } : {}) });
const area = (path: string): FieldSpec => ({ path, kind: 'textarea', span: 24 });
const date = (path: string): FieldSpec => ({ path, kind: 'date' });
const month = (path: string): FieldSpec => ({ path, kind: 'month' });
const catalog = (path: string, name: CatalogName, span?: number): FieldSpec => ({
  path,
  kind: 'catalog',
  catalog: name,
  ...(span ? { span } : {}),
});
const choice = (path: string, enumSet: EnumSet): FieldSpec => ({ path, kind: 'enum', enumSet });
const period = [month('from'), month('to')];

function address(prefix: string): FieldSpec[] {
  return [
    { path: `${prefix}.provinceCode`, kind: 'catalog', catalog: 'provinces' },
    { path: `${prefix}.communeCode`, kind: 'commune', catalog: 'communes' },
    text(`${prefix}.detail`, 8),
  ];
}

const familyColumns: FieldSpec[] = [
  text('relation'),
  text('fullName'),
  { path: 'birthYear', kind: 'integer', min: 1850, max: 2100 },
  { path: 'details', kind: 'textarea' },
  text('socioPoliticalMembership'),
  text('formerRegime'),
  text('criminalRecord'),
];

export const recordTabs: TabSpec[] = [
  {
    key: 'identity',
    titleKey: 'tabs.identity',
    groups: [
      {
        titleKey: 'groups.identity',
        fields: [
          { ...text('identity.fullName'), required: true },
          text('identity.otherNames'),
          { ...choice('identity.gender', 'gender'), required: true },
          { ...date('identity.birthDate'), required: true },
          { ...text('identity.personalIdNumber'), required: true },
          date('identity.idIssueDate'),
          text('identity.idIssuePlace'),
          text('identity.personnelNumber'),
          text('identity.phone'),
          text('identity.socialInsuranceNumber'),
          text('identity.healthInsuranceNumber'),
        ],
      },
      {
        titleKey: 'groups.ethnicity',
        fields: [
          { ...catalog('identity.ethnicityCode', 'ethnic_groups'), required: true },
          catalog('identity.religionCode', 'religions'),
          text('identity.familyBackground'),
          text('identity.policyBeneficiary'),
        ],
      },
      {
        titleKey: 'groups.health',
        fields: [
          text('health.status'),
          { path: 'health.heightCm', kind: 'integer', min: 50, max: 250 },
          { path: 'health.weightKg', kind: 'integer', min: 20, max: 300 },
          choice('health.bloodGroup', 'bloodGroup'),
        ],
      },
    ],
  },
  {
    key: 'places',
    titleKey: 'tabs.places',
    groups: [
      { titleKey: 'groups.birthPlace', fields: address('places.birthPlace') },
      { titleKey: 'groups.hometown', fields: address('places.hometown') },
      { titleKey: 'groups.permanentResidence', fields: address('places.permanentResidence') },
      { titleKey: 'groups.currentResidence', fields: address('places.currentResidence') },
    ],
  },
  {
    key: 'employment',
    titleKey: 'tabs.employment',
    groups: [
      {
        titleKey: 'groups.agency',
        fields: [
          { ...choice('employment.employmentType', 'employmentType'), required: true },
          { path: 'employment.agencyId', kind: 'agency', span: 12, required: true },
          { path: 'employment.divisionId', kind: 'division', span: 12 },
          text('employment.managingAgencyName', 12),
        ],
      },
      {
        titleKey: 'groups.recruitment',
        fields: [
          text('employment.occupationBeforeRecruitment'),
          date('employment.firstRecruitmentDate'),
          text('employment.recruitingAgency'),
          date('employment.currentAgencyJoinDate'),
        ],
      },
      {
        titleKey: 'groups.position',
        fields: [
          catalog('employment.positionCode', 'leadership_allowances', 12),
          text('employment.positionName'),
          date('employment.positionAppointmentDate'),
          date('employment.positionReappointmentDate'),
          { path: 'employment.concurrentPositions', kind: 'tags', span: 12 },
          text('employment.plannedPositions', 12),
          text('employment.jobPositionCode'),
          text('employment.jobPositionName'),
          area('employment.mainDuties'),
          area('employment.workStrengths'),
          text('employment.longestJob', 12),
        ],
      },
    ],
  },
  {
    key: 'salary',
    titleKey: 'tabs.salary',
    groups: [
      {
        titleKey: 'groups.rank',
        fields: [
          choice('salary.rankKind', 'rankKind'),
          { path: 'salary.rankCode', kind: 'rank', span: 12 },
          text('salary.rankName'),
          date('salary.rankAppointmentDate'),
          text('salary.salaryGroup'),
          { path: 'salary.salaryStep', kind: 'integer', min: 1, max: 20 },
          { path: 'salary.coefficient', kind: 'decimal', min: 0, max: 20 },
          date('salary.stepStartDate'),
          { path: 'salary.salaryPercent', kind: 'decimal', min: 0, max: 100 },
        ],
      },
      {
        titleKey: 'groups.allowances',
        fields: [
          { path: 'salary.overFramePercent', kind: 'decimal', min: 0, max: 100 },
          date('salary.overFrameStartDate'),
          { path: 'salary.positionAllowance', kind: 'decimal', min: 0, max: 20 },
          { path: 'salary.concurrentPostAllowance', kind: 'decimal', min: 0, max: 20 },
          text('salary.otherAllowances', 12),
          { path: 'salary.positionSalaryStep', kind: 'integer', min: 1, max: 20 },
          { path: 'salary.positionSalaryAmount', kind: 'integer', min: 0 },
          date('salary.positionSalaryStartDate'),
          { path: 'salary.positionSalaryPercent', kind: 'decimal', min: 0, max: 100 },
        ],
      },
      {
        titleKey: 'groups.salaryHistory',
        table: {
          path: 'salaryHistory',
          columns: [
            ...period,
            text('rankCode'),
            { path: 'salaryStep', kind: 'integer', min: 1, max: 20 },
            { path: 'coefficient', kind: 'decimal', min: 0, max: 20 },
            { path: 'positionSalaryAmount', kind: 'integer', min: 0 },
          ],
        },
      },
      {
        titleKey: 'groups.allowanceHistory',
        table: {
          path: 'allowanceHistory',
          columns: [
            ...period,
            text('allowanceType'),
            { path: 'percent', kind: 'decimal', min: 0, max: 100 },
            { path: 'coefficient', kind: 'decimal', min: 0, max: 20 },
            text('paymentForm'),
            { path: 'amount', kind: 'integer', min: 0 },
          ],
        },
      },
    ],
  },
  {
    key: 'education',
    titleKey: 'tabs.education',
    groups: [
      {
        titleKey: 'groups.qualifications',
        fields: [
          catalog('education.generalEducationCode', 'general_education'),
          catalog('education.professionalLevelCode', 'professional_levels'),
          text('education.professionalMajor'),
          catalog('education.academicTitleCode', 'academic_titles'),
          catalog('education.politicalTheoryCode', 'political_theory'),
          catalog('education.stateManagementCode', 'state_management'),
          catalog('education.itLevelCode', 'it_skills'),
          text('education.ethnicLanguage'),
        ],
      },
      {
        titleKey: 'groups.foreignLanguages',
        table: {
          path: 'education.foreignLanguages',
          columns: [text('language'), { path: 'levelCode', kind: 'catalog', catalog: 'foreign_languages' }],
        },
      },
    ],
  },
  {
    key: 'training',
    titleKey: 'tabs.training',
    groups: [
      {
        titleKey: 'groups.trainingProfessional',
        table: {
          path: 'training.professional',
          columns: [...period, text('institution'), text('major'), text('mode'), text('degree')],
        },
      },
      {
        titleKey: 'groups.trainingPoliticalTheory',
        table: {
          path: 'training.politicalTheory',
          columns: [...period, text('institution'), text('mode'), text('degree')],
        },
      },
      {
        titleKey: 'groups.trainingManagement',
        table: {
          path: 'training.management',
          columns: [...period, text('institution'), text('certificate')],
        },
      },
      {
        titleKey: 'groups.trainingDefence',
        table: { path: 'training.defence', columns: [...period, text('institution'), text('certificate')] },
      },
      {
        titleKey: 'groups.trainingIt',
        table: {
          path: 'training.informationTechnology',
          columns: [...period, text('institution'), text('certificate')],
        },
      },
      {
        titleKey: 'groups.trainingLanguages',
        table: {
          path: 'training.languages',
          columns: [...period, text('institution'), text('language'), text('certificate'), text('score')],
        },
      },
    ],
  },
  {
    key: 'party',
    titleKey: 'tabs.party',
    groups: [
      {
        titleKey: 'groups.party',
        fields: [
          date('party.partyJoinDate'),
          date('party.partyOfficialDate'),
          text('party.partyPost'),
          text('party.concurrentPartyPost'),
          date('party.socioPoliticalJoinDate'),
          text('party.socioPoliticalOrganisations', 12),
        ],
      },
      {
        titleKey: 'groups.military',
        fields: [
          date('military.enlistmentDate'),
          date('military.dischargeDate'),
          text('military.highestRank'),
        ],
      },
    ],
  },
  {
    key: 'honours',
    titleKey: 'tabs.honours',
    groups: [
      {
        titleKey: 'groups.honours',
        fields: [
          text('honours.stateHonourTitle', 12),
          text('honours.highestAward', 12),
          text('honours.highestDiscipline', 12),
        ],
      },
      {
        titleKey: 'groups.yearlyRatings',
        table: {
          path: 'yearlyRatings',
          columns: [
            { path: 'year', kind: 'integer', min: 1945, max: 2100 },
            { path: 'qualityRating', kind: 'enum', enumSet: 'qualityRating' },
            text('professionalRating'),
            text('emulationRating'),
            text('award'),
          ],
        },
      },
      {
        titleKey: 'groups.disciplines',
        table: {
          path: 'disciplines',
          columns: [...period, text('form'), text('violation'), text('decidedBy')],
        },
      },
      { titleKey: 'groups.assessment', fields: [area('employerAssessment')] },
    ],
  },
  {
    key: 'history',
    titleKey: 'tabs.history',
    groups: [
      {
        titleKey: 'groups.workHistory',
        table: { path: 'workHistory', columns: [...period, text('unitName'), text('title')] },
      },
      {
        titleKey: 'groups.careerEvents',
        table: {
          path: 'careerEvents',
          columns: [
            text('eventType'),
            text('decisionNumber'),
            date('decisionDate'),
            text('unitName'),
            text('note'),
          ],
        },
      },
      {
        titleKey: 'groups.personalHistory',
        fields: [area('personalHistory.arrestHistory'), area('personalHistory.relativesAbroad')],
      },
      {
        titleKey: 'groups.formerRegimeService',
        table: {
          path: 'personalHistory.formerRegimeService',
          columns: [...period, { path: 'description', kind: 'textarea' }],
        },
      },
      {
        titleKey: 'groups.foreignOrganisations',
        table: {
          path: 'personalHistory.foreignOrganisations',
          columns: [...period, { path: 'description', kind: 'textarea' }],
        },
      },
    ],
  },
  {
    key: 'family',
    titleKey: 'tabs.family',
    groups: [
      { titleKey: 'groups.familyOwn', table: { path: 'family.ownSide', columns: familyColumns } },
      { titleKey: 'groups.familySpouse', table: { path: 'family.spouseSide', columns: familyColumns } },
      {
        titleKey: 'groups.assets',
        fields: [
          { path: 'assets.annualSalaryIncome', kind: 'integer', min: 0 },
          text('assets.otherIncomeSources'),
          { path: 'assets.otherIncomeAmount', kind: 'integer', min: 0 },
          text('assets.productionLand', 12),
        ],
      },
      {
        titleKey: 'groups.housing',
        table: {
          path: 'assets.housing',
          columns: [
            { path: 'acquisition', kind: 'enum', enumSet: 'housingAcquisition' },
            text('houseType'),
            { path: 'areaM2', kind: 'decimal', min: 0 },
            text('certificate'),
          ],
        },
      },
      {
        titleKey: 'groups.residentialLand',
        table: {
          path: 'assets.residentialLand',
          columns: [
            { path: 'acquisition', kind: 'enum', enumSet: 'landAcquisition' },
            { path: 'areaM2', kind: 'decimal', min: 0 },
            text('certificate'),
          ],
        },
      },
    ],
  },
];
