import { Card, Empty, Flex, Input, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { foldForSearch } from '../../../../common/vietnamese.ts';
import { AsOfDatePicker, useAsOfParam } from '../../components/AsOfDatePicker.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult } from '../StatusPages.tsx';
import { UnitManageButton } from '../units/UnitManageButton.tsx';
import { type UnitTreeNode, unitLink, useUnitTree } from './org-api.ts';

// SNV's create, rename and move forms load only when a province admin opens them.
const UnitManageDrawer = lazy(() => import('../units/UnitManageDrawer.tsx'));

interface FilteredTree {
  nodes: UnitTreeNode[];
  /** Ids of units with a matching descendant, to expand while searching. */
  expanded: number[];
}

/** Keeps the units whose code or name matches (accents ignored) and the path down to them. */
function filterTree(nodes: UnitTreeNode[], foldedQuery: string): FilteredTree {
  const expanded: number[] = [];
  const visit = (node: UnitTreeNode): UnitTreeNode | null => {
    const children = node.children.map(visit).filter((child): child is UnitTreeNode => child !== null);
    const matches = foldForSearch(`${node.code} ${node.name}`).includes(foldedQuery);
    if (children.length > 0) expanded.push(node.id);
    return matches || children.length > 0 ? { ...node, children } : null;
  };
  return { nodes: nodes.map(visit).filter((node): node is UnitTreeNode => node !== null), expanded };
}

export default function OrgTreePage() {
  const { t } = useTranslation('org');
  const navigate = useNavigate();
  const [asOf, setAsOf] = useAsOfParam();
  const [search, setSearch] = useState('');
  const [expandedKeys, setExpandedKeys] = useState<Key[] | null>(null);
  const tree = useUnitTree(asOf);
  const canManage = holdsRole(useSignedInSession(), 'province_admin');
  const [managedUnitId, setManagedUnitId] = useState<number | null>(null);

  const foldedQuery = foldForSearch(search.trim());
  const filtered = useMemo(
    () => (tree.data && foldedQuery ? filterTree(tree.data, foldedQuery) : null),
    [tree.data, foldedQuery],
  );

  if (tree.isPending) return <PageSpinner />;
  if (tree.isError) return <LoadErrorResult error={tree.error} onRetry={() => void tree.refetch()} />;

  const nodes = filtered?.nodes ?? tree.data;
  const unitsById = new Map<string, UnitTreeNode>();
  const toTreeData = (node: UnitTreeNode): TreeDataNode => {
    unitsById.set(String(node.id), node);
    return {
      key: String(node.id),
      title: (
        <span>
          {node.code} — {node.name}
          {node.status === 'ended' && (
            <Tag style={{ marginInlineStart: 8 }} color="default">
              {t('tree.ended')}
            </Tag>
          )}
          {canManage && <UnitManageButton unit={node} onOpen={setManagedUnitId} />}
        </span>
      ),
      children: node.children.map(toTreeData),
    };
  };
  const treeData = nodes.map(toTreeData);
  // The roots start expanded, so their children show. A search expands the path to every match.
  const defaultExpanded = tree.data.map((root) => String(root.id));
  const shownExpanded = filtered ? filtered.expanded.map(String) : (expandedKeys ?? defaultExpanded);

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('tree.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('tree.hint')}</Typography.Text>
        </Flex>
      }
      extra={<AsOfDatePicker value={asOf} onChange={setAsOf} />}
    >
      <Input.Search
        allowClear
        placeholder={t('tree.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty description={t('tree.empty')} />
      ) : (
        <Tree
          showLine
          blockNode
          height={Math.max(360, window.innerHeight - 300)}
          treeData={treeData}
          expandedKeys={shownExpanded}
          onExpand={(keys) => setExpandedKeys(keys)}
          selectedKeys={[]}
          onSelect={(keys) => {
            const unit = unitsById.get(String(keys[0]));
            if (unit) navigate(unitLink(unit, asOf));
          }}
        />
      )}
      {managedUnitId !== null && (
        <Suspense fallback={null}>
          <UnitManageDrawer unitId={managedUnitId} onClose={() => setManagedUnitId(null)} />
        </Suspense>
      )}
    </Card>
  );
}
