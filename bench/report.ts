import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadReport } from './dataset/load-dataset.ts';
import type { DatasetSize } from './dataset/sizes.ts';
import type { ScenarioResult } from './scenarios/context.ts';
import type { TargetCheck } from './targets.ts';

// The benchmark report: benchmarks.json keeps every run (so runs can be compared) and
// benchmarks.md is rebuilt from it, with the latest run of each dataset size in full.

export interface MachineInfo {
  cpuModel: string;
  cpus: number;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  /** 1-minute load average when the run started and ended (other work on the machine shows here). */
  loadAverageStart: number;
  loadAverageEnd: number;
}

export interface BenchRun {
  id: string;
  date: string;
  command: string;
  machine: MachineInfo;
  dataset: {
    size: DatasetSize;
    people: number;
    units: number;
    seed: number;
    loadedThisRun: boolean;
    load: LoadReport;
  };
  durationSeconds: number;
  results: ScenarioResult[];
  targets: TargetCheck[];
}

interface ReportFile {
  runs: BenchRun[];
}

// JSON turns NaN into null, so a run read back from benchmarks.json may hold null where NaN was.
const fmt = (value: number | null | undefined, digits = 1) =>
  typeof value !== 'number' || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

function latencyRows(run: BenchRun): string[] {
  const lines = [
    '| Scenario | Requests | Clients | p50 ms | p95 ms | p99 ms | Requests/s | Raw SQL p50 / p95 ms | API ÷ SQL p50 / p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of run.results) {
    if (!result.http) continue;
    const { http, raw, ratio } = result;
    const rawCell = raw
      ? `${fmt(raw.p50)} / ${fmt(raw.p95)} (${fmt(raw.statementsPerRequest)} statements)`
      : '–';
    const ratioCell = ratio ? `${fmt(ratio.p50, 2)} / ${fmt(ratio.p95, 2)}` : '–';
    const status = result.status === 'measured' ? '' : ` (${result.status})`;
    lines.push(
      `| ${result.title}${status} | ${http.requests} | ${http.concurrency} | ${fmt(http.latency.p50)} | ${fmt(http.latency.p95)} | ${fmt(http.latency.p99)} | ${fmt(http.throughput)} | ${rawCell} | ${ratioCell} |`,
    );
  }
  return lines;
}

function otherRows(run: BenchRun): string[] {
  const lines = ['| Scenario | Result |', '| --- | --- |'];
  for (const result of run.results) {
    if (result.http && result.status === 'measured') continue;
    let text: string;
    if (result.status === 'measured' || result.metrics) {
      text = Object.entries(result.metrics ?? {})
        .map(([key, value]) => `${key} ${typeof value === 'number' ? fmt(value, 2) : value}`)
        .join(', ');
      if (result.status !== 'measured')
        text = `**${result.status}**: ${result.reason ?? ''}${text ? `; ${text}` : ''}`;
    } else {
      text = `**${result.status}**: ${result.reason ?? ''}`;
    }
    lines.push(`| ${result.title} | ${text.replaceAll('|', '\\|')} |`);
  }
  return lines;
}

function targetRows(run: BenchRun): string[] {
  const lines = ['| Target | Measured | Status |', '| --- | --- | --- |'];
  for (const target of run.targets) {
    const scope =
      target.dataset && run.dataset.size !== target.dataset
        ? ` (defined for the ${target.dataset} dataset)`
        : '';
    lines.push(`| ${target.target}${scope} | ${target.measured.replaceAll('|', '\\|')} | ${target.status} |`);
  }
  return lines;
}

function loadRows(run: BenchRun): string[] {
  const load = run.dataset.load;
  const rows = Object.entries(load.rows)
    .map(([table, count]) => `${table} ${count.toLocaleString('en-US')}`)
    .join(', ');
  return [
    `- Loaded ${load.startedAt.slice(0, 16).replace('T', ' ')} UTC${run.dataset.loadedThisRun ? ' (this run)' : ' (earlier run, reused with --skip-load)'}: ${fmt(load.seconds.total)} s in all; migrate ${fmt(load.seconds.migrate)} s, generate and COPY ${fmt(load.seconds.copy)} s, index rebuild ${fmt(load.seconds.indexes)} s, ANALYZE ${fmt(load.seconds.analyze)} s; database ${fmt(load.databaseBytes / 1e6, 0)} MB.`,
    `- Rows: ${rows}.`,
    `- People: ${load.people.staff} with staff roles, ${load.people.holding} in holding groups, ${load.people.stranded} still attached to ended divisions, ${load.people.secondVersions} with a second record version, ${load.people.submitted} submitted, ${load.people.drafts} draft and ${load.people.returned} returned declarations.`,
  ];
}

