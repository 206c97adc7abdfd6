import type { RecordDataInput } from '../../../common/schemas/record.ts';
import type { TestClient } from '../../test/harness.ts';

// Test data for declaration tests. Every value is generated; none belongs to a real person.

let idSerial = 100_000_000;

/** A unique, well-formed 12-digit personal ID number for a test person. */
export function nextPersonalId(): string {
  idSerial += 1;
  return `079${String(idSerial).padStart(9, '0')}`;
}

/** A complete declaration that passes every submit rule, for a civil servant of the given units. */
export function validRecordData(
  place: { agencyId: number; divisionId: number | null },
  fullName = 'Trần Thị Bình',
): RecordDataInput {
  return {
    identity: {
      fullName,
      gender: 'female',
      birthDate: '1988-03-12',
      personalIdNumber: nextPersonalId(),
      ethnicityCode: '01',
      ethnicityCodeSystem: 'qd1019_2008',
      religionCode: '99',
      phone: '0912 345 678',
    },
    places: { hometown: { provinceCode: '44', detail: 'Xã Thử Nghiệm' }, birthPlace: { provinceCode: '44' } },
    employment: {
      employmentType: 'civil_servant',
      agencyId: place.agencyId,
      divisionId: place.divisionId,
      firstRecruitmentDate: '2012-09-01',
      positionName: 'Chuyên viên',
    },
    salary: {
      rankKind: 'grade',
      rankCode: '01.003',
      salaryGroup: 'A1',
      salaryStep: 3,
      coefficient: 3.0,
      stepStartDate: '2021-09-01',
    },
    education: {
      generalEducationCode: '22',
      professionalLevelCode: 'DH',
      professionalMajor: 'Luật',
      politicalTheoryCode: 'TC',
      stateManagementCode: 'CV',
      itLevelCode: 'CB',
      foreignLanguages: [{ rowId: 'lang1', language: 'Tiếng Anh', levelCode: 'BAC3' }],
    },
    party: { partyJoinDate: '2015-05-19', partyOfficialDate: '2016-05-19' },
    workHistory: [
      { rowId: 'work1', from: '2012-09', to: null, unitName: 'Sở Tư pháp', title: 'Chuyên viên' },
    ],
    family: {
      ownSide: [
        {
          rowId: 'father',
          relation: 'Bố',
          fullName: 'Trần Văn Hải',
          birthYear: 1960,
          details: 'Nông dân, xã Thử Nghiệm',
        },
        { rowId: 'mother', relation: 'Mẹ', fullName: 'Lê Thị Hoa', birthYear: 1963, details: 'Nội trợ' },
      ],
      spouseSide: [{ rowId: 'inlaw', relation: 'Bố vợ/chồng', fullName: 'Phan Văn Tâm', birthYear: 1958 }],
    },
  };
}

/** PUT helper: TestClient has no put(). */
export function put(client: TestClient, url: string, payload: unknown) {
  return client.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
}

/** Starts, fills and submits a declaration through the API; returns the submitted declaration. */
export async function declareAndSubmit(client: TestClient, base: string, data: RecordDataInput) {
  const started = await client.post(base);
  if (started.statusCode >= 300) throw new Error(`start failed: ${started.statusCode} ${started.body}`);
  const saved = await put(client, base, {
    rowVersion: started.json().rowVersion,
    declarationId: started.json().id,
    data,
  });
  if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.statusCode} ${saved.body}`);
  const submitted = await client.post(`${base}/submit`, { rowVersion: saved.json().rowVersion });
  if (submitted.statusCode !== 200)
    throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json();
}
