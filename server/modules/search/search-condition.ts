import { type RawBuilder, sql } from 'kysely';
import { foldForSearch, normalizeText } from '../../../common/vietnamese.ts';

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Builds the condition for one search box entry over the population aliases (p = people):
 * - every word must start a word of the name, compared without tone marks and with đ as d, so
 *   "nguyen van an" finds "Nguyễn Văn An" and "an" does not find "Lan";
 * - or the entry starts the employee code (case-insensitive);
 * - or the entry is a whole 12-digit personal ID number.
 * Returns null for an empty entry, which matches everyone.
 */
export function searchCondition(rawText: string | undefined): RawBuilder<boolean> | null {
  const text = normalizeText(rawText ?? '');
  if (!text) return null;

  const words = foldForSearch(text).split(' ').filter(Boolean);
  // `name_fold like '%word%'` lets the trigram index narrow the rows; the second test keeps
  // only matches at the start of a word.
  const nameTests = words.map((word) => {
    const pattern = escapeLike(word);
    return sql<boolean>`(p.name_fold like ${`%${pattern}%`} and (' ' || p.name_fold) like ${`% ${pattern}%`})`;
  });
  const alternatives = [sql<boolean>`(${sql.join(nameTests, sql` and `)})`];

  if (!text.includes(' ')) {
    alternatives.push(sql<boolean>`lower(p.employee_code) like ${`${escapeLike(text.toLowerCase())}%`}`);
  }
  if (/^[0-9]{12}$/.test(text)) {
    alternatives.push(sql<boolean>`p.personal_id_number = ${text}`);
  }
  return sql<boolean>`(${sql.join(alternatives, sql` or `)})`;
}
