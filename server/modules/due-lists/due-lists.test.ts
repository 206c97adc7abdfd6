import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueListResponse } from '../../../common/schemas/due-lists.ts';
import { makeAccount, makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { downloadExport, listRows } from '../exports/export-test-helpers.ts';
import { personWithRecord, recordInput } from './due-lists.fixtures.ts';

// The lists start on 30/09/2026, so the horizons end on 30/12/2026 (3 months), 30/03/2027 (6)
// and 30/09/2027 (12). Each person sits on one side of one of those days.
const AS_OF = '2026-09-30';

let app: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let justiceAdmin: TestClient;
let homeAdmin: TestClient;
let provinceAdmin: TestClient;
let justiceApprover: TestClient;
const ids: Record<string, number> = {};

const A1_STEP_3 = {
  rankKind: 'grade',
  rankCode: '01.003',
  salaryGroup: 'A1',
  salaryStep: 3,
  coefficient: 3.0,
} as const;
const A1_LAST = {
  rankKind: 'grade',
  rankCode: '01.003',
  salaryGroup: 'A1',
  salaryStep: 9,
  coefficient: 4.98,
} as const;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  province = await makeSmallProvince(db);
  const justice = { agencyId: province.justice.id, divisionId: province.justiceControl.id };
  const home = { agencyId: province.home.id, divisionId: province.homeBoard.id };

  const people: Array<[string, typeof justice, Parameters<typeof recordInput>[1]]> = [
    [
      'stepOnBoundary',
      justice,
      { fullName: 'Bùi Văn Biên', salary: { ...A1_STEP_3, stepStartDate: '2023-12-30' } },
    ],
    [
      'stepDayAfter',
      justice,
      { fullName: 'Cao Thị Sau', salary: { ...A1_STEP_3, stepStartDate: '2023-12-31' } },
    ],
    [
      'stepOverdue',
      justice,
      { fullName: 'Đinh Văn Trễ', salary: { ...A1_STEP_3, stepStartDate: '2023-06-01' } },
    ],
    [
      'overFrameStart',
      justice,
      { fullName: 'Đoàn Thị Khung', salary: { ...A1_LAST, stepStartDate: '2024-01-10' } },
    ],
    [
      'overFrameIncrease',
      justice,
      {
        fullName: 'Giang Văn Tăng',
        salary: {
          ...A1_LAST,
          stepStartDate: '2021-11-15',
          overFramePercent: 6,
          overFrameStartDate: '2024-11-15',
        },
      },
    ],
    [
      'reprimanded',
      justice,
      {
        fullName: 'Hà Văn Kỷ',
        salary: { ...A1_STEP_3, stepStartDate: '2023-07-01' },
        disciplines: [
          { form: 'Khiển trách', from: '2024-03', violation: 'Chậm xử lý hồ sơ', decidedBy: 'Giám đốc Sở' },
        ],
      },
    ],
    [
      'publicEmployee',
      justice,
      {
        fullName: 'Khổng Thị Viên',
        employmentType: 'public_employee',
        salary: {
          rankKind: 'professional_title',
          rankCode: 'V.07.01.03',
          salaryGroup: 'A1',
          salaryStep: 2,
          coefficient: 2.67,
          stepStartDate: '2023-12-15',
        },
      },
    ],
    ['noStepDate', justice, { fullName: 'Lâm Văn Thiếu', salary: { ...A1_STEP_3 } }],
    ['retireIn3', justice, { fullName: 'Lương Văn Hưu', birthDate: '1965-05-20' }],
    ['retireDayAfter', justice, { fullName: 'Mạc Văn Cuối', birthDate: '1965-06-02' }],
    ['retireOnAsOf', justice, { fullName: 'Ngô Văn Đúng', birthDate: '1965-03-01' }],
    ['retireOverdue', justice, { fullName: 'Phan Văn Quá', birthDate: '1965-02-10' }],
    ['retireIn12', justice, { fullName: 'Quách Thị Mười', gender: 'female', birthDate: '1970-01-15' }],
    ['noBirthDate', justice, { fullName: 'Tạ Văn Không', birthDate: null }],
    [
      'otherAgency',
      home,
      {
        fullName: 'Vũ Thị Khác',
        salary: { ...A1_STEP_3, stepStartDate: '2023-11-01' },
        birthDate: '1965-04-04',
      },
    ],
  ];
  for (const [key, place, fields] of people) {
    ids[key] = (await personWithRecord(db, place, recordInput(place, fields))).personId;
  }
  await makeAccount(db, {
    email: 'bien.bv@test.gov.vn',
    homeUnitId: province.justice.id,
    personId: ids.stepOnBoundary!,
  });

  justiceAdmin = await app.signIn('tp.admin@test.gov.vn');
  homeAdmin = await app.signIn('nv.admin@test.gov.vn');
  provinceAdmin = await app.signIn('snv.admin@test.gov.vn');
  justiceApprover = await app.signIn('tp.duyet@test.gov.vn');
});

