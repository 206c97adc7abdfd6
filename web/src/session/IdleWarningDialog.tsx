import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

interface IdleWarningDialogProps {
  remainingMs: number;
  /** Sends a request, which moves the idle deadline and so closes the dialog. */
  onContinue(): Promise<void>;
  onSignOut(): void;
}

export default function IdleWarningDialog({ remainingMs, onContinue, onSignOut }: IdleWarningDialogProps) {
  const { t } = useTranslation();
  const [extending, setExtending] = useState(false);

  async function keepWorking() {
    setExtending(true);
    try {
      await onContinue();
    } catch {
      // A failed request leaves the deadline as it was; the dialog stays and the user can retry.
    } finally {
      setExtending(false);
    }
  }

  return (
    <Modal
      open
      title={t('session.warningTitle')}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      footer={[
        <Button key="sign-out" onClick={onSignOut}>
          {t('actions.signOut')}
        </Button>,
        <Button key="continue" type="primary" loading={extending} onClick={() => void keepWorking()}>
          {t('session.continue')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {t('session.warningText', { remaining: formatRemaining(remainingMs) })}
      </Typography.Paragraph>
    </Modal>
  );
}
