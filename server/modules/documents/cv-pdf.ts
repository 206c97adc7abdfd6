import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../http/app-error.ts';

// Converts Word to PDF through LibreOffice headless. One soffice process serves one user profile,
// so each conversion gets its own profile and HOME. At most two run at a time because each takes
// about 200 MB.

const CONVERSION_TIMEOUT_MS = 60_000;
const MAX_PARALLEL = 2;

/** Finds the soffice program: HOSO_SOFFICE when set (an empty or missing path disables PDF), else the first on PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates =
    env.HOSO_SOFFICE !== undefined
      ? [env.HOSO_SOFFICE]
      : (env.PATH ?? '')
          .split(delimiter)
          .flatMap((dir) => (dir ? [join(dir, 'soffice'), join(dir, 'libreoffice')] : []));
  return candidates.find((path) => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { timeout: CONVERSION_TIMEOUT_MS, env, maxBuffer: 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr: String(stderr).slice(0, 2_000) }));
        else resolve();
      },
    );
  });
}

/**
 * Converts a .docx to PDF. Raises PDF_CONVERTER_MISSING when LibreOffice is not installed and
 * PDF_CONVERSION_FAILED when it fails or times out.
 */
export async function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('PDF_CONVERTER_MISSING');

  return withSlot(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hoso-cv-'));
    try {
      const input = join(dir, 'so-yeu-ly-lich.docx');
      await writeFile(input, docx);
      const args = [
        '--headless',
        '--norestore',
        '--nologo',
        '--nolockcheck',
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ];
      await run(soffice, args, { ...process.env, HOME: dir });
      return await readFile(join(dir, 'so-yeu-ly-lich.pdf'));
    } catch (error) {
      // The error handler logs AppErrors of status 500 with their cause, so the cause names the program and its output.
      const detail = error as Error & { stderr?: string };
      throw new AppError('PDF_CONVERSION_FAILED', {
        cause: new Error(`${soffice} failed: ${detail.message} ${detail.stderr ?? ''}`.trim()),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
