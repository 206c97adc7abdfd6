import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import { ApiError, api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { ResetUnavailable } from './ResetUnavailable.tsx';
import { useSignInMethods } from './sign-in-methods.ts';

interface ForgotPasswordForm {
  email: string;
}

/**
 * "Quên mật khẩu": asks for the official e-mail and always shows the same message afterwards,
 * because the server answers alike whether or not the account exists.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('sign-in-options');
  const methods = useSignInMethods();
  const [form] = Form.useForm<ForgotPasswordForm>();
  const [sent, setSent] = useState(false);
  const [turnedOff, setTurnedOff] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: ForgotPasswordForm) {
    setSubmitting(true);
    setFailure(null);
    try {
      await api.post('/api/auth/password-reset', { email: values.email });
      setSent(true);
    } catch (error) {
      // The server turned reset off after this page loaded its options.
      if (error instanceof ApiError && error.code === 'SIGN_IN_METHOD_DISABLED') setTurnedOff(true);
      else {
        applyFieldErrors(form, error);
        setFailure(describeError(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  const backLink = (
    <Flex justify="center" style={{ marginTop: 16 }}>
      <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
    </Flex>
  );

  if (methods.isPending) return <PageSpinner />;
  if (turnedOff || (methods.data && !methods.data.passwordReset))
    return (
      <AuthFrame title={t('forgot.title')}>
        <ResetUnavailable methods={methods.data} />
        {backLink}
      </AuthFrame>
    );

  return (
    <AuthFrame title={t('forgot.title')}>
      {sent ? (
        <Alert type="success" showIcon title={t('forgot.sent')} role="status" />
      ) : (
        <>
          <Typography.Paragraph>{t('forgot.intro')}</Typography.Paragraph>
          {failure && (
            <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />
          )}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
            disabled={submitting}
          >
            <Form.Item
              name="email"
              label={t('forgot.email')}
              rules={[
                { required: true, whitespace: true, message: t('forgot.emailRequired') },
                { max: limits.emailMaxLength },
              ]}
            >
              <Input
                inputMode="email"
                autoComplete="username"
                placeholder={t('forgot.emailPlaceholder')}
                autoFocus
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('forgot.submit')}
            </Button>
          </Form>
        </>
      )}
      {backLink}
    </AuthFrame>
  );
}
