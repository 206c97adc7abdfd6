import { Button, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { namespaceOf } from '../../i18n/index.ts';
import { appRoutes } from '../../routes.tsx';
import { holdsRole, staffUnits } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';

/** Returns the registry's menu pages for role person (declarations and the like, as modules add them). */
function personPages() {
  return appRoutes.filter((route) => route.menu && route.roles?.includes('person'));
}

/** Renders one card per role the account holds: a person's own record, and each unit it administers. */
export default function HomePage() {
  const session = useSignedInSession();
  const isPerson = holdsRole(session, 'person');
  const units = staffUnits(session);
  const pagesForPerson = isPerson ? personPages() : [];
  const { t } = useTranslation([
    'home',
    ...new Set(pagesForPerson.map((route) => namespaceOf(route.menu!.labelKey))),
  ]);
  const navigate = useNavigate();

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('greeting', { name: session.displayName })}
      </Typography.Title>

      {isPerson && (
        <Card title={t('person.title')}>
          {pagesForPerson.length === 0 ? (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('person.noDeclarationPages')}
            </Typography.Paragraph>
          ) : (
            <>
              <Typography.Paragraph>{t('person.pagesIntro')}</Typography.Paragraph>
              <Space wrap>
                {pagesForPerson.map((route) => (
                  <Button key={route.path} icon={route.menu!.icon} onClick={() => navigate(route.path)}>
                    {t(route.menu!.labelKey)}
                  </Button>
                ))}
              </Space>
            </>
          )}
        </Card>
      )}

      {units.map((unit) => {
        const roles = session.grants
          .filter((grant) => grant.unitId === unit.unitId)
          .map((grant) => t(`common:roles.${grant.role}`));
        const isProvince = session.grants.some(
          (grant) => grant.unitId === unit.unitId && grant.role === 'province_admin',
        );
        return (
          <Card
            key={unit.unitId}
            title={`${unit.unitName} (${unit.unitCode})`}
            extra={<Typography.Text type="secondary">{roles.join(', ')}</Typography.Text>}
          >
            <Space wrap>
              <Button type="primary" onClick={() => navigate(`/units/${unit.unitId}/table`)}>
                {isProvince ? t('staff.provinceHeadcount') : t('staff.headcount')}
              </Button>
              <Button onClick={() => navigate('/units/tree')}>{t('staff.tree')}</Button>
            </Space>
          </Card>
        );
      })}

      {!isPerson && units.length === 0 && <Typography.Paragraph>{t('noRoles')}</Typography.Paragraph>}
    </Flex>
  );
}