function runSection(run: BenchRun): string[] {
  const machine = run.machine;
  return [
    `## ${run.dataset.size} dataset: run of ${run.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- Command: \`${run.command}\` (${run.durationSeconds} s per timed scenario)`,
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${fmt(machine.memoryGb, 0)} GB RAM, ${machine.os}, Node ${machine.node}, PostgreSQL ${machine.postgres} (${Object.entries(
      machine.postgresSettings,
    )
      .map(([key, value]) => `${key} ${value}`)
      .join(
        ', ',
      )}); 1-minute load average ${fmt(machine.loadAverageStart)} at the start and ${fmt(machine.loadAverageEnd)} at the end.`,
    `- Dataset: ${run.dataset.people.toLocaleString('en-US')} people, ${run.dataset.units.toLocaleString('en-US')} units, seed ${run.dataset.seed}.`,
    ...loadRows(run),
    '',
    '### Requests',
    '',
    ...latencyRows(run),
    '',
    '### Other measurements',
    '',
    ...otherRows(run),
    '',
    '### Targets',
    '',
    ...targetRows(run),
    '',
  ];
}

function historyRows(runs: BenchRun[]): string[] {
  const pick = (run: BenchRun, id: string) => run.results.find((result) => result.id === id);
  const p95 = (run: BenchRun, id: string) => fmt(pick(run, id)?.http?.latency.p95);
  const lines = [
    '| Date (UTC) | Dataset | Load avg | Agency table p95 | Dashboard p95 | Search p95 | Statistics p95 | Approvals/s | Reads/s | Export s | CV p95 | Peak RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of [...runs].reverse()) {
    lines.push(
      `| ${run.date.slice(0, 16).replace('T', ' ')} | ${run.dataset.size} | ${fmt(run.machine.loadAverageStart)} | ${p95(run, 'agency_table')} | ${p95(run, 'province_dashboard')} | ${p95(run, 'name_search')} | ${p95(run, 'quality_statistics_province')} | ${fmt(Number(pick(run, 'declarations')?.metrics?.approvalsPerSecond))} | ${fmt(pick(run, 'record_reads')?.http?.throughput)} | ${fmt(Number(pick(run, 'excel_export')?.metrics?.secondsMedian), 2)} | ${p95(run, 'cv_docx')} | ${fmt(Number(pick(run, 'server_memory')?.metrics?.peakMb))} |`,
    );
  }
  return lines;
}

const INTRO = [
  '# Benchmarks',
  '',
  'Measured by `npm run bench` (bench/run.ts). It builds a PostgreSQL database of generated people (bench/dataset/), starts the real server (`node server/main.ts` with `DATABASE_URL` and `DEMO=false`) on 127.0.0.1, and drives it over HTTP with a closed-loop client (bench/harness/load-driver.ts). Nothing here is a real person.',
  '',
  'How to read the numbers:',
  '',
  "- p50/p95/p99 are per-request latencies seen by the client, nearest-rank percentiles, in milliseconds. Requests/s counts completed requests over the scenario's wall time. It is shown only for the scenarios with many clients, because a single-client read alternates with its SQL replay.",
  '- "Raw SQL" replays every statement the API sent for the same request (recorded through Kysely\'s query log from an in-process run), in order, on one plain pg connection. "API ÷ SQL" is the share of time the HTTP layer, authentication, validation and serialization add.',
  '- The province dashboard and the quality statistics are cached per unit and date until a write changes the counted tables (docs/architecture.md, "Statistics cache"). The warm-up requests fill the cache, so their API columns show cached results, and their raw SQL column shows what a request costs when a write has just emptied the cache.',
  '- Excel export time runs from the request that starts the background export to the last byte of the downloaded file. Its comparison is exceljs writing the same rows with its streaming writer and nothing else.',
  '- Server memory is the resident set size (VmRSS) of the server process, sampled every 250 ms for the whole run.',
  '- Initial JavaScript is what `web/dist/index.html` loads directly (scripts and modulepreloads), gzip at the default level. 1 kB is 1,000 bytes.',
  "- The client, the server and PostgreSQL share one machine, so every number includes the load driver's own CPU use. The machine's load average at the start of a run tells how much other work was running.",
  '- Targets are checked here only, never in tests. Targets marked "defined for the national dataset" are shown on smaller datasets as an indication.',
  '',
  'Commands: `npm run bench -- --size tiny|province|national [--duration SECONDS] [--skip-load]`; `npm run bench -- --help` lists every option. The raw results of every run are in benchmarks.json beside this page.',
  '',
];

const NOTES_START = '<!-- notes:start (kept when the benchmark rewrites this page) -->';
const NOTES_END = '<!-- notes:end -->';

/** The hand-written findings between the notes markers of an existing page, markers included. */
function keptNotes(markdownPath: string): string[] {
  if (!existsSync(markdownPath)) return [NOTES_START, NOTES_END, ''];
  const text = readFileSync(markdownPath, 'utf8');
  const start = text.indexOf(NOTES_START);
  const end = text.indexOf(NOTES_END);
  if (start < 0 || end < start) return [NOTES_START, NOTES_END, ''];
  return [text.slice(start, end + NOTES_END.length), ''];
}

/**
 * Appends the run to benchmarks.json in `outDir` and rewrites benchmarks.md from all runs,
 * keeping the hand-written notes between the notes markers.
 */
export function writeReport(outDir: string, run: BenchRun): { markdown: string; json: string } {
  mkdirSync(outDir, { recursive: true });
  const jsonPath = resolve(outDir, 'benchmarks.json');
  const markdownPath = resolve(outDir, 'benchmarks.md');
  const file: ReportFile = existsSync(jsonPath)
    ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as ReportFile)
    : { runs: [] };
  file.runs.push(run);
  writeFileSync(jsonPath, `${JSON.stringify(file, null, 2)}\n`);

  const latestBySize = new Map<DatasetSize, BenchRun>();
  for (const item of file.runs) latestBySize.set(item.dataset.size, item);
  const sections = (['national', 'province', 'tiny'] as const).flatMap((size) => {
    const latest = latestBySize.get(size);
    return latest ? runSection(latest) : [];
  });
  const markdown = [
    ...INTRO,
    ...keptNotes(markdownPath),
    ...sections,
    '## All runs',
    '',
    ...historyRows(file.runs),
    '',
  ].join('\n');
  writeFileSync(markdownPath, markdown);
  return { markdown: markdownPath, json: jsonPath };
}

/** The latest run as the report shows it, for the console. */
export function formatRun(run: BenchRun): string {
  return runSection(run).join('\n');
}
