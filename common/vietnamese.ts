// Text helpers for Vietnamese names, shared by the server (stored keys) and the client (sorting
// and filtering in tables), so that both order and match names the same way.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Normalises user text: Unicode NFC, no-break and other spaces folded, trimmed, single spaces. */
export function normalizeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\n]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Lowercase text without tone marks or diacritics, đ as d: what accent-insensitive search compares. */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

// Letter modifiers, which make distinct letters of the alphabet (a < ă < â, d < đ, o < ô < ơ, u < ư).
const MODIFIER_RANK: Record<string, string> = { '\u0306': '1', '\u0302': '2', '\u031b': '3' };
// Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };

function wordKeys(word: string): { primary: string; tones: string } {
  let primary = '';
  let tones = '';
  for (const char of word.toLowerCase().normalize('NFD')) {
    const modifier = MODIFIER_RANK[char];
    const tone = TONE_RANK[char];
    if (modifier !== undefined) {
      primary = `${primary.slice(0, -1)}${modifier}`;
    } else if (tone !== undefined) {
      tones += tone;
    } else if (char === 'đ') {
      primary += 'd1';
    } else if (!COMBINING_MARKS.test(char)) {
      primary += `${char}0`;
    }
    COMBINING_MARKS.lastIndex = 0;
  }
  return { primary, tones: tones || '0' };
}

/**
 * Returns a key whose plain byte order (COLLATE "C") is the Vietnamese order of personal names:
 * given name first, then middle names, then family name, as personnel lists are sorted. Letters
 * are compared before tone marks, so "An" < "Anh" < "Ánh" < "Ăn" < "Ân". PGlite has no Vietnamese
 * collation, so this key is what makes both databases sort alike.
 */
export function nameSortKey(fullName: string): string {
  const words = normalizeText(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return '';
  const ordered = words.length === 1 ? words : [words[words.length - 1]!, ...words.slice(1, -1), words[0]!];
  const keys = ordered.map(wordKeys);
  return `${keys.map((key) => key.primary).join(' ')}  ${keys.map((key) => key.tones).join(' ')}`;
}

/** Compares two names the Vietnamese way (see nameSortKey). */
export function compareNames(left: string, right: string): number {
  const a = nameSortKey(left);
  const b = nameSortKey(right);
  return a < b ? -1 : a > b ? 1 : 0;
}
