// Shared by `npm run backup` and `npm run restore`.
import { spawnSync } from 'node:child_process';

export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** Runs a PostgreSQL client program and stops the script with its message when it fails. */
export function runTool(program: string, args: string[]): void {
  const result = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error) {
    fail(
      `${program} could not start (${result.error.message}). Install the PostgreSQL client: apt-get install postgresql-client.`,
    );
  }
  if (result.status !== 0) fail(`${program} failed with exit code ${result.status}:\n${result.stderr}`);
  if (result.stderr.trim()) process.stderr.write(result.stderr);
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

export interface ParsedArguments {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Splits `--name value`, `--name=value`, `--flag` and positional arguments. */
export function parseArguments(argv: string[], valueOptions: readonly string[]): ParsedArguments {
  const parsed: ParsedArguments = { positional: [], flags: new Set(), options: new Map() };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (!argument.startsWith('--')) {
      parsed.positional.push(argument);
      continue;
    }
    const [name, inline] = argument.slice(2).split('=', 2) as [string, string | undefined];
    if (valueOptions.includes(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined) fail(`--${name} needs a value.`);
      parsed.options.set(name, value);
    } else {
      parsed.flags.add(name);
    }
  }
  return parsed;
}
