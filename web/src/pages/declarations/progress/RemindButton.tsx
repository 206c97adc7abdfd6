import { BellOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/errors.ts';

const MESSAGE_MAX = 1000;

/**
 * Renders "Nhắc nhở": a dialog for an optional message, then sends the reminder. `send` names who gets it
 * (one person or everyone of a unit with one status) and returns how many were reminded.
 */
export function RemindButton({
  label,
  title,
  send,
  size = 'small',
}: {
  label?: string;
  title: string;
  send: (message: string | undefined) => Promise<{ sent: number }>;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation('declarations');
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ message?: string }>();

  async function confirm() {
    let values: { message?: string };
    try {
      values = await form.validateFields();
    } catch {
      // The dialog shows the field's error.
      return;
    }
    setBusy(true);
    try {
      const result = await send(values.message?.trim() || undefined);
      message.success(t('remind.sent', { count: result.sent }));
      setOpen(false);
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size={size} icon={<BellOutlined />} onClick={() => setOpen(true)}>
        {label ?? t('remind.button')}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('remind.send')}
        cancelText={t('review.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="message"
            label={t('remind.message')}
            extra={t('remind.messageHint')}
            rules={[{ max: MESSAGE_MAX, message: t('review.reasonTooLong', { max: MESSAGE_MAX }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={MESSAGE_MAX} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
