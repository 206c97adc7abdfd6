import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../../../common/schemas/sign-in-options.ts';
import { api } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';

const QR_SIZE_PX = 200;

/** The secret in groups of four, which is easier to type into an app than one long string. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Draws the otpauth URI as a PNG data URL (allowed by the img-src CSP); qrcode loads only here. */
function useQrCode(text: string | undefined) {
  const [image, setImage] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!text) return;
    let current = true;
    import('qrcode')
      .then((qrcode) => qrcode.toDataURL(text, { width: QR_SIZE_PX, margin: 2, errorCorrectionLevel: 'M' }))
      .then(
        (url) => current && setImage({ url, failed: false }),
        () => current && setImage({ url: null, failed: true }),
      );
    return () => {
      current = false;
    };
  }, [text]);
  return image;
}

/**
 * Step 1 of TOTP enrolment: a new secret from the server, as a QR code and as text. Every
 * enrolment request replaces the unconfirmed secret, so the request runs once per page visit
 * (a query that never refetches), and the code typed next must come from the secret shown.
 */
export function TotpEnrolmentPanel({ accountId }: { accountId: number }) {
  const { t } = useTranslation('sign-in-options');
  const enrolment = useQuery({
    queryKey: ['totp-enrolment', accountId],
    queryFn: () => api.post<TotpEnrolment>('/api/auth/totp/enrol'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnMount: false,
    refetchOnReconnect: false,
  });
  const qr = useQrCode(enrolment.data?.otpauthUri);

  if (enrolment.isPending) return <Spin style={{ display: 'block', margin: '16px auto' }} />;
  if (enrolment.isError)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={`${t('secondFactor.enrolFailed')} ${describeError(enrolment.error)}`}
        action={
          <Button size="small" onClick={() => void enrolment.refetch()}>
            {t('common:actions.retry')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
    );

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('secondFactor.scanStep')}</Typography.Text>
      <Flex justify="center" style={{ minHeight: QR_SIZE_PX }}>
        {qr.url && (
          <img
            src={qr.url}
            alt={t('secondFactor.qrAlt')}
            width={QR_SIZE_PX}
            height={QR_SIZE_PX}
            data-testid="totp-qr"
          />
        )}
        {qr.failed && <Alert type="warning" showIcon title={t('secondFactor.qrFailed')} />}
        {!qr.url && !qr.failed && <Spin />}
      </Flex>
      <Typography.Text type="secondary">{t('secondFactor.manual')}</Typography.Text>
      <Typography.Text
        code
        copyable={{ text: enrolment.data.secret }}
        aria-label={t('secondFactor.secretLabel')}
        data-testid="totp-secret"
        style={{ fontSize: 16, textAlign: 'center' }}
      >
        {groupedSecret(enrolment.data.secret)}
      </Typography.Text>
      <Typography.Text type="secondary">{t('secondFactor.newSecretNote')}</Typography.Text>
    </Flex>
  );
}
