import { hashSeed, SeededRandom, WeightedPicker } from './random.ts';
import { type Gender, generateFullName } from './vietnamese-names.ts';

// Generated people for the demo province and the benchmark: name, gender, birth date, personal
// ID number, employee code and the date the person entered public service. The same seed gives
// the same people in the same order. Nothing here belongs to a real person.

/**
 * The day ages are counted from. It is fixed rather than today, so that a seed gives the same
 * birth dates whenever the data is built.
 */
export const DEMO_REFERENCE_DATE = '2026-01-01';

export interface GeneratedPerson {
  /** 1-based position in the generated sequence; also in the employee code and e-mail. */
  sequence: number;
  fullName: string;
  gender: Gender;
  birthDate: string;
  /** 12 digits laid out like a citizen ID (CCCD): birth province, century and gender, year, serial. */
  personalIdNumber: string;
  employeeCode: string;
  /** When the person entered public service (ngày tuyển dụng); never after the reference date. */
  serviceStartDate: string;
}

export interface NextPersonOptions {
  /** Probability that the person is a woman; 0.55 when omitted (women are the majority in schools and health). */
  femaleShare?: number;
  /** Lowest age at the reference date; 22 when omitted. Leaders are drawn older. */
  minAge?: number;
}

const MIN_AGE = 22;
// The statutory retirement ages the Labour Code 2019 reaches by 2028 (men) and 2035 (women).
const MAX_AGE: Record<Gender, number> = { male: 62, female: 60 };

// Relative number of people of each age: few new graduates, most between 26 and 50.
function ageWeight(age: number): number {
  if (age < 26) return 0.5;
  if (age <= 50) return 1;
  if (age <= 56) return 0.8;
  return 0.45;
}

function agePicker(gender: Gender): WeightedPicker<number> {
  const entries: Array<[number, number]> = [];
  for (let age = MIN_AGE; age <= MAX_AGE[gender]; age++) entries.push([age, ageWeight(age)]);
  return new WeightedPicker(entries);
}

const agePickers: Record<Gender, WeightedPicker<number>> = {
  male: agePicker('male'),
  female: agePicker('female'),
};

// The first three digits of a citizen ID are the province of birth registration: mostly the
// two provinces merged into Quảng Trị (Quảng Bình 044, old Quảng Trị 045), some neighbours.
const BIRTH_PROVINCE_CODES = new WeightedPicker<string>([
  ['045', 44],
  ['044', 44],
  ['046', 4],
  ['042', 3],
  ['040', 3],
  ['001', 1],
  ['079', 1],
]);

// Multiplier of the serial permutation; coprime with 10^6, so counter → serial is one-to-one.
const SERIAL_MULTIPLIER = 479_001;
const SERIAL_RANGE = 1_000_000;
const DAY_MS = 86_400_000;

function parseIsoUtc(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!);
}

function formatIsoUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function addYearsUtc(time: number, years: number): number {
  const date = new Date(time);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}

/**
 * Generates people one after another. Personal ID numbers are unique: within each
 * province-century-gender-year prefix, a counter is mapped through a fixed permutation of the
 * six serial digits, so numbers look scattered yet never repeat (up to a million per prefix).
 */
export class PersonGenerator {
  private readonly random: SeededRandom;
  private readonly seed: number;
  private readonly referenceTime: number;
  private readonly serialCounters = new Map<string, number>();
  private sequence = 0;

  constructor(seed: number, referenceDate: string = DEMO_REFERENCE_DATE) {
    this.seed = seed;
    this.random = SeededRandom.forStream(seed, 'people');
    this.referenceTime = parseIsoUtc(referenceDate);
  }

  next(options: NextPersonOptions = {}): GeneratedPerson {
    const random = this.random;
    this.sequence += 1;

    const gender: Gender = random.chance(options.femaleShare ?? 0.55) ? 'female' : 'male';
    const minAge = Math.min(options.minAge ?? MIN_AGE, MAX_AGE[gender]);
    let age = agePickers[gender].pick(random);
    while (age < minAge) age = agePickers[gender].pick(random);

    // Born within the year that ends on the reference date minus `age` years, so the age there is `age`.
    const birthTime = addYearsUtc(this.referenceTime, -age) - random.int(0, 364) * DAY_MS;
    const birthDate = formatIsoUtc(birthTime);
    const birthYear = Number(birthDate.slice(0, 4));

    const fullName = generateFullName(random, gender, birthYear);
    const personalIdNumber = this.personalIdNumber(random, gender, birthYear);

    // Entered public service between 21 and 35 (never after the current age), and at least a
    // month before the reference date.
    const startAge = random.int(Math.min(21, age), Math.min(age, 35));
    const startTime = Math.min(
      addYearsUtc(birthTime, startAge) + random.int(0, 364) * DAY_MS,
      this.referenceTime - 30 * DAY_MS,
    );

    return {
      sequence: this.sequence,
      fullName,
      gender,
      birthDate,
      personalIdNumber,
      employeeCode: `QT${String(this.sequence).padStart(7, '0')}`,
      serviceStartDate: formatIsoUtc(startTime),
    };
  }

  private personalIdNumber(random: SeededRandom, gender: Gender, birthYear: number): string {
    const province = BIRTH_PROVINCE_CODES.pick(random);
    // 0/1: man/woman born in the 1900s; 2/3: born in the 2000s.
    const centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
    const prefix = `${province}${centuryGender}${String(birthYear % 100).padStart(2, '0')}`;

    const counter = this.serialCounters.get(prefix) ?? 0;
    if (counter >= SERIAL_RANGE)
      throw new Error(`More than ${SERIAL_RANGE} people share the ID prefix ${prefix}.`);
    this.serialCounters.set(prefix, counter + 1);

    const offset = hashSeed(this.seed, prefix) % SERIAL_RANGE;
    const serial = (counter * SERIAL_MULTIPLIER + offset) % SERIAL_RANGE;
    return `${prefix}${String(serial).padStart(6, '0')}`;
  }
}
