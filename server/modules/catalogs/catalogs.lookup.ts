import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { RetirementAgeRow } from '../../../common/rules/retirement.ts';
import type { BaseSalaryPeriod } from '../../../common/rules/salary.ts';
import type { StepRule } from '../../../common/rules/salary-step.ts';
import {
  type CatalogAttributes,
  type CatalogEntry,
  type CatalogName,
  catalogAttributeSchemas,
  type SalaryTable,
} from '../../../common/schemas/catalogs.ts';
import type { Database } from '../../db/schema.ts';
import { findEntryOn, listEntries, toCatalogEntryDto } from './catalogs.repository.ts';

// The read API other modules use to resolve catalog codes and the values the rules need. Every
// lookup is by date, because entries have validity periods and old records cite old values.

// Entries found by code are cached in this process, because one declaration check looks up about
// 15 codes. The catalogs service calls invalidateCatalogCache after each committed write, so edits
// made through this server are seen at once. Edits by another process (a second server, a script)
// are seen after at most CATALOG_CACHE_TTL_MS.

const CATALOG_CACHE_TTL_MS = 30_000;
const CATALOG_CACHE_MAX_ENTRIES = 20_000;

interface CachedLookup {
  entry: CatalogEntry | undefined;
  expiresAt: number;
}

interface CatalogCache {
  entries: Map<string, CachedLookup>;
  /** Raised by every invalidation, so a lookup that raced with a write does not store its result. */
  generation: number;
}

// Keyed by the database's dialect adapter, which a transaction shares with the Kysely instance it
// was started from. Each test app has its own database and so its own cache.
const caches = new WeakMap<object, CatalogCache>();

function cacheOf(db: Kysely<Database>): CatalogCache {
  const adapter = db.getExecutor().adapter;
  let cache = caches.get(adapter);
  if (!cache) {
    cache = { entries: new Map(), generation: 0 };
    caches.set(adapter, cache);
  }
  return cache;
}

/** Drops every cached catalog lookup of this database. Call it after a catalog write commits. */
export function invalidateCatalogCache(db: Kysely<Database>): void {
  const cache = cacheOf(db);
  cache.entries.clear();
  cache.generation += 1;
}

function freezeEntry(entry: CatalogEntry): CatalogEntry {
  Object.freeze(entry.attributes);
  return Object.freeze(entry);
}

/** Returns the entry of `code` in force on `onDate` (YYYY-MM-DD), or undefined. The entry is frozen and shared. */
export async function findCatalogEntry(
  db: Kysely<Database>,
  catalog: CatalogName,
  code: string,
  onDate: string,
): Promise<CatalogEntry | undefined> {
  const cache = cacheOf(db);
  const key = `${catalog}\u0000${code}\u0000${onDate}`;
  const cached = cache.entries.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.entry;

  const generation = cache.generation;
  const row = await findEntryOn(db, catalog, code, onDate);
  const entry = row ? freezeEntry(toCatalogEntryDto(row)) : undefined;
  if (cache.generation === generation) {
    if (cache.entries.size >= CATALOG_CACHE_MAX_ENTRIES) cache.entries.clear();
    cache.entries.set(key, { entry, expiresAt: Date.now() + CATALOG_CACHE_TTL_MS });
  }
  return entry;
}

/** Returns the entry and its attributes, typed by the catalog's schema. */
export async function findCatalogEntryWithAttributes<C extends CatalogName>(
  db: Kysely<Database>,
  catalog: C,
  code: string,
  onDate: string,
): Promise<{ entry: CatalogEntry; attributes: CatalogAttributes<C> } | undefined> {
  const entry = await findCatalogEntry(db, catalog, code, onDate);
  if (!entry) return undefined;
  return {
    entry,
    attributes: catalogAttributeSchemas[catalog].parse(entry.attributes) as CatalogAttributes<C>,
  };
}

/**
 * Entries of a catalog in force on `onDate` (default today), in catalog order. `q` matches the
 * name without regard to accents or the start of the code; `includeEnded` lists every period.
 */
