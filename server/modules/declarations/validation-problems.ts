import type { FieldError } from '../../../common/error-codes.ts';
import { recordFieldLabel } from '../../../common/schemas/record-labels.ts';

// The list of broken rules that declaration checks fill: one message per field, named as the
// printed form names it.

export type Path = ReadonlyArray<string | number>;

export class Problems {
  readonly list: FieldError[] = [];
  private readonly seen = new Set<string>();

  add(path: Path, message: string): void {
    const field = ['data', ...path].join('.');
    if (this.seen.has(field)) return;
    this.seen.add(field);
    this.list.push({ field, label: recordFieldLabel(path), message });
  }

  /** Adds problems found earlier for the same values (see OrganisationMemo). */
  addFound(found: readonly FieldError[]): void {
    for (const problem of found) {
      if (this.seen.has(problem.field)) continue;
      this.seen.add(problem.field);
      this.list.push(problem);
    }
  }
}

export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
