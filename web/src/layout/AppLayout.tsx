import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Flex, Layout, Menu, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LoadFailureBoundary } from '../components/LoadFailureBoundary.tsx';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { i18next, namespaceOf } from '../i18n/index.ts';
import { appRoutes } from '../routes.tsx';
import { holdsAnyRole, rolesOf } from '../session/roles.ts';
import { useSession, useSignedInSession } from '../session/SessionProvider.tsx';
import type { FlashState } from './flash.ts';

/** Shows the router state's flash message once (see flash.ts). */
function useFlashMessage() {
  const { message } = AntApp.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const flash = (location.state as FlashState | null)?.flash;

  useEffect(() => {
    if (!flash) return;
    void i18next.loadNamespaces(namespaceOf(flash)).then(() => message.success(i18next.t(flash)));
    navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [flash, message, navigate, location.pathname, location.search]);
}

function LayoutFrame() {
  const session = useSignedInSession();
  const menuRoutes = appRoutes
    .filter((route) => route.menu && holdsAnyRole(session, route.roles))
    .sort((left, right) => left.menu!.order - right.menu!.order);
  const { t } = useTranslation([
    'common',
    ...new Set(menuRoutes.map((route) => namespaceOf(route.menu!.labelKey))),
  ]);
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useFlashMessage();

  const selected = menuRoutes
    .filter((route) => matchPath({ path: route.path, end: true }, location.pathname))
    .map((route) => route.path);
  const roleNames = rolesOf(session)
    .map((role) => t(`roles.${role}`))
    .join(', ');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', flex: 1 }} ellipsis>
          {t('appTitle')}
        </Typography.Text>
        <LanguageSwitch />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'roles', label: roleNames || session.email, disabled: true },
              { type: 'divider' },
              {
                key: 'password',
                label: t('actions.changePassword'),
                onClick: () => navigate('/change-password'),
              },
              { key: 'sign-out', label: t('actions.signOut'), onClick: () => void signOut('signed_out') },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />} data-testid="account-menu">
            <Flex gap={6} align="center">
              {session.displayName}
              <DownOutlined />
            </Flex>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={menuRoutes.map((route) => ({
              key: route.path,
              icon: route.menu!.icon,
              label: t(route.menu!.labelKey),
            }))}
            onClick={({ key }) => navigate(key)}
            style={{ height: '100%', borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <LoadFailureBoundary key={location.pathname}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </LoadFailureBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Renders the frame of every signed-in page: header with account and language, side menu by role. */
export default function AppLayout() {
  return (
    <AntApp>
      <LayoutFrame />
    </AntApp>
  );
}
