import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignInMethods } from '../../../../common/schemas/sign-in-options.ts';

/**
 * Why password reset by e-mail cannot be used here: passwords live in the province directory
 * (LDAP without local passwords), or the server has no mail relay (no SMTP_URL).
 */
export function ResetUnavailable({ methods }: { methods: SignInMethods | undefined }) {
  const { t } = useTranslation('sign-in-options');
  const external = methods !== undefined && !methods.password && methods.ldap;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={external ? t('forgot.managedExternally') : t('forgot.disabled')}
    />
  );
}
