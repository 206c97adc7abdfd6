import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordDataInput } from '../../../common/schemas/record.ts';

// Test data and file readers for the CV tests. Every value is generated; none belongs to a real person.

export function cvRecordData(place: { agencyId: number; divisionId: number | null }): RecordDataInput {
  return {
    identity: {
      fullName: 'Trần Thị Bình',
      otherNames: 'Bình Nhi',
      gender: 'female',
      birthDate: '1988-03-12',
      personalIdNumber: '079188000123',
      idIssueDate: '2021-04-20',
      personnelNumber: 'TP-0042',
      phone: '0912 345 678',
      socialInsuranceNumber: '4412345678',
      healthInsuranceNumber: 'GD4441234567890',
      ethnicityCode: '04',
      ethnicityCodeSystem: 'qd1019_2008',
      religionCode: '99',
      familyBackground: 'Nông dân',
      policyBeneficiary: 'Con thương binh',
    },
    places: {
      birthPlace: { provinceCode: '44', communeCode: null, detail: 'Bệnh viện Đa khoa' },
      hometown: { provinceCode: '44', detail: 'Thôn Đông Hà' },
      permanentResidence: { provinceCode: '44', detail: 'Số 12 đường Lê Lợi' },
      currentResidence: { provinceCode: '44', detail: 'Số 12 đường Lê Lợi' },
    },
    employment: {
      employmentType: 'civil_servant',
      agencyId: place.agencyId,
      divisionId: place.divisionId,
      managingAgencyName: 'UBND tỉnh Thử Nghiệm',
      occupationBeforeRecruitment: 'Sinh viên',
      firstRecruitmentDate: '2012-09-01',
      recruitingAgency: 'Sở Tư pháp',
      currentAgencyJoinDate: '2012-09-01',
      positionName: 'Phó Trưởng phòng',
      positionAppointmentDate: '2022-01-15',
      concurrentPositions: ['Thư ký Hội đồng'],
      plannedPositions: 'Trưởng phòng',
      mainDuties: 'Kiểm soát thủ tục hành chính',
      workStrengths: 'Soạn thảo văn bản',
      longestJob: 'Chuyên viên pháp chế',
      jobPositionCode: 'VTVL-12',
      jobPositionName: 'Chuyên viên kiểm soát thủ tục hành chính',
    },
    salary: {
      rankKind: 'grade',
      rankCode: '01.003',
      rankAppointmentDate: '2013-09-01',
      salaryGroup: 'A1',
      salaryStep: 4,
      coefficient: 3.33,
      stepStartDate: '2024-09-01',
      salaryPercent: 100,
      positionAllowance: 0.3,
      otherAllowances: 'Phụ cấp công vụ 25%',
    },
    education: {
      generalEducationCode: '22',
      professionalLevelCode: 'DH',
      professionalMajor: 'Luật',
      academicTitleCode: null,
      politicalTheoryCode: 'TC',
      stateManagementCode: 'CV',
      itLevelCode: 'CB',
      foreignLanguages: [{ language: 'Tiếng Anh', levelCode: 'BAC3' }],
    },
    party: {
      partyJoinDate: '2015-05-19',
      partyOfficialDate: '2016-05-19',
      partyPost: 'Chi ủy viên',
      socioPoliticalJoinDate: '2003-03-26',
      socioPoliticalOrganisations: 'Đoàn TNCS Hồ Chí Minh',
    },
    military: {},
    honours: { highestAward: 'Bằng khen của Chủ tịch UBND tỉnh (2023)', highestDiscipline: 'Không' },
    health: { status: 'Tốt', heightCm: 158, weightKg: 50, bloodGroup: 'O' },
    personalHistory: { arrestHistory: 'Không', relativesAbroad: 'Không' },
    training: {
      professional: [
        {
          from: '2008-09',
          to: '2012-06',
          institution: 'Trường Đại học Luật Huế',
          major: 'Luật',
          mode: 'Chính quy',
          degree: 'Cử nhân',
        },
      ],
      politicalTheory: [
        {
          from: '2018-03',
          to: '2019-01',
          institution: 'Trường Chính trị tỉnh',
          mode: 'Tại chức',
          degree: 'Trung cấp',
        },
      ],
      management: [
        {
          from: '2016-05',
          to: '2016-07',
          institution: 'Trường Chính trị tỉnh',
          certificate: 'Chứng chỉ ngạch chuyên viên',
        },
      ],
      languages: [
        {
          from: '2015-01',
          to: '2015-06',
          institution: 'Trung tâm Ngoại ngữ',
          language: 'Tiếng Anh',
          certificate: 'B1',
          score: '6.5',
        },
      ],
    },
    workHistory: [
      {
        from: '2012-09',
        to: '2021-12',
        unitName: 'Phòng Kiểm soát thủ tục hành chính, Sở Tư pháp',
        title: 'Chuyên viên',
      },
      {
        from: '2022-01',
        to: null,
        unitName: 'Phòng Kiểm soát thủ tục hành chính, Sở Tư pháp',
        title: 'Phó Trưởng phòng',
      },
    ],
    salaryHistory: [
      { from: '2012-09', to: '2015-08', rankCode: '01.003', salaryStep: 1, coefficient: 2.34 },
      { from: '2015-09', to: null, rankCode: '01.003', salaryStep: 2, coefficient: 2.67 },
    ],
    yearlyRatings: [
      { year: 2024, qualityRating: 'good', emulationRating: 'Chiến sĩ thi đua cơ sở', award: 'Giấy khen' },
    ],
    family: {
      ownSide: [
        { relation: 'Bố', fullName: 'Trần Văn Hải', birthYear: 1960, details: 'Nông dân, xã Thử Nghiệm' },
        { relation: 'Mẹ', fullName: 'Lê Thị Hoa', birthYear: 1963, details: 'Nội trợ' },
      ],
      spouseSide: [{ relation: 'Bố chồng', fullName: 'Phan Văn Tâm', birthYear: 1958, details: 'Hưu trí' }],
    },
    assets: {
      annualSalaryIncome: 120_000_000,
      housing: [{ acquisition: 'self_bought_or_built', houseType: 'Nhà cấp 4', areaM2: 80 }],
    },
    employerAssessment: 'Hoàn thành tốt nhiệm vụ được giao.',
  };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Reads one part of a .docx (a zip) with the unzip program. */
export function docxPart(docx: Buffer, part: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-docx-test-'));
  try {
    const file = join(dir, 'file.docx');
    writeFileSync(file, docx);
    return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });
  } catch {
    return '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns the text of each paragraph of a WordprocessingML part, in document order. */
export function paragraphsOf(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((chunk) =>
      decodeXml([...chunk.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')),
    )
    .filter((text) => text.trim() !== '');
}

/** Text of a PDF from pdftotext, with runs of white space made single spaces. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-pdf-test-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
