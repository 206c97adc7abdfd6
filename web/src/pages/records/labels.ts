import { useTranslation } from 'react-i18next';
import { recordFieldLabels } from '../../../../common/schemas/record-labels.ts';

/**
 * Returns a function naming a record field by its path without row indexes
 * ('family.ownSide.fullName'). Vietnamese labels are the ones the server uses in its messages
 * (common/schemas/record-labels.ts); English ones come from the record-fields namespace, keyed
 * by the same flat path, and fall back to Vietnamese.
 */
export function useFieldLabel(): (path: string) => string {
  const { t, i18n } = useTranslation(['declarations', 'record-fields']);
  return (path: string) => {
    const vietnamese = recordFieldLabels[path] ?? path;
    if (i18n.language !== 'en') return vietnamese;
    return t(path, { ns: 'record-fields', keySeparator: false, defaultValue: vietnamese });
  };
}
