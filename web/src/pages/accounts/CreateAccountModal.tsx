import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import { showFormFailure } from '../units/form-failure.ts';
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx';
import { type AccountWithPassword, accountActions } from './accounts-api.ts';
import { PersonSelect } from './PersonSelect.tsx';

interface CreateAccountValues {
  email: string;
  displayName: string;
  homeUnitId: number;
  personId?: number | null;
}

const FIELD_OF_CODE = { EMAIL_TAKEN: 'email', PERSON_ACCOUNT_TAKEN: 'personId', UNIT_ENDED: 'homeUnitId' };

/**
 * SNV's form for a new account: the official e-mail issued by the provincial IT centre, the
 * name, the home unit and optionally the personnel record of its owner. On success it passes
 * the server's response, with the one-time default password, to `onCreated`.
 */
export function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (result: AccountWithPassword) => void;
}) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<CreateAccountValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(values: CreateAccountValues) {
    setSaving(true);
    setFailure(null);
    try {
      const result = await accountActions.create({
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        homeUnitId: values.homeUnitId,
        personId: values.personId ?? undefined,
      });
      form.resetFields();
      onCreated(result);
    } catch (error) {
      setFailure(showFormFailure(form, error, FIELD_OF_CODE));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('create.title')}
      okText={t('create.submit')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      mask={{ closable: false }}
      width={640}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<CreateAccountValues>
        form={form}
        name="createAccount"
        layout="vertical"
        onFinish={(values) => void submit(values)}
        disabled={saving}
      >
        <Form.Item
          name="email"
          label={t('fields.email')}
          extra={t('create.emailHint')}
          rules={[
            { required: true, whitespace: true, message: t('create.emailRequired') },
            { type: 'email', message: t('create.emailInvalid') },
          ]}
        >
          <Input maxLength={limits.emailMaxLength} autoComplete="off" placeholder="ten@donvi.gov.vn" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }]}
        >
          <Input maxLength={limits.personNameMaxLength} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="homeUnitId"
          label={t('fields.homeUnit')}
          extra={t('create.unitHint')}
          rules={[{ required: true, message: t('create.unitRequired') }]}
        >
          <UnitTreeSelect placeholder={t('filters.unitPlaceholder')} />
        </Form.Item>
        <Form.Item name="personId" label={t('fields.person')} extra={t('create.personHint')}>
          <PersonSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
