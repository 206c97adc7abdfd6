import type { RecordDataInput } from '../../../common/schemas/record.ts';
import type { SeededRandom } from '../../demo/random.ts';
import { familyOf } from './demo-record-family.ts';
import {
  addMonths,
  BIRTH_PROVINCES,
  DEGREES,
  ETHNIC_LANGUAGES,
  ethnicityCommune,
  ethnicityProvince,
  institutions,
  itLevels,
  languageLevels,
  leaderGrades,
  maxDate,
  minDate,
  monthsBetween,
  PARTY_SHARE,
  POLITICAL_THEORY_DEGREES,
  politicalTheoryOf,
  professionalLevels,
  qualityRatings,
  REFERENCE_DATE,
  religions,
  STATE_MANAGEMENT_GRADES,
  staffGrades,
  stateManagementOf,
} from './demo-record-values.ts';

// Plausible personnel records for generated demo people. Each gets a grade or professional title
// with the salary group, step and coefficient of the catalogs, and education, political theory,
// religion and party membership. Ethnicity follows Quảng Trị: mostly Kinh, some Bru-Vân Kiều and
// Tà-ôi (Pa Kô). A few rows of work history, salary history, ratings and family complete it.
// Nothing belongs to a real person.

/** A rank the generator may give: a grade or professional title with its salary table and group. */
export interface DemoRank {
  kind: 'grade' | 'professional_title';
  code: string;
  name: string;
  salaryTable: string;
  salaryGroup: string;
}

/** Catalog values the generator draws from, read once from the database. */
export interface DemoCatalogs {
  grades: Map<string, DemoRank>;
  /** Professional titles by sector family ('school', 'health', 'service'), rank III first. */
  titles: Record<'school' | 'health' | 'service', DemoRank[]>;
  /** Coefficient by 'table/group/step'. */
  coefficients: Map<string, number>;
  /** Number of steps by 'table/group'. */
  stepCounts: Map<string, number>;
  /** Months between regular step increases, by salary group. */
  stepIntervals: Map<string, number>;
  /** Leadership allowance entries (code, coefficient) by position name. */
  positions: Map<string, { code: string; coefficient: number }>;
  /** Commune codes of the home province. */
  homeCommunes: string[];
}

export interface DemoPersonInput {
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  personalIdNumber: string;
  serviceStartDate: string;
  membershipFrom: string;
  agencyId: number;
  agencyName: string;
  agencyLevel: 'province' | 'commune';
  divisionId: number;
  divisionCategory:
    | 'leadership'
    | 'office'
    | 'inspection'
    | 'department'
    | 'service_centre'
    | 'school'
    | 'health';
  /** 0 for the first person of the division, 1 for the second … (heads and deputies). */
  rankInDivision: number;
}

function employmentTypeOf(
  person: DemoPersonInput,
  random: SeededRandom,
): 'cadre' | 'civil_servant' | 'public_employee' {
  if (person.divisionCategory === 'school' || person.divisionCategory === 'health') return 'public_employee';
  if (person.divisionCategory === 'service_centre')
    return random.chance(0.6) ? 'public_employee' : 'civil_servant';
  if (person.agencyLevel === 'commune' && person.divisionCategory === 'leadership') return 'cadre';
  return 'civil_servant';
}

/** Returns the position of a division's head or deputy, by kind of division and level of agency. */
function positionOf(person: DemoPersonInput): string | null {
  const head = person.rankInDivision === 0;
  const deputy = person.rankInDivision >= 1 && person.rankInDivision <= 2;
  if (!head && !deputy) return null;
  if (person.divisionCategory === 'leadership') {
    if (person.agencyLevel === 'commune')
      return head ? 'Chủ tịch Ủy ban nhân dân' : 'Phó Chủ tịch Ủy ban nhân dân';
    return head ? 'Giám đốc Sở và tương đương' : 'Phó Giám đốc Sở và tương đương';
  }
  if (person.divisionCategory === 'school' || person.divisionCategory === 'health') return null;
  if (person.rankInDivision > 1) return null;
  if (person.agencyLevel === 'commune')
    return head
      ? 'Trưởng phòng chuyên môn thuộc UBND và tương đương'
      : 'Phó Trưởng phòng chuyên môn thuộc UBND và tương đương';
  return head
    ? 'Chánh Văn phòng Sở, Trưởng phòng thuộc Sở và tương đương'
    : 'Phó Chánh Văn phòng Sở, Phó Trưởng phòng thuộc Sở và tương đương';
}

