import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Declaration } from './declarations-api.ts';
import { formatDateTime } from './format-time.ts';

/**
 * Shows the state of a declaration in one line: nháp, đã nộp, bị trả lại (with the reason), đã phê
 * duyệt. When a unit admin edits on a member's behalf, the banner tells.
 */
export function StatusBanner({ declaration, onBehalf }: { declaration: Declaration; onBehalf: boolean }) {
  const { t } = useTranslation('declarations');
  const who = onBehalf ? t('banner.onBehalf', { name: declaration.personName }) : '';
  const target = declaration.targetAgency
    ? `${declaration.targetAgency.name}${declaration.targetDivision ? ` — ${declaration.targetDivision.name}` : ''}`
    : '';

  switch (declaration.status) {
    case 'draft':
      return (
        <Alert
          type="info"
          showIcon
          data-testid="declaration-status"
          title={t('banner.draft')}
          description={[who, t('banner.draftHint')].filter(Boolean).join(' ')}
        />
      );
    case 'submitted':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="declaration-status"
          title={t('banner.submitted', { time: formatDateTime(declaration.submittedAt) })}
          description={[
            who,
            target ? t('banner.submittedTo', { unit: target }) : '',
            t('banner.submittedHint'),
          ]
            .filter(Boolean)
            .join(' ')}
        />
      );
    case 'returned':
      return (
        <Alert
          type="error"
          showIcon
          data-testid="declaration-status"
          title={t('banner.returned', { time: formatDateTime(declaration.decidedAt) })}
          description={
            <>
              <div data-testid="return-reason">
                <strong>{t('banner.reason')}</strong> {declaration.returnReason}
              </div>
              <div>{[who, t('banner.returnedHint')].filter(Boolean).join(' ')}</div>
            </>
          }
        />
      );
    case 'approved':
      return (
        <Alert
          type="success"
          showIcon
          data-testid="declaration-status"
          title={t('banner.approved', { time: formatDateTime(declaration.decidedAt) })}
          description={who || undefined}
        />
      );
    default:
      return (
        <Alert
          type="info"
          showIcon
          data-testid="declaration-status"
          title={t('banner.discarded', { time: formatDateTime(declaration.updatedAt) })}
        />
      );
  }
}
