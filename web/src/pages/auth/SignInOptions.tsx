import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ErrorCode, errorCatalog } from '../../../../common/error-codes.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { SSO_START_PATH, useSignInMethods } from './sign-in-methods.ts';

// Codes with a message written for single sign-on; the catalog's wording (about passwords) would mislead.
const SSO_ERROR_CODES = new Set([
  'INVALID_CREDENTIALS',
  'DIRECTORY_UNAVAILABLE',
  'SIGN_IN_METHOD_DISABLED',
  'RATE_LIMITED',
]);

/**
 * The message for `/dang-nhap?loi=CODE`, where the single sign-on callback sends the browser
 * after a failure. Only known codes are looked up; any other value gets the general message, so
 * a crafted link cannot put its own text on the sign-in page.
 */
export function useSsoErrorMessage(code: string | null): string | null {
  const { t } = useTranslation('sign-in-options');
  if (!code) return null;
  if (SSO_ERROR_CODES.has(code)) return t(`sso.errors.${code}`);
  if (code !== 'INTERNAL' && Object.hasOwn(errorCatalog, code))
    return errorCatalog[code as ErrorCode][currentLanguage()];
  return t('sso.failed');
}

/** "Quên mật khẩu?" under the password form, shown whenever the form is. */
export function ForgotPasswordLink() {
  const { t } = useTranslation('sign-in-options');
  return (
    <Flex justify="flex-end" style={{ marginTop: 12 }}>
      <Link to="/forgot-password">{t('forgot.link')}</Link>
    </Flex>
  );
}

/** The single sign-on button, when the server has an OpenID Connect provider configured. */
export function SingleSignOnButton({ withDivider }: { withDivider: boolean }) {
  const { t } = useTranslation('sign-in-options');
  const methods = useSignInMethods();
  if (!methods.data?.oidc) return null;
  return (
    <>
      {withDivider && <Divider plain>{t('sso.or')}</Divider>}
      {/* A full page load, not router navigation: the server answers with a redirect to the provider. */}
      <Button block icon={<SafetyCertificateOutlined />} href={SSO_START_PATH}>
        {t('sso.button')}
      </Button>
    </>
  );
}

/** The error of a failed single sign-on, from the `loi` parameter of the sign-in address. */
export function SingleSignOnError({ code }: { code: string | null }) {
  const message = useSsoErrorMessage(code);
  if (!message) return null;
  return <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} role="alert" />;
}
