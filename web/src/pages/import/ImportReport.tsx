import { Alert, Flex, Progress, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import { type ImportJob, type ImportProblem, isRunning, useImportProblems } from './import-api.ts';

// Progress and outcome of a dry run or an import: the progress bar while it runs, then the counts
// and every problem by row and column.

export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation('import');
  const percent = job.rowsTotal > 0 ? Math.min(99, Math.floor((job.rowsDone * 100) / job.rowsTotal)) : 0;
  return (
    <Flex vertical gap={4}>
      <Progress percent={percent} status="active" aria-label={t('progress.label')} />
      <span>
        {t(job.phase === 'importing' ? 'progress.importing' : 'progress.checking', {
          done: formatCount(job.rowsDone),
          total: formatCount(job.rowsTotal),
        })}
      </span>
    </Flex>
  );
}

export function ImportReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation('import');
  const all = useImportProblems(job);
  if (isRunning(job)) return <ImportProgress job={job} />;

  const problems = all.data?.problems ?? job.problems;
  const finished = job.phase === 'imported';
  const columns: TableColumnsType<ImportProblem> = [
    {
      title: t('report.row'),
      dataIndex: 'row',
      width: 70,
      align: 'right',
      render: (row: number) => row || '',
    },
    {
      title: t('report.column'),
      dataIndex: 'column',
      width: 70,
      render: (column: string | null) => column ?? '',
    },
    {
      title: t('report.level'),
      dataIndex: 'level',
      width: 110,
      render: (level: ImportProblem['level']) => (
        <Tag color={level === 'error' ? 'red' : 'gold'}>{t(`report.${level}`)}</Tag>
      ),
      filters: [
        { text: t('report.error'), value: 'error' },
        { text: t('report.warning'), value: 'warning' },
      ],
      onFilter: (value, problem) => problem.level === value,
    },
    { title: t('report.message'), dataIndex: 'message' },
  ];

  return (
    <Flex vertical gap={16}>
      {job.interrupted ? <Alert type="warning" showIcon message={t('report.interrupted')} /> : null}
      {job.error ? <Alert type="error" showIcon message={job.error} /> : null}
      {job.phase === 'checked' || finished ? (
        <Flex gap={32} wrap>
          <Statistic title={t(finished ? 'report.created' : 'report.toCreate')} value={job.counts.create} />
          <Statistic title={t(finished ? 'report.updated' : 'report.toUpdate')} value={job.counts.update} />
          <Statistic title={t('report.unchanged')} value={job.counts.unchanged} />
          <Statistic
            title={t('report.failed')}
            value={job.counts.failed}
            valueStyle={job.counts.failed ? { color: '#cf1322' } : undefined}
          />
        </Flex>
      ) : null}
      {finished ? <Alert type="success" showIcon message={t('report.done')} /> : null}
      {problems.length > 0 ? (
        <Table<ImportProblem>
          size="small"
          rowKey={(problem) => `${problem.row}-${problem.column}-${problem.message}`}
          columns={columns}
          dataSource={problems}
          loading={all.isFetching}
          pagination={{ pageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
          title={() => t('report.problems', { count: job.problemCount })}
        />
      ) : null}
    </Flex>
  );
}
