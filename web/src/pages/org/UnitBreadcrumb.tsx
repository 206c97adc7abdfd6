import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { type UnitWithPath, unitLink } from './org-api.ts';

/**
 * The unit's place in the tree. Ancestors at or below one of the account's grants are links;
 * those above (the province, for a unit admin) are plain text, because the server would refuse them.
 */
export function UnitBreadcrumb({ unit, asOf }: { unit: UnitWithPath | undefined; asOf: string | undefined }) {
  const session = useSignedInSession();
  if (!unit) return null;

  const grantUnits = new Set(session.grants.map((grant) => grant.unitId));
  const firstInScope = unit.path.findIndex((node) => grantUnits.has(node.id));
  const items = unit.path.map((node, index) => {
    const label = node.name ? `${node.name} (${node.code})` : node.code;
    const linkable = firstInScope !== -1 && index >= firstInScope && index < unit.path.length - 1;
    return { key: node.id, title: linkable ? <Link to={unitLink(node, asOf)}>{label}</Link> : label };
  });
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}
