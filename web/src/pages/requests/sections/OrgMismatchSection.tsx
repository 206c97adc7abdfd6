import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgChangeTypes } from '../../../../../common/schemas/requests.ts';
import { DateField, DecisionFields, filterByLabel, unitLabel } from '../form-fields.tsx';
import { useUnitOptions } from '../requests-api.ts';

/** An organisation mismatch: the merger, dissolution or new division the tree lacks, with the decision behind it. */
export function OrgMismatchSection({ agencyId }: { agencyId: number }) {
  const { t } = useTranslation('requests');
  const agencies = useUnitOptions('agency');
  const divisions = useUnitOptions('division', agencyId);
  const agency = agencies.data?.find((unit) => unit.id === agencyId);
  const unitOptions = [...(agency ? [agency] : []), ...(divisions.data ?? [])].map((unit) => ({
    value: unit.id,
    label: unitLabel(unit),
  }));

  return (
    <>
      <Form.Item
        name={['details', 'changeType']}
        label={t('form.orgMismatch.changeType')}
        initialValue="merge"
        rules={[{ required: true }]}
      >
        <Select
          options={orgChangeTypes.map((type) => ({
            value: type,
            label: t(`form.orgMismatch.changeTypes.${type}`),
          }))}
        />
      </Form.Item>
      <Form.Item name={['details', 'unitIds']} label={t('form.orgMismatch.units')} initialValue={[]}>
        <Select mode="multiple" showSearch filterOption={filterByLabel} options={unitOptions} />
      </Form.Item>
      <Form.Item
        name={['details', 'description']}
        label={t('form.orgMismatch.description')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('form.required', { field: t('form.orgMismatch.description').toLowerCase() }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={4_000} showCount />
      </Form.Item>
      <DecisionFields required />
      <DateField name={['details', 'effectiveDate']} label={t('form.effectiveDate')} />
    </>
  );
}
