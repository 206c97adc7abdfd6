import type { RecordData } from '../../common/schemas/record.ts';
import type { DivisionCategory } from '../../server/demo/division-templates.ts';
import type { GeneratedPerson } from '../../server/demo/person-generator.ts';
import type { SeededRandom } from '../../server/demo/random.ts';
import { generateFullName } from '../../server/demo/vietnamese-names.ts';
import type { CatalogCodes, RankOption } from './catalog-codes.ts';

// Generated personnel records (RecordData) for the benchmark: identity, places, employment,
// grade or professional title with a salary step and hệ số from the salary tables, education,
// party membership, training, work and salary history, ratings and family. Every code comes
// from the migrated catalogs, so the product's submit validation accepts the records. About
// 1.5 kB of JSON each.

export interface RecordPlacement {
  agencyId: number;
  agencyName: string;
  divisionId: number | null;
  category: DivisionCategory;
  /** Commune-level UBND (its leaders are cadres) rather than a province-level agency. */
  communeLevel: boolean;
  provinceCode: string;
  /** Start of the current membership. */
  memberSince: string;
}

const MAJORS = [
  'Luật',
  'Kinh tế',
  'Quản trị kinh doanh',
  'Kế toán',
  'Sư phạm Toán',
  'Sư phạm Ngữ văn',
  'Y đa khoa',
  'Điều dưỡng',
  'Công nghệ thông tin',
  'Xây dựng',
  'Nông học',
  'Quản lý đất đai',
];
const INSTITUTIONS = [
  'Trường Đại học Luật Hà Nội',
  'Trường Đại học Kinh tế Huế',
  'Trường Đại học Sư phạm Huế',
  'Trường Đại học Y Dược Huế',
  'Trường Đại học Bách khoa Đà Nẵng',
  'Học viện Hành chính Quốc gia',
  'Trường Đại học Nông Lâm Huế',
  'Trường Đại học Vinh',
];
const PROFESSIONAL_LEVELS: ReadonlyArray<readonly [string, number]> = [
  ['DH', 62],
  ['THS', 16],
  ['CD', 8],
  ['TC', 8],
  ['TS', 2],
  ['CKI', 2],
  ['SC', 2],
];
const DEGREES: Record<string, string> = {
  DH: 'Cử nhân',
  THS: 'Thạc sĩ',
  CD: 'Cao đẳng',
  TC: 'Trung cấp',
  TS: 'Tiến sĩ',
  CKI: 'Chuyên khoa cấp I',
  SC: 'Sơ cấp',
};
const RATINGS = ['excellent', 'good', 'good', 'good', 'completed'] as const;
const BLOOD_GROUPS = ['A', 'B', 'AB', 'O', 'O'] as const;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return isoDay(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
}

/** The later of two ISO dates (YYYY-MM-DD strings compare in date order). */
export function laterDate(left: string, right: string): string {
  return left.localeCompare(right) >= 0 ? left : right;
}

/** The earlier of two ISO dates. */
export function earlierDate(left: string, right: string): string {
  return left.localeCompare(right) <= 0 ? left : right;
}

function weighted<T>(random: SeededRandom, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of entries) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return entries[entries.length - 1]![0];
}

function digits(random: SeededRandom, count: number): string {
  let text = '';
  for (let index = 0; index < count; index++) text += String(random.int(0, 9));
  return text;
}

function employmentTypeOf(placement: RecordPlacement): RecordData['employment']['employmentType'] {
  if (placement.category === 'leadership') return placement.communeLevel ? 'cadre' : 'civil_servant';
  if (['service_centre', 'school', 'health'].includes(placement.category)) return 'public_employee';
  return 'civil_servant';
}

/** Picks a grade (cadres and civil servants) or a professional title matching the division's work. */
function pickRank(
  random: SeededRandom,
  codes: CatalogCodes,
  kind: 'grade' | 'professional_title',
  category: DivisionCategory,
): RankOption {
  if (kind === 'grade') {
    const common = ['01.003', '01.003', '01.003', '01.002', '01.004', '01.001'];
    const code = random.chance(0.8) ? random.pick(common) : undefined;
    return codes.grades.find((option) => option.code === code) ?? random.pick(codes.grades);
  }
  const sector = category === 'school' ? 'giáo dục' : category === 'health' ? 'y tế' : '';
  const matching = sector
    ? codes.professionalTitles.filter((option) => option.sector.startsWith(sector))
    : codes.professionalTitles;
  return random.pick(matching.length > 0 ? matching : codes.professionalTitles);
}

