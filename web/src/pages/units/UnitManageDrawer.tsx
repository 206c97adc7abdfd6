import { Alert, Descriptions, Drawer, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { formatDate } from '../../format/dates.ts';
import { type UnitWithPath, useUnit } from '../org/org-api.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { CHILD_KINDS, CreateUnitForm } from './CreateUnitForm.tsx';
import { MoveUnitForm, PARENT_KINDS } from './MoveUnitForm.tsx';
import { RenameUnitForm } from './RenameUnitForm.tsx';

function UnitFacts({ unit }: { unit: UnitWithPath }) {
  const { t } = useTranslation('units');
  const decision = unit.decisionNumber
    ? t('facts.decision', { number: unit.decisionNumber, date: formatDate(unit.decisionDate) || '…' })
    : '—';
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'code', label: t('form.code'), children: unit.code },
        { key: 'name', label: t('form.name'), children: unit.name },
        { key: 'kind', label: t('facts.kind'), children: t(`kinds.${unit.kind}`) },
        {
          key: 'path',
          label: t('facts.path'),
          children: unit.path
            .slice(0, -1)
            .map((node) => `${node.code} ${node.name}`)
            .join(' › '),
        },
        {
          key: 'status',
          label: t('facts.status'),
          children:
            unit.status === 'active' ? (
              <Tag color="green">{t('facts.active')}</Tag>
            ) : (
              <Tag>{t('facts.ended', { date: formatDate(unit.validTo) })}</Tag>
            ),
        },
        { key: 'validFrom', label: t('facts.validFrom'), children: formatDate(unit.validFrom) },
        { key: 'decision', label: t('facts.foundingDecision'), children: decision },
      ]}
    />
  );
}

function UnitActions({ unit }: { unit: UnitWithPath }) {
  const { t } = useTranslation('units');
  if (unit.status !== 'active') return <Alert type="info" showIcon title={t('facts.endedNoChanges')} />;

  const items = [];
  if (CHILD_KINDS[unit.kind].length > 0)
    items.push({ key: 'create', label: t('create.tab'), children: <CreateUnitForm parent={unit} /> });
  items.push({
    key: 'rename',
    label: t('rename.tab'),
    children: <RenameUnitForm key={unit.rowVersion} unit={unit} />,
  });
  if (PARENT_KINDS[unit.kind].length > 0)
    items.push({ key: 'move', label: t('move.tab'), children: <MoveUnitForm unit={unit} /> });
  return <Tabs items={items} destroyOnHidden={false} />;
}

/**
 * Renders the drawer in which SNV manages one unit of the tree: its facts, then tabs to create a unit
 * under it, rename it and move it. Merges, splits and dissolutions have their own pages.
 */
export default function UnitManageDrawer({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useTranslation('units');
  const unit = useUnit(unitId);

  let body: React.ReactNode;
  if (unit.isPending) body = <PageSpinner />;
  else if (unit.isError) body = <LoadErrorResult error={unit.error} onRetry={() => void unit.refetch()} />;
  else
    body = (
      <>
        <UnitFacts unit={unit.data} />
        <div style={{ marginTop: 16 }}>
          <UnitActions unit={unit.data} />
        </div>
      </>
    );

  return (
    <Drawer
      open
      size={560}
      title={
        unit.data ? t('drawer.title', { code: unit.data.code, name: unit.data.name }) : t('drawer.loading')
      }
      onClose={onClose}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
