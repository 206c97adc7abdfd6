import {
  type CatalogName,
  type CatalogRequestStatus,
  catalogLabels,
  catalogNames,
} from '../../../../common/schemas/catalogs.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** Returns the catalog's name in the user's language, e.g. "Ngạch công chức". */
export function catalogLabel(catalog: CatalogName): string {
  return catalogLabels[catalog][currentLanguage()];
}

export function catalogOptions(): Array<{ value: CatalogName; label: string }> {
  return catalogNames.map((value) => ({ value, label: catalogLabel(value) }));
}

export const REQUEST_STATUS_COLORS: Record<CatalogRequestStatus, string> = {
  new: 'blue',
  in_progress: 'gold',
  done: 'green',
  rejected: 'red',
};

/** Statuses after which a request no longer changes. */
export const CLOSED_STATUSES: readonly CatalogRequestStatus[] = ['done', 'rejected'];
