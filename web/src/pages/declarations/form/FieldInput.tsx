import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../../../common/schemas/catalogs.ts';
import { DATE_FORMAT, dayjsOfIso, isoOfDayjs } from '../../../format/dates.ts';
import { enumValues, type FieldSpec } from '../../records/record-layout.ts';
import { CatalogSelect } from './CatalogSelect.tsx';
import { useFieldErrors } from './field-errors.ts';
import { AgencySelect, DivisionSelect } from './UnitFields.tsx';

type NamePath = Array<string | number>;

const MONTH_FORMAT = 'MM/YYYY';

// Dates travel as YYYY-MM-DD and months as YYYY-MM; the pickers work with dayjs values.
const dateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: dayjsOfIso(value) }),
  normalize: (value: Dayjs | null) => isoOfDayjs(value) ?? null,
};
const monthProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(`${value}-01`) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM') : null),
};

/** Fills the fields that follow from a chosen catalog entry (a grade's salary group, say). */
function useCatalogPick(path: string): ((entry: CatalogEntry | null) => void) | undefined {
  const form = Form.useFormInstance();
  if (path === 'identity.ethnicityCode') {
    // The catalog contains the codes of QĐ 1019/QĐ-TCTK (2008).
    return (entry) => form.setFieldValue(['identity', 'ethnicityCodeSystem'], entry ? 'qd1019_2008' : null);
  }
  if (path === 'salary.rankCode') {
    return (entry) => {
      if (!entry) return;
      form.setFieldValue(['salary', 'rankName'], entry.name);
      const group = entry.attributes.salaryGroup;
      if (typeof group === 'string') form.setFieldValue(['salary', 'salaryGroup'], group);
    };
  }
  if (path === 'employment.positionCode') {
    return (entry) => {
      if (!entry) return;
      const position = entry.attributes.position;
      form.setFieldValue(
        ['employment', 'positionName'],
        typeof position === 'string' && position ? position : entry.name,
      );
      const coefficient = entry.attributes.coefficient;
      if (typeof coefficient === 'number') form.setFieldValue(['salary', 'positionAllowance'], coefficient);
    };
  }
  if (path.endsWith('.provinceCode')) {
    // A commune of another province no longer fits the address.
    return () => form.setFieldValue([...path.split('.').slice(0, -1), 'communeCode'], null);
  }
  return undefined;
}

function RankSelect(props: {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  disabled?: boolean;
}) {
  const rankKind = Form.useWatch<string | null | undefined>(['salary', 'rankKind']);
  const onPick = useCatalogPick('salary.rankCode');
  return (
    <CatalogSelect
      {...props}
      catalog={rankKind === 'professional_title' ? 'professional_titles' : 'grades'}
      onPick={onPick}
    />
  );
}

function CommuneSelect(props: {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  disabled?: boolean;
  provincePath: NamePath;
}) {
  const { provincePath, ...rest } = props;
  const provinceCode = Form.useWatch<string | null | undefined>(provincePath);
  return (
    <CatalogSelect
      {...rest}
      catalog="communes"
      filter={(entry) => !provinceCode || entry.attributes.provinceCode === provinceCode}
    />
  );
}

/**
 * Renders the input control of one field kind, without its Form.Item. Form.Item injects value, onChange
 * and id into its direct child, which is this component, so they are passed on to the control.
 */
function Control({
  spec,
  name,
  ariaLabel,
  ...injected
}: { spec: FieldSpec; name: NamePath; ariaLabel?: string | undefined } & Record<string, unknown>): ReactNode {
  const { t } = useTranslation('declarations');
  const onPick = useCatalogPick(spec.path);
  const props = { ...injected, ...(ariaLabel ? { 'aria-label': ariaLabel } : {}) };
  switch (spec.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} {...props} />;
    case 'date':
      return (
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common:date.placeholder')}
          style={{ width: '100%' }}
          {...props}
        />
      );
    case 'month':
      return (
        <DatePicker
          picker="month"
          format={MONTH_FORMAT}
          placeholder={t('form.monthPlaceholder')}
          style={{ width: '100%' }}
          {...props}
        />
      );
    case 'integer':
      return <InputNumber precision={0} min={spec.min} max={spec.max} style={{ width: '100%' }} {...props} />;
    case 'decimal':
      // Coefficients step by hundredths; percentages and areas by whole units.
      return (
        <InputNumber
          step={(spec.max ?? 100) <= 20 ? 0.01 : 1}
          min={spec.min}
          max={spec.max}
          decimalSeparator={t('form.decimalSeparator')}
          style={{ width: '100%' }}
          {...props}
        />
      );
    case 'enum':
      return (
        <Select
          allowClear
          options={enumValues[spec.enumSet!].map((value) => ({
            value,
            label: t(`enums.${spec.enumSet}.${value}`),
          }))}
          {...props}
        />
      );
    case 'catalog':
      return <CatalogSelect catalog={spec.catalog!} onPick={onPick} {...props} />;
    case 'commune':
      return <CommuneSelect provincePath={[...name.slice(0, -1), 'provinceCode']} {...props} />;
    case 'rank':
      return <RankSelect {...props} />;
    case 'agency':
      return <AgencySelect {...props} />;
    case 'division':
      return <DivisionSelect {...props} />;
    case 'tags':
      return (
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          placeholder={t('form.tagsPlaceholder')}
          {...props}
        />
      );
    default:
      return <Input {...props} />;
  }
}

/**
 * Renders one field of the declaration form: the control for its kind inside a Form.Item named by
 * `name`. Table cells pass no label but an aria-label, so every input has an accessible name, and
 * their absolute `errorName`, since `name` is relative to the row.
 */
export function FieldInput(props: {
  spec: FieldSpec;
  name: NamePath;
  errorName?: NamePath;
  label?: string;
  ariaLabel?: string;
  extra?: ReactNode;
}) {
  const { spec, name, label, ariaLabel, extra } = props;
  let valueProps = {};
  if (spec.kind === 'date') valueProps = dateProps;
  if (spec.kind === 'month') valueProps = monthProps;
  const errors = useFieldErrors(props.errorName ?? name);
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      required={spec.required}
      {...(errors ? { validateStatus: 'error' as const, help: errors.join(' ') } : {})}
      style={label ? undefined : { marginBottom: 0 }}
      {...valueProps}
    >
      <Control spec={spec} name={name} ariaLabel={ariaLabel ?? label} />
    </Form.Item>
  );
}
