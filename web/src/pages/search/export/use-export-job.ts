import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJob } from '../../../../../common/schemas/exports.ts';
import { api } from '../../../api/client.ts';

const POLL_INTERVAL_MS = 500;

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; job: ExportJob }
  | { phase: 'done'; job: ExportJob }
  | { phase: 'failed'; error: unknown; job?: ExportJob };

/** Address of an export's finished file; the browser downloads it with the session cookie. */
export function exportFileUrl(job: ExportJob): string {
  return `/api/exports/${job.id}/file`;
}

function download(job: ExportJob): void {
  const link = document.createElement('a');
  link.href = exportFileUrl(job);
  link.download = job.fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Starts a server export with a POST to `path`, polls its progress and downloads the file when
 * it is written. The server writes the file in the background, so the page stays usable and
 * other requests are served meanwhile.
 */
export function useExportJob() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      window.clearTimeout(timer.current);
    };
  }, []);

  const poll = useCallback((job: ExportJob) => {
    timer.current = window.setTimeout(async () => {
      try {
        const next = await api.get<ExportJob>(`/api/exports/${job.id}`);
        if (!mounted.current) return;
        if (next.state === 'done') {
          setState({ phase: 'done', job: next });
          download(next);
        } else if (next.state === 'failed') {
          setState({ phase: 'failed', error: new Error(next.error ?? ''), job: next });
        } else {
          setState({ phase: 'running', job: next });
          poll(next);
        }
      } catch (error) {
        if (mounted.current) setState({ phase: 'failed', error, job });
      }
    }, POLL_INTERVAL_MS);
  }, []);

  const start = useCallback(
    async (path: string, body: unknown) => {
      window.clearTimeout(timer.current);
      setState({ phase: 'starting' });
      try {
        const job = await api.post<ExportJob>(path, body);
        if (!mounted.current) return;
        setState({ phase: 'running', job });
        poll(job);
      } catch (error) {
        if (mounted.current) setState({ phase: 'failed', error });
      }
    },
    [poll],
  );

  const reset = useCallback(() => {
    window.clearTimeout(timer.current);
    setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}

/** Share of the rows written, 0 to 100. */
export function exportPercent(job: ExportJob): number {
  if (job.state === 'done') return 100;
  if (job.rowsTotal <= 0) return 0;
  return Math.min(99, Math.floor((job.rowsDone * 100) / job.rowsTotal));
}
