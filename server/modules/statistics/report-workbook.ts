import type ExcelJS from 'exceljs';
import { formatDateVi } from '../../../common/dates.ts';
import {
  type QualityStatistics,
  type ReportRow,
  reportColumnGroups,
} from '../../../common/schemas/statistics.ts';
import { EXCEL_FONT, setCell, styleHeaderCell, thinBorder } from '../exports/excel-cells.ts';
import type { ProgressListener } from '../exports/list-workbook.ts';

const LEADING_COLUMNS = 3;

function countFor(row: Pick<ReportRow, 'total' | 'counts'>, key: string): number {
  return key === 'total' ? row.total : (row.counts[key] ?? 0);
}

function titleRow(
  worksheet: ExcelJS.Worksheet,
  text: string,
  width: number,
  options: { size: number; bold?: boolean; italic?: boolean },
) {
  const row = worksheet.addRow([text]);
  row.getCell(1).font = {
    name: EXCEL_FONT,
    size: options.size,
    bold: options.bold ?? false,
    italic: options.italic ?? false,
  };
  row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  worksheet.mergeCells(row.number, 1, row.number, width);
  row.commit();
}

/**
 * Writes the report table in the layout of form BM02/BNV, in Times New Roman. Each child unit
 * gets one row with its code, the total and a column per bucket. The columns sit under two header
 * rows and a row of column numbers, and a grand total and the signature block close the table.
 * Returns the number of unit rows.
 */
function writeReportSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  statistics: QualityStatistics,
  onProgress: ProgressListener,
): number {
  const columns = reportColumnGroups.flatMap((group) => group.columns);
  const width = LEADING_COLUMNS + columns.length;
  const worksheet = workbook.addWorksheet('Báo cáo BM02', {
    views: [{ state: 'frozen', xSplit: LEADING_COLUMNS, ySplit: 7 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  worksheet.columns = [{ width: 6 }, { width: 36 }, { width: 11 }, ...columns.map(() => ({ width: 9 }))];

  titleRow(worksheet, 'BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC', width, {
    size: 14,
    bold: true,
  });
  titleRow(worksheet, `${statistics.unit.name} (mã số ${statistics.unit.code})`, width, {
    size: 12,
    bold: true,
  });
  titleRow(
    worksheet,
    `Số liệu đến ngày ${formatDateVi(statistics.asOf)}. Theo các tiêu chí của mẫu BM02/BNV.`,
    width,
    { size: 11, italic: true },
  );
  worksheet.addRow([]).commit();

  // Two header rows: group labels merged over their columns, then the column labels.
  const groupRow = worksheet.addRow(['STT', 'Tên đơn vị', 'Mã số đơn vị']);
  const labelRow = worksheet.addRow(['', '', '']);
  let column = LEADING_COLUMNS + 1;
  for (const group of reportColumnGroups) {
    groupRow.getCell(column).value = group.label;
    group.columns.forEach((item, index) => {
      labelRow.getCell(column + index).value = item.label;
    });
    if (group.columns.length > 1)
      worksheet.mergeCells(groupRow.number, column, groupRow.number, column + group.columns.length - 1);
    else worksheet.mergeCells(groupRow.number, column, labelRow.number, column);
    column += group.columns.length;
  }
  for (let index = 1; index <= LEADING_COLUMNS; index++)
    worksheet.mergeCells(groupRow.number, index, labelRow.number, index);
  for (let index = 1; index <= width; index++) {
    styleHeaderCell(groupRow.getCell(index));
    styleHeaderCell(labelRow.getCell(index));
  }
  labelRow.height = 60;
  groupRow.commit();
  labelRow.commit();

  // The form numbers its columns: A, B, C for the unit columns, then 1, 2, 3 …
  const numberRow = worksheet.addRow(['A', 'B', 'C', ...columns.map((_item, index) => index + 1)]);
  for (let index = 1; index <= width; index++) styleHeaderCell(numberRow.getCell(index));
  numberRow.commit();

  statistics.rows.forEach((unitRow, index) => {
    const row = worksheet.addRow([]);
    setCell(row.getCell(1), 'integer', index + 1);
    setCell(row.getCell(2), 'text', unitRow.direct ? `${unitRow.name} (trực thuộc trực tiếp)` : unitRow.name);
    setCell(row.getCell(3), 'text', unitRow.code);
    columns.forEach((item, offset) => {
      setCell(row.getCell(LEADING_COLUMNS + 1 + offset), 'integer', countFor(unitRow, item.key));
    });
    for (let cell = 1; cell <= width; cell++) row.getCell(cell).border = thinBorder;
    row.commit();
    onProgress(index + 1);
  });

  const grandTotal = worksheet.addRow([]);
  setCell(grandTotal.getCell(2), 'text', 'Tổng cộng');
  const totals = sumRows(statistics);
  columns.forEach((item, offset) => {
    setCell(grandTotal.getCell(LEADING_COLUMNS + 1 + offset), 'integer', countFor(totals, item.key));
  });
  for (let cell = 1; cell <= width; cell++) {
    grandTotal.getCell(cell).border = thinBorder;
    grandTotal.getCell(cell).font = { name: EXCEL_FONT, size: 11, bold: true };
  }
  grandTotal.commit();

  worksheet.addRow([]).commit();
  const signature = worksheet.addRow([]);
  signature.getCell(2).value = 'Người lập bảng';
  signature.getCell(Math.max(LEADING_COLUMNS + 4, width - 4)).value = 'Thủ trưởng đơn vị';
  signature.eachCell((cell) => {
    cell.font = { name: EXCEL_FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center' };
  });
  signature.commit();
  worksheet.commit();
  return statistics.rows.length;
}

function sumRows(statistics: QualityStatistics): Pick<ReportRow, 'total' | 'counts'> {
  const counts: Record<string, number> = {};
  for (const row of statistics.rows) {
    for (const [key, value] of Object.entries(row.counts)) counts[key] = (counts[key] ?? 0) + value;
  }
  return { total: statistics.rows.reduce((sum, row) => sum + row.total, 0), counts };
}

/** Writes every dimension with all its buckets, grades and positions included, with shares. */
function writeDimensionSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  statistics: QualityStatistics,
): void {
  const worksheet = workbook.addWorksheet('Theo tiêu chí');
  worksheet.columns = [{ width: 34 }, { width: 48 }, { width: 12 }, { width: 12 }];
  titleRow(worksheet, `CHẤT LƯỢNG ĐỘI NGŨ THEO TIÊU CHÍ - ${statistics.unit.name}`, 4, {
    size: 13,
    bold: true,
  });
  titleRow(
    worksheet,
    `Số liệu đến ngày ${formatDateVi(statistics.asOf)}. Tổng số: ${statistics.total} người.`,
    4,
    { size: 11, italic: true },
  );
  worksheet.addRow([]).commit();

  const header = worksheet.addRow(['Tiêu chí', 'Nhóm', 'Số người', 'Tỷ lệ (%)']);
  header.eachCell((cell) => styleHeaderCell(cell));
  header.commit();

  for (const dimension of statistics.dimensions) {
    for (const bucket of dimension.buckets) {
      const row = worksheet.addRow([]);
      setCell(row.getCell(1), 'text', dimension.label);
      setCell(row.getCell(2), 'text', bucket.label);
      setCell(row.getCell(3), 'integer', bucket.count);
      setCell(
        row.getCell(4),
        'decimal',
        statistics.total > 0 ? Math.round((bucket.count * 10_000) / statistics.total) / 100 : 0,
      );
      for (let cell = 1; cell <= 4; cell++) row.getCell(cell).border = thinBorder;
      row.commit();
    }
  }
  worksheet.commit();
}

/** Writes the statistics workbook: the BM02 table, then every dimension in full. */
export async function writeStatisticsWorkbook(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  statistics: QualityStatistics,
  onProgress: ProgressListener,
): Promise<number> {
  const rowCount = writeReportSheet(workbook, statistics, onProgress);
  writeDimensionSheet(workbook, statistics);
  return rowCount;
}
