import { Alert, App, Button, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import type { UnitKind } from '../../../../common/roles.ts';
import { isoOfDayjs } from '../../format/dates.ts';
import type { UnitWithPath } from '../org/org-api.ts';
import { DecisionFields, optionalText } from './DecisionFields.tsx';
import { showFormFailure } from './form-failure.ts';
import { type CreateUnitBody, createUnit, type Unit, useRefreshUnits } from './units-api.ts';

type ChildKind = CreateUnitBody['kind'];

/** Kinds of unit that may be created under a parent of each kind, the usual one first. */
export const CHILD_KINDS: Record<UnitKind, readonly ChildKind[]> = {
  province: ['agency'],
  agency: ['division', 'agency'],
  division: ['division'],
  holding_root: ['holding_group'],
  holding_group: [],
};

interface CreateUnitValues {
  kind: ChildKind;
  code: string;
  name: string;
  validFrom?: Dayjs | null;
  decisionNumber?: string;
  decisionDate?: Dayjs | null;
}

// Errors that concern one field but may come without field details.
const FIELD_OF_CODE = { UNIT_CODE_TAKEN: 'code', UNIT_CODE_PREFIX: 'code', UNIT_PARENT_INVALID: 'kind' };

/** Form of SNV for a new unit under `parent`: code, name, start date and the founding decision. */
export function CreateUnitForm({
  parent,
  onCreated,
}: {
  parent: UnitWithPath;
  onCreated?: (unit: Unit) => void;
}) {
  const { t } = useTranslation('units');
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUnitValues>();
  const refreshUnits = useRefreshUnits();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kinds = CHILD_KINDS[parent.kind];
  const kind = Form.useWatch('kind', form) ?? kinds[0];

  async function submit(values: CreateUnitValues) {
    setSaving(true);
    setFailure(null);
    try {
      const unit = await createUnit({
        kind: values.kind,
        code: values.code.trim(),
        name: values.name.trim(),
        parentId: parent.id,
        validFrom: isoOfDayjs(values.validFrom),
        decisionNumber: optionalText(values.decisionNumber),
        decisionDate: isoOfDayjs(values.decisionDate),
      });
      await refreshUnits();
      message.success(t('create.done', { code: unit.code, name: unit.name }));
      form.resetFields();
      onCreated?.(unit);
    } catch (error) {
      setFailure(showFormFailure(form, error, FIELD_OF_CODE));
    } finally {
      setSaving(false);
    }
  }

  const codeHint =
    kind === 'division'
      ? t('create.codeHintDivision', { parentCode: parent.code })
      : t('create.codeHintOther', { parentCode: parent.code });

  return (
    <Form<CreateUnitValues>
      form={form}
      name="createUnit"
      layout="vertical"
      initialValues={{ kind: kinds[0] }}
      onFinish={(values) => void submit(values)}
      disabled={saving}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        name="kind"
        label={t('create.kind')}
        rules={[{ required: true, message: t('create.kindRequired') }]}
      >
        <Radio.Group
          options={kinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('form.code')}
        extra={codeHint}
        rules={[
          { required: true, whitespace: true, message: t('form.codeRequired') },
          { pattern: /^\s*[0-9]+\s*$/, message: t('form.codeDigits') },
        ]}
      >
        <Input maxLength={limits.unitCodeMaxLength} inputMode="numeric" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('form.name')}
        rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}
      >
        <Input maxLength={limits.unitNameMaxLength} />
      </Form.Item>
      <DecisionFields dateField="validFrom" dateLabel={t('create.validFrom')} />
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('create.submit')}
      </Button>
    </Form>
  );
}
