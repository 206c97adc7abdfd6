import {
  ArrowLeftOutlined,
  EditOutlined,
  KeyOutlined,
  MobileOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { AccountStatusTags, formatDateTime } from './AccountTable.tsx';
import {
  type Account,
  type AccountWithPassword,
  accountActions,
  useAccount,
  useAccountChanged,
} from './accounts-api.ts';
import { EditAccountModal } from './EditAccountModal.tsx';
import { GrantRoleModal } from './GrantRoleModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';

type Grant = Account['grants'][number];
type ActionName = 'disable' | 'enable' | 'resetPassword' | 'resetTotp' | 'revoke';

interface ActionFailure {
  action: ActionName;
  message: string;
  /** Set for LAST_APPROVER, which gets an explanation of the rule below the server's message. */
  lastApprover: boolean;
}

function AccountFacts({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'email', label: t('fields.email'), children: account.email },
        { key: 'name', label: t('fields.displayName'), children: account.displayName },
        {
          key: 'unit',
          label: t('fields.homeUnit'),
          children: `${account.homeUnit.code} — ${account.homeUnit.name}`,
        },
        { key: 'person', label: t('fields.person'), children: account.personName ?? t('detail.noPerson') },
        { key: 'status', label: t('fields.status'), children: <AccountStatusTags account={account} /> },
        {
          key: 'lastSignIn',
          label: t('fields.lastSignIn'),
          children: formatDateTime(account.lastSignInAt) || t('detail.never'),
        },
        {
          key: 'passwordChanged',
          label: t('fields.passwordChangedAt'),
          children: formatDateTime(account.passwordChangedAt) || t('detail.never'),
        },
        { key: 'created', label: t('fields.createdAt'), children: formatDateTime(account.createdAt) },
        ...(account.disabledAt
          ? [
              {
                key: 'disabledAt',
                label: t('fields.disabledAt'),
                children: formatDateTime(account.disabledAt),
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * Renders one account: its facts and role grants. SNV edits it, resets its password (shown once),
 * disables or enables it and grants or revokes roles here. A rejection, such as revoking the last
 * approver of an agency, shows above the roles with the server's Vietnamese message.
 */
export default function AccountDetailPage() {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const accountId = Number(useParams().id);
  const session = useSignedInSession();
  const account = useAccount(accountId);
  const accountChanged = useAccountChanged();
  const isProvinceAdmin = holdsRole(session, 'province_admin');

  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [editing, setEditing] = useState(false);
  const [granting, setGranting] = useState(false);
  const [newPassword, setNewPassword] = useState<AccountWithPassword | null>(null);

  if (!Number.isInteger(accountId) || accountId <= 0) return <NotFoundPage />;
  if (account.isPending) return <PageSpinner />;
  if (account.isError)
    return <LoadErrorResult error={account.error} onRetry={() => void account.refetch()} />;

  const current = account.data;
  const isOwnAccount = current.id === session.accountId;

  async function run(action: ActionName, key: string, call: () => Promise<Account | AccountWithPassword>) {
    setBusy(key);
    setFailure(null);
    try {
      const result = await call();
      if ('initialPassword' in result) {
        await accountChanged(result.account);
        setNewPassword(result);
      } else {
        await accountChanged(result);
        message.success(t(`detail.done.${action}`));
      }
    } catch (error) {
      setFailure({
        action,
        message: describeError(error),
        lastApprover: error instanceof ApiError && error.code === 'LAST_APPROVER',
      });
    } finally {
      setBusy(null);
    }
  }

  const grantColumns = [
    {
      title: t('fields.role'),
      key: 'role',
      render: (_value: unknown, grant: Grant) => t(`common:roles.${grant.role}`),
    },
    {
      title: t('fields.unit'),
      key: 'unit',
      render: (_value: unknown, grant: Grant) => `${grant.unitCode} — ${grant.unitName}`,
    },
    {
      title: t('fields.grantedAt'),
      dataIndex: 'grantedAt',
      width: 160,
      render: (value: string) => formatDateTime(value),
    },
    ...(isProvinceAdmin
      ? [
          {
            title: '',
            key: 'actions',
            width: 140,
            render: (_value: unknown, grant: Grant) => (
              <Popconfirm
                title={t('detail.revokeConfirm', {
                  role: t(`common:roles.${grant.role}`),
                  unit: `${grant.unitCode} — ${grant.unitName}`,
                })}
                okText={t('detail.revoke')}
                cancelText={t('actions.cancel')}
                onConfirm={() =>
                  run('revoke', `revoke-${grant.id}`, () => accountActions.revoke(current.id, grant.id))
                }
              >
                <Button danger size="small" loading={busy === `revoke-${grant.id}`}>
                  {t('detail.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const adminButtons = isProvinceAdmin ? (
    <Flex gap={8} wrap>
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
        {t('detail.edit')}
      </Button>
      {!isOwnAccount && (
        <Popconfirm
          title={t('detail.resetConfirm')}
          description={t('detail.resetConfirmText')}
          okText={t('detail.resetPassword')}
          cancelText={t('actions.cancel')}
          onConfirm={() => run('resetPassword', 'reset', () => accountActions.resetPassword(current.id))}
        >
          <Button icon={<KeyOutlined />} loading={busy === 'reset'}>
            {t('detail.resetPassword')}
          </Button>
        </Popconfirm>
      )}
      {!isOwnAccount && (
        <Popconfirm
          title={t('detail.resetTotpConfirm')}
          description={t('detail.resetTotpConfirmText')}
          okText={t('detail.resetTotp')}
          cancelText={t('actions.cancel')}
          onConfirm={() => run('resetTotp', 'resetTotp', () => accountActions.resetTotp(current.id))}
        >
          <Button icon={<MobileOutlined />} loading={busy === 'resetTotp'}>
            {t('detail.resetTotp')}
          </Button>
        </Popconfirm>
      )}
      {!isOwnAccount &&
        (current.disabled ? (
          <Popconfirm
            title={t('detail.enableConfirm')}
            okText={t('detail.enable')}
            cancelText={t('actions.cancel')}
            onConfirm={() => run('enable', 'enable', () => accountActions.enable(current.id))}
          >
            <Button loading={busy === 'enable'}>{t('detail.enable')}</Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title={t('detail.disableConfirm')}
            description={t('detail.disableConfirmText')}
            okText={t('detail.disable')}
            cancelText={t('actions.cancel')}
            onConfirm={() => run('disable', 'disable', () => accountActions.disable(current.id))}
          >
            <Button danger loading={busy === 'disable'}>
              {t('detail.disable')}
            </Button>
          </Popconfirm>
        ))}
    </Flex>
  ) : null;

  return (
    <Flex vertical gap={16}>
      <Link to="/accounts">
        <ArrowLeftOutlined /> {t('detail.back')}
      </Link>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {current.displayName}
          </Typography.Title>
        }
        extra={adminButtons}
      >
        {failure && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="account-action-failure"
            closable={{ onClose: () => setFailure(null) }}
            style={{ marginBottom: 16 }}
            title={t(`detail.failed.${failure.action}`)}
            description={
              <>
                <div>{failure.message}</div>
                {failure.lastApprover && <div style={{ marginTop: 4 }}>{t('detail.lastApproverRule')}</div>}
              </>
            }
          />
        )}
        <AccountFacts account={current} />
      </Card>
      <Card
        title={t('detail.roles')}
        extra={
          isProvinceAdmin && (
            <Button icon={<PlusOutlined />} onClick={() => setGranting(true)} disabled={current.disabled}>
              {t('grant.button')}
            </Button>
          )
        }
      >
        <Table<Grant>
          size="middle"
          rowKey="id"
          pagination={false}
          columns={grantColumns}
          dataSource={current.grants}
          locale={{ emptyText: t('detail.noRoles') }}
        />
      </Card>
      {isProvinceAdmin && (
        <>
          <EditAccountModal
            account={current}
            open={editing}
            onClose={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              void accountChanged(saved);
              message.success(t('detail.done.edit'));
            }}
          />
          <GrantRoleModal
            account={current}
            open={granting}
            onClose={() => setGranting(false)}
            onGranted={(updated) => {
              setGranting(false);
              void accountChanged(updated);
              message.success(t('detail.done.grant'));
            }}
          />
        </>
      )}
      <OneTimePasswordModal result={newPassword} reason="reset" onClose={() => setNewPassword(null)} />
    </Flex>
  );
}
