import { Card, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

/** The centred card of the pages shown before the main layout: sign-in and password change. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content>
        <Flex justify="flex-end" style={{ padding: 16 }}>
          <LanguageSwitch />
        </Flex>
        <Flex vertical align="center" style={{ padding: '24px 16px' }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('appName')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('appTitle')}
          </Typography.Paragraph>
          <Card title={title} style={{ width: '100%', maxWidth: 440 }}>
            {children}
          </Card>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
