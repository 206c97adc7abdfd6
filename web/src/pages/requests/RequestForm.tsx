import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestKind, requestKinds } from '../../../../common/schemas/requests.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { filterByLabel } from './form-fields.tsx';
import type { CreateRequestBody } from './requests-api.ts';
import { OrgMismatchSection } from './sections/OrgMismatchSection.tsx';
import { RecruitmentSection } from './sections/RecruitmentSection.tsx';
import { ReductionSection } from './sections/ReductionSection.tsx';
import { TransferInSection } from './sections/TransferInSection.tsx';

/** Form values as the API takes them: dates as YYYY-MM-DD, empty fields left out. */
export function toApiValues(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (Array.isArray(value)) return value.map(toApiValues);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || item === null || item === '') continue;
      result[key] = toApiValues(item);
    }
    return result;
  }
  return typeof value === 'string' ? value.trim() : value;
}

interface RequestFormProps {
  /** Agencies the author may file for; the form asks which one when there are several. */
  agencies: Array<{ id: number; label: string }>;
  initialKind?: RequestKind;
  submitLabel: string;
  /** Sends the request; a rejected promise's field errors are shown under the fields. */
  onSubmit: (body: CreateRequestBody) => Promise<unknown>;
}

/** Files one request of any kind; the fields below the kind change with it. */
export function RequestForm({
  agencies,
  initialKind = 'reduction',
  submitLabel,
  onSubmit,
}: RequestFormProps) {
  const { t } = useTranslation('requests');
  const [form] = Form.useForm();
  const kind: RequestKind = Form.useWatch('kind', form) ?? initialKind;
  const agencyId: number | undefined =
    Form.useWatch('agencyId', form) ?? (agencies.length === 1 ? agencies[0]!.id : undefined);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const finish = async (values: Record<string, unknown>) => {
    setSending(true);
    setFailure(null);
    try {
      await onSubmit(toApiValues({ ...values, agencyId }) as CreateRequestBody);
      form.resetFields();
    } catch (error) {
      const unmatched = applyFieldErrors(form, error);
      setFailure(
        unmatched.length > 0
          ? unmatched.map((field) => `${field.label}: ${field.message}`).join(' ')
          : describeError(error),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => void finish(values)}
      initialValues={{ kind: initialKind, agencyId: agencies.length === 1 ? agencies[0]!.id : undefined }}
    >
      {agencies.length !== 1 && (
        <Form.Item
          name="agencyId"
          label={t('form.agency')}
          rules={[{ required: true, message: t('form.required', { field: t('form.agency').toLowerCase() }) }]}
        >
          <Select
            showSearch
            filterOption={filterByLabel}
            options={agencies.map((agency) => ({ value: agency.id, label: agency.label }))}
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('form.kind')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={requestKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
        />
      </Form.Item>

      {agencyId !== undefined && (
        <div key={`${kind}-${agencyId}`}>
          {kind === 'org_mismatch' && <OrgMismatchSection agencyId={agencyId} />}
          {kind === 'reduction' && <ReductionSection agencyId={agencyId} />}
          {kind === 'recruitment' && <RecruitmentSection agencyId={agencyId} />}
          {kind === 'transfer_in' && <TransferInSection agencyId={agencyId} />}
        </div>
      )}

      <Form.Item name="note" label={t('form.note')}>
        <Input.TextArea rows={2} maxLength={4_000} />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={sending} disabled={agencyId === undefined}>
        {submitLabel}
      </Button>
    </Form>
  );
}
