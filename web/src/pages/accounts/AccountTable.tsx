import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../format/numbers.ts';
import type { Account, AccountsPage } from './accounts-api.ts';

/** Formats a timestamp as dd/mm/yyyy hh:mm in the browser's time zone, or an empty string. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
}

/** Renders the account's state as tags: disabled, locked after failed sign-ins, default password, active. */
export function AccountStatusTags({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  const tags = [];
  if (account.disabled)
    tags.push(
      <Tag key="disabled" color="red">
        {t('status.disabled')}
      </Tag>,
    );
  else if (account.lockedUntil && dayjs(account.lockedUntil).isAfter(dayjs()))
    tags.push(
      <Tag key="locked" color="orange">
        {t('status.locked', { until: formatDateTime(account.lockedUntil) })}
      </Tag>,
    );
  else
    tags.push(
      <Tag key="active" color="green">
        {t('status.active')}
      </Tag>,
    );
  if (account.mustChangePassword)
    tags.push(
      <Tag key="default" color="gold">
        {t('status.defaultPassword')}
      </Tag>,
    );
  return (
    <Flex gap={4} wrap>
      {tags}
    </Flex>
  );
}

export function RoleTags({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  return (
    <Flex gap={4} wrap>
      {account.grants.map((grant) => (
        <Tag key={grant.id} color={grant.role === 'province_admin' ? 'purple' : 'blue'}>
          {t('roleOnUnit', { role: t(`common:roles.${grant.role}`), code: grant.unitCode })}
        </Tag>
      ))}
    </Flex>
  );
}

export interface AccountTableProps {
  data: AccountsPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  emptyText: string;
}

/** Renders one page of accounts as the server sorted it, each name opening the account's detail. */
export function AccountTable({ data, loading, page, pageSize, onPageChange, emptyText }: AccountTableProps) {
  const { t } = useTranslation('accounts');

  const columns: TableColumnsType<Account> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 64,
      align: 'right',
      render: (_value, _row, index) => (page - 1) * pageSize + index + 1,
    },
    {
      // The e-mail sits under the name, which leaves the unit and roles room on a laptop screen.
      title: `${t('fields.displayName')} / ${t('fields.email')}`,
      dataIndex: 'displayName',
      width: 270,
      render: (name: string, account) => (
        <Flex vertical>
          <Link to={`/accounts/${account.id}`}>{name}</Link>
          <Typography.Text type="secondary">{account.email}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('fields.homeUnit'),
      key: 'homeUnit',
      width: 230,
      render: (_value, account) => (
        <span data-unit-code={account.homeUnit.code}>
          {account.homeUnit.code} — {account.homeUnit.name}
        </span>
      ),
    },
    { title: t('fields.roles'), key: 'roles', render: (_value, account) => <RoleTags account={account} /> },
    {
      title: t('fields.status'),
      key: 'status',
      width: 170,
      render: (_value, account) => <AccountStatusTags account={account} />,
    },
    {
      title: t('fields.lastSignIn'),
      dataIndex: 'lastSignInAt',
      width: 140,
      render: (value: string | null) => formatDateTime(value),
    },
  ];

  return (
    <Table<Account>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total, range) =>
          t('common:table.range', {
            from: formatCount(range[0]),
            to: formatCount(range[1]),
            total: formatCount(total),
          }),
        onChange: onPageChange,
      }}
    />
  );
}
