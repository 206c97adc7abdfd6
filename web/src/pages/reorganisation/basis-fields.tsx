import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import { DATE_FORMAT } from '../../format/dates.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { filterByLabel, unitLabel } from '../requests/form-fields.tsx';
import { useUnitOptions } from '../requests/requests-api.ts';

/** Active agencies and divisions as Select options, labelled "code name". */
export function useActiveUnitOptions() {
  const units = useUnitOptions(undefined);
  return {
    options: (units.data ?? []).map((unit) => ({ value: unit.id, label: unitLabel(unit) })),
    loading: units.isPending,
    units: units.data ?? [],
  };
}

/** The legal basis every change cites: effective date and decision, plus the request it answers. */
export function LegalBasisFields() {
  const { t } = useTranslation('reorganisation');
  const required = (field: string) => [
    { required: true, message: t('basis.required', { field: t(field).toLowerCase() }) },
  ];
  return (
    <>
      <Form.Item
        name="effectiveDate"
        label={t('basis.effectiveDate')}
        rules={required('basis.effectiveDate')}
      >
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item
        name="decisionNumber"
        label={t('basis.decisionNumber')}
        rules={required('basis.decisionNumber')}
      >
        <Input maxLength={limits.decisionNumberMaxLength} placeholder="15/QĐ-UBND" />
      </Form.Item>
      <Form.Item name="decisionDate" label={t('basis.decisionDate')} rules={required('basis.decisionDate')}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item name="note" label={t('basis.note')}>
        <Input.TextArea rows={2} maxLength={2_000} />
      </Form.Item>
      <Form.Item name="requestId" label={t('basis.request')}>
        <InputNumber min={1} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}

/**
 * A successor: an existing active unit, or a new one with code, name, kind and parent. `name` is
 * the form path of the successor ({ unitId } or { newUnit }); `mode` picks which.
 */
export function SuccessorFields({ name }: { name: Array<string | number> }) {
  const { t } = useTranslation('reorganisation');
  const { options, loading } = useActiveUnitOptions();
  const session = useSignedInSession();
  const mode = Form.useWatch([...name, 'mode']) ?? 'existing';
  // A new agency hangs under the province, which the pickers of agencies and divisions omit.
  const provinces = session.grants
    .filter((grant) => grant.role === 'province_admin')
    .map((grant) => ({
      value: grant.unitId,
      label: unitLabel({ code: grant.unitCode, name: grant.unitName }),
    }));

  return (
    <>
      <Form.Item name={[...name, 'mode']} initialValue="existing">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'existing', label: t('merge.targetExisting') },
            { value: 'new', label: t('merge.targetNew') },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item name={[...name, 'unitId']} rules={[{ required: true }]}>
          <Select showSearch filterOption={filterByLabel} options={options} loading={loading} />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name={[...name, 'newUnit', 'kind']}
            label={t('newUnit.kind')}
            initialValue="division"
            rules={[{ required: true }]}
          >
            <Radio.Group
              options={[
                { value: 'agency', label: t('newUnit.agency') },
                { value: 'division', label: t('newUnit.division') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name={[...name, 'newUnit', 'parentId']}
            label={t('newUnit.parent')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              filterOption={filterByLabel}
              options={[...provinces, ...options]}
              loading={loading}
            />
          </Form.Item>
          <Form.Item
            name={[...name, 'newUnit', 'code']}
            label={t('newUnit.code')}
            rules={[{ required: true, pattern: /^[0-9]+$/ }]}
          >
            <Input maxLength={limits.unitCodeMaxLength} />
          </Form.Item>
          <Form.Item
            name={[...name, 'newUnit', 'name']}
            label={t('newUnit.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={limits.unitNameMaxLength} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** Turns the successor form value into the API's { unitId } or { newUnit }. */
export function successorOf(value: {
  mode?: string;
  unitId?: number;
  newUnit?: { code: string; name: string; kind: string; parentId: number };
}) {
  if (value.mode === 'new' && value.newUnit)
    return {
      newUnit: { ...value.newUnit, code: value.newUnit.code.trim(), name: value.newUnit.name.trim() },
    };
  return { unitId: value.unitId };
}
