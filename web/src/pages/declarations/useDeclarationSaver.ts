import type { FormInstance } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { FieldError } from '../../../../common/error-codes.ts';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { type Declaration, declarationCalls } from './declarations-api.ts';
import { checkRecord, recordOfFormValues } from './form/record-form-values.ts';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** The schema check found errors; nothing was sent. */
  | { kind: 'invalid'; count: number }
  /** The server refused; `stale` when another save or a decision got there first. */
  | { kind: 'failed'; message: string; stale: boolean };

/** Serialises the record as compared between saves: keys holding null left out, so absent equals empty. */
export function canonicalJson(values: unknown): string {
  return JSON.stringify(recordOfFormValues(values), (_key, value: unknown) =>
    value === null ? undefined : value,
  );
}

const STALE_CODES = new Set(['DECLARATION_STALE', 'DECLARATION_NOT_EDITABLE']);

/**
 * Saves the draft as a whole with the rowVersion last seen (optimistic concurrency): saves run
 * one after another, never two at once, and each sends the version the previous one returned.
 * A save first checks the record with the shared schema and sends nothing when it fails, so that
 * autosave does not flood the server with drafts it would refuse.
 */
export function useDeclarationSaver(options: {
  personId: number | undefined;
  declaration: Declaration;
  form: FormInstance;
  onCheckErrors: (errors: FieldError[]) => void;
}) {
  const { personId, declaration, form } = options;
  const rowVersion = useRef(declaration.rowVersion);
  const lastSavedJson = useRef(canonicalJson(declaration.data));
  const lastSavedAt = useRef(declaration.updatedAt);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const stopped = useRef(false);
  const onCheckErrors = useRef(options.onCheckErrors);
  onCheckErrors.current = options.onCheckErrors;
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: declaration.updatedAt });

  // Stable for the life of the editor, so that effects depending on them run once.
  const actions = useMemo(() => {
    async function saveNow(): Promise<boolean> {
      if (stopped.current) return false;
      const record = recordOfFormValues(form.getFieldsValue(true));
      const json = canonicalJson(record);
      if (json === lastSavedJson.current) {
        setState({ kind: 'saved', at: lastSavedAt.current });
        return true;
      }

      const problems = checkRecord(record);
      onCheckErrors.current(problems);
      if (problems.length > 0) {
        setState({ kind: 'invalid', count: problems.length });
        return false;
      }

      setState({ kind: 'saving' });
      try {
        const saved = await declarationCalls.save(personId, {
          declarationId: declaration.id,
          rowVersion: rowVersion.current,
          data: record,
        });
        rowVersion.current = saved.rowVersion;
        lastSavedJson.current = json;
        lastSavedAt.current = saved.updatedAt;
        setState({ kind: 'saved', at: saved.updatedAt });
        return true;
      } catch (error) {
        const stale = error instanceof ApiError && STALE_CODES.has(error.code);
        // After a refused version every later save would be refused too, until the page reloads.
        if (stale) stopped.current = true;
        if (error instanceof ApiError && error.fields.length > 0) onCheckErrors.current(error.fields);
        setState({ kind: 'failed', message: describeError(error), stale });
        return false;
      }
    }

    return {
      /** Queues a save behind the one running; resolves true when the form's content is stored. */
      save(): Promise<boolean> {
        chain.current = chain.current.then(saveNow, saveNow);
        return chain.current;
      },
      markDirty() {
        if (!stopped.current)
          setState((previous) => (previous.kind === 'dirty' ? previous : { kind: 'dirty' }));
      },
      /** Marks the form as saved again, when it is back to what was last stored (an edit undone, or the first render). */
      markClean() {
        if (!stopped.current)
          setState((previous) =>
            previous.kind === 'dirty' ? { kind: 'saved', at: lastSavedAt.current } : previous,
          );
      },
      isSaved: (json: string) => json === lastSavedJson.current,
      rowVersion: () => rowVersion.current,
    };
  }, [declaration.id, form, personId]);

  return { state, ...actions, actions };
}
