import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogAttributeSchemas } from '../../../common/schemas/catalogs.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { listCatalog } from '../catalogs/catalogs.lookup.ts';
import { nextStepFor, retirementOf, salaryForMonth } from './rules.service.ts';

let test: TestApp;

beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test.close();
});

describe('retirementOf', () => {
  it('agrees with every row of the birth-month table', async () => {
    const rows = await listCatalog(test.database.db, 'retirement_by_birth_month', { includeEnded: true });
    expect(rows).toHaveLength(177);
    for (const row of rows) {
      const expected = catalogAttributeSchemas.retirement_by_birth_month.parse(row.attributes);
      const birth = `${expected.birthYear}-${String(expected.birthMonth).padStart(2, '0')}`;
      const result = await retirementOf(
        test.database.db,
        expected.gender === 'nam' ? 'male' : 'female',
        birth,
      );
      expect({
        code: row.code,
        reach: result.reachMonth,
        pension: result.pensionStartDate.slice(0, 7),
        age: [result.ageYears, result.ageMonths],
      }).toEqual({
        code: row.code,
        reach: expected.reachMonth,
        pension: expected.pensionStartMonth,
        age: [expected.ageYears, expected.ageMonths],
      });
    }
  });
});

describe('salaryForMonth', () => {
  it('uses the catalog base salary across 01/07/2026', async () => {
    const input = { coefficient: 2.67, positionAllowance: 0.2 };
    expect((await salaryForMonth(test.database.db, input, '2026-06')).amount).toBe(6_715_800);
    expect((await salaryForMonth(test.database.db, input, '2026-07')).amount).toBe(7_261_100);
  });
});

describe('nextStepFor', () => {
  it('reads the interval of the salary group', async () => {
    const history = { stepDate: '2024-01-01', step: 2, stepCount: 12, staffCategory: 'vien_chuc' as const };
    expect((await nextStepFor(test.database.db, 'B', history))?.dueDate).toBe('2026-01-01');
    expect((await nextStepFor(test.database.db, 'A1', { ...history, stepCount: 9 }))?.dueDate).toBe(
      '2027-01-01',
    );
    expect(await nextStepFor(test.database.db, 'Z9', history)).toBeUndefined();
  });
});
