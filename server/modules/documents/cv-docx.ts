import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { CvBlock, CvDocument, CvPart } from './cv-model.ts';

// Word layout of a Sơ yếu lý lịch: A4 portrait in Times New Roman 13 pt, with the margins of
// administrative documents (top and bottom 2 cm, left 3 cm, right 1.5 cm). The photo box sits to
// the left of items 1-5, and two signature columns close the form.

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const CM = 567; // twips per centimetre
const A4 = { width: 11_906, height: 16_838 };
// Items printed beside the photo box.
const BESIDE_PHOTO = new Set(['1', '2', '3', '4', '5']);
export const DRAFT_MARK = 'BẢN NHÁP';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

function paragraph(
  runs: TextRun[],
  options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {},
): Paragraph {
  return new Paragraph({
    children: runs,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 60 },
  });
}

function run(
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {},
): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: options.size ?? SIZE,
    bold: options.bold ?? false,
    italics: options.italics ?? false,
    ...(options.color ? { color: options.color } : {}),
  });
}

function partRuns(parts: CvPart[]): TextRun[] {
  const runs: TextRun[] = [];
  parts.forEach((part, index) => {
    if (index > 0) runs.push(run('; '));
    runs.push(run(part.value === '' && part.label.startsWith('Sinh ngày') ? part.label : `${part.label}: `));
    if (part.value !== '') runs.push(run(part.value, { bold: index === 0 && parts.length === 1 }));
  });
  return runs;
}

function itemParagraph(block: Extract<CvBlock, { kind: 'item' }>): Paragraph {
  const number = block.number === '-' ? '- ' : `${block.number}) `;
  return paragraph([run(number), ...partRuns(block.parts)]);
}

function cell(text: string, options: { bold?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) =>
      paragraph([run(line, { bold: options.bold ?? false, size: 24 })], {
        align: AlignmentType.LEFT,
        after: 0,
      }),
    ),
    ...(options.width ? { width: { size: options.width, type: WidthType.DXA } } : {}),
  });
}

function table(block: Extract<CvBlock, { kind: 'table' }>): Table {
  // An empty table keeps two blank rows, so that the printed form can be filled by hand.
  const rows =
    block.rows.length > 0 ? block.rows : [block.columns.map(() => ''), block.columns.map(() => '')];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((column) => cell(column, { bold: true })),
      }),
      ...rows.map(
        (row) => new TableRow({ children: block.columns.map((_, index) => cell(row[index] ?? '')) }),
      ),
    ],
  });
}

function blockElements(block: CvBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'item':
      return [itemParagraph(block)];
    case 'heading':
      return [paragraph([run(`${block.number}) ${block.text}:`, { bold: true })], { after: 80 })];
    case 'table':
      return [table(block), paragraph([], { after: 60 })];
    case 'text':
      return [paragraph([run(block.text)])];
  }
}

/** Builds the photo box with items 1-5 beside it, as on the printed form. */
function photoTable(document: CvDocument, beside: CvBlock[]): Table {
  const photo = new TableCell({
    width: { size: 4 * CM, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      paragraph([run(document.photoLabel, { italics: true, size: 22 })], { align: AlignmentType.CENTER }),
    ],
  });
  const items = new TableCell({
    borders: { top: NO_BORDER, bottom: NO_BORDER, right: NO_BORDER },
    children: beside.flatMap(blockElements),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ height: { value: 6 * CM, rule: HeightRule.ATLEAST }, children: [photo, items] })],
  });
}

function signatureTable(document: CvDocument): Table {
  const left = [
    paragraph([run('Người khai', { bold: true })], { align: AlignmentType.CENTER }),
    paragraph(
      [run('Tôi xin cam đoan những lời khai trên đây là đúng sự thật', { italics: true, size: 24 })],
      { align: AlignmentType.CENTER },
    ),
    paragraph([run('(Ký tên, ghi rõ họ tên)', { italics: true, size: 24 })], {
      align: AlignmentType.CENTER,
      after: 1200,
    }),
    paragraph([run(document.declarantName, { bold: true })], { align: AlignmentType.CENTER }),
  ];
  const right = [
    paragraph([run('…, ngày … tháng … năm …', { italics: true })], { align: AlignmentType.CENTER }),
    paragraph([run(document.signerTitle, { bold: true })], { align: AlignmentType.CENTER }),
    paragraph([run('(Ký tên, đóng dấu)', { italics: true, size: 24 })], { align: AlignmentType.CENTER }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [new TableCell({ children: left }), new TableCell({ children: right })] }),
    ],
  });
}

/** Renders a CV document as a .docx file. */
export async function renderCvDocx(document: CvDocument): Promise<Buffer> {
  const beside = document.blocks.filter((block) => block.kind === 'item' && BESIDE_PHOTO.has(block.number));
  const rest = document.blocks.filter((block) => !beside.includes(block));

  const top: Array<Paragraph | Table> = [];
  if (document.formMark)
    top.push(paragraph([run(document.formMark, { bold: true })], { align: AlignmentType.RIGHT }));
  for (const line of document.headerLines)
    top.push(
      paragraph([run(`${line.label}: `), run(line.value, { bold: true })], { align: AlignmentType.LEFT }),
    );
  top.push(
    paragraph([run(document.title, { bold: true, size: 32 })], { align: AlignmentType.CENTER, after: 240 }),
  );

  const header = new Header({
    children: document.draft
      ? [
          paragraph([run(`${DRAFT_MARK} - CHƯA ĐƯỢC PHÊ DUYỆT`, { bold: true, size: 40, color: 'A6A6A6' })], {
            align: AlignmentType.CENTER,
          }),
        ]
      : [],
  });

  const file = new Document({
    creator: 'HoSo',
    title: document.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM },
          },
        },
        headers: { default: header },
        children: [
          ...top,
          photoTable(document, beside),
          paragraph([]),
          ...rest.flatMap(blockElements),
          paragraph([]),
          signatureTable(document),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
