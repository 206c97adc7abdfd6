import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExchangeDocument,
  exchangeDocument,
  exchangeGroupKeys,
} from '../../../common/schemas/exchange.ts';
import type { RecordData, RecordDataInput } from '../../../common/schemas/record.ts';
import { makeAccount, makePerson, makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { personWithRecord, recordInput } from '../due-lists/due-lists.fixtures.ts';

let app: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;
let justiceAdmin: TestClient;
let homeAdmin: TestClient;
let provinceAdmin: TestClient;
let rich: { personId: number; data: RecordData };
let plainId: number;
let unapprovedId: number;

/** A record with a value in every group, repeating tables included. All values are generated. */
function richRecord(place: { agencyId: number; divisionId: number | null }): RecordDataInput {
  return {
    identity: {
      fullName: 'Trương Thị Đầy Đủ',
      otherNames: 'Tư',
      gender: 'female',
      birthDate: '1984-02-29',
      personalIdNumber: '044184000123',
      idIssueDate: '2021-05-10',
      idIssuePlace: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      personnelNumber: 'QT-0042',
      phone: '0912 000 111',
      socialInsuranceNumber: '4412345678',
      healthInsuranceNumber: 'DN4441234567890',
      ethnicityCode: '01',
      ethnicityCodeSystem: 'qd1019_2008',
      religionCode: '99',
      familyBackground: 'Nông dân',
      policyBeneficiary: 'Con thương binh',
    },
    places: {
      birthPlace: { provinceCode: '44', detail: 'Xã Thử Nghiệm' },
      hometown: { provinceCode: '44', detail: 'Thôn Một' },
      permanentResidence: { provinceCode: '44', detail: 'Số 5 đường Thử' },
      currentResidence: { provinceCode: '44', detail: 'Số 7 đường Nghiệm' },
    },
    employment: {
      employmentType: 'civil_servant',
      agencyId: place.agencyId,
      divisionId: place.divisionId,
      managingAgencyName: 'Ủy ban nhân dân tỉnh',
      occupationBeforeRecruitment: 'Sinh viên',
      firstRecruitmentDate: '2008-09-01',
      recruitingAgency: 'Sở Tư pháp',
      currentAgencyJoinDate: '2010-01-15',
      positionName: 'Trưởng phòng',
      positionAppointmentDate: '2020-03-01',
      concurrentPositions: ['Tổ trưởng tổ pháp chế'],
      plannedPositions: 'Phó Giám đốc Sở',
      mainDuties: 'Kiểm soát thủ tục hành chính',
      workStrengths: 'Soạn thảo văn bản',
      longestJob: 'Chuyên viên pháp chế',
      jobPositionCode: 'VTVL-12',
      jobPositionName: 'Trưởng phòng chuyên môn',
    },
    salary: {
      rankKind: 'grade',
      rankCode: '01.002',
      rankName: 'Chuyên viên chính',
      rankAppointmentDate: '2019-01-01',
      salaryGroup: 'A2.1',
      salaryStep: 2,
      coefficient: 4.74,
      stepStartDate: '2022-01-01',
      salaryPercent: 100,
      positionAllowance: 0.3,
      otherAllowances: 'Công vụ 25%',
    },
    education: {
      generalEducationCode: '22',
      professionalLevelCode: 'THS',
      professionalMajor: 'Luật hành chính',
      politicalTheoryCode: 'CC',
      stateManagementCode: 'CVC',
      itLevelCode: 'CB',
      foreignLanguages: [{ language: 'Tiếng Anh', levelCode: 'BAC3' }],
      ethnicLanguage: 'Tiếng Vân Kiều',
    },
    party: {
      partyJoinDate: '2010-05-19',
      partyOfficialDate: '2011-05-19',
      partyPost: 'Chi ủy viên',
      socioPoliticalJoinDate: '2000-03-26',
      socioPoliticalOrganisations: 'Đoàn TNCS Hồ Chí Minh',
    },
    military: { enlistmentDate: '2002-02-01', dischargeDate: '2004-02-01', highestRank: 'Hạ sĩ' },
    honours: {
      stateHonourTitle: 'Không',
      highestAward: 'Bằng khen của Chủ tịch UBND tỉnh',
      highestDiscipline: 'Khiển trách (2015)',
    },
    health: { status: 'Tốt', heightCm: 158, weightKg: 52, bloodGroup: 'O' },
    personalHistory: {
      arrestHistory: 'Không',
      formerRegimeService: [{ from: '1990-01', to: '1990-06', description: 'Không có thật, dữ liệu thử' }],
      foreignOrganisations: [],
      relativesAbroad: 'Không',
    },
    assets: {
      annualSalaryIncome: 180_000_000,
      otherIncomeSources: 'Cho thuê nhà',
      otherIncomeAmount: 24_000_000,
      housing: [
        {
          acquisition: 'self_bought_or_built',
          houseType: 'Nhà cấp 4',
          areaM2: 80.5,
          certificate: 'GCN số 001',
        },
      ],
      residentialLand: [{ acquisition: 'self_bought', areaM2: 120, certificate: 'GCN số 002' }],
      productionLand: 'Không',
    },
    training: {
      professional: [
        {
          from: '2002-09',
          to: '2006-06',
          institution: 'Trường Đại học Luật',
          major: 'Luật',
          mode: 'Chính quy',
          degree: 'Cử nhân',
        },
      ],
      politicalTheory: [
        {
          from: '2018-03',
          to: '2019-03',
          institution: 'Học viện Chính trị khu vực',
          mode: 'Tập trung',
          degree: 'Cao cấp',
        },
      ],
      management: [
        {
          from: '2017-04',
          to: '2017-06',
          institution: 'Trường Chính trị tỉnh',
          certificate: 'Chuyên viên chính',
        },
      ],
      defence: [
        { from: '2016-08', to: '2016-09', institution: 'Trường Quân sự tỉnh', certificate: 'Đối tượng 3' },
      ],
      informationTechnology: [
        {
          from: '2009-01',
          to: '2009-03',
          institution: 'Trung tâm Tin học',
          certificate: 'Ứng dụng CNTT cơ bản',
        },
      ],
      languages: [
        {
          from: '2012-01',
          to: '2012-06',
          institution: 'Trung tâm Ngoại ngữ',
          language: 'Tiếng Anh',
          certificate: 'B1',
          score: '5,5',
        },
      ],
    },
    workHistory: [{ from: '2008-09', to: '2020-02', unitName: 'Sở Tư pháp', title: 'Chuyên viên' }],
    careerEvents: [
      {
        eventType: 'Bổ nhiệm',
        decisionNumber: '15/QĐ-STP',
        decisionDate: '2020-03-01',
        unitName: 'Sở Tư pháp',
        note: 'Trưởng phòng',
      },
    ],
    salaryHistory: [{ from: '2019-01', to: '2021-12', rankCode: '01.002', salaryStep: 1, coefficient: 4.4 }],
    allowanceHistory: [
      {
        from: '2020-03',
        to: null,
        allowanceType: 'Phụ cấp chức vụ',
        coefficient: 0.3,
        paymentForm: 'Hằng tháng',
      },
    ],
    yearlyRatings: [
      {
        year: 2024,
        professionalRating: 'Hoàn thành tốt',
        emulationRating: 'Lao động tiên tiến',
        award: 'Giấy khen',
        qualityRating: 'good',
      },
    ],
    disciplines: [
      {
        from: '2015-04',
        to: '2016-04',
        form: 'Khiển trách',
        violation: 'Chậm báo cáo',
        decidedBy: 'Giám đốc Sở',
      },
    ],
    family: {
      ownSide: [
        {
          relation: 'Bố',
          fullName: 'Trương Văn Cha',
          birthYear: 1955,
          details: 'Nông dân',
          socioPoliticalMembership: 'Hội Nông dân',
        },
      ],
      spouseSide: [
        {
          relation: 'Mẹ chồng',
          fullName: 'Lê Thị Mẹ',
          birthYear: 1958,
          formerRegime: 'Không',
          criminalRecord: 'Không',
        },
      ],
    },
    employerAssessment: 'Hoàn thành tốt nhiệm vụ được giao.',
  };
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  province = await makeSmallProvince(db);
  const justice = { agencyId: province.justice.id, divisionId: province.justiceControl.id };
  rich = await personWithRecord(db, justice, richRecord(justice));
  plainId = (await personWithRecord(db, justice, recordInput(justice, { fullName: 'Ông Văn Thường' })))
    .personId;
  const home = { agencyId: province.home.id, divisionId: province.homeBoard.id };
  await personWithRecord(db, home, recordInput(home, { fullName: 'Bà Thị Khác' }));
  unapprovedId = (await makePerson(db, { fullName: 'Chưa Duyệt', agencyId: province.justice.id })).id;

  // A draft with another phone number and a new family row: none of it may leave the server.
  const draft = { ...rich.data, identity: { ...rich.data.identity, phone: '0999 999 999' } };
  draft.family = {
    ...draft.family,
    ownSide: [
      ...draft.family.ownSide,
      { ...draft.family.ownSide[0]!, rowId: 'draft', fullName: 'Người Nháp' },
    ],
  };
  await db
    .insertInto('declarations')
    .values({
      person_id: rich.personId,
      status: 'draft',
      data: JSON.stringify(draft),
      base_version_no: 1,
      target_agency_id: null,
      target_division_id: null,
      route: null,
      created_by_account_id: null,
      last_edited_by_account_id: null,
      submitted_at: null,
      submitted_by_account_id: null,
      decided_at: null,
      decided_by_account_id: null,
      return_reason: null,
      approved_version_id: null,
    })
    .execute();
  await makeAccount(db, {
    email: 'day.du@test.gov.vn',
    homeUnitId: province.justice.id,
    personId: rich.personId,
  });

  justiceAdmin = await app.signIn('tp.admin@test.gov.vn');
  homeAdmin = await app.signIn('nv.admin@test.gov.vn');
  provinceAdmin = await app.signIn('snv.admin@test.gov.vn');
});

