import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { type CopyStreamQuery, from as copyFrom } from 'pg-copy-streams';

// Rows streamed into one table with COPY … FROM STDIN in PostgreSQL's text format. Rows are
// gathered into chunks of about 256 kB so that a stream write is not paid per row, and writing
// waits for 'drain' so that memory stays flat however many rows go through.

const CHUNK_BYTES = 256 * 1024;

export type CopyValue = string | number | boolean | null | undefined;

/** Escapes one value for COPY's text format: \N is null; backslash, tab and line breaks are escaped. */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
  );
}

export class CopyWriter {
  readonly table: string;
  rows = 0;
  readonly #stream: CopyStreamQuery;
  #buffer: string[] = [];
  #bufferBytes = 0;

  private constructor(table: string, stream: CopyStreamQuery) {
    this.table = table;
    this.#stream = stream;
  }

  /** Starts COPY into `table` (columns in the order rows will give them) on a client of its own. */
  static open(client: pg.ClientBase, table: string, columns: readonly string[]): CopyWriter {
    const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    return new CopyWriter(table, stream);
  }

  /** Queues one row; resolves at once unless the chunk had to wait for the server. */
  async push(values: readonly CopyValue[]): Promise<void> {
    const line = `${values.map(copyText).join('\t')}\n`;
    this.#buffer.push(line);
    this.#bufferBytes += line.length;
    this.rows += 1;
    if (this.#bufferBytes >= CHUNK_BYTES) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const chunk = this.#buffer.join('');
    this.#buffer = [];
    this.#bufferBytes = 0;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }

  /** Sends the last rows and waits until the server has committed the COPY. */
  async finish(): Promise<number> {
    await this.#flush();
    this.#stream.end();
    await finished(this.#stream);
    return this.rows;
  }
}
