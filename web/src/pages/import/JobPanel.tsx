import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../common/dates.ts';
import { importFields } from '../../../../common/schemas/import.ts';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { ImportReport } from './ImportReport.tsx';
import { type ImportJob, isRunning, type useImportActions } from './import-api.ts';
import { MappingStep, type MappingValue } from './MappingStep.tsx';

/** Problems of a rejected mapping, by field path, to show under the field's selector. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fields.map((field) => [field.field, field.message]));
}

/** Compares two mappings field by field; key order and absent-versus-null do not count. */
function sameSettings(left: MappingValue, right: MappingValue): boolean {
  return importFields.every(
    (field) =>
      (left.mapping[field.key] ?? null) === (right.mapping[field.key] ?? null) &&
      (left.dateFormats[field.key] ?? 'dmy') === (right.dateFormats[field.key] ?? 'dmy'),
  );
}

/** Shows one uploaded file: its mapping, the dry run, the import and their report. */
export function JobPanel({
  job,
  actions,
  onClose,
}: {
  job: ImportJob;
  actions: ReturnType<typeof useImportActions>;
  onClose: () => void;
}) {
  const { t } = useTranslation('import');
  const [settings, setSettings] = useState<MappingValue>({
    mapping: job.mapping,
    dateFormats: job.dateFormats,
  });
  const running = isRunning(job);
  const editable = !running && job.phase !== 'imported';
  const good = job.counts.create + job.counts.update;
  const actionError = actions.check.error ?? actions.run.error;
  // A mapping changed after the dry run needs a new dry run before the import.
  const changed = !sameSettings(settings, { mapping: job.mapping, dateFormats: job.dateFormats });
  // An import stopped by a server restart continues; rows already written come out unchanged.
  const resumable = job.phase === 'importing' && job.interrupted;
  const mayRun = resumable || (job.checkedCurrent && !changed && good > 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text>
        {t('file', { file: job.fileName, sheet: job.sheetName, row: job.headerRow })}
      </Typography.Text>
      {job.previousImport ? (
        <Alert
          type="info"
          showIcon
          message={t('previous', {
            date: job.previousImport.finishedAt
              ? formatDate(todayIso(new Date(job.previousImport.finishedAt)))
              : '',
          })}
        />
      ) : null}
      {actionError && !(actionError instanceof ApiError && actionError.fields.length > 0) ? (
        <Alert type="error" showIcon message={describeError(actionError)} />
      ) : null}
      <MappingStep
        job={job}
        value={settings}
        onChange={setSettings}
        disabled={!editable}
        fieldErrors={fieldErrorsOf(actions.check.error)}
      />
      <Space wrap>
        <Button
          type={job.checkedCurrent && !changed ? 'default' : 'primary'}
          disabled={!editable}
          loading={actions.check.isPending}
          onClick={() => actions.check.mutate({ jobId: job.id, settings })}
        >
          {t('actions.check')}
        </Button>
        <Button
          type="primary"
          disabled={!mayRun || running}
          loading={actions.run.isPending}
          onClick={() => actions.run.mutate(job.id)}
        >
          {t('actions.run', { count: formatCount(good) })}
        </Button>
        <Button onClick={onClose} disabled={running}>
          {t('actions.another')}
        </Button>
      </Space>
      <ImportReport job={job} />
    </Space>
  );
}
