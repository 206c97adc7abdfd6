import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { SessionInfo } from '../../../../common/schemas/auth.ts';
import { ApiError, api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { useSession, useSignedInSession } from '../../session/SessionProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { nextPathAfterSignIn } from './sign-in-methods.ts';
import { TotpEnrolmentPanel } from './TotpEnrolmentPanel.tsx';

interface CodeForm {
  code: string;
}

/**
 * Checks whether the server still has the session. It uses plain fetch, because the API client's
 * 401 handler would end the session in the client as "expired", hiding the real reason.
 */
async function sessionStillOpen(): Promise<boolean> {
  const response = await fetch('/api/auth/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  return response.status !== 401;
}

/**
 * "Xác thực hai lớp": the TOTP step that unit and province admins owe after the first factor
 * when the server requires it. Enrols an authenticator app first when the account has none.
 */
export default function SecondFactorPage() {
  const { t } = useTranslation('sign-in-options');
  const session = useSignedInSession();
  const { acceptSession, signOut } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<CodeForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (!session.secondFactor) return <Navigate to={nextPathAfterSignIn(session, '/')} replace />;
  const enrolling = session.secondFactor === 'enrol';

  async function submit(values: CodeForm) {
    setSubmitting(true);
    setFailure(null);
    try {
      const verified = await api.post<SessionInfo>('/api/auth/totp/verify', { code: values.code.trim() });
      acceptSession(verified);
      navigate(nextPathAfterSignIn(verified, '/'), { replace: true });
    } catch (error) {
      form.setFieldValue('code', '');
      // The fifth wrong code ends the session on the server, though the response is the same 400.
      if (
        error instanceof ApiError &&
        error.code === 'SECOND_FACTOR_INVALID' &&
        !(await sessionStillOpen())
      ) {
        await signOut('second_factor_failed');
        return;
      }
      const unmatched = applyFieldErrors(form, error);
      setFailure([describeError(error), ...unmatched.map((field) => field.message)].join(' '));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthFrame title={t('secondFactor.title')}>
      <Typography.Paragraph>
        {enrolling ? t('secondFactor.enrolIntro') : t('secondFactor.verifyIntro')}
      </Typography.Paragraph>
      {enrolling && <TotpEnrolmentPanel accountId={session.accountId} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      {enrolling && <Typography.Text strong>{t('secondFactor.codeStep')}</Typography.Text>}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        disabled={submitting}
        style={{ marginTop: enrolling ? 8 : 0 }}
      >
        <Form.Item
          name="code"
          label={t('secondFactor.code')}
          rules={[
            { required: true, whitespace: true, message: t('secondFactor.codeRequired') },
            { pattern: /^\s*\d{3} ?\d{3}\s*$/, message: t('secondFactor.codeFormat') },
          ]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={9}
            placeholder="123456"
            autoFocus={!enrolling}
            style={{ fontSize: 20, letterSpacing: 4, maxWidth: 200 }}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('secondFactor.attemptsRule')}</Typography.Paragraph>
        <Flex gap={8} justify="space-between">
          <Button onClick={() => void signOut('signed_out')}>{t('common:actions.signOut')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('secondFactor.submit')}
          </Button>
        </Flex>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('secondFactor.lostPhone')}
      </Typography.Paragraph>
    </AuthFrame>
  );
}
