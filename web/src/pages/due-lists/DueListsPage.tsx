import { BellOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Flex,
  Popconfirm,
  Segmented,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { type Key, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { type DueHorizon, dueHorizons } from '../../../../common/schemas/due-lists.ts';
import { describeError } from '../../api/errors.ts';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { ExportButton } from '../search/export/ExportButton.tsx';
import { RetirementDueTable, StepDueTable } from './DueTables.tsx';
import { type DueListResponse, useDueLists, useDueNotify } from './due-lists-api.ts';

type Tab = 'steps' | 'retirements';

function horizonOf(value: string | null): DueHorizon {
  const months = Number(value);
  return (dueHorizons as readonly number[]).includes(months) ? (months as DueHorizon) : 3;
}

/** Shows the reminders at the top of the page: what is overdue and what falls due within 3 months. */
function Reminders({ lists }: { lists: DueListResponse }) {
  const { t } = useTranslation('dueLists');
  const shortest = lists.counts.find((count) => count.months === 3);
  if (!shortest) return null;
  const lines: string[] = [];
  if (shortest.overdueSteps > 0) lines.push(t('reminders.overdueSteps', { count: shortest.overdueSteps }));
  if (shortest.steps - shortest.overdueSteps > 0)
    lines.push(t('reminders.steps', { count: shortest.steps - shortest.overdueSteps }));
  if (shortest.overdueRetirements > 0)
    lines.push(t('reminders.overdueRetirements', { count: shortest.overdueRetirements }));
  if (shortest.retirements - shortest.overdueRetirements > 0)
    lines.push(t('reminders.retirements', { count: shortest.retirements - shortest.overdueRetirements }));
  if (lines.length === 0) return <Alert type="success" showIcon message={t('reminders.none')} />;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<BellOutlined />}
      message={t('reminders.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * Lists of one unit: step increases, over-frame allowance starts and retirements falling due in
 * the next 3, 6 or 12 months (?months=), with reminders, the Excel export and, for admins, in-app
 * reminders to the people listed.
 */
export default function DueListsPage() {
  const { t } = useTranslation('dueLists');
  const { message } = AntApp.useApp();
  const session = useSignedInSession();
  const unitId = Number(useParams().id);
  const [searchParams, setSearchParams] = useSearchParams();
  const months = horizonOf(searchParams.get('months'));
  const [tab, setTab] = useState<Tab>('steps');
  const [selected, setSelected] = useState<Key[]>([]);
  const lists = useDueLists(unitId, months);
  const notify = useDueNotify(unitId);
  const mayNotify = holdsRole(session, 'unit_admin') || holdsRole(session, 'province_admin');

  if (!Number.isInteger(unitId) || unitId <= 0) return <NotFoundPage />;
  if (lists.isError) return <LoadErrorResult error={lists.error} onRetry={() => void lists.refetch()} />;
  const data = lists.data;

  function changeHorizon(next: DueHorizon) {
    setSelected([]);
    setSearchParams({ months: String(next) }, { replace: true });
  }

  async function sendReminders() {
    try {
      const result = await notify.mutateAsync({
        months,
        kind: tab,
        ...(selected.length > 0 ? { personIds: selected.map(Number) } : {}),
      });
      message.success(
        t('notify.done', {
          notified: result.notified,
          already: result.alreadyNotified,
          without: result.withoutAccount,
        }),
      );
    } catch (error) {
      message.error(describeError(error));
    }
  }

  const countOf = (horizon: number) => data?.counts.find((count) => count.months === horizon);
  const listed = tab === 'steps' ? (data?.steps.length ?? 0) : (data?.retirements.length ?? 0);
  const selection = mayNotify ? { keys: selected, onChange: setSelected } : undefined;

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {data ? (
            <Typography.Text type="secondary">
              {t('subtitle', {
                unit: `${data.unit.name} (${data.unit.code})`,
                from: formatDate(data.asOf),
                to: formatDate(data.until),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      }
      extra={
        <Space wrap>
          <ExportButton path={`/api/units/${unitId}/due-lists/export`} body={{ months }} disabled={!data} />
          {mayNotify ? (
            <Popconfirm
              title={t('notify.confirm', { count: selected.length || listed })}
              onConfirm={() => void sendReminders()}
              okText={t('notify.send')}
              disabled={listed === 0}
            >
              <Button icon={<BellOutlined />} loading={notify.isPending} disabled={listed === 0}>
                {selected.length > 0 ? t('notify.selected', { count: selected.length }) : t('notify.all')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<DueHorizon>
          value={months}
          onChange={changeHorizon}
          options={dueHorizons.map((horizon) => {
            const count = countOf(horizon);
            return {
              value: horizon,
              label: count
                ? t('horizonWithCount', {
                    months: horizon,
                    count: formatCount(count.steps + count.retirements),
                  })
                : t('horizon', { months: horizon }),
            };
          })}
        />
        {data ? <Reminders lists={data} /> : null}
        {data && (data.incomplete.steps > 0 || data.incomplete.retirements > 0) ? (
          <Typography.Text type="secondary">
            {t('incomplete', { steps: data.incomplete.steps, retirements: data.incomplete.retirements })}
          </Typography.Text>
        ) : null}
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setSelected([]);
            setTab(key as Tab);
          }}
          items={[
            {
              key: 'steps',
              label: t('tabs.steps', { count: data?.steps.length ?? 0 }),
              children: (
                <StepDueTable items={data?.steps ?? []} loading={lists.isFetching} selection={selection} />
              ),
            },
            {
              key: 'retirements',
              label: t('tabs.retirements', { count: data?.retirements.length ?? 0 }),
              children: (
                <RetirementDueTable
                  items={data?.retirements ?? []}
                  loading={lists.isFetching}
                  selection={selection}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
