import { describe, expect, it } from 'vitest';
import { nextRegularStep, overFramePercentOn, type StepHistory, type StepRule } from './salary-step.ts';

const A0: StepRule = {
  salaryGroup: 'A0',
  intervalMonths: 36,
  overFrameWaitMonths: 36,
  overFrameFirstPercent: 5,
  overFrameYearlyPercent: 1,
};
const B: StepRule = {
  salaryGroup: 'B',
  intervalMonths: 24,
  overFrameWaitMonths: 24,
  overFrameFirstPercent: 5,
  overFrameYearlyPercent: 1,
};
const NV1: StepRule = {
  salaryGroup: 'NV1',
  intervalMonths: 24,
  overFrameWaitMonths: 24,
  overFrameFirstPercent: 5,
  overFrameYearlyPercent: 1,
};
const CGCC: StepRule = {
  salaryGroup: 'CGCC',
  intervalMonths: 60,
  overFrameWaitMonths: null,
  overFrameFirstPercent: null,
  overFrameYearlyPercent: null,
};

const civilServant: StepHistory = {
  stepDate: '2023-07-01',
  step: 3,
  stepCount: 10,
  staffCategory: 'cong_chuc',
};

describe('nextRegularStep without delays', () => {
  it('adds 36 months for A0 and above', () => {
    expect(nextRegularStep(civilServant, A0)).toMatchObject({
      kind: 'step',
      step: 4,
      dueDate: '2026-07-01',
      delayMonths: 0,
    });
  });

  it('adds 24 months for B and Bảng 4', () => {
    const history = { ...civilServant, stepDate: '2024-03-01', stepCount: 12 };
    expect(nextRegularStep(history, B).dueDate).toBe('2026-03-01');
    expect(nextRegularStep(history, NV1).dueDate).toBe('2026-03-01');
  });

  it('moves 29 February to the month end', () => {
    expect(nextRegularStep({ ...civilServant, stepDate: '2024-02-29' }, A0).dueDate).toBe('2027-02-28');
  });
});

describe('nextRegularStep with discipline', () => {
  it('delays by kind for a công chức', () => {
    const delay = (kind: 'khien_trach' | 'canh_cao' | 'giang_chuc' | 'cach_chuc') =>
      nextRegularStep({ ...civilServant, disciplines: [{ kind, decidedOn: '2024-05-10' }] }, A0);
    expect(delay('khien_trach')).toMatchObject({ delayMonths: 6, dueDate: '2027-01-01' });
    expect(delay('canh_cao')).toMatchObject({ delayMonths: 6, dueDate: '2027-01-01' });
    expect(delay('giang_chuc')).toMatchObject({ delayMonths: 12, dueDate: '2027-07-01' });
    expect(delay('cach_chuc')).toMatchObject({ delayMonths: 12, dueDate: '2027-07-01' });
  });

  it('delays a viên chức reprimand by 3 months', () => {
    const history: StepHistory = {
      ...civilServant,
      staffCategory: 'vien_chuc',
      disciplines: [{ kind: 'khien_trach', decidedOn: '2025-01-01' }],
    };
    expect(nextRegularStep(history, A0)).toMatchObject({ delayMonths: 3, dueDate: '2026-10-01' });
  });

  it('delays a cán bộ removed from office by 12 months', () => {
    const history: StepHistory = {
      ...civilServant,
      staffCategory: 'can_bo',
      disciplines: [{ kind: 'cach_chuc', decidedOn: '2025-01-01' }],
    };
    expect(nextRegularStep(history, A0).dueDate).toBe('2027-07-01');
  });

  it('adds several delays up', () => {
    const history: StepHistory = {
      ...civilServant,
      disciplines: [
        { kind: 'khien_trach', decidedOn: '2023-09-01' },
        { kind: 'canh_cao', decidedOn: '2025-02-01' },
      ],
      ratings: [{ year: 2024, rating: 'khong_hoan_thanh' }],
    };
    expect(nextRegularStep(history, A0)).toMatchObject({ delayMonths: 18, dueDate: '2028-01-01' });
  });

  it('counts only disciplines inside the interval', () => {
    const outside: StepHistory = {
      ...civilServant,
      disciplines: [
        { kind: 'cach_chuc', decidedOn: '2023-06-30' },
        { kind: 'cach_chuc', decidedOn: '2026-07-01' },
      ],
    };
    expect(nextRegularStep(outside, A0).delayMonths).toBe(0);
    const firstDay: StepHistory = {
      ...civilServant,
      disciplines: [{ kind: 'khien_trach', decidedOn: '2023-07-01' }],
    };
    expect(nextRegularStep(firstDay, A0).delayMonths).toBe(6);
  });

  it('rejects a discipline the category cannot receive', () => {
    const history: StepHistory = {
      ...civilServant,
      staffCategory: 'vien_chuc',
      disciplines: [{ kind: 'giang_chuc', decidedOn: '2024-01-01' }],
    };
    expect(() => nextRegularStep(history, A0)).toThrow(RangeError);
  });
});