const SHORT_POSITION: Record<string, string> = {
  'Chủ tịch Ủy ban nhân dân': 'Chủ tịch UBND',
  'Phó Chủ tịch Ủy ban nhân dân': 'Phó Chủ tịch UBND',
  'Giám đốc Sở và tương đương': 'Giám đốc',
  'Phó Giám đốc Sở và tương đương': 'Phó Giám đốc',
  'Trưởng phòng chuyên môn thuộc UBND và tương đương': 'Trưởng phòng',
  'Phó Trưởng phòng chuyên môn thuộc UBND và tương đương': 'Phó Trưởng phòng',
  'Chánh Văn phòng Sở, Trưởng phòng thuộc Sở và tương đương': 'Trưởng phòng',
  'Phó Chánh Văn phòng Sở, Phó Trưởng phòng thuộc Sở và tương đương': 'Phó Trưởng phòng',
};

function rankOf(
  person: DemoPersonInput,
  type: string,
  isLeader: boolean,
  catalogs: DemoCatalogs,
  random: SeededRandom,
): DemoRank {
  if (type === 'public_employee') {
    let family: keyof DemoCatalogs['titles'] = 'service';
    if (person.divisionCategory === 'school') family = 'school';
    if (person.divisionCategory === 'health') family = 'health';
    const titles = catalogs.titles[family];
    if (titles.length > 0) return random.pick(titles);
  }
  const code = (isLeader ? leaderGrades : staffGrades).pick(random);
  return catalogs.grades.get(code) ?? catalogs.grades.get('01.003')!;
}

function salaryOf(rank: DemoRank, appointed: string, catalogs: DemoCatalogs) {
  const interval = catalogs.stepIntervals.get(rank.salaryGroup) ?? 36;
  const stepCount = catalogs.stepCounts.get(`${rank.salaryTable}/${rank.salaryGroup}`) ?? 1;
  const served = Math.max(0, monthsBetween(appointed, REFERENCE_DATE));
  const step = Math.min(stepCount, 1 + Math.floor(served / interval));
  const stepStartDate = minDate(addMonths(appointed, (step - 1) * interval), REFERENCE_DATE);
  const coefficient = catalogs.coefficients.get(`${rank.salaryTable}/${rank.salaryGroup}/${step}`) ?? null;
  const atTop = step === stepCount && monthsBetween(stepStartDate, REFERENCE_DATE) >= interval;
  const overFrameYears = atTop
    ? Math.floor((monthsBetween(stepStartDate, REFERENCE_DATE) - interval) / 12)
    : 0;
  return {
    step,
    stepCount,
    interval,
    stepStartDate,
    coefficient,
    overFramePercent: atTop ? 5 + overFrameYears : null,
  };
}

