import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CvArchiveBody } from '../../../../common/schemas/documents.ts';
import { describeError } from '../../api/errors.ts';
import { formatCount } from '../../format/numbers.ts';
import { exportFileUrl, exportPercent, useExportJob } from '../search/export/use-export-job.ts';

/**
 * Renders the "Tải Sơ yếu lý lịch (.zip)" button of a unit's people list. The dialog offers the
 * choice of form, then shows the CVs written against the total while the server builds the archive, and the
 * .zip downloads when it is ready.
 */
export function CvArchiveButton({ unitId }: { unitId: number }) {
  const { t } = useTranslation('org');
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<CvArchiveBody['form']>('2c');
  const { state, start, reset } = useExportJob();
  const busy = state.phase === 'starting' || state.phase === 'running';
  const job = state.phase === 'running' || state.phase === 'done' ? state.job : undefined;

  let failure: string | null = null;
  if (state.phase === 'failed') failure = state.job?.error ?? describeError(state.error);

  function close() {
    setOpen(false);
    // A running archive keeps going on the server, so only a finished or failed one is cleared.
    if (!busy) reset();
  }

  const body: CvArchiveBody = { form };

  return (
    <>
      <Button icon={<FileWordOutlined />} loading={busy} onClick={() => setOpen(true)}>
        {t('cvArchive.button')}
      </Button>
      <Modal
        open={open}
        title={t('cvArchive.title')}
        onCancel={close}
        footer={
          <Space>
            <Button onClick={close}>{busy ? t('cvArchive.hide') : t('cvArchive.close')}</Button>
            {state.phase === 'idle' || state.phase === 'failed' ? (
              <Button type="primary" onClick={() => void start(`/api/units/${unitId}/cv-archive`, body)}>
                {t('cvArchive.start')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('cvArchive.form')}</Typography.Text>
          <Radio.Group
            value={form}
            disabled={busy}
            onChange={(event) => setForm(event.target.value as CvArchiveBody['form'])}
            options={[
              { value: '2c', label: t('cvArchive.form2c') },
              { value: '2023', label: t('cvArchive.form2023') },
            ]}
          />
          <Typography.Text type="secondary">{t('cvArchive.hint')}</Typography.Text>

          {failure ? <Alert type="error" showIcon message={failure} /> : null}
          {state.phase !== 'idle' && !failure ? (
            <>
              <Progress
                percent={job ? exportPercent(job) : 0}
                status={state.phase === 'done' ? 'success' : 'active'}
                aria-label={t('cvArchive.progress')}
              />
              <Typography.Text type="secondary">
                {job
                  ? t(state.phase === 'done' ? 'cvArchive.done' : 'cvArchive.files', {
                      done: formatCount(job.rowsDone),
                      total: formatCount(job.rowsTotal),
                    })
                  : t('cvArchive.starting')}
              </Typography.Text>
              {busy ? <Typography.Text type="secondary">{t('cvArchive.background')}</Typography.Text> : null}
            </>
          ) : null}
          {state.phase === 'done' && job ? (
            <Button type="link" icon={<DownloadOutlined />} href={exportFileUrl(job)} download={job.fileName}>
              {t('cvArchive.downloadAgain', { file: job.fileName })}
            </Button>
          ) : null}
        </Space>
      </Modal>
    </>
  );
}