describe('nextRegularStep with ratings and early increases', () => {
  it('delays 6 months per unsatisfactory year in the interval', () => {
    const history: StepHistory = {
      ...civilServant,
      stepDate: '2023-01-01',
      ratings: [
        { year: 2022, rating: 'khong_hoan_thanh' },
        { year: 2023, rating: 'khong_hoan_thanh' },
        { year: 2024, rating: 'hoan_thanh' },
        { year: 2025, rating: 'khong_hoan_thanh' },
        { year: 2026, rating: 'khong_hoan_thanh' },
      ],
    };
    // The interval is 2023-01-01 to 2026-01-01: 2023 and 2025 count, 2022 and 2026 lie outside.
    expect(nextRegularStep(history, A0)).toMatchObject({ delayMonths: 12, dueDate: '2027-01-01' });
  });

  it('subtracts months granted early', () => {
    expect(nextRegularStep({ ...civilServant, earlyMonths: 12 }, A0).dueDate).toBe('2025-07-01');
    expect(nextRegularStep({ ...civilServant, earlyMonths: 9 }, A0).dueDate).toBe('2025-10-01');
  });

  it('rejects more than 12 months early', () => {
    expect(() => nextRegularStep({ ...civilServant, earlyMonths: 13 }, A0)).toThrow(RangeError);
    expect(() => nextRegularStep({ ...civilServant, earlyMonths: -1 }, A0)).toThrow(RangeError);
  });
});

describe('nextRegularStep at the last step', () => {
  it('starts the over-frame allowance after the same interval', () => {
    const history: StepHistory = {
      stepDate: '2022-01-01',
      step: 10,
      stepCount: 10,
      staffCategory: 'cong_chuc',
    };
    expect(nextRegularStep(history, A0)).toMatchObject({
      kind: 'over_frame',
      step: 10,
      dueDate: '2025-01-01',
      overFramePercent: 5,
    });
    const groupB: StepHistory = {
      stepDate: '2022-01-01',
      step: 12,
      stepCount: 12,
      staffCategory: 'vien_chuc',
    };
    expect(nextRegularStep(groupB, B)).toMatchObject({
      kind: 'over_frame',
      dueDate: '2024-01-01',
      overFramePercent: 5,
    });
  });

  it('delays the over-frame start by discipline', () => {
    const history: StepHistory = {
      stepDate: '2022-01-01',
      step: 10,
      stepCount: 10,
      staffCategory: 'cong_chuc',
      disciplines: [{ kind: 'canh_cao', decidedOn: '2023-03-01' }],
    };
    expect(nextRegularStep(history, A0).dueDate).toBe('2025-07-01');
  });

  it('gives nothing where over-frame does not apply', () => {
    const history: StepHistory = {
      stepDate: '2022-01-01',
      step: 3,
      stepCount: 3,
      staffCategory: 'cong_chuc',
    };
    expect(nextRegularStep(history, CGCC)).toMatchObject({ kind: 'none', dueDate: null });
  });

  it('rejects a step outside the group', () => {
    expect(() => nextRegularStep({ ...civilServant, step: 11 }, A0)).toThrow(RangeError);
  });
});

describe('overFramePercentOn', () => {
  it('adds 1 % per further 12 months', () => {
    expect(overFramePercentOn('2025-01-01', '2024-12-31', A0)).toBe(0);
    expect(overFramePercentOn('2025-01-01', '2025-01-01', A0)).toBe(5);
    expect(overFramePercentOn('2025-01-01', '2025-12-31', A0)).toBe(5);
    expect(overFramePercentOn('2025-01-01', '2026-01-01', A0)).toBe(6);
    expect(overFramePercentOn('2025-01-01', '2027-06-30', A0)).toBe(7);
    expect(overFramePercentOn('2025-01-01', '2030-01-01', A0)).toBe(10);
  });

  it('postpones increments by later delays', () => {
    expect(overFramePercentOn('2025-01-01', '2026-01-01', A0, 6)).toBe(5);
    expect(overFramePercentOn('2025-01-01', '2026-07-01', A0, 6)).toBe(6);
  });

  it('is 0 where over-frame does not apply', () => {
    expect(overFramePercentOn('2025-01-01', '2030-01-01', CGCC)).toBe(0);
  });
});
