import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  readonly ownerPid: number;

  constructor(dataDir: string, ownerPid: number) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${ownerPid} sử dụng. ` +
        'Hãy dừng máy chủ HoSo đang chạy trước, hoặc đặt DATA_DIR sang thư mục khác. ' +
        `(The data folder ${dataDir} is in use by process ${ownerPid}; stop that server or set another DATA_DIR.)`,
    );
    this.name = 'DataDirLockedError';
    this.ownerPid = ownerPid;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on an embedded database folder by creating `hoso.lock` with this
 * process id. PGlite itself lets two processes open one folder and then loses writes, so the
 * lock is what keeps the data safe. A lock left by a process that no longer runs (after kill -9
 * or a power cut) is taken over. Returns a function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'hoso.lock');

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (existsSync(lockPath) && readFileSync(lockPath, 'utf8').trim() === String(process.pid)) {
          rmSync(lockPath, { force: true });
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(ownerPid) && ownerPid > 0 && ownerPid !== process.pid && isProcessAlive(ownerPid)) {
        throw new DataDirLockedError(dataDir, ownerPid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, -1);
}
