import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { UnitTreeNode } from '../../../../common/schemas/org.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useUnitTree } from '../org/org-api.ts';
import { LoadErrorResult } from '../StatusPages.tsx';

/** Active agencies of the tree the account reaches, in tree order. */
export function agenciesOf(nodes: UnitTreeNode[]): UnitTreeNode[] {
  return nodes.flatMap((node) => [
    ...(node.kind === 'agency' && node.status === 'active' ? [node] : []),
    ...agenciesOf(node.children),
  ]);
}

/** "Nhập hồ sơ từ Excel" in the menu: the import page of the admin's agency, or a choice of agencies. */
export default function ImportEntryPage() {
  const { t } = useTranslation('import');
  const tree = useUnitTree(undefined);

  if (tree.isPending) return <PageSpinner />;
  if (tree.isError) return <LoadErrorResult error={tree.error} onRetry={() => void tree.refetch()} />;
  const agencies = agenciesOf(tree.data);
  if (agencies.length === 1) return <Navigate to={`/units/${agencies[0]!.id}/imports`} replace />;

  return (
    <Card title={t('chooseAgency')}>
      {agencies.length === 0 ? (
        <Empty description={t('noAgency')} />
      ) : (
        <List
          dataSource={agencies}
          pagination={agencies.length > 30 ? { pageSize: 30 } : false}
          renderItem={(agency) => (
            <List.Item>
              <Link to={`/units/${agency.id}/imports`}>
                {agency.name} ({agency.code})
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
