import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ImportJob,
  ImportProblem,
  ImportSettings,
  importJobSummary,
} from '../../../../common/schemas/import.ts';
import { api } from '../../api/client.ts';

export type { ImportJob, ImportProblem, ImportSettings };
export type ImportJobSummary = z.infer<typeof importJobSummary>;

const POLL_INTERVAL_MS = 700;

/** Tells whether the job's dry run or import is running on the server now. */
export function isRunning(job: ImportJob | undefined): boolean {
  return !!job && (job.phase === 'checking' || job.phase === 'importing') && !job.interrupted;
}

/** Loads the job and polls it while its check or import runs, so that the progress bar moves. */
export function useImportJob(jobId: number | undefined) {
  return useQuery({
    enabled: jobId !== undefined,
    queryKey: ['import-job', jobId],
    queryFn: ({ signal }) => api.get<ImportJob>(`/api/imports/${jobId}`, undefined, signal),
    refetchInterval: (query) => (isRunning(query.state.data) ? POLL_INTERVAL_MS : false),
  });
}

/** Loads the agency's imports and polls them while one of them runs, so that its status follows. */
export function useImportJobs(unitId: number) {
  return useQuery({
    queryKey: ['import-jobs', unitId],
    queryFn: ({ signal }) => api.get<ImportJobSummary[]>(`/api/units/${unitId}/imports`, undefined, signal),
    refetchInterval: (query) =>
      query.state.data?.some(
        (job) => (job.phase === 'checking' || job.phase === 'importing') && !job.interrupted,
      )
        ? POLL_INTERVAL_MS * 2
        : false,
  });
}

/** Loads every problem of the job, only when the status carries just the first ones. */
export function useImportProblems(job: ImportJob | undefined) {
  return useQuery({
    enabled: !!job && job.problemCount > job.problems.length && !isRunning(job),
    queryKey: ['import-problems', job?.id, job?.phase, job?.problemCount],
    queryFn: ({ signal }) =>
      api.get<{ total: number; problems: ImportProblem[] }>(
        `/api/imports/${job!.id}/problems`,
        undefined,
        signal,
      ),
  });
}

/** Reads a file as base64, the form the upload route takes. */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}

export function useImportActions(unitId: number) {
  const client = useQueryClient();
  const remember = (job: ImportJob) => {
    client.setQueryData(['import-job', job.id], job);
    void client.invalidateQueries({ queryKey: ['import-jobs', unitId] });
  };
  return {
    upload: useMutation({
      mutationFn: async (input: { file: File; divisionId?: number | undefined }) =>
        api.post<ImportJob>(`/api/units/${unitId}/imports`, {
          fileName: input.file.name,
          fileBase64: await fileAsBase64(input.file),
          ...(input.divisionId ? { divisionId: input.divisionId } : {}),
        }),
      onSuccess: remember,
    }),
    check: useMutation({
      mutationFn: (input: { jobId: number; settings: ImportSettings }) =>
        api.post<ImportJob>(`/api/imports/${input.jobId}/check`, input.settings),
      onSuccess: remember,
    }),
    run: useMutation({
      mutationFn: (jobId: number) => api.post<ImportJob>(`/api/imports/${jobId}/run`),
      onSuccess: remember,
    }),
  };
}
