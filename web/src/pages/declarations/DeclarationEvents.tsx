import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Declaration } from './declarations-api.ts';
import { formatDateTime } from './format-time.ts';

const EVENT_COLORS: Record<Declaration['events'][number]['event'], string> = {
  created: 'gray',
  submitted: 'blue',
  returned: 'red',
  approved: 'green',
  discarded: 'gray',
};

/** Lists what happened to a declaration: opened, submitted, returned (with the reason), approved. */
export function DeclarationEvents({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation('declarations');
  return (
    <Timeline
      data-testid="declaration-events"
      items={declaration.events.map((event) => ({
        color: EVENT_COLORS[event.event],
        content: (
          <>
            <Typography.Text strong>{t(`events.${event.event}`)}</Typography.Text> —{' '}
            {formatDateTime(event.occurredAt)}
            {event.actorName && (
              <div>
                <Typography.Text type="secondary">
                  {event.onBehalf
                    ? t('events.byOnBehalf', { name: event.actorName })
                    : t('events.by', { name: event.actorName })}
                </Typography.Text>
              </div>
            )}
            {event.reason && <div>{t('events.reason', { reason: event.reason })}</div>}
          </>
        ),
      }))}
    />
  );
}
