import { formatDateVi } from '../../../common/dates.ts';
import {
  type DueListResponse,
  type RetirementDueItem,
  type StepDueItem,
  stepDueKindLabels,
} from '../../../common/schemas/due-lists.ts';
import { exportFileName } from '../exports/content-disposition.ts';
import type { ExcelColumn } from '../exports/excel-cells.ts';
import type { ExportTask } from '../exports/export-jobs.ts';
import { writeListSheet } from '../exports/list-workbook.ts';

// The due lists as one workbook with two sheets, step increases and retirements, through the
// exports module (background job, progress, audit, formula-safe text cells).

const GENDER = { male: 'Nam', female: 'Nữ' } as const;

const personColumns = <T extends StepDueItem | RetirementDueItem>(): ExcelColumn<T>[] => [
  { header: 'Họ và tên', width: 26, kind: 'text', value: (item) => item.fullName },
  {
    header: 'Giới tính',
    width: 9,
    kind: 'text',
    value: (item) => (item.gender ? GENDER[item.gender] : null),
  },
  { header: 'Ngày sinh', width: 12, kind: 'date', value: (item) => item.birthDate },
  { header: 'Cơ quan, đơn vị', width: 30, kind: 'text', value: (item) => item.agency?.name },
  { header: 'Bộ phận, phòng', width: 28, kind: 'text', value: (item) => item.division?.name },
];

const stepColumns: ExcelColumn<StepDueItem>[] = [
  ...personColumns<StepDueItem>(),
  { header: 'Nội dung', width: 30, kind: 'text', value: (item) => stepDueKindLabels[item.kind] },
  { header: 'Mã ngạch, chức danh', width: 14, kind: 'text', value: (item) => item.rankCode },
  { header: 'Ngạch, chức danh nghề nghiệp', width: 28, kind: 'text', value: (item) => item.rankName },
  { header: 'Nhóm lương', width: 10, kind: 'text', value: (item) => item.salaryGroup },
  { header: 'Bậc hiện hưởng', width: 10, kind: 'integer', value: (item) => item.currentStep },
  { header: 'Hệ số hiện hưởng', width: 10, kind: 'decimal', value: (item) => item.currentCoefficient },
  { header: 'Ngày hưởng bậc hiện tại', width: 13, kind: 'date', value: (item) => item.stepStartDate },
  {
    header: 'Bậc mới',
    width: 9,
    kind: 'integer',
    value: (item) => (item.kind === 'step' ? item.nextStep : null),
  },
  { header: 'Hệ số mới', width: 10, kind: 'decimal', value: (item) => item.nextCoefficient },
  { header: '% vượt khung mới', width: 10, kind: 'integer', value: (item) => item.nextOverFramePercent },
  { header: 'Ngày đến hạn', width: 13, kind: 'date', value: (item) => item.dueDate },
  { header: 'Số tháng kéo dài', width: 10, kind: 'integer', value: (item) => item.delayMonths || null },
  { header: 'Ghi chú', width: 14, kind: 'text', value: (item) => (item.overdue ? 'Đã đến hạn' : null) },
];

const retirementColumns: ExcelColumn<RetirementDueItem>[] = [
  ...personColumns<RetirementDueItem>(),
  { header: 'Chức vụ', width: 22, kind: 'text', value: (item) => item.positionName },
  { header: 'Ngạch, chức danh nghề nghiệp', width: 26, kind: 'text', value: (item) => item.rankName },
  {
    header: 'Tuổi nghỉ hưu',
    width: 16,
    kind: 'text',
    value: (item) => `${item.ageYears} tuổi${item.ageMonths ? ` ${item.ageMonths} tháng` : ''}`,
  },
  { header: 'Thời điểm nghỉ hưu', width: 13, kind: 'date', value: (item) => item.retirementDate },
  { header: 'Ngày hưởng lương hưu', width: 13, kind: 'date', value: (item) => item.pensionStartDate },
  { header: 'Ghi chú', width: 14, kind: 'text', value: (item) => (item.overdue ? 'Đã đến tuổi' : null) },
];

async function* batchesOf<T>(items: T[]): AsyncGenerator<T[]> {
  for (let start = 0; start < items.length; start += 500) yield items.slice(start, start + 500);
}

/** Builds the export of lists already computed (and scope-checked) for the caller. */
export function dueListsExportTask(lists: DueListResponse): ExportTask {
  const period = `Trong ${lists.months} tháng, từ ${formatDateVi(lists.asOf)} đến ${formatDateVi(lists.until)}; tính từ hồ sơ đã phê duyệt`;
  const unitLine = `${lists.unit.code} ${lists.unit.name}`;
  return {
    kind: 'due_lists',
    fileName: exportFileName(
      `Đến hạn nâng lương, nghỉ hưu ${lists.unit.code} ${lists.months} tháng`,
      lists.asOf,
    ),
    filter: { unitId: lists.unit.id, months: lists.months, asOf: lists.asOf },
    rowsTotal: lists.steps.length + lists.retirements.length,
    async write(workbook, onProgress) {
      const stepRows = await writeListSheet(
        workbook,
        {
          sheetName: 'Nâng bậc lương',
          title: 'DANH SÁCH ĐẾN HẠN NÂNG BẬC LƯƠNG THƯỜNG XUYÊN, PHỤ CẤP THÂM NIÊN VƯỢT KHUNG',
          subtitles: [unitLine, period],
          columns: stepColumns,
          batches: batchesOf(lists.steps),
        },
        onProgress,
      );
      const retirementRows = await writeListSheet(
        workbook,
        {
          sheetName: 'Nghỉ hưu',
          title: 'DANH SÁCH ĐẾN TUỔI NGHỈ HƯU',
          subtitles: [unitLine, period],
          columns: retirementColumns,
          batches: batchesOf(lists.retirements),
        },
        (rowsDone) => onProgress(stepRows + rowsDone),
      );
      return stepRows + retirementRows;
    },
  };
}
