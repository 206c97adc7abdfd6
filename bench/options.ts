import { parseArgs } from 'node:util';
import { type DatasetSize, isDatasetSize } from './dataset/sizes.ts';
import { DEFAULT_SERVER_URL } from './harness/database.ts';

// Command-line options of `npm run bench`.

export interface BenchOptions {
  size: DatasetSize;
  /** Seconds each timed scenario runs. */
  durationSeconds: number;
  /** Reuse the loaded database instead of building it again. */
  skipLoad: boolean;
  /** PostgreSQL server (maintenance database URL) that holds the benchmark database. */
  serverUrl: string;
  /** Name of the benchmark database; hoso_bench_<size> by default. */
  database: string;
  /** Most people who declare in the declarations scenario. */
  declarants: number;
  /** Folder for benchmarks.md and benchmarks.json; null writes no report. */
  outDir: string | null;
  /** Build the web client when web/dist/index.html is missing. */
  buildClient: boolean;
  /** Run only these scenario ids (all when empty). */
  only: string[];
  /** Node.js options for the server process only, e.g. heap limits (none by default). */
  serverNodeOptions: string[];
  /** The command line, for the report. */
  command: string;
}

export const USAGE = `Usage: npm run bench -- [options]

  --size tiny|province|national  dataset to measure (default province)
  --duration SECONDS             time per timed scenario (default 10)
  --skip-load                    reuse the database loaded by an earlier run
  --declarants N                 most people who declare in the declarations scenario (default 2000)
  --database NAME                benchmark database name (default hoso_bench_<size>)
  --server-url URL               PostgreSQL server to use (default BENCH_SERVER_URL or ${DEFAULT_SERVER_URL})
  --out DIR                      where benchmarks.md and benchmarks.json go (default docs)
  --no-report                    print the results without writing the report
  --no-build                     do not build the web client when web/dist is missing
  --only ID,ID                   run only these scenarios (ids as in benchmarks.json)
  --server-node-options=FLAGS    Node.js options for the server process only, e.g.
                                 --server-node-options="--max-old-space-size=192 --max-semi-space-size=8"
  --help                         print this text`;

export class UsageError extends Error {}

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`--${name} must be a positive number, got "${raw}".`);
  return value;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      duration: { type: 'string' },
      'skip-load': { type: 'boolean', default: false },
      declarants: { type: 'string' },
      database: { type: 'string' },
      'server-url': { type: 'string' },
      out: { type: 'string' },
      'no-report': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      'server-node-options': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';

  const size = values.size ?? 'province';
  if (!isDatasetSize(size)) throw new UsageError(`--size must be tiny, province or national, got "${size}".`);
  const database = values.database ?? `hoso_bench_${size}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database))
    throw new UsageError(`--database must be lower-case letters, digits and underscores, got "${database}".`);

  return {
    size,
    durationSeconds: positiveNumber('duration', values.duration, 10),
    skipLoad: values['skip-load'],
    serverUrl: values['server-url'] ?? env.BENCH_SERVER_URL ?? DEFAULT_SERVER_URL,
    database,
    declarants: Math.floor(positiveNumber('declarants', values.declarants, 2_000)),
    outDir: values['no-report'] ? null : (values.out ?? 'docs'),
    buildClient: !values['no-build'],
    only: values.only
      ? values.only
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : [],
    serverNodeOptions: (values['server-node-options'] ?? '').split(/\s+/).filter(Boolean),
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
  };
}
