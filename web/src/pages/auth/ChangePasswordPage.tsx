import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import type { SessionInfo } from '../../../../common/schemas/auth.ts';
import { foldForSearch } from '../../../../common/vietnamese.ts';
import { api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import type { FlashState } from '../../layout/flash.ts';
import { useSession, useSignedInSession } from '../../session/SessionProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Checks the username rule in the browser. The server checks the whole policy again. */
function containsUsername(password: string, email: string): boolean {
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  const folded = foldForSearch(password);
  return folded === email.toLowerCase() || (localPart.length >= 3 && folded.includes(localPart));
}

export default function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const session = useSignedInSession();
  const { acceptSession, signOut } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const navigate = useNavigate();
  const forced = session.mustChangePassword;

  async function submit(values: PasswordForm) {
    setSubmitting(true);
    setFailure(null);
    try {
      const renewed = await api.post<SessionInfo>('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      acceptSession(renewed);
      navigate('/', { replace: true, state: { flash: 'auth:changePassword.done' } satisfies FlashState });
    } catch (error) {
      const unmatched = applyFieldErrors(form, error);
      setFailure(
        [describeError(error), ...unmatched.map((field) => `${field.label}: ${field.message}`)].join(' '),
      );
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthFrame title={t('changePassword.title')}>
      {forced && (
        <Alert type="warning" showIcon title={t('changePassword.forced')} style={{ marginBottom: 16 }} />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Text strong>{t('changePassword.policyTitle')}</Typography.Text>
      <ul style={{ marginTop: 4, paddingInlineStart: 20 }}>
        <li>{t('changePassword.policyLength', { min: limits.passwordMinLength })}</li>
        <li>{t('changePassword.policyUsername', { username: session.email })}</li>
        <li>{t('changePassword.policyCommon')}</li>
        <li>{t('changePassword.policyDifferent')}</li>
      </ul>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        disabled={submitting}
      >
        <Form.Item
          name="currentPassword"
          label={t('changePassword.current')}
          rules={[{ required: true, message: t('changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={limits.passwordMaxLength} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('changePassword.new')}
          rules={[
            { required: true, message: t('changePassword.newRequired') },
            {
              min: limits.passwordMinLength,
              message: t('changePassword.tooShort', { min: limits.passwordMinLength }),
            },
            {
              validator: (_rule, value: string | undefined) =>
                value && containsUsername(value, session.email)
                  ? Promise.reject(new Error(t('changePassword.containsUsername')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMaxLength} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('changePassword.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMaxLength} />
        </Form.Item>
        <Flex gap={8} justify="space-between">
          {forced ? (
            <Button onClick={() => void signOut('signed_out')}>{t('common:actions.signOut')}</Button>
          ) : (
            <Button onClick={() => navigate(-1)}>{t('common:actions.back')}</Button>
          )}
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('changePassword.submit')}
          </Button>
        </Flex>
      </Form>
    </AuthFrame>
  );
}
