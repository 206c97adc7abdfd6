import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import type { SessionInfo, SignInBody } from '../../../../common/schemas/auth.ts';
import { api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import type { FlashState } from '../../layout/flash.ts';
import type { ReturnState } from '../../session/RequireSession.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { ForgotPasswordLink, SingleSignOnButton, SingleSignOnError } from './SignInOptions.tsx';
import { nextPathAfterSignIn, useSignInMethods } from './sign-in-methods.ts';

/** A return path inside this site only, so a crafted link cannot send the user elsewhere. */
function safeReturnPath(from: string | undefined): string {
  const internal = from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\');
  return internal && !from!.startsWith('/sign-in') ? from! : '/';
}

export default function SignInPage() {
  const { t } = useTranslation(['auth', 'sign-in-options']);
  const { session, endReason, acceptSession } = useSession();
  const methods = useSignInMethods();
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<SignInBody>();
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const routerState = location.state as (ReturnState & FlashState) | null;
  const returnTo = safeReturnPath(routerState?.from);
  // The form stays until the server says that neither local passwords nor the directory are on.
  const passwordForm = !methods.data || methods.data.password || methods.data.ldap;

  if (session) return <Navigate to={nextPathAfterSignIn(session, returnTo)} replace />;

  async function submit(values: SignInBody) {
    setSubmitting(true);
    setFailure(null);
    try {
      const signedIn = await api.post<SessionInfo>('/api/auth/sign-in', values);
      acceptSession(signedIn);
      navigate(nextPathAfterSignIn(signedIn, returnTo), { replace: true });
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
      {endReason === 'second_factor_failed' && !failure && (
        <Alert
          type="warning"
          showIcon
          title={t('sign-in-options:secondFactor.locked')}
          style={{ marginBottom: 16 }}
        />
      )}
      {routerState?.flash && !failure && (
        <Alert type="success" showIcon title={t(routerState.flash)} style={{ marginBottom: 16 }} />
      )}
      {!failure && <SingleSignOnError code={searchParams.get('loi')} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      {passwordForm && (
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
          {/* The spinner waits 300 ms, so a quick answer does not make the button flicker. */}
          <Button type="primary" htmlType="submit" block loading={submitting ? { delay: 300 } : false}>
            {t('signIn.submit')}
          </Button>
        </Form>
      )}
      {passwordForm && <ForgotPasswordLink />}
      <SingleSignOnButton withDivider={passwordForm} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('signIn.hint')}
      </Typography.Paragraph>
    </AuthFrame>
  );
}
