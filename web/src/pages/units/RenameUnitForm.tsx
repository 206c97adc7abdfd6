import { Alert, App, Button, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import { isoOfDayjs } from '../../format/dates.ts';
import type { UnitWithPath } from '../org/org-api.ts';
import { DecisionFields, optionalText } from './DecisionFields.tsx';
import { showFormFailure } from './form-failure.ts';
import { renameUnit, useRefreshUnits } from './units-api.ts';

interface RenameValues {
  name: string;
  effectiveDate?: Dayjs | null;
  decisionNumber?: string;
  decisionDate?: Dayjs | null;
}

/** Form of SNV that renames a unit from a date, citing the decision; the old name stays in the history. */
export function RenameUnitForm({ unit }: { unit: UnitWithPath }) {
  const { t } = useTranslation('units');
  const { message } = App.useApp();
  const [form] = Form.useForm<RenameValues>();
  const refreshUnits = useRefreshUnits();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(values: RenameValues) {
    setSaving(true);
    setFailure(null);
    try {
      const renamed = await renameUnit(unit.id, {
        name: values.name.trim(),
        effectiveDate: isoOfDayjs(values.effectiveDate),
        decisionNumber: optionalText(values.decisionNumber),
        decisionDate: isoOfDayjs(values.decisionDate),
        rowVersion: unit.rowVersion,
      });
      await refreshUnits();
      message.success(t('rename.done', { code: renamed.code, name: renamed.name }));
    } catch (error) {
      setFailure(showFormFailure(form, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<RenameValues>
      form={form}
      name="renameUnit"
      layout="vertical"
      initialValues={{ name: unit.name }}
      onFinish={(values) => void submit(values)}
      disabled={saving}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        name="name"
        label={t('rename.newName')}
        rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}
      >
        <Input maxLength={limits.unitNameMaxLength} />
      </Form.Item>
      <DecisionFields dateField="effectiveDate" dateLabel={t('form.effectiveDate')} />
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('rename.submit')}
      </Button>
    </Form>
  );
}
