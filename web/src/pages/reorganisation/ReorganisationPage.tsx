import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DissolveForm, MergeForm, SplitForm } from './ChangeForms.tsx';
import { EventsTable, PendingUnitsTable } from './HistoryTables.tsx';
import { UnitChangesForm } from './UnitChangesForm.tsx';

const TABS = ['merge', 'split', 'dissolve', 'units', 'pending', 'events'] as const;

/**
 * "Sắp xếp tổ chức bộ máy" for SNV: merge, split and dissolve units with their decision, create,
 * rename and move units, follow the ended units that still have people, and read the history.
 * ?tab= opens a tab, ?requestId= links the change to the organisation mismatch request it answers.
 */
export default function ReorganisationPage() {
  const { t } = useTranslation('reorganisation');
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const active = TABS.includes(requested as (typeof TABS)[number]) ? (requested as string) : 'merge';

  const content: Record<(typeof TABS)[number], React.ReactNode> = {
    merge: <MergeForm />,
    split: <SplitForm />,
    dissolve: <DissolveForm />,
    units: <UnitChangesForm />,
    pending: <PendingUnitsTable />,
    events: <EventsTable />,
  };

  return (
    <Card title={t('title')}>
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) =>
          setSearchParams((previous) => {
            const next = new URLSearchParams(previous);
            next.set('tab', key);
            return next;
          })
        }
        items={TABS.map((key) => ({ key, label: t(`tabs.${key}`), children: content[key] }))}
      />
    </Card>
  );
}
