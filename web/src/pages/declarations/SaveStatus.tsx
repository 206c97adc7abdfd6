import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from './format-time.ts';
import type { SaveState } from './useDeclarationSaver.ts';

/** Shows "Đã lưu lúc …", "Đang lưu…", or why the draft is not saved. */
export function SaveStatus({ state, onReload }: { state: SaveState; onReload: () => void }) {
  const { t } = useTranslation('declarations');
  switch (state.kind) {
    case 'saved':
      return (
        <Typography.Text type="success" data-testid="save-status">
          <CheckCircleOutlined /> {t('save.savedAt', { time: formatTime(state.at) })}
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary" data-testid="save-status">
          <LoadingOutlined /> {t('save.saving')}
        </Typography.Text>
      );
    case 'dirty':
      return (
        <Typography.Text type="secondary" data-testid="save-status">
          {t('save.dirty')}
        </Typography.Text>
      );
    case 'invalid':
      return (
        <Typography.Text type="warning" data-testid="save-status">
          <ExclamationCircleOutlined /> {t('save.invalid', { count: state.count })}
        </Typography.Text>
      );
    default:
      return (
        <Alert
          type="error"
          showIcon
          data-testid="save-status"
          title={state.message}
          action={
            state.stale ? (
              <Button size="small" onClick={onReload}>
                {t('save.reload')}
              </Button>
            ) : undefined
          }
        />
      );
  }
}
