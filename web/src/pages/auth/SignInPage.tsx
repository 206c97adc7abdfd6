import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import type { SessionInfo, SignInBody } from '../../../../common/schemas/auth.ts';
import { api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import type { ReturnState } from '../../session/RequireSession.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/** A return path inside this site only, so a crafted link cannot send the user elsewhere. */
function safeReturnPath(from: string | undefined): string {
  const internal = from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\');
  return internal && !from!.startsWith('/sign-in') ? from! : '/';
}

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const { session, endReason, acceptSession } = useSession();
  const [form] = Form.useForm<SignInBody>();
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = safeReturnPath((location.state as ReturnState | null)?.from);

  if (session) return <Navigate to={session.mustChangePassword ? '/change-password' : returnTo} replace />;

  async function submit(values: SignInBody) {
    setSubmitting(true);
    setFailure(null);
    try {
      const signedIn = await api.post<SessionInfo>('/api/auth/sign-in', values);
      acceptSession(signedIn);
      navigate(signedIn.mustChangePassword ? '/change-password' : returnTo, { replace: true });
    } catch (error) {
      applyFieldErrors(form, error);
      setFailure(describeError(error));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthFrame title={t('signIn.title')}>
      {endReason === 'expired' && !failure && (
        <Alert type="info" showIcon title={t('common:session.expired')} style={{ marginBottom: 16 }} />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        disabled={submitting}
      >
        <Form.Item
          name="email"
          label={t('signIn.email')}
          rules={[
            { required: true, whitespace: true, message: t('signIn.emailRequired') },
            { max: limits.emailMaxLength },
          ]}
        >
          <Input
            inputMode="email"
            autoComplete="username"
            placeholder={t('signIn.emailPlaceholder')}
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signIn.password')}
          rules={[{ required: true, message: t('signIn.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={limits.passwordMaxLength} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('signIn.hint')}
      </Typography.Paragraph>
    </AuthFrame>
  );
}
