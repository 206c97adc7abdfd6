import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import { ApiError, api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import type { FlashState } from '../../layout/flash.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { ResetUnavailable } from './ResetUnavailable.tsx';
import { useSignInMethods } from './sign-in-methods.ts';

interface ResetForm {
  newPassword: string;
  confirmPassword: string;
}

/**
 * Reads the token of the e-mailed link `/dat-lai-mat-khau#token=…`. It sits in the fragment, which
 * the browser sends to no server, and the page sends it only in the body of the POST.
 */
function tokenOfFragment(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') || null;
}

/** "Đặt lại mật khẩu": the page the reset link opens; sets a new password, then goes to sign-in. */
export default function ResetPasswordPage() {
  const { t } = useTranslation('sign-in-options');
  const methods = useSignInMethods();
  const { session, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenOfFragment(location.hash));
  const [form] = Form.useForm<ResetForm>();
  const [failure, setFailure] = useState<{ message: string; linkInvalid: boolean } | null>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: ResetForm) {
    setSubmitting(true);
    setFailure(null);
    try {
      await api.post('/api/auth/password-reset/complete', { token, newPassword: values.newPassword });
      // The reset ended every session of the account, a session open in this browser included.
      if (session) await signOut('signed_out');
      navigate('/sign-in', {
        replace: true,
        state: { flash: 'sign-in-options:reset.done' } satisfies FlashState,
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SIGN_IN_METHOD_DISABLED') {
        setTurnedOff(true);
        return;
      }
      const unmatched = applyFieldErrors(form, error);
      // Policy reasons stand under the password field; repeating them above the form adds nothing.
      if (error instanceof ApiError && error.fields.length > 0 && unmatched.length === 0) return;
      const linkInvalid =
        error instanceof ApiError &&
        (error.code === 'PASSWORD_RESET_LINK_INVALID' || unmatched.some((field) => field.field === 'token'));
      const details = unmatched
        .map((field) => field.message)
        .filter((message) => message !== describeError(error));
      setFailure({ message: [describeError(error), ...details].join(' '), linkInvalid });
    } finally {
      setSubmitting(false);
    }
  }

  const requestNewLink = <Link to="/forgot-password">{t('reset.requestNew')}</Link>;

  if (methods.isPending) return <PageSpinner />;
  if (turnedOff || (methods.data && !methods.data.passwordReset))
    return (
      <AuthFrame title={t('reset.title')}>
        <ResetUnavailable methods={methods.data} />
      </AuthFrame>
    );
  if (!token)
    return (
      <AuthFrame title={t('reset.title')}>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('reset.missingToken')}
          style={{ marginBottom: 16 }}
        />
        <Flex justify="center">{requestNewLink}</Flex>
      </AuthFrame>
    );

  return (
    <AuthFrame title={t('reset.title')}>
      <Typography.Paragraph>{t('reset.intro')}</Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure.message}
          description={failure.linkInvalid ? requestNewLink : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Text strong>{t('reset.policyTitle')}</Typography.Text>
      <ul style={{ marginTop: 4, paddingInlineStart: 20 }}>
        <li>{t('reset.policyLength', { min: limits.passwordMinLength })}</li>
        <li>{t('reset.policyUsername')}</li>
        <li>{t('reset.policyCommon')}</li>
      </ul>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        disabled={submitting}
      >
        <Form.Item
          name="newPassword"
          label={t('reset.new')}
          rules={[
            { required: true, message: t('reset.newRequired') },
            {
              min: limits.passwordMinLength,
              message: t('reset.tooShort', { min: limits.passwordMinLength }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMaxLength} autoFocus />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('reset.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('reset.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('reset.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMaxLength} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('reset.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