afterAll(async () => {
  await app.close();
});

async function lists(client: TestClient, unitId: number, months: number): Promise<DueListResponse> {
  const response = await client.get(`/api/units/${unitId}/due-lists?months=${months}&asOf=${AS_OF}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const stepIds = (result: DueListResponse) => result.steps.map((item) => item.personId);
const retirementIds = (result: DueListResponse) => result.retirements.map((item) => item.personId);

describe('step increases', () => {
  it('include a due date on the last day of the horizon', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    expect(three.until).toBe('2026-12-30');
    expect(stepIds(three)).toContain(ids.stepOnBoundary);
    expect(stepIds(three)).not.toContain(ids.stepDayAfter);
    const item = three.steps.find((step) => step.personId === ids.stepOnBoundary)!;
    expect(item).toMatchObject({
      kind: 'step',
      dueDate: '2026-12-30',
      currentStep: 3,
      nextStep: 4,
      nextCoefficient: 3.33,
      overdue: false,
    });
  });

  it('move the day after into the 6-month list', async () => {
    const six = await lists(justiceAdmin, province.justice.id, 6);
    expect(six.steps.find((step) => step.personId === ids.stepDayAfter)?.dueDate).toBe('2026-12-31');
  });

  it('list overdue increases first', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    expect(three.steps[0]).toMatchObject({ personId: ids.stepOverdue, dueDate: '2026-06-01', overdue: true });
  });

  it('start and raise the over-frame allowance', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    expect(three.steps.find((step) => step.personId === ids.overFrameIncrease)).toMatchObject({
      kind: 'over_frame_increase',
      dueDate: '2026-11-15',
      currentOverFramePercent: 6,
      nextOverFramePercent: 7,
    });
    expect(stepIds(three)).not.toContain(ids.overFrameStart);

    const six = await lists(justiceAdmin, province.justice.id, 6);
    expect(six.steps.find((step) => step.personId === ids.overFrameStart)).toMatchObject({
      kind: 'over_frame',
      dueDate: '2027-01-10',
      nextStep: 9,
      nextOverFramePercent: 5,
    });
  });

  it('delay a reprimanded civil servant by 6 months', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    expect(stepIds(three)).not.toContain(ids.reprimanded);
    const six = await lists(justiceAdmin, province.justice.id, 6);
    expect(six.steps.find((step) => step.personId === ids.reprimanded)).toMatchObject({
      dueDate: '2027-01-01',
      delayMonths: 6,
    });
  });

  it('compute professional titles of public employees', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    expect(three.steps.find((step) => step.personId === ids.publicEmployee)).toMatchObject({
      dueDate: '2026-12-15',
      nextStep: 3,
    });
  });

  it('count records that lack the step date', async () => {
    const twelve = await lists(justiceAdmin, province.justice.id, 12);
    expect(stepIds(twelve)).not.toContain(ids.noStepDate);
    // The record without a step date and the six records written without any salary data.
    expect(twelve.incomplete.steps).toBe(7);
  });
});

describe('retirements', () => {
  it('include the horizon end and exclude the month end after it', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    expect(three.retirements.find((item) => item.personId === ids.retireIn3)).toMatchObject({
      retirementDate: '2026-11-30',
      pensionStartDate: '2026-12-01',
      ageYears: 61,
      ageMonths: 6,
      overdue: false,
    });
    expect(retirementIds(three)).not.toContain(ids.retireDayAfter);

    const six = await lists(justiceAdmin, province.justice.id, 6);
    expect(six.retirements.find((item) => item.personId === ids.retireDayAfter)?.retirementDate).toBe(
      '2026-12-31',
    );
  });

  it('mark only dates before the start as overdue', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    expect(three.retirements.find((item) => item.personId === ids.retireOnAsOf)).toMatchObject({
      retirementDate: '2026-09-30',
      overdue: false,
    });
    expect(three.retirements[0]).toMatchObject({
      personId: ids.retireOverdue,
      retirementDate: '2026-08-31',
      overdue: true,
    });
  });

  it('reach women in the 12-month list only', async () => {
    const six = await lists(justiceAdmin, province.justice.id, 6);
    expect(retirementIds(six)).not.toContain(ids.retireIn12);
    const twelve = await lists(justiceAdmin, province.justice.id, 12);
    expect(twelve.retirements.find((item) => item.personId === ids.retireIn12)).toMatchObject({
      retirementDate: '2027-05-31',
      ageYears: 57,
      ageMonths: 4,
    });
    expect(twelve.incomplete.retirements).toBe(1);
  });

  it('report counts for every horizon', async () => {
    const three = await lists(justiceAdmin, province.justice.id, 3);
    const counts = Object.fromEntries(three.counts.map((count) => [count.months, count]));
    expect(counts[3]).toMatchObject({
      steps: three.steps.length,
      retirements: three.retirements.length,
      overdueRetirements: 1,
    });
    expect(counts[6]!.steps).toBeGreaterThan(counts[3]!.steps);
    expect(counts[12]!.retirements).toBe(5);
  });
});

describe('scope', () => {
  it('keeps another agency out of the agency list', async () => {
    const twelve = await lists(justiceAdmin, province.justice.id, 12);
    expect(stepIds(twelve)).not.toContain(ids.otherAgency);
    expect(retirementIds(twelve)).not.toContain(ids.otherAgency);
  });

  it('gives the province list every agency', async () => {
    const twelve = await lists(provinceAdmin, province.province.id, 12);
    expect(stepIds(twelve)).toContain(ids.otherAgency);
    expect(stepIds(twelve)).toContain(ids.stepOnBoundary);
  });

  it('refuses the lists, export and reminders of agency 112 to the admin of 113', async () => {
    const list = await homeAdmin.get(`/api/units/${province.justice.id}/due-lists?months=3`);
    expect(list.statusCode).toBe(404);
    const exported = await homeAdmin.post(`/api/units/${province.justice.id}/due-lists/export`, {
      months: 3,
    });
    expect(exported.statusCode).toBe(404);
    const notified = await homeAdmin.post(`/api/units/${province.justice.id}/due-lists/notify`, {
      months: 3,
      kind: 'steps',
    });
    expect(notified.statusCode).toBe(404);
  });

  it('lets an approver read the list but not send reminders', async () => {
    const list = await justiceApprover.get(`/api/units/${province.justice.id}/due-lists?months=3`);
    expect(list.statusCode).toBe(200);
    const notified = await justiceApprover.post(`/api/units/${province.justice.id}/due-lists/notify`, {
      months: 3,
      kind: 'steps',
    });
    expect(notified.statusCode).toBe(403);
  });

  it('rejects a horizon other than 3, 6 or 12 months', async () => {
    const response = await justiceAdmin.get(`/api/units/${province.justice.id}/due-lists?months=5`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('3, 6 hoặc 12 tháng');
  });
});

describe('export', () => {
  it('writes both lists to Excel', async () => {
    const started = await justiceAdmin.post(`/api/units/${province.justice.id}/due-lists/export`, {
      months: 3,
      asOf: AS_OF,
    });
    const { workbook } = await downloadExport(justiceAdmin, started);
    const steps = workbook.getWorksheet('Nâng bậc lương')!;
    const retirements = workbook.getWorksheet('Nghỉ hưu')!;
    const expected = await lists(justiceAdmin, province.justice.id, 3);

    const stepNames = listRows(steps).map((row) => row.getCell(2).text);
    expect(stepNames).toEqual(expected.steps.map((item) => item.fullName));
    const retirementNames = listRows(retirements).map((row) => row.getCell(2).text);
    expect(retirementNames).toEqual(expected.retirements.map((item) => item.fullName));

    const boundaryRow = listRows(steps).find((row) => row.getCell(2).text === 'Bùi Văn Biên')!;
    expect(boundaryRow.getCell(17).value).toEqual(new Date(Date.UTC(2026, 11, 30)));
  });
});

describe('reminders', () => {
  it('notify each person once and audit the sending', async () => {
    const body = { months: 3, asOf: AS_OF, kind: 'steps', personIds: [ids.stepOnBoundary, ids.stepOverdue] };
    const first = await justiceAdmin.post(`/api/units/${province.justice.id}/due-lists/notify`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ people: 2, notified: 1, withoutAccount: 1, alreadyNotified: 0 });

    const second = await justiceAdmin.post(`/api/units/${province.justice.id}/due-lists/notify`, body);
    expect(second.json()).toEqual({ people: 2, notified: 0, withoutAccount: 1, alreadyNotified: 1 });

    const db = app.database.db;
    const notes = await db
      .selectFrom('account_notifications as n')
      .innerJoin('accounts as a', 'a.id', 'n.account_id')
      .select(['n.kind', 'n.body'])
      .where('a.person_id', '=', ids.stepOnBoundary!)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe('salary_step_due');
    expect(notes[0]!.body).toContain('bậc 4 (hệ số 3,33) từ ngày 30/12/2026');

    const audits = await db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'due_list.notify')
      .execute();
    expect(audits).toHaveLength(2);
  });

  it('ignore people who are not on the list', async () => {
    const response = await justiceAdmin.post(`/api/units/${province.justice.id}/due-lists/notify`, {
      months: 3,
      asOf: AS_OF,
      kind: 'retirements',
      personIds: [ids.otherAgency, ids.retireDayAfter],
    });
    expect(response.json()).toMatchObject({ people: 0, notified: 0 });
  });
});
