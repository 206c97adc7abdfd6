import { Alert, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GrantedRole, grantedRoles, type UnitKind } from '../../../../common/roles.ts';
import { showFormFailure } from '../units/form-failure.ts';
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx';
import { type Account, accountActions } from './accounts-api.ts';

// The kind of unit each role is granted on, as the server requires: approvers and unit admins
// serve an agency (and its divisions), SNV the province.
const UNIT_KINDS_OF_ROLE: Record<GrantedRole, readonly UnitKind[]> = {
  approver: ['agency'],
  unit_admin: ['agency'],
  province_admin: ['province'],
};

interface GrantValues {
  role: GrantedRole;
  unitId: number;
}

const FIELD_OF_CODE = { GRANT_EXISTS: 'unitId', UNIT_ENDED: 'unitId' };

/** SNV's form that grants the account a role on a unit: a role, then a unit of the kind the role needs. */
export function GrantRoleModal({
  account,
  open,
  onClose,
  onGranted,
}: {
  account: Account;
  open: boolean;
  onClose: () => void;
  onGranted: (account: Account) => void;
}) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<GrantValues>();
  const role = Form.useWatch('role', form) ?? 'approver';
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(values: GrantValues) {
    setSaving(true);
    setFailure(null);
    try {
      const updated = await accountActions.grant(account.id, values);
      form.resetFields();
      onGranted(updated);
    } catch (error) {
      setFailure(showFormFailure(form, error, FIELD_OF_CODE));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('grant.title', { name: account.displayName })}
      okText={t('grant.submit')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      mask={{ closable: false }}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<GrantValues>
        form={form}
        name="grantRole"
        layout="vertical"
        initialValues={{ role: 'approver' }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<GrantValues>) => {
          if (changed.role) form.setFieldValue('unitId', undefined);
        }}
        disabled={saving}
      >
        <Form.Item
          name="role"
          label={t('grant.role')}
          rules={[{ required: true, message: t('grant.roleRequired') }]}
        >
          <Select options={grantedRoles.map((value) => ({ value, label: t(`common:roles.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('grant.unit')}
          extra={t(`grant.unitHint.${role}`)}
          rules={[{ required: true, message: t('grant.unitRequired') }]}
        >
          <UnitTreeSelect kinds={UNIT_KINDS_OF_ROLE[role]} placeholder={t('filters.unitPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
