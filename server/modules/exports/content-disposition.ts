import { foldForSearch } from '../../../common/vietnamese.ts';

/**
 * Builds an attachment header that keeps a Vietnamese file name. Browsers read the UTF-8
 * `filename*` (RFC 6266, RFC 5987), and older clients fall back to the plain name without marks.
 */
export function contentDisposition(fileName: string): string {
  const fallback = foldForSearch(fileName)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-');
  const encoded = encodeURIComponent(fileName.normalize('NFC')).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Builds the file name of an export from a title and a date, e.g. "Kết quả tìm kiếm hồ sơ 2026-12-05.xlsx". */
export function exportFileName(title: string, isoDate: string): string {
  const safeTitle = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${safeTitle} ${isoDate}.xlsx`;
}
