import { DatePicker, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import { foldForSearch } from '../../../../common/vietnamese.ts';
import { DATE_FORMAT } from '../../format/dates.ts';
import { type UnitOption, useUnitOptions } from './requests-api.ts';

/** Matches a Select option by its label, ignoring tone marks and case. */
export function filterByLabel(input: string, option?: { label?: ReactNode }): boolean {
  return foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input));
}

export function unitLabel(unit: Pick<UnitOption, 'code' | 'name'>): string {
  return `${unit.code} ${unit.name}`;
}

/** A dd/mm/yyyy date field whose value is a dayjs object until the form is sent. */
export function DateField({
  name,
  label,
  required = false,
}: {
  name: Array<string | number>;
  label: string;
  required?: boolean;
}) {
  const { t } = useTranslation('requests');
  return (
    <Form.Item
      name={name}
      label={label}
      rules={
        required ? [{ required: true, message: t('form.required', { field: label.toLowerCase() }) }] : []
      }
    >
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** Decision number and date, the legal basis that most requests cite. */
export function DecisionFields({ required = false }: { required?: boolean }) {
  const { t } = useTranslation('requests');
  return (
    <>
      <Form.Item
        name={['details', 'decisionNumber']}
        label={t('form.decisionNumber')}
        rules={
          required
            ? [
                {
                  required: true,
                  message: t('form.required', { field: t('form.decisionNumber').toLowerCase() }),
                },
              ]
            : []
        }
      >
        <Input maxLength={limits.decisionNumberMaxLength} placeholder="15/QĐ-UBND" />
      </Form.Item>
      <DateField name={['details', 'decisionDate']} label={t('form.decisionDate')} required={required} />
    </>
  );
}

/** The active divisions of an agency, as Select options. */
export function useDivisionOptions(agencyId: number | undefined) {
  const divisions = useUnitOptions('division', agencyId);
  return (divisions.data ?? [])
    .filter((unit) => agencyId !== undefined && unit.parentId === agencyId)
    .map((unit) => ({ value: unit.id, label: unitLabel(unit) }));
}

export function DivisionSelect({
  agencyId,
  ...props
}: {
  agencyId: number | undefined;
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
}) {
  const options = useDivisionOptions(agencyId);
  return <Select allowClear showSearch filterOption={filterByLabel} options={options} {...props} />;
}
