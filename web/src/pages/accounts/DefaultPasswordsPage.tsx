import { Alert, Card, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx';
import { AccountTable } from './AccountTable.tsx';
import { useDefaultPasswordAccounts } from './accounts-api.ts';
import { useAccountListParams } from './list-params.ts';

/**
 * "Mật khẩu mặc định": the enabled accounts in the admin's scope whose owners have not yet
 * replaced the default password, so that the admin can remind them.
 */
export default function DefaultPasswordsPage() {
  const { t } = useTranslation('accounts');
  const { params, update, changePage } = useAccountListParams();
  const accounts = useDefaultPasswordAccounts({
    q: params.q,
    unitId: params.unitId,
    page: params.page,
    pageSize: params.pageSize,
  });

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('report.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('report.hint')}</Typography.Text>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={12} wrap>
          <Input.Search
            key={params.q}
            defaultValue={params.q}
            allowClear
            style={{ width: 360 }}
            maxLength={100}
            placeholder={t('filters.search')}
            aria-label={t('filters.search')}
            onSearch={(value) => update({ q: value.trim() || undefined })}
          />
          <UnitTreeSelect
            style={{ width: 360 }}
            allowClear
            placeholder={t('filters.unit')}
            aria-label={t('filters.unit')}
            value={params.unitId}
            onChange={(unitId) => update({ unitId: unitId ? String(unitId) : undefined })}
          />
        </Flex>
        {accounts.data && (
          <Alert
            type={accounts.data.total > 0 ? 'warning' : 'success'}
            showIcon
            data-testid="default-password-total"
            title={
              accounts.data.total > 0
                ? t('report.count', {
                    count: accounts.data.total,
                    formatted: formatCount(accounts.data.total),
                  })
                : t('report.none')
            }
          />
        )}
        {accounts.isError ? (
          <LoadErrorResult error={accounts.error} onRetry={() => void accounts.refetch()} />
        ) : (
          <AccountTable
            data={accounts.data}
            loading={accounts.isFetching}
            page={params.page}
            pageSize={params.pageSize}
            emptyText={t('report.none')}
            onPageChange={changePage}
          />
        )}
      </Flex>
    </Card>
  );
}
