import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountWithPassword } from './accounts-api.ts';
import { copyText } from './copy-text.ts';

/**
 * Shows the default password that the server returned for a new or reset account. The server
 * keeps only its hash, so this dialog is the only time anybody can read it: it closes only through
 * the confirmation button, and the password leaves memory with the caller's state.
 */
export function OneTimePasswordModal({
  result,
  reason,
  onClose,
}: {
  result: AccountWithPassword | null;
  reason: 'created' | 'reset';
  onClose: () => void;
}) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();

  async function copy() {
    if (!result) return;
    if (await copyText(result.initialPassword)) message.success(t('password.copied'));
    else message.error(t('password.copyFailed'));
  }

  return (
    <Modal
      open={result !== null}
      title={reason === 'created' ? t('password.titleCreated') : t('password.titleReset')}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('password.confirm')}
        </Button>
      }
    >
      {result && (
        <Flex vertical gap={16}>
          <Alert
            type="warning"
            showIcon
            title={t('password.onceTitle')}
            description={t('password.onceText')}
          />
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('fields.displayName'), children: result.account.displayName },
              { key: 'email', label: t('fields.email'), children: result.account.email },
              {
                key: 'password',
                label: t('password.label'),
                children: (
                  <Typography.Text code strong style={{ fontSize: 16 }} data-testid="one-time-password">
                    {result.initialPassword}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('password.copy')}
          </Button>
        </Flex>
      )}
    </Modal>
  );
}
