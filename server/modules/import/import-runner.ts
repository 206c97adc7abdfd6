import { AppError } from '../../http/app-error.ts';

// Runs the dry runs and imports in the background of the server process, at most one per import
// job at a time. The job's progress is stored in its database row, which the client polls. This
// class only tracks which jobs are running in this process. After a restart a job left "checking" or
// "importing" is reported as interrupted, and the user starts it again (an import is safe to
// repeat, because rows already imported come out unchanged).

export interface RunnerSlot {
  /** Runs the task in the background; the slot frees itself when the task settles. */
  run(task: () => Promise<void>): void;
  /** Frees the slot without running anything. */
  release(): void;
}

export class ImportRunner {
  readonly #active = new Map<number, Promise<void> | null>();
  #closing = false;

  /** True once the app is closing: tasks stop at their next batch. */
  get closing(): boolean {
    return this.#closing;
  }

  isActive(jobId: number): boolean {
    return this.#active.has(jobId);
  }

  /** Reserves the job's slot, or raises IMPORT_BUSY while a check or import of the job runs. */
  reserve(jobId: number): RunnerSlot {
    if (this.#closing) throw new AppError('DATABASE_UNAVAILABLE');
    if (this.#active.has(jobId)) throw new AppError('IMPORT_BUSY');
    this.#active.set(jobId, null);
    return {
      run: (task) => {
        const running = task().finally(() => this.#active.delete(jobId));
        this.#active.set(jobId, running);
      },
      release: () => {
        this.#active.delete(jobId);
      },
    };
  }

  /** Stops accepting work and waits for the running tasks to reach their next batch and return. */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.allSettled([...this.#active.values()].filter((task) => task !== null));
  }
}
