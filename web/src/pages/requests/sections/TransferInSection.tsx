import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../../common/limits.ts';
import { DateField, DecisionFields, DivisionSelect, filterByLabel, unitLabel } from '../form-fields.tsx';
import { useUnitOptions } from '../requests-api.ts';

/** A transfer in: who arrives, from where, into which division, and with which rights. */
export function TransferInSection({ agencyId }: { agencyId: number }) {
  const { t } = useTranslation('requests');
  const agencies = useUnitOptions('agency');
  const agencyOptions = (agencies.data ?? [])
    .filter((unit) => unit.id !== agencyId)
    .map((unit) => ({ value: unit.id, label: unitLabel(unit) }));

  return (
    <>
      <Form.Item
        name={['details', 'fullName']}
        label={t('form.transferIn.fullName')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('form.required', { field: t('form.transferIn.fullName').toLowerCase() }),
          },
        ]}
      >
        <Input maxLength={limits.personNameMaxLength} />
      </Form.Item>
      <Form.Item name={['details', 'fromUnitId']} label={t('form.transferIn.fromUnit')}>
        <Select
          allowClear
          showSearch
          filterOption={filterByLabel}
          options={agencyOptions}
          loading={agencies.isPending}
        />
      </Form.Item>
      <Form.Item name={['details', 'fromUnitName']} label={t('form.transferIn.fromUnitName')}>
        <Input maxLength={limits.unitNameMaxLength} />
      </Form.Item>
      <Form.Item name={['details', 'toDivisionId']} label={t('form.transferIn.toDivision')}>
        <DivisionSelect agencyId={agencyId} />
      </Form.Item>
      <Form.Item name={['details', 'email']} label={t('form.transferIn.email')} rules={[{ type: 'email' }]}>
        <Input maxLength={limits.emailMaxLength} />
      </Form.Item>
      <Form.Item name={['details', 'grantUnitAdmin']} valuePropName="checked" initialValue={false}>
        <Checkbox>{t('form.transferIn.grantUnitAdmin')}</Checkbox>
      </Form.Item>
      <Form.Item name={['details', 'grantApprover']} valuePropName="checked" initialValue={false}>
        <Checkbox>{t('form.transferIn.grantApprover')}</Checkbox>
      </Form.Item>
      <DateField name={['details', 'effectiveDate']} label={t('form.effectiveDate')} />
      <DecisionFields />
    </>
  );
}
