import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReorganisationResult } from '../../../../common/schemas/reorganisation.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { isoOfDayjs } from '../../format/dates.ts';
import { filterByLabel } from '../requests/form-fields.tsx';
import { LegalBasisFields, SuccessorFields, successorOf, useActiveUnitOptions } from './basis-fields.tsx';
import { useDissolve, useMerge, useSplit } from './reorganisation-api.ts';

interface BasisValues {
  effectiveDate: Dayjs;
  decisionNumber: string;
  decisionDate: Dayjs;
  note?: string;
  requestId?: number;
}

function basisOf(values: BasisValues) {
  return {
    effectiveDate: isoOfDayjs(values.effectiveDate)!,
    decisionNumber: values.decisionNumber.trim(),
    decisionDate: isoOfDayjs(values.decisionDate)!,
    ...(values.note ? { note: values.note } : {}),
    ...(values.requestId ? { requestId: values.requestId } : {}),
  };
}

/** Submits a change, shows the result, and puts the server's field errors under the fields. */
function useChangeSubmitter() {
  const { t } = useTranslation('reorganisation');
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (
    form: ReturnType<typeof Form.useForm>[0],
    run: () => Promise<ReorganisationResult>,
  ) => {
    setFailure(null);
    try {
      const result = await run();
      form.resetFields();
      void message.success(
        t('result.done', { people: result.peopleAttached, notified: result.notifiedAccounts }),
      );
    } catch (error) {
      const unmatched = applyFieldErrors(form, error);
      setFailure(
        unmatched.length
          ? unmatched.map((field) => `${field.label}: ${field.message}`).join(' ')
          : describeError(error),
      );
    }
  };
  return { failure, submit };
}

function useRequestIdParam(): number | undefined {
  const [searchParams] = useSearchParams();
  const value = Number(searchParams.get('requestId'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function MergeForm() {
  const { t } = useTranslation('reorganisation');
  const [form] = Form.useForm();
  const merge = useMerge();
  const { options, loading } = useActiveUnitOptions();
  const { failure, submit } = useChangeSubmitter();
  const requestId = useRequestIdParam();

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ requestId }}
      onFinish={(values) =>
        void submit(form, () =>
          merge.mutateAsync({
            sourceUnitIds: values.sourceUnitIds,
            target: successorOf(values.target) as never,
            ...basisOf(values),
          }),
        )
      }
    >
      <Alert type="info" showIcon title={t('merge.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="sourceUnitIds" label={t('merge.sources')} rules={[{ required: true }]}>
        <Select mode="multiple" showSearch filterOption={filterByLabel} options={options} loading={loading} />
      </Form.Item>
      <Typography.Text strong>{t('merge.target')}</Typography.Text>
      <SuccessorFields name={['target']} />
      <LegalBasisFields />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={merge.isPending}>
        {t('merge.submit')}
      </Button>
    </Form>
  );
}

export function SplitForm() {
  const { t } = useTranslation('reorganisation');
  const [form] = Form.useForm();
  const split = useSplit();
  const { options, loading } = useActiveUnitOptions();
  const { failure, submit } = useChangeSubmitter();
  const requestId = useRequestIdParam();

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ requestId, targets: [{}, {}] }}
      onFinish={(values) =>
        void submit(form, () =>
          split.mutateAsync({
            sourceUnitId: values.sourceUnitId,
            targets: values.targets.map(successorOf) as never,
            ...basisOf(values),
          }),
        )
      }
    >
      <Form.Item name="sourceUnitId" label={t('split.source')} rules={[{ required: true }]}>
        <Select showSearch filterOption={filterByLabel} options={options} loading={loading} />
      </Form.Item>
      <Typography.Text strong>{t('split.targets')}</Typography.Text>
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                extra={
                  fields.length > 2 && (
                    <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  )
                }
              >
                <SuccessorFields name={['targets', field.name]} />
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'start' }}>
              {t('split.addTarget')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <LegalBasisFields />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={split.isPending}>
        {t('split.submit')}
      </Button>
    </Form>
  );
}

export function DissolveForm() {
  const { t } = useTranslation('reorganisation');
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const dissolve = useDissolve();
  const { options, loading } = useActiveUnitOptions();
  const { failure, submit } = useChangeSubmitter();
  const requestId = useRequestIdParam();

  const confirmAndSubmit = (values: BasisValues & { unitId: number }) =>
    modal.confirm({
      title: t('dissolve.submit'),
      content: t('dissolve.confirm'),
      okButtonProps: { danger: true },
      onOk: () => submit(form, () => dissolve.mutateAsync({ unitId: values.unitId, ...basisOf(values) })),
    });

  return (
    <Form form={form} layout="vertical" initialValues={{ requestId }} onFinish={confirmAndSubmit}>
      <Form.Item name="unitId" label={t('dissolve.unit')} rules={[{ required: true }]}>
        <Select showSearch filterOption={filterByLabel} options={options} loading={loading} />
      </Form.Item>
      <LegalBasisFields />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Button danger type="primary" htmlType="submit" loading={dissolve.isPending}>
        {t('dissolve.submit')}
      </Button>
    </Form>
  );
}
