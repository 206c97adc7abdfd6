import type { CatalogName } from '../../../../common/schemas/catalogs.ts';
import type { RepeatingTable } from '../../../../common/schemas/record.ts';
import { recordTabs } from './record-tabs.ts';

export { recordTabs };

// The personnel record laid out as the printed Sơ yếu lý lịch: tabs, groups of fields and the
// repeating tables. The declaration form, the read-only record and the approver's comparison all
// render from this one description, so a field looks and reads the same on every screen. Field
// labels come from common/schemas/record-labels.ts by path (the server names fields with them).

/** The input and display kind of a field. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'month'
  | 'integer'
  | 'decimal'
  | 'enum'
  | 'catalog'
  | 'tags'
  | 'agency'
  | 'division'
  /** A grade or professional title: the catalog follows salary.rankKind. */
  | 'rank'
  /** A commune, offered from the province chosen beside it. */
  | 'commune';

/** Value sets of the enum fields; their labels are i18n keys "declarations:enums.<set>.<value>". */
export const enumValues = {
  gender: ['male', 'female'],
  employmentType: ['cadre', 'civil_servant', 'public_employee'],
  rankKind: ['grade', 'professional_title'],
  bloodGroup: ['A', 'B', 'AB', 'O'],
  ethnicityCodeSystem: ['qd1019_2008', 'qd121_1979'],
  housingAcquisition: ['allocated_or_rented', 'self_bought_or_built'],
  landAcquisition: ['allocated', 'self_bought'],
  qualityRating: ['excellent', 'good', 'completed', 'not_completed'],
} as const;
export type EnumSet = keyof typeof enumValues;

export interface FieldSpec {
  /** Path in RecordData ('identity.fullName'); inside a table, the column key ('fullName'). */
  path: string;
  kind: FieldKind;
  catalog?: CatalogName;
  enumSet?: EnumSet;
  /** Grid columns out of 24 on a wide screen; defaults by kind. */
  span?: number;
  min?: number;
  max?: number;
  /** Filled on submit by the server's rules; shown with a "required" mark. */
  required?: boolean;
}

export interface TableSpec {
  path: RepeatingTable;
  columns: FieldSpec[];
}

export interface GroupSpec {
  /** i18n key of the group title, in the declarations namespace. */
  titleKey: string;
  fields?: FieldSpec[];
  table?: TableSpec;
}

export interface TabSpec {
  key: string;
  titleKey: string;
  groups: GroupSpec[];
}

/** Field specs by full path ('family.ownSide.fullName' for a column), for formatting values. */
export const fieldSpecByPath: ReadonlyMap<string, FieldSpec> = (() => {
  const specs = new Map<string, FieldSpec>();
  for (const tab of recordTabs) {
    for (const group of tab.groups) {
      for (const field of group.fields ?? []) specs.set(field.path, field);
      if (group.table)
        for (const column of group.table.columns) specs.set(`${group.table.path}.${column.path}`, column);
    }
  }
  return specs;
})();

function pathsOfTab(tab: TabSpec): string[] {
  return tab.groups.flatMap((group) => [
    ...(group.fields ?? []).map((field) => field.path),
    ...(group.table ? [group.table.path] : []),
  ]);
}

/**
 * Returns the tab a record path belongs to ('family.ownSide.0.fullName' → 'family'). A path the layout
 * does not show (identity.ethnicityCodeSystem) goes to the tab that shows its section.
 */
export function tabOfPath(path: string): string | undefined {
  const exact = recordTabs.find((tab) =>
    pathsOfTab(tab).some((candidate) => path === candidate || path.startsWith(`${candidate}.`)),
  );
  if (exact) return exact.key;
  const section = path.split('.')[0];
  return recordTabs.find((tab) => pathsOfTab(tab).some((candidate) => candidate.split('.')[0] === section))
    ?.key;
}