export async function listCatalog(
  db: Kysely<Database>,
  catalog: CatalogName,
  options: {
    onDate?: string | undefined;
    q?: string | undefined;
    includeEnded?: boolean | undefined;
    limit?: number | undefined;
  } = {},
): Promise<CatalogEntry[]> {
  const rows = await listEntries(db, catalog, { ...options, onDate: options.onDate ?? todayIso() });
  return rows.map(toCatalogEntryDto);
}

/** Hệ số lương of a step in a salary table and group, on a date. */
export async function findSalaryCoefficient(
  db: Kysely<Database>,
  key: { salaryTable: SalaryTable; salaryGroup: string; step: number; onDate: string },
): Promise<number | undefined> {
  const found = await findCatalogEntryWithAttributes(
    db,
    'salary_coefficients',
    `${key.salaryTable}/${key.salaryGroup}/${key.step}`,
    key.onDate,
  );
  return found?.attributes.coefficient;
}

/** Number of steps (bậc) of a salary group in a table, on a date. */
export async function findStepCount(
  db: Kysely<Database>,
  key: { salaryTable: SalaryTable; salaryGroup: string; onDate: string },
): Promise<number | undefined> {
  const found = await findCatalogEntryWithAttributes(
    db,
    'salary_coefficients',
    `${key.salaryTable}/${key.salaryGroup}/1`,
    key.onDate,
  );
  return found?.attributes.stepCount;
}

/** Mức lương cơ sở in force on a date, in VND per month. */
export async function findBaseSalary(
  db: Kysely<Database>,
  onDate: string,
): Promise<{ amount: number; validFrom: string | null; legalBasis: string | null } | undefined> {
  const [row] = await listEntries(db, 'base_salary', { onDate, limit: 1 });
  if (!row) return undefined;
  const attributes = catalogAttributeSchemas.base_salary.parse(row.attributes);
  return { amount: attributes.amount, validFrom: row.valid_from, legalBasis: row.legal_basis };
}

/** Returns the whole base salary history, for rules that span several months. */
export async function listBaseSalaryPeriods(db: Kysely<Database>): Promise<BaseSalaryPeriod[]> {
  const rows = await listEntries(db, 'base_salary', { onDate: todayIso(), includeEnded: true });
  return rows
    .filter((row) => row.valid_from !== null)
    .map((row) => ({
      validFrom: row.valid_from!,
      validTo: row.valid_to,
      amount: catalogAttributeSchemas.base_salary.parse(row.attributes).amount,
    }));
}

/** Step interval and over-frame rule of a salary group, on a date. */
export async function findStepRule(
  db: Kysely<Database>,
  salaryGroup: string,
  onDate: string,
): Promise<StepRule | undefined> {
  const found = await findCatalogEntryWithAttributes(db, 'salary_step_rules', salaryGroup, onDate);
  return found ? { salaryGroup, ...found.attributes } : undefined;
}

/** The retirement age table of NĐ 135/2020/NĐ-CP (age by calendar year and sex). */
export async function listRetirementAges(db: Kysely<Database>): Promise<RetirementAgeRow[]> {
  const rows = await listEntries(db, 'retirement_age_by_year', { onDate: todayIso(), includeEnded: true });
  return rows.map((row) => catalogAttributeSchemas.retirement_age_by_year.parse(row.attributes));
}

/** Hệ số phụ cấp chức vụ of a leadership allowance entry, on a date. */
export async function findLeadershipAllowance(
  db: Kysely<Database>,
  code: string,
  onDate: string,
): Promise<number | undefined> {
  const found = await findCatalogEntryWithAttributes(db, 'leadership_allowances', code, onDate);
  return found?.attributes.coefficient;
}

/**
 * An ethnic group by its code in either official list: QĐ 1019/QĐ-TCTK (2008, the entry code)
 * or QĐ 121-TCTK/PPCĐ (1979), which numbers the groups differently after code 03.
 */
export async function findEthnicGroup(
  db: Kysely<Database>,
  code: string,
  codeSystem: 'qd1019_2008' | 'qd121_1979',
  onDate: string,
): Promise<CatalogEntry | undefined> {
  if (codeSystem === 'qd1019_2008') return findCatalogEntry(db, 'ethnic_groups', code, onDate);
  const [row] = await listEntries(db, 'ethnic_groups', { onDate, attributes: { code1979: code }, limit: 1 });
  return row ? toCatalogEntryDto(row) : undefined;
}