afterAll(async () => {
  await app.close();
});

/** Every non-null scalar of a value, as JSON text, with the keys given left out. */
function leaves(value: unknown, skip: ReadonlySet<string>, into: string[] = []): string[] {
  if (value === null || value === undefined) return into;
  if (Array.isArray(value)) {
    for (const item of value) leaves(item, skip, into);
    return into;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!skip.has(key)) leaves(item, skip, into);
    return into;
  }
  into.push(JSON.stringify(value));
  return into;
}

describe('one person', () => {
  it('validates against the schema', async () => {
    const response = await justiceAdmin.get(`/api/people/${rich.personId}/exchange`);
    expect(response.statusCode, response.body).toBe(200);
    const document = exchangeDocument.parse(response.json());
    expect(document.schemaVersion).toBe('1.0.0');
    expect(Object.keys(document.groups)).toEqual([...exchangeGroupKeys]);
    expect(document.source.provinceCode).toBe('44');
    expect(document.record).toMatchObject({ dossierId: '044184000123', versionNo: 1, source: 'declaration' });
  });

  it('holds exactly the values of the approved record', async () => {
    const document = (
      await justiceAdmin.get(`/api/people/${rich.personId}/exchange`)
    ).json() as ExchangeDocument;
    const approved = leaves(rich.data, new Set(['rowId', 'agencyId', 'divisionId', 'photoFileId'])).sort();
    const exported = leaves(document.groups, new Set(['employingAgency', 'employingDivision'])).sort();
    expect(exported).toEqual(approved);
    expect(approved.length).toBeGreaterThan(120);
  });

  it('names the employing units by code and leaves out draft values', async () => {
    const document = (
      await justiceAdmin.get(`/api/people/${rich.personId}/exchange`)
    ).json() as ExchangeDocument;
    expect(document.groups.basicInformation.employingAgency).toEqual({ code: '112', name: 'Sở Tư pháp' });
    expect(document.groups.basicInformation.employingDivision).toEqual({
      code: '112011',
      name: 'Phòng Kiểm soát thủ tục hành chính',
    });
    expect(document.groups.basicInformation.phone).toBe('0912 000 111');
    expect(document.groups.family.ownSide.map((row) => row.fullName)).toEqual(['Trương Văn Cha']);
    expect(document.groups.basicInformation.birthDate).toBe('1984-02-29');
  });

  it('audits the read of the full record', async () => {
    const before = await countReads(rich.personId);
    await justiceAdmin.get(`/api/people/${rich.personId}/exchange`);
    expect(await countReads(rich.personId)).toBe(before + 1);
  });

  it('lets the person export their own record', async () => {
    const self = await app.signIn('day.du@test.gov.vn');
    const response = await self.get(`/api/people/${rich.personId}/exchange?download=true`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('044184000123.json');
  });

  it('answers 409 before the first approval', async () => {
    const response = await justiceAdmin.get(`/api/people/${unapprovedId}/exchange`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('RECORD_NOT_APPROVED');
    expect(response.json().message).toContain('chưa có hồ sơ được phê duyệt');
  });

  it('hides a person of agency 112 from the admin of 113', async () => {
    const response = await homeAdmin.get(`/api/people/${rich.personId}/exchange`);
    expect(response.statusCode).toBe(404);
  });
});

async function countReads(personId: number): Promise<number> {
  const rows = await app.database.db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', 'record.read')
    .where('entity_id', '=', String(personId))
    .execute();
  return rows.filter((row) => JSON.stringify(row.detail).includes('exchange')).length;
}

describe('one agency as NDJSON', () => {
  it('streams one valid document per approved record of the agency', async () => {
    const response = await justiceAdmin.get(`/api/units/${province.justice.id}/exchange`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body.split('\n').filter(Boolean);
    const documents = lines.map((line) => exchangeDocument.parse(JSON.parse(line)));
    expect(documents.map((document) => document.groups.basicInformation.fullName).sort()).toEqual([
      'Trương Thị Đầy Đủ',
      'Ông Văn Thường',
    ]);
  });

  it('audits a read for every person sent', async () => {
    const before = await countReads(plainId);
    await justiceAdmin.get(`/api/units/${province.justice.id}/exchange`);
    expect(await countReads(plainId)).toBe(before + 1);
  });

  it('covers every agency for the province', async () => {
    const response = await provinceAdmin.get(`/api/units/${province.province.id}/exchange`);
    expect(response.body.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('refuses agency 112 to the admin of 113', async () => {
    const response = await homeAdmin.get(`/api/units/${province.justice.id}/exchange`);
    expect(response.statusCode).toBe(404);
  });
});

describe('schema document', () => {
  it('publishes the JSON Schema of the current version', async () => {
    const response = await justiceAdmin.get('/api/exchange/schema');
    expect(response.statusCode).toBe(200);
    const schema = response.json();
    expect(schema.properties.schemaVersion.const).toBe('1.0.0');
    expect(Object.keys(schema.properties.groups.properties)).toEqual([...exchangeGroupKeys]);
  });
});
