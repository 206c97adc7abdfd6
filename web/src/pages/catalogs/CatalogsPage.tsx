import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { formatCount } from '../../format/numbers.ts';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult } from '../StatusPages.tsx';
import { CatalogRequestModal } from './CatalogRequestModal.tsx';
import { catalogLabel } from './catalog-labels.ts';
import { type CatalogSummary, useCatalogRequestsChanged, useCatalogSummaries } from './catalogs-api.ts';

/** "Danh mục": every catalog with its number of entries; each opens its entries. */
export default function CatalogsPage() {
  const { t } = useTranslation('catalogs');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSignedInSession();
  const summaries = useCatalogSummaries();
  const requestsChanged = useCatalogRequestsChanged();
  const [requesting, setRequesting] = useState(false);
  const isUnitAdmin = holdsRole(session, 'unit_admin');
  const isAdmin = isUnitAdmin || holdsRole(session, 'province_admin');

  if (summaries.isPending) return <PageSpinner />;
  if (summaries.isError)
    return <LoadErrorResult error={summaries.error} onRetry={() => void summaries.refetch()} />;

  const columns: TableColumnsType<CatalogSummary> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 64,
      align: 'right',
      render: (_value, _row, index) => index + 1,
    },
    {
      title: t('fields.catalog'),
      key: 'label',
      render: (_value, summary) => (
        <Link to={`/catalogs/${summary.catalog}`}>{catalogLabel(summary.catalog)}</Link>
      ),
    },
    {
      title: t('list.entryCount'),
      dataIndex: 'entryCount',
      width: 140,
      align: 'right',
      render: (count: number) => formatCount(count),
    },
  ];

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
          {isAdmin && (
            <Link to="/catalogs/requests">
              <Button>{t('requests.menu')}</Button>
            </Link>
          )}
          {isUnitAdmin && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setRequesting(true)}>
              {t('request.button')}
            </Button>
          )}
        </Flex>
      }
    >
      <Table<CatalogSummary>
        size="middle"
        rowKey="catalog"
        pagination={false}
        columns={columns}
        dataSource={summaries.data}
      />
      {isUnitAdmin && (
        <CatalogRequestModal
          open={requesting}
          onClose={() => setRequesting(false)}
          onCreated={() => {
            setRequesting(false);
            void requestsChanged();
            message.success(t('request.done'));
            navigate('/catalogs/requests');
          }}
        />
      )}
    </Card>
  );
}
