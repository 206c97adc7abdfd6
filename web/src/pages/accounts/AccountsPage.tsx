import { KeyOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult } from '../StatusPages.tsx';
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx';
import { AccountTable } from './AccountTable.tsx';
import { type AccountWithPassword, useAccounts } from './accounts-api.ts';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { useAccountListParams } from './list-params.ts';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';

/**
 * "Tài khoản": the accounts whose home unit lies in the viewer's scope, searched by name or
 * e-mail with tone marks optional, filtered by unit and by whether the default password is
 * still set. SNV also creates accounts here.
 */
export default function AccountsPage() {
  const { t } = useTranslation('accounts');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const { params, update, changePage } = useAccountListParams();
  const accounts = useAccounts(params);
  const isProvinceAdmin = holdsRole(session, 'province_admin');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AccountWithPassword | null>(null);

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('list.hint')}</Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Link to="/accounts/default-passwords">
            <Button icon={<KeyOutlined />}>{t('report.menu')}</Button>
          </Link>
          {isProvinceAdmin && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
              {t('create.button')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Input.Search
          key={params.q}
          defaultValue={params.q}
          allowClear
          enterButton={t('filters.searchButton')}
          maxLength={100}
          placeholder={t('filters.search')}
          aria-label={t('filters.search')}
          onSearch={(value) => update({ q: value.trim() || undefined })}
        />
        <Flex gap={12} wrap>
          <UnitTreeSelect
            style={{ width: 360 }}
            allowClear
            placeholder={t('filters.unit')}
            aria-label={t('filters.unit')}
            value={params.unitId}
            onChange={(unitId) => update({ unitId: unitId ? String(unitId) : undefined })}
          />
          <Select
            style={{ width: 280 }}
            aria-label={t('filters.password')}
            value={params.defaultPassword ?? 'all'}
            options={[
              { value: 'all', label: t('filters.passwordAll') },
              { value: 'true', label: t('filters.passwordDefault') },
              { value: 'false', label: t('filters.passwordChanged') },
            ]}
            onChange={(value: string) => update({ defaultPassword: value === 'all' ? undefined : value })}
          />
        </Flex>
        {accounts.isError ? (
          <LoadErrorResult error={accounts.error} onRetry={() => void accounts.refetch()} />
        ) : (
          <AccountTable
            data={accounts.data}
            loading={accounts.isFetching}
            page={params.page}
            pageSize={params.pageSize}
            emptyText={t('list.empty')}
            onPageChange={changePage}
          />
        )}
      </Flex>
      {isProvinceAdmin && (
        <CreateAccountModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            void accounts.refetch();
          }}
        />
      )}
      <OneTimePasswordModal
        result={created}
        reason="created"
        onClose={() => {
          const accountId = created?.account.id;
          setCreated(null);
          if (accountId) navigate(`/accounts/${accountId}`);
        }}
      />
    </Card>
  );
}
