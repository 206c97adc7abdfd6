import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/errors.ts';
import { formatCount } from '../../../format/numbers.ts';
import { exportFileUrl, exportPercent, useExportJob } from './use-export-job.ts';

export interface ExportButtonProps {
  /** POST route that starts the export, e.g. /api/search/people/export. */
  path: string;
  /** The filter of the list, sent as the request body. */
  body: unknown;
  label?: string;
  disabled?: boolean;
}

/**
 * Renders an "Xuất Excel" button. A click starts the export on the server, a dialog shows the
 * rows written against the total while it runs, and the file downloads when it is ready.
 */
export function ExportButton({ path, body, label, disabled }: ExportButtonProps) {
  const { t } = useTranslation('search');
  const { state, start, reset } = useExportJob();
  const busy = state.phase === 'starting' || state.phase === 'running';
  const job = state.phase === 'running' || state.phase === 'done' ? state.job : undefined;

  let failure: string | null = null;
  if (state.phase === 'failed') failure = state.job?.error ?? describeError(state.error);

  return (
    <>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy}
        disabled={disabled}
        onClick={() => void start(path, body)}
      >
        {label ?? t('export.button')}
      </Button>
      <Modal
        open={state.phase !== 'idle'}
        title={t('export.title')}
        onCancel={reset}
        footer={
          <Button onClick={reset} type={state.phase === 'done' ? 'primary' : 'default'}>
            {busy ? t('export.hide') : t('export.close')}
          </Button>
        }
      >
        {failure ? (
          <Alert type="error" showIcon message={failure} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress
              percent={job ? exportPercent(job) : 0}
              status={state.phase === 'done' ? 'success' : 'active'}
              aria-label={t('export.progress')}
            />
            <Typography.Text type="secondary">
              {job
                ? t(state.phase === 'done' ? 'export.done' : 'export.rows', {
                    done: formatCount(job.rowsDone),
                    total: formatCount(job.rowsTotal),
                  })
                : t('export.starting')}
            </Typography.Text>
            {busy ? <Typography.Text type="secondary">{t('export.background')}</Typography.Text> : null}
            {state.phase === 'done' && job ? (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                href={exportFileUrl(job)}
                download={job.fileName}
              >
                {t('export.downloadAgain', { file: job.fileName })}
              </Button>
            ) : null}
          </Space>
        )}
      </Modal>
    </>
  );
}
