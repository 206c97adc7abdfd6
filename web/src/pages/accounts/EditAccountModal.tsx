import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import { showFormFailure } from '../units/form-failure.ts';
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx';
import { type Account, accountActions, type UpdateAccountBody } from './accounts-api.ts';
import { PersonSelect } from './PersonSelect.tsx';

interface EditValues {
  displayName: string;
  homeUnitId: number;
  personId: number | null;
}

const FIELD_OF_CODE = { PERSON_ACCOUNT_TAKEN: 'personId', UNIT_ENDED: 'homeUnitId' };

/**
 * SNV's form that renames an account, moves it to another home unit or links it to another
 * personnel record. Only the changed fields are sent; role grants stay until revoked.
 */
export function EditAccountModal({
  account,
  open,
  onClose,
  onSaved,
}: {
  account: Account;
  open: boolean;
  onClose: () => void;
  onSaved: (account: Account) => void;
}) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<EditValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(values: EditValues) {
    const body: UpdateAccountBody = { rowVersion: account.rowVersion };
    if (values.displayName.trim() !== account.displayName) body.displayName = values.displayName.trim();
    if (values.homeUnitId !== account.homeUnit.id) body.homeUnitId = values.homeUnitId;
    if ((values.personId ?? null) !== account.personId) body.personId = values.personId ?? null;
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }

    setSaving(true);
    setFailure(null);
    try {
      onSaved(await accountActions.update(account.id, body));
    } catch (error) {
      setFailure(showFormFailure(form, error, FIELD_OF_CODE));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('edit.title')}
      okText={t('edit.submit')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      mask={{ closable: false }}
      destroyOnHidden
      width={640}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<EditValues>
        form={form}
        name="editAccount"
        layout="vertical"
        preserve={false}
        initialValues={{
          displayName: account.displayName,
          homeUnitId: account.homeUnit.id,
          personId: account.personId,
        }}
        onFinish={(values) => void submit(values)}
        disabled={saving}
      >
        <Form.Item label={t('fields.email')}>
          <Input value={account.email} disabled />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }]}
        >
          <Input maxLength={limits.personNameMaxLength} />
        </Form.Item>
        <Form.Item
          name="homeUnitId"
          label={t('fields.homeUnit')}
          extra={t('edit.unitHint')}
          rules={[{ required: true, message: t('create.unitRequired') }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="personId" label={t('fields.person')} extra={t('edit.personHint')}>
          <PersonSelect currentLabel={account.personName} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