/** A commune of the province, or null when the catalog has none for it. */
function communeOf(random: SeededRandom, codes: CatalogCodes, provinceCode: string): string | null {
  const communes = codes.communesByProvince.get(provinceCode);
  return communes && communes.length > 0 ? random.pick(communes) : null;
}

/** Generates the approved record of a person placed in a division, as of `referenceDate`. */
export function generateRecord(
  random: SeededRandom,
  codes: CatalogCodes,
  person: GeneratedPerson,
  placement: RecordPlacement,
  referenceDate: string,
): RecordData {
  const birthYear = Number(person.birthDate.slice(0, 4));
  const employmentType = employmentTypeOf(placement);
  const rank = pickRank(
    random,
    codes,
    employmentType === 'public_employee' ? 'professional_title' : 'grade',
    placement.category,
  );
  const serviceYears = Math.max(
    0,
    Number(referenceDate.slice(0, 4)) - Number(person.serviceStartDate.slice(0, 4)),
  );
  const step = Math.min(rank.stepCount, 1 + Math.floor(serviceYears / 3));
  const coefficient = codes.coefficients.get(`${rank.salaryTable}/${rank.salaryGroup}/${step}`) ?? null;
  const drawnStepStart = addDays(referenceDate, -random.int(30, 1_000));
  const stepStartDate = laterDate(drawnStepStart, person.serviceStartDate);
  const level = weighted(random, PROFESSIONAL_LEVELS);
  const graduation = `${Math.min(birthYear + 22, Number(person.serviceStartDate.slice(0, 4)))}-06`;
  // Official membership follows a year after joining, so the join date stays over a year before the reference day.
  const latestJoin = addDays(referenceDate, -400);
  const drawnJoin = addDays(person.serviceStartDate, random.int(200, 700));
  const partyJoinDate =
    random.chance(0.45) && person.serviceStartDate < latestJoin ? earlierDate(drawnJoin, latestJoin) : null;
  const leader = placement.category === 'leadership' && codes.leadershipPositions.length > 0;
  const position = leader ? random.pick(codes.leadershipPositions) : null;
  const provinceCode = placement.provinceCode;
  const birthCommune = communeOf(random, codes, provinceCode);
  const homeCommune = communeOf(random, codes, provinceCode);
  const ratingYears = [2023, 2024, 2025].filter((year) => `${year}-12-31` >= person.serviceStartDate);

  return {
    identity: {
      fullName: person.fullName,
      gender: person.gender,
      birthDate: person.birthDate,
      personalIdNumber: person.personalIdNumber,
      idIssueDate: addDays(referenceDate, -random.int(100, 1_400)),
      idIssuePlace: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      personnelNumber: person.employeeCode,
      phone: `09${digits(random, 8)}`,
      socialInsuranceNumber: digits(random, 10),
      ethnicityCode: random.chance(0.86) ? '01' : random.pick(codes.ethnicGroups),
      ethnicityCodeSystem: 'qd1019_2008',
      religionCode: random.chance(0.8) ? '99' : random.pick(codes.religions),
    },
    places: {
      birthPlace: { provinceCode, communeCode: birthCommune },
      hometown: { provinceCode, communeCode: homeCommune },
      permanentResidence: { provinceCode, communeCode: homeCommune, detail: `Thôn ${random.int(1, 12)}` },
    },
    employment: {
      employmentType,
      agencyId: placement.agencyId,
      divisionId: placement.divisionId,
      firstRecruitmentDate: person.serviceStartDate,
      currentAgencyJoinDate: placement.memberSince,
      positionCode: position?.code ?? null,
      positionName: position?.position ?? null,
      concurrentPositions: [],
      jobPositionName: rank.name,
    },
    salary: {
      rankKind: rank.kind,
      rankCode: rank.code,
      rankName: rank.name,
      rankAppointmentDate: person.serviceStartDate,
      salaryGroup: rank.salaryGroup,
      salaryStep: step,
      coefficient,
      stepStartDate,
      positionAllowance: null,
    },
    education: {
      generalEducationCode: '22',
      professionalLevelCode: level,
      professionalMajor: random.pick(MAJORS),
      politicalTheoryCode: random.chance(0.5) ? random.pick(['SC', 'TC', 'TC', 'CC']) : null,
      stateManagementCode:
        employmentType === 'public_employee' ? null : random.pick(['CV', 'CV', 'CVC', 'CS']),
      itLevelCode: random.pick(['CB', 'CB', 'NC', 'A', 'B']),
      foreignLanguages: [
        { rowId: 'fl1', language: 'Tiếng Anh', levelCode: random.pick(['BAC2', 'BAC3', 'BAC3', 'BAC4']) },
      ],
    },
    party: {
      partyJoinDate,
      partyOfficialDate: partyJoinDate ? addDays(partyJoinDate, 365) : null,
    },
    military: {},
    honours: {},
    health: {
      status: 'Tốt',
      heightCm: random.int(150, 180),
      weightKg: random.int(45, 80),
      bloodGroup: random.pick(BLOOD_GROUPS),
    },
    personalHistory: { formerRegimeService: [], foreignOrganisations: [] },
    assets: { housing: [], residentialLand: [] },
    training: {
      professional: [
        {
          rowId: 't1',
          from: `${Number(graduation.slice(0, 4)) - 4}-09`,
          to: graduation,
          institution: random.pick(INSTITUTIONS),
          major: random.pick(MAJORS),
          mode: 'Chính quy',
          degree: DEGREES[level] ?? 'Cử nhân',
        },
      ],
      politicalTheory: [],
      management: [],
      defence: [],
      informationTechnology: [],
      languages: [],
    },
    workHistory: [
      {
        rowId: 'w1',
        from: person.serviceStartDate.slice(0, 7),
        to: placement.memberSince > person.serviceStartDate ? placement.memberSince.slice(0, 7) : null,
        unitName: placement.agencyName,
        title: rank.name,
      },
    ],
    careerEvents: [],
    salaryHistory: [
      {
        rowId: 's1',
        from: stepStartDate.slice(0, 7),
        to: null,
        rankCode: rank.code,
        salaryStep: step,
        coefficient,
      },
    ],
    allowanceHistory: [],
    yearlyRatings: ratingYears.map((year) => ({
      rowId: `y${year}`,
      year,
      qualityRating: random.pick(RATINGS),
    })),
    disciplines: [],
    family: {
      ownSide: [
        {
          rowId: 'f1',
          relation: 'Bố',
          fullName: generateFullName(random, 'male', birthYear - 28),
          birthYear: birthYear - 28,
          details: 'Nông dân, nghỉ hưu',
        },
        {
          rowId: 'f2',
          relation: 'Mẹ',
          fullName: generateFullName(random, 'female', birthYear - 25),
          birthYear: birthYear - 25,
          details: 'Nội trợ',
        },
      ],
      spouseSide: [],
    },
  };
}

