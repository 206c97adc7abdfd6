import { describe, expect, it } from 'vitest';
import { allocateHeadcount } from './headcount-allocation.ts';
import { DEMO_REFERENCE_DATE, PersonGenerator } from './person-generator.ts';
import { SeededRandom } from './random.ts';
import { emailNamePart } from './vietnamese-names.ts';

function generate(seed: number, count: number) {
  const generator = new PersonGenerator(seed);
  return Array.from({ length: count }, () => generator.next());
}

function ageAt(birthDate: string, reference: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [referenceYear, referenceMonthDay] = [Number(reference.slice(0, 4)), reference.slice(5)];
  return referenceYear - birthYear - (referenceMonthDay < birthMonthDay ? 1 : 0);
}

describe('PersonGenerator', () => {
  it('repeats its output for the same seed', () => {
    expect(generate(11, 2_000)).toEqual(generate(11, 2_000));
  });

  it('differs between seeds', () => {
    const first = generate(11, 200).map((person) => person.fullName);
    const second = generate(12, 200).map((person) => person.fullName);
    expect(first).not.toEqual(second);
  });

  it('never repeats a personal ID number', () => {
    const people = generate(3, 60_000);
    expect(new Set(people.map((person) => person.personalIdNumber)).size).toBe(people.length);
    expect(new Set(people.map((person) => person.employeeCode)).size).toBe(people.length);
  });

  it('draws family names by population frequency', () => {
    const people = generate(5, 40_000);
    const share = (family: string) =>
      people.filter((person) => person.fullName.startsWith(`${family} `)).length / people.length;
    expect(share('Nguyễn')).toBeGreaterThan(0.36);
    expect(share('Nguyễn')).toBeLessThan(0.4);
    expect(share('Trần')).toBeGreaterThan(0.1);
    expect(share('Trần')).toBeLessThan(0.12);
    expect(share('Lê')).toBeGreaterThan(0.085);
    expect(share('Lê')).toBeLessThan(0.105);
  });

  it('keeps ages between 22 and 62, women up to 60', () => {
    const people = generate(9, 20_000);
    for (const person of people) {
      const age = ageAt(person.birthDate, DEMO_REFERENCE_DATE);
      expect(age, person.birthDate).toBeGreaterThanOrEqual(22);
      expect(age, person.birthDate).toBeLessThanOrEqual(person.gender === 'female' ? 60 : 62);
      expect(person.serviceStartDate > person.birthDate).toBe(true);
      expect(person.serviceStartDate < DEMO_REFERENCE_DATE).toBe(true);
    }
  });

  it('genders middle names', () => {
    const people = generate(21, 5_000);
    expect(
      people.filter((person) => person.gender === 'male').some((person) => person.fullName.includes(' Thị ')),
    ).toBe(false);
    expect(
      people
        .filter((person) => person.gender === 'female')
        .some((person) => person.fullName.includes(' Văn ')),
    ).toBe(false);
  });

  it('honours the requested share of women and minimum age', () => {
    const generator = new PersonGenerator(4);
    const leaders = Array.from({ length: 2_000 }, () => generator.next({ femaleShare: 0.1, minAge: 35 }));
    const women = leaders.filter((person) => person.gender === 'female').length / leaders.length;
    expect(women).toBeLessThan(0.15);
    for (const leader of leaders)
      expect(ageAt(leader.birthDate, DEMO_REFERENCE_DATE)).toBeGreaterThanOrEqual(35);
  });
});

describe('emailNamePart', () => {
  it('writes the given name then initials in ASCII', () => {
    expect(emailNamePart('Nguyễn Văn An')).toBe('an.nv');
    expect(emailNamePart('Nguyễn Thị Thu Hà')).toBe('ha.ntt');
    expect(emailNamePart('Đặng Đức Đạt')).toBe('dat.dd');
  });
});

describe('allocateHeadcount', () => {
  it('adds up to the total with the minimum everywhere', () => {
    const counts = allocateHeadcount([1, 10, 100, 5], 500);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(500);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(3);
    expect(counts[2]).toBeGreaterThan(counts[1]!);
  });

  it('falls back to one per division when people are few', () => {
    expect(allocateHeadcount([5, 5, 5], 4)).toEqual([2, 1, 1]);
  });

  it('rejects fewer people than divisions', () => {
    expect(() => allocateHeadcount([1, 1, 1], 2)).toThrow(RangeError);
  });
});

describe('SeededRandom', () => {
  it('gives independent streams per name', () => {
    const people = SeededRandom.forStream(1, 'people');
    const records = SeededRandom.forStream(1, 'records');
    expect(people.nextUint32()).not.toBe(records.nextUint32());
    expect(SeededRandom.forStream(1, 'people').nextUint32()).toBe(
      SeededRandom.forStream(1, 'people').nextUint32(),
    );
  });

  it('stays within integer bounds', () => {
    const random = new SeededRandom(99);
    const seen = new Set<number>();
    for (let index = 0; index < 5_000; index++) seen.add(random.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
