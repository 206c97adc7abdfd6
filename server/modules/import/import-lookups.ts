import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import { type CatalogName, catalogLabels } from '../../../common/schemas/catalogs.ts';
import { importFields } from '../../../common/schemas/import.ts';
import type { Database } from '../../db/schema.ts';
import { subtreeIds } from '../access/scope.ts';
import { listCatalog } from '../catalogs/catalogs.lookup.ts';
import { displayText, type RawCell } from './import-cells.ts';
import { normalizeHeader } from './import-headers.ts';
import type { Parsed } from './import-values.ts';

// Resolving what a cell names in a code list: a catalog (dân tộc, tỉnh, trình độ …), the ranks
// (ngạch and chức danh nghề nghiệp) or the divisions of the agency. A cell may hold the code,
// the "code - name" text of the template's drop-down lists, or the name. Excel turns codes such
// as "01" or "01.003" into the numbers 1 and 1.003; such a number is matched back to its code.

export interface CodeEntry<Extra = unknown> {
  code: string;
  name: string;
  extra: Extra;
}

export class CodeLookup<Extra = unknown> {
  readonly label: string;
  readonly entries: CodeEntry<Extra>[];
  readonly #byCode = new Map<string, CodeEntry<Extra>>();
  readonly #byName = new Map<string, CodeEntry<Extra>>();

  constructor(
    label: string,
    entries: CodeEntry<Extra>[],
    otherNames: (entry: CodeEntry<Extra>) => string[] = () => [],
  ) {
    this.label = label;
    this.entries = entries;
    for (const entry of entries) {
      this.#byCode.set(entry.code.toLowerCase(), entry);
      for (const name of [entry.name, ...otherNames(entry)]) {
        const key = normalizeHeader(name);
        if (key && !this.#byName.has(key)) this.#byName.set(key, entry);
      }
    }
  }

  #find(text: string): CodeEntry<Extra> | undefined {
    const trimmed = text.trim();
    const code = /^(.+?)\s+-\s+.+$/.exec(trimmed)?.[1] ?? trimmed;
    return (
      this.#byCode.get(code.toLowerCase()) ??
      this.#byCode.get(trimmed.toLowerCase()) ??
      this.#byName.get(normalizeHeader(trimmed))
    );
  }

  /** Codes a number may have been before Excel converted it: 1 → "1", "01", "001"; 1.003 → "01.003". */
  #fromNumber(value: number): CodeEntry<Extra> | undefined {
    const candidates = Number.isInteger(value)
      ? [String(value), String(value).padStart(2, '0'), String(value).padStart(3, '0')]
      : [String(value), value.toFixed(3).padStart(6, '0'), value.toFixed(2).padStart(5, '0')];
    for (const candidate of candidates) {
      const entry = this.#byCode.get(candidate.toLowerCase());
      if (entry) return entry;
    }
    return undefined;
  }

  resolve(raw: RawCell): Parsed<CodeEntry<Extra>> {
    if (raw.kind === 'empty') return { value: null };
    if (raw.kind === 'number') {
      const entry = this.#find(String(raw.value)) ?? this.#fromNumber(raw.value);
      if (!entry) return { error: this.#missing(displayText(raw)) };
      if (entry.code === String(raw.value)) return { value: entry };
      return {
        value: entry,
        warning: `Excel lưu mã dưới dạng số ${raw.value}; đã hiểu là mã ${entry.code} (${entry.name}). Hãy định dạng cột là Văn bản (Text).`,
      };
    }
    const entry = this.#find(displayText(raw));
    return entry ? { value: entry } : { error: this.#missing(displayText(raw)) };
  }

  #missing(text: string): string {
    return `"${text}" không có trong danh mục ${this.label}. Hãy chọn từ danh sách thả xuống của tệp mẫu hoặc ghi đúng mã trong danh mục.`;
  }
}

export interface RankExtra {
  kind: 'grade' | 'professional_title';
  salaryGroup: string | null;
}

export interface ImportLookups {
  catalogs: Map<CatalogName, CodeLookup>;
  ranks: CodeLookup<RankExtra>;
  divisions: CodeLookup<{ id: number }>;
}

const UNIT_TYPE_PREFIX = /^(tinh|thanh pho|tp)\s+/;

/** Loads every code list a file of the agency may use, in force today. */
export async function loadImportLookups(db: Kysely<Database>, agencyId: number): Promise<ImportLookups> {
  const onDate = todayIso();
  const catalogs = new Map<CatalogName, CodeLookup>();
  for (const field of importFields) {
    if (!('catalog' in field) || catalogs.has(field.catalog)) continue;
    const entries = await listCatalog(db, field.catalog, { onDate, limit: 10_000 });
    catalogs.set(
      field.catalog,
      new CodeLookup(
        catalogLabels[field.catalog].vi,
        entries.map((entry) => ({ code: entry.code, name: entry.name, extra: entry.attributes })),
        (entry) => {
          const attributes = entry.extra as { otherName?: string | null };
          const names = attributes.otherName ? [attributes.otherName] : [];
          // "Tỉnh Quảng Trị" and "Quảng Trị" name the same province.
          const bare = normalizeHeader(entry.name).replace(UNIT_TYPE_PREFIX, '');
          return [...names, bare];
        },
      ),
    );
  }

  const rankEntries: CodeEntry<RankExtra>[] = [];
  for (const [catalog, kind] of [
    ['grades', 'grade'],
    ['professional_titles', 'professional_title'],
  ] as const) {
    for (const entry of await listCatalog(db, catalog, { onDate, limit: 10_000 })) {
      const salaryGroup = (entry.attributes as { salaryGroup?: string | null }).salaryGroup ?? null;
      rankEntries.push({ code: entry.code, name: entry.name, extra: { kind, salaryGroup } });
    }
  }

  const units = await subtreeIds(db, [agencyId]);
  const divisionRows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('id', 'in', units)
    .where('kind', '=', 'division')
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();

  return {
    catalogs,
    ranks: new CodeLookup('ngạch công chức, chức danh nghề nghiệp', rankEntries),
    divisions: new CodeLookup(
      'bộ phận của cơ quan',
      divisionRows.map((row) => ({ code: row.code, name: row.name, extra: { id: row.id } })),
    ),
  };
}
