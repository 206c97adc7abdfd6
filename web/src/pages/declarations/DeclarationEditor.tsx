import { CheckOutlined, DeleteOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Flex, Form, Popconfirm, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../common/error-codes.ts';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { recordTabs, tabOfPath } from '../records/record-layout.ts';
import { type Declaration, declarationCalls } from './declarations-api.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { errorMapOf, FieldErrorsContext } from './form/field-errors.ts';
import { formNameOf } from './form/record-form-values.ts';
import { SectionFields } from './form/SectionFields.tsx';
import { EndedUnitNotice } from './form/UnitFields.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { canonicalJson, useDeclarationSaver } from './useDeclarationSaver.ts';

// Long enough that typing a word does not send a save per key, short enough that a closed tab
// loses little.
const AUTOSAVE_DELAY_MS = 1500;

/** Reports each change of the form's content; a component of its own so the form does not re-render. */
function ChangeWatcher({ onChange }: { onChange: (json: string) => void }) {
  const form = Form.useFormInstance();
  const json = Form.useWatch((values) => canonicalJson(values), { form, preserve: true });
  useEffect(() => {
    if (json !== undefined) onChange(json);
  }, [json, onChange]);
  return null;
}

interface SubmitError {
  error: FieldError;
  /** The field's value when the server named it; the error goes away once the value changes. */
  valueJson: string;
}

/**
 * Renders the declaration form with autosave, save, submit and discard. It edits a draft or a
 * returned declaration and disables its fields for any other status (the page shows a submitted
 * one read-only instead). Field errors from the schema check and from the server's submit rules
 * show on the fields, on the tabs and in a summary.
 */
export function DeclarationEditor({
  personId,
  declaration,
  onReplaced,
  onReload,
}: {
  personId: number | undefined;
  declaration: Declaration;
  onReplaced: (declaration: Declaration) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('declarations');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const editable = declaration.status === 'draft' || declaration.status === 'returned';
  const [activeTab, setActiveTab] = useState(recordTabs[0]!.key);
  const [checkErrors, setCheckErrors] = useState<FieldError[]>([]);
  const [submitErrors, setSubmitErrors] = useState<SubmitError[]>([]);
  const [busy, setBusy] = useState<'submit' | 'discard' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saver = useDeclarationSaver({ personId, declaration, form, onCheckErrors: setCheckErrors });
  const { actions } = saver;

  const valueJsonOf = useCallback(
    (field: string) => JSON.stringify(form.getFieldValue(formNameOf(field)) ?? null),
    [form],
  );

  const onChange = useCallback(
    (json: string) => {
      if (!editable) return;
      setSubmitErrors((previous) => {
        const kept = previous.filter((entry) => valueJsonOf(entry.error.field) === entry.valueJson);
        return kept.length === previous.length ? previous : kept;
      });
      if (actions.isSaved(json)) {
        clearTimeout(timer.current);
        timer.current = undefined;
        actions.markClean();
        return;
      }
      actions.markDirty();
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void actions.save();
      }, AUTOSAVE_DELAY_MS);
    },
    [actions, editable, valueJsonOf],
  );

  // The browser asks before leaving while a change is not stored yet.
  // A refused version cannot be saved any more, so leaving (and reloading) is then the way on.
  const unsaved = saver.state.kind !== 'saved' && !(saver.state.kind === 'failed' && saver.state.stale);
  useEffect(() => {
    if (!editable || !unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editable, unsaved]);

  // A save still waiting when the page closes is sent at once rather than dropped.
  useEffect(
    () => () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      void actions.save();
    },
    [actions],
  );

  const errors = useMemo(() => {
    const all = [...checkErrors, ...submitErrors.map((entry) => entry.error)];
    const seen = new Set<string>();
    return all.filter(
      (error) => !seen.has(`${error.field}|${error.message}`) && seen.add(`${error.field}|${error.message}`),
    );
  }, [checkErrors, submitErrors]);
  const errorMap = useMemo(() => errorMapOf(errors), [errors]);
  const errorsByTab = useMemo(() => {
    const counts = new Map<string, number>();
    for (const error of errors) {
      const tab = tabOfPath(
        formNameOf(error.field)
          .filter((part) => typeof part === 'string')
          .join('.'),
      );
      if (tab) counts.set(tab, (counts.get(tab) ?? 0) + 1);
    }
    return counts;
  }, [errors]);

  function showField(field: string) {
    const name = formNameOf(field);
    const tab = tabOfPath(name.filter((part) => typeof part === 'string').join('.'));
    if (tab) setActiveTab(tab);
    // The tab renders its fields on first open; scroll once it has.
    setTimeout(() => form.scrollToField(name, { block: 'center' }), 100);
  }

  async function saveDraft() {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (await saver.save()) message.success(t('editor.saved'));
  }

  async function submit() {
    clearTimeout(timer.current);
    timer.current = undefined;
    setBusy('submit');
    try {
      if (!(await saver.save())) {
        message.error(t('editor.fixBeforeSubmit'));
        return;
      }
      const submitted = await declarationCalls.submit(personId, {
        declarationId: declaration.id,
        rowVersion: saver.rowVersion(),
      });
      setSubmitErrors([]);
      message.success(t('editor.submittedMessage'));
      onReplaced(submitted);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setSubmitErrors(error.fields.map((field) => ({ error: field, valueJson: valueJsonOf(field.field) })));
        message.error(t('editor.submitRefused', { count: error.fields.length }));
      } else {
        message.error(describeError(error));
      }
    } finally {
      setBusy(null);
    }
  }

  async function discard() {
    clearTimeout(timer.current);
    timer.current = undefined;
    setBusy('discard');
    try {
      const discarded = await declarationCalls.discard(personId, {
        declarationId: declaration.id,
        rowVersion: saver.rowVersion(),
      });
      message.success(t('editor.discardedMessage'));
      onReplaced(discarded);
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusy(null);
    }
  }

  const tabs = useMemo(
    () =>
      recordTabs.map((tab) => ({
        key: tab.key,
        label: (
          <Badge count={errorsByTab.get(tab.key) ?? 0} size="small" offset={[8, -2]}>
            <span>{t(tab.titleKey)}</span>
          </Badge>
        ),
        children: <SectionFields tab={tab} disabled={!editable} />,
      })),
    [editable, errorsByTab, t],
  );

  return (
    <Flex vertical gap={16}>
      {editable && (
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={8} wrap>
            <Button icon={<SaveOutlined />} onClick={() => void saveDraft()} disabled={busy !== null}>
              {t('editor.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={declaration.status === 'returned' ? <CheckOutlined /> : <SendOutlined />}
              loading={busy === 'submit'}
              disabled={busy !== null && busy !== 'submit'}
              onClick={() => void submit()}
            >
              {declaration.status === 'returned' ? t('editor.resubmit') : t('editor.submit')}
            </Button>
            <Popconfirm
              title={t('editor.discardConfirm')}
              okText={t('editor.discard')}
              cancelText={t('editor.keep')}
              onConfirm={() => void discard()}
            >
              <Button
                danger
                icon={<DeleteOutlined />}
                loading={busy === 'discard'}
                disabled={busy !== null && busy !== 'discard'}
              >
                {t('editor.discard')}
              </Button>
            </Popconfirm>
          </Flex>
          <SaveStatus state={saver.state} onReload={onReload} />
        </Flex>
      )}
      <ErrorSummary errors={errors} onShow={showField} />
      <FieldErrorsContext.Provider value={errorMap}>
        <Form
          form={form}
          layout="vertical"
          initialValues={declaration.data}
          disabled={!editable}
          requiredMark={editable}
          scrollToFirstError
        >
          {editable && <ChangeWatcher onChange={onChange} />}
          {/* Above the tabs, so that a person whose unit was merged or dissolved sees it at once. */}
          <div style={{ marginBottom: 16 }}>
            <EndedUnitNotice disabled={!editable} />
          </div>
          <Tabs tabPlacement="start" activeKey={activeTab} onChange={setActiveTab} items={tabs} />
        </Form>
      </FieldErrorsContext.Provider>
    </Flex>
  );
}
