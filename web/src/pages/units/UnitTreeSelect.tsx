import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import type { UnitKind } from '../../../../common/roles.ts';
import { foldForSearch } from '../../../../common/vietnamese.ts';
import { type UnitTreeNode, useUnitTree } from '../org/org-api.ts';

interface UnitOption {
  value: number;
  title: string;
  disabled: boolean;
  children: UnitOption[];
}

function toOptions(nodes: UnitTreeNode[], selectable: (node: UnitTreeNode) => boolean): UnitOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.code} — ${node.name}`,
    disabled: !selectable(node),
    children: toOptions(node.children, selectable),
  }));
}

export interface UnitTreeSelectProps {
  value?: number | undefined;
  onChange?: (unitId: number | undefined) => void;
  /** Kinds of unit that may be chosen; the others show greyed out. Absent means every kind. */
  kinds?: readonly UnitKind[] | undefined;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * Picks an active unit from the tree the account may see (the whole province for SNV, the
 * agency for a unit admin), searching code and name with tone marks optional. Works as an antd
 * form control (value and onChange).
 */
export function UnitTreeSelect({ value, onChange, kinds, allowClear, style, ...rest }: UnitTreeSelectProps) {
  const tree = useUnitTree(undefined);
  const options = useMemo(
    () =>
      toOptions(
        tree.data ?? [],
        (node) => node.status === 'active' && (kinds === undefined || kinds.includes(node.kind)),
      ),
    [tree.data, kinds],
  );

  return (
    <TreeSelect<number | undefined>
      {...rest}
      style={{ width: '100%', ...style }}
      showSearch={{
        treeNodeFilterProp: 'title',
        filterTreeNode: (input, node) =>
          foldForSearch(String(node.title ?? '')).includes(foldForSearch(input)),
      }}
      allowClear={allowClear}
      treeDefaultExpandedKeys={tree.data?.map((root) => root.id)}
      treeData={options}
      value={value}
      loading={tree.isPending}
      onChange={(next) => onChange?.(next ?? undefined)}
      popupMatchSelectWidth={false}
    />
  );
}
