import pg from 'pg';

// The pg driver returns int8 and numeric as strings and DATE as a local-midnight Date. HoSo keeps
// calendar dates as 'YYYY-MM-DD' strings so that no time zone can shift a birth date by a day,
// and reads ids and counts as numbers (all stay far below 2^53).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

let installed = false;

export function installTypeParsers(): void {
  if (installed) return;
  pg.types.setTypeParser(DATE_OID, (value: string) => value);
  pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));
  pg.types.setTypeParser(NUMERIC_OID, (value: string) => Number(value));
  installed = true;
}
