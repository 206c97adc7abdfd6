import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import { api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { DATE_FORMAT, isoOfDayjs } from '../../format/dates.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { filterByLabel, unitLabel } from '../requests/form-fields.tsx';
import { useActiveUnitOptions } from './basis-fields.tsx';
import { useUnitChange } from './reorganisation-api.ts';

type ChangeKind = 'create' | 'rename' | 'move';

interface Values {
  unitId?: number;
  parentId?: number;
  kind?: 'agency' | 'division';
  code?: string;
  name?: string;
  effectiveDate?: Dayjs;
  decisionNumber?: string;
  decisionDate?: Dayjs;
}

/**
 * Creating, renaming and moving a unit, with the effective date and decision, through the org
 * module's routes (POST /api/units, PATCH /api/units/:id, POST /api/units/:id/move).
 */
export function UnitChangesForm() {
  const { t } = useTranslation('reorganisation');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [change, setChange] = useState<ChangeKind>('create');
  const [failure, setFailure] = useState<string | null>(null);
  const { options, loading } = useActiveUnitOptions();
  const session = useSignedInSession();
  const unitChange = useUnitChange();
  const provinces = session.grants
    .filter((grant) => grant.role === 'province_admin')
    .map((grant) => ({
      value: grant.unitId,
      label: unitLabel({ code: grant.unitCode, name: grant.unitName }),
    }));

  const finish = async (values: Values) => {
    setFailure(null);
    const basis = {
      ...(values.decisionNumber ? { decisionNumber: values.decisionNumber.trim() } : {}),
      ...(values.decisionDate ? { decisionDate: isoOfDayjs(values.decisionDate) } : {}),
    };
    const effectiveDate = isoOfDayjs(values.effectiveDate);
    try {
      let result: { code: string };
      if (change === 'create') {
        result = await unitChange.mutateAsync({
          method: 'POST',
          path: '/api/units',
          body: {
            code: values.code?.trim(),
            name: values.name?.trim(),
            kind: values.kind,
            parentId: values.parentId,
            ...(effectiveDate ? { validFrom: effectiveDate } : {}),
            ...basis,
          },
        });
      } else {
        const unit = await api.get<{ rowVersion: number }>(`/api/units/${values.unitId}`);
        result =
          change === 'rename'
            ? await unitChange.mutateAsync({
                method: 'PATCH',
                path: `/api/units/${values.unitId}`,
                body: {
                  name: values.name?.trim(),
                  rowVersion: unit.rowVersion,
                  ...(effectiveDate ? { effectiveDate } : {}),
                  ...basis,
                },
              })
            : await unitChange.mutateAsync({
                method: 'POST',
                path: `/api/units/${values.unitId}/move`,
                body: {
                  parentId: values.parentId,
                  ...(values.code ? { code: values.code.trim() } : {}),
                  rowVersion: unit.rowVersion,
                  ...(effectiveDate ? { effectiveDate } : {}),
                  ...basis,
                },
              });
      }
      form.resetFields();
      void message.success(t('unitChanges.saved', { code: result.code }));
    } catch (error) {
      const unmatched = applyFieldErrors(form, error);
      setFailure(
        unmatched.length
          ? unmatched.map((field) => `${field.label}: ${field.message}`).join(' ')
          : describeError(error),
      );
    }
  };

  return (
    <Card size="small">
      <Radio.Group
        value={change}
        onChange={(event) => {
          setChange(event.target.value);
          form.resetFields();
        }}
        optionType="button"
        style={{ marginBottom: 16 }}
        options={(['create', 'rename', 'move'] as const).map((value) => ({
          value,
          label: t(`unitChanges.${value}`),
        }))}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void finish(values)}
        initialValues={{ kind: 'division' }}
      >
        {change !== 'create' && (
          <Form.Item name="unitId" label={t('unitChanges.unit')} rules={[{ required: true }]}>
            <Select showSearch filterOption={filterByLabel} options={options} loading={loading} />
          </Form.Item>
        )}
        {change === 'create' && (
          <Form.Item name="kind" label={t('newUnit.kind')}>
            <Radio.Group
              options={[
                { value: 'agency', label: t('newUnit.agency') },
                { value: 'division', label: t('newUnit.division') },
              ]}
            />
          </Form.Item>
        )}
        {change !== 'rename' && (
          <Form.Item
            name="parentId"
            label={change === 'move' ? t('unitChanges.newParent') : t('newUnit.parent')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              filterOption={filterByLabel}
              options={[...provinces, ...options]}
              loading={loading}
            />
          </Form.Item>
        )}
        {change !== 'rename' && (
          <Form.Item
            name="code"
            label={change === 'move' ? t('unitChanges.newCode') : t('newUnit.code')}
            rules={[{ required: change === 'create', pattern: /^[0-9]+$/ }]}
          >
            <Input maxLength={limits.unitCodeMaxLength} />
          </Form.Item>
        )}
        {change !== 'move' && (
          <Form.Item
            name="name"
            label={change === 'rename' ? t('unitChanges.newName') : t('newUnit.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={limits.unitNameMaxLength} />
          </Form.Item>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="effectiveDate" label={t('basis.effectiveDate')}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="decisionNumber" label={t('basis.decisionNumber')}>
            <Input maxLength={limits.decisionNumberMaxLength} />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('basis.decisionDate')}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Flex>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={unitChange.isPending}>
          {t('unitChanges.save')}
        </Button>
      </Form>
    </Card>
  );
}