/** Builds the record of one generated person; the same random stream gives the same record. */
export function generateDemoRecord(
  person: DemoPersonInput,
  catalogs: DemoCatalogs,
  random: SeededRandom,
): RecordDataInput {
  const type = employmentTypeOf(person, random);
  const positionName = positionOf(person);
  const isLeader = positionName !== null && person.divisionCategory === 'leadership';
  const position = positionName ? catalogs.positions.get(positionName) : undefined;
  const rank = rankOf(person, type, isLeader, catalogs, random);
  const promoted = !['A1', 'A0', 'B'].includes(rank.salaryGroup);
  const appointed = promoted
    ? minDate(addMonths(person.serviceStartDate, random.int(96, 180)), addMonths(REFERENCE_DATE, -12))
    : person.serviceStartDate;
  const salary = salaryOf(rank, maxDate(appointed, person.serviceStartDate), catalogs);

  const birthProvince = BIRTH_PROVINCES[person.personalIdNumber.slice(0, 3)] ?? '44';
  const homeCommune =
    birthProvince === '44' && catalogs.homeCommunes.length > 0 ? random.pick(catalogs.homeCommunes) : null;
  const ethnicity = (person.agencyLevel === 'commune' ? ethnicityCommune : ethnicityProvince).pick(random);
  const partyMember = random.chance(isLeader ? PARTY_SHARE.leader : PARTY_SHARE[type]);
  const partyJoin = partyMember
    ? minDate(addMonths(person.serviceStartDate, random.int(12, 120)), addMonths(REFERENCE_DATE, -14))
    : null;
  const professionalLevel =
    isLeader && random.chance(0.45) ? 'THS' : isLeader ? 'DH' : professionalLevels.pick(random);
  const politicalTheory = politicalTheoryOf(isLeader, random);
  const stateManagement = stateManagementOf(type, isLeader, random);
  const graduated = addMonths(person.serviceStartDate, -random.int(3, 24));
  const joinedCurrent = person.membershipFrom;

  return {
    identity: {
      fullName: person.fullName,
      gender: person.gender,
      birthDate: person.birthDate,
      personalIdNumber: person.personalIdNumber,
      idIssueDate: minDate(addMonths(person.birthDate, 12 * 18 + random.int(0, 120)), '2024-06-30'),
      idIssuePlace: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      phone: `09${String(random.int(10_000_000, 99_999_999))}`,
      ethnicityCode: ethnicity,
      ethnicityCodeSystem: 'qd1019_2008',
      religionCode: religions.pick(random),
      familyBackground: random.pick(['Nông dân', 'Công nhân', 'Cán bộ, công chức', 'Tiểu thương']),
    },
    places: {
      birthPlace: { provinceCode: birthProvince, communeCode: homeCommune },
      hometown: { provinceCode: birthProvince, communeCode: homeCommune },
      currentResidence: {
        provinceCode: '44',
        detail: `Số ${random.int(1, 250)}, đường ${random.pick(['Lê Lợi', 'Hùng Vương', 'Trần Hưng Đạo', 'Quang Trung', 'Lý Thường Kiệt'])}`,
      },
    },
    employment: {
      employmentType: type,
      agencyId: person.agencyId,
      divisionId: person.divisionId,
      occupationBeforeRecruitment: random.chance(0.7) ? 'Sinh viên' : 'Lao động hợp đồng',
      firstRecruitmentDate: person.serviceStartDate,
      recruitingAgency: person.agencyLevel === 'commune' ? 'UBND huyện (trước sắp xếp)' : person.agencyName,
      currentAgencyJoinDate: joinedCurrent,
      positionCode: position?.code ?? null,
      positionName: positionName
        ? (SHORT_POSITION[positionName] ?? positionName)
        : rank.kind === 'grade'
          ? rank.name
          : null,
      positionAppointmentDate: positionName
        ? minDate(addMonths(joinedCurrent, random.int(0, 6)), REFERENCE_DATE)
        : null,
      mainDuties: positionName
        ? 'Lãnh đạo, quản lý theo phân công'
        : 'Thực hiện nhiệm vụ chuyên môn theo vị trí việc làm',
    },
    salary: {
      rankKind: rank.kind,
      rankCode: rank.code,
      rankName: rank.name,
      rankAppointmentDate: appointed,
      salaryGroup: rank.salaryGroup,
      salaryStep: salary.step,
      coefficient: salary.coefficient,
      stepStartDate: salary.stepStartDate,
      salaryPercent: 100,
      overFramePercent: salary.overFramePercent,
      overFrameStartDate: salary.overFramePercent ? addMonths(salary.stepStartDate, salary.interval) : null,
      positionAllowance: position?.coefficient ?? null,
    },
    education: {
      generalEducationCode: '22',
      professionalLevelCode: professionalLevel,
      professionalMajor: random.pick([
        'Luật',
        'Kinh tế',
        'Quản trị kinh doanh',
        'Sư phạm',
        'Y đa khoa',
        'Hành chính học',
        'Công nghệ thông tin',
        'Nông học',
      ]),
      politicalTheoryCode: politicalTheory,
      stateManagementCode: stateManagement,
      itLevelCode: itLevels.pick(random),
      foreignLanguages: random.chance(0.75)
        ? [{ rowId: 'ngoaingu1', language: 'Tiếng Anh', levelCode: languageLevels.pick(random) }]
        : [],
      ethnicLanguage: ETHNIC_LANGUAGES[ethnicity] ?? null,
    },
    party: partyJoin ? { partyJoinDate: partyJoin, partyOfficialDate: addMonths(partyJoin, 12) } : {},
    health: {
      status: 'Tốt',
      heightCm: person.gender === 'male' ? random.int(160, 178) : random.int(150, 166),
      weightKg: person.gender === 'male' ? random.int(55, 78) : random.int(44, 62),
      bloodGroup: random.pick(['A', 'B', 'AB', 'O'] as const),
    },
    training: {
      professional: [
        {
          rowId: 'daotao1',
          from: addMonths(graduated, -48).slice(0, 7),
          to: graduated.slice(0, 7),
          institution: random.pick(institutions),
          mode: 'Chính quy',
          degree: DEGREES[professionalLevel] ?? 'Cử nhân',
        },
      ],
      politicalTheory: politicalTheory
        ? [
            {
              rowId: 'llct1',
              from: addMonths(REFERENCE_DATE, -random.int(24, 96)).slice(0, 7),
              to: null,
              institution: 'Trường Chính trị tỉnh Quảng Trị',
              mode: 'Tập trung',
              degree: POLITICAL_THEORY_DEGREES[politicalTheory],
            },
          ]
        : [],
      management: stateManagement
        ? [
            {
              rowId: 'qlnn1',
              from: addMonths(REFERENCE_DATE, -random.int(12, 72)).slice(0, 7),
              to: null,
              institution: 'Học viện Hành chính Quốc gia',
              certificate: `Chứng chỉ bồi dưỡng ngạch ${STATE_MANAGEMENT_GRADES[stateManagement]}`,
            },
          ]
        : [],
    },
    workHistory: [
      ...(monthsBetween(person.serviceStartDate, joinedCurrent) > 12
        ? [
            {
              rowId: 'ct1',
              from: person.serviceStartDate.slice(0, 7),
              to: addMonths(joinedCurrent, -1).slice(0, 7),
              unitName:
                person.agencyLevel === 'commune'
                  ? 'UBND huyện (trước sắp xếp đơn vị hành chính)'
                  : `${person.agencyName} (trước sắp xếp)`,
              title: rank.kind === 'grade' ? rank.name : 'Viên chức',
            },
          ]
        : []),
      {
        rowId: 'ct2',
        from: joinedCurrent.slice(0, 7),
        to: null,
        unitName: person.agencyName,
        title: positionName ? (SHORT_POSITION[positionName] ?? positionName) : rank.name,
      },
    ],
    salaryHistory: Array.from({ length: Math.min(salary.step, 3) }, (_, index) => {
      const step = salary.step - index;
      return {
        rowId: `luong${step}`,
        from: addMonths(salary.stepStartDate, -index * salary.interval).slice(0, 7),
        to: null,
        rankCode: rank.code,
        salaryStep: step,
        coefficient: catalogs.coefficients.get(`${rank.salaryTable}/${rank.salaryGroup}/${step}`) ?? null,
      };
    }),
    yearlyRatings: [2023, 2024, 2025]
      .filter((year) => year >= Number(person.serviceStartDate.slice(0, 4)))
      .map((year) => {
        const rating = qualityRatings.pick(random);
        return {
          rowId: `nam${year}`,
          year,
          qualityRating: rating,
          award:
            rating === 'excellent'
              ? random.pick(['Giấy khen', 'Chiến sĩ thi đua cơ sở', 'Bằng khen của UBND tỉnh'])
              : null,
        };
      }),
    family: familyOf(person, random),
  };
}
