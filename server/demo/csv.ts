import { readFileSync } from 'node:fs';

/**
 * Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF) into records keyed by the
 * header row. Enough for the seed catalogs in data-seed/; not a general-purpose parser.
 */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;

  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }

  const [header, ...body] = rows.filter((cells) => cells.some((cell) => cell !== ''));
  if (!header) return [];
  return body.map((cells) =>
    Object.fromEntries(header.map((name, column) => [name.replace(/^\uFEFF/, ''), cells[column] ?? ''])),
  );
}

export function readCsvFile(path: string | URL): Array<Record<string, string>> {
  return parseCsv(readFileSync(path, 'utf8'));
}
