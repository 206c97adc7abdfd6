import { Alert, App, Button, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import type { UnitKind } from '../../../../common/roles.ts';
import { isoOfDayjs } from '../../format/dates.ts';
import type { UnitWithPath } from '../org/org-api.ts';
import { DecisionFields, optionalText } from './DecisionFields.tsx';
import { showFormFailure } from './form-failure.ts';
import { UnitTreeSelect } from './UnitTreeSelect.tsx';
import { moveUnit, useRefreshUnits } from './units-api.ts';

/** Kinds of parent a unit of each kind may move under; the province and the holding root do not move. */
export const PARENT_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  province: [],
  holding_root: [],
  agency: ['province', 'agency'],
  division: ['agency', 'division'],
  holding_group: ['holding_root'],
};

interface MoveValues {
  parentId: number;
  code?: string;
  effectiveDate?: Dayjs | null;
  decisionNumber?: string;
  decisionDate?: Dayjs | null;
}

const FIELD_OF_CODE = {
  UNIT_CYCLE: 'parentId',
  UNIT_PARENT_INVALID: 'parentId',
  UNIT_ENDED: 'parentId',
  UNIT_CODE_TAKEN: 'code',
  UNIT_CODE_PREFIX: 'code',
};

/**
 * Form of SNV that moves a unit under another parent from a date. A division whose code does
 * not start with the new parent's code needs a new code, which the form requests.
 */
export function MoveUnitForm({ unit }: { unit: UnitWithPath }) {
  const { t } = useTranslation('units');
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const refreshUnits = useRefreshUnits();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const currentParent = unit.path.at(-2);

  async function submit(values: MoveValues) {
    setSaving(true);
    setFailure(null);
    try {
      const moved = await moveUnit(unit.id, {
        parentId: values.parentId,
        code: optionalText(values.code),
        effectiveDate: isoOfDayjs(values.effectiveDate),
        decisionNumber: optionalText(values.decisionNumber),
        decisionDate: isoOfDayjs(values.decisionDate),
        rowVersion: unit.rowVersion,
      });
      await refreshUnits();
      message.success(t('move.done', { code: moved.code, name: moved.name }));
      form.resetFields();
    } catch (error) {
      setFailure(showFormFailure(form, error, FIELD_OF_CODE));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<MoveValues>
      form={form}
      name="moveUnit"
      layout="vertical"
      onFinish={(values) => void submit(values)}
      disabled={saving}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        name="parentId"
        label={t('move.parent')}
        extra={
          currentParent
            ? t('move.currentParent', { code: currentParent.code, name: currentParent.name })
            : undefined
        }
        rules={[{ required: true, message: t('move.parentRequired') }]}
      >
        <UnitTreeSelect kinds={PARENT_KINDS[unit.kind]} placeholder={t('move.parentPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('move.newCode')}
        extra={t('move.codeHint', { code: unit.code })}
        rules={[{ pattern: /^\s*[0-9]*\s*$/, message: t('form.codeDigits') }]}
      >
        <Input maxLength={limits.unitCodeMaxLength} inputMode="numeric" placeholder={unit.code} />
      </Form.Item>
      <DecisionFields dateField="effectiveDate" dateLabel={t('form.effectiveDate')} />
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('move.submit')}
      </Button>
    </Form>
  );
}