/** The record with a new phone number: the change of a pending declaration. */
export function withNewPhone(random: SeededRandom, data: RecordData): RecordData {
  return { ...data, identity: { ...data.identity, phone: `09${digits(random, 8)}` } };
}

/** A later approved change of the record: the next salary step when there is one, else a new phone number. */
export function nextRecordVersion(
  random: SeededRandom,
  codes: CatalogCodes,
  data: RecordData,
  approvedOn: string,
): RecordData {
  const salary = data.salary;
  const step = salary.salaryStep ?? 0;
  const rank = salary.rankCode ? codes.ranksByCode.get(salary.rankCode) : undefined;
  if (rank && salary.rankCode && step > 0 && step < rank.stepCount) {
    const coefficient = codes.coefficients.get(`${rank.salaryTable}/${rank.salaryGroup}/${step + 1}`) ?? null;
    return {
      ...data,
      salary: { ...salary, salaryStep: step + 1, coefficient, stepStartDate: approvedOn },
      salaryHistory: [
        ...data.salaryHistory.map((row) => ({ ...row, to: row.to ?? approvedOn.slice(0, 7) })),
        {
          rowId: 's2',
          from: approvedOn.slice(0, 7),
          to: null,
          rankCode: salary.rankCode,
          salaryStep: step + 1,
          coefficient,
        },
      ],
    };
  }
  return withNewPhone(random, data);
}
