import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryResult,
  TransactionSettings,
} from 'kysely';

// A counter of committed changes to the tables that headcount and statistics are computed from,
// so that their results can be cached until the next change. The counter moves after a change
// commits, never before: a cached result computed while the counter stood still was read from
// committed data that no later commit has replaced. It counts the writes of this process only,
// which is why the cache also expires by age (docs/architecture.md, "Statistics cache").

/** Tables whose rows the statistics and the dashboard read. */
const COUNTED_TABLES = [
  'people',
  'memberships',
  'person_records',
  'record_versions',
  'declarations',
  'units',
  'unit_revisions',
  'catalog_entries',
];

const WRITE_TO_COUNTED_TABLE = new RegExp(
  `\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|copy)\\s+"?(?:${COUNTED_TABLES.join('|')})"?(?=[\\s(,;]|$)`,
  'i',
);

/** Returns whether a statement may change a counted table (a false alarm only costs a cache miss). */
export function writesCountedTable(statement: string): boolean {
  return WRITE_TO_COUNTED_TABLE.test(statement);
}

export class DataChanges {
  #generation = 0;

  /** Moves whenever a change to a counted table has committed. */
  get generation(): number {
    return this.#generation;
  }

  committed(): void {
    this.#generation += 1;
  }
}

/** A connection that notes writes to counted tables: counted at once outside a transaction, at commit inside one. */
class TrackedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  readonly #changes: DataChanges;
  inTransaction = false;
  wroteInTransaction = false;

  constructor(inner: DatabaseConnection, changes: DataChanges) {
    this.inner = inner;
    this.#changes = changes;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const writes = writesCountedTable(query.sql);
    try {
      return await this.inner.executeQuery<R>(query);
    } finally {
      // A failed statement may still have changed rows (a multi-row write cut short), so it counts too.
      if (writes) {
        if (this.inTransaction) this.wroteInTransaction = true;
        else this.#changes.committed();
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class TrackingDriver implements Driver {
  readonly #inner: Driver;
  readonly #changes: DataChanges;

  constructor(inner: Driver, changes: DataChanges) {
    this.#inner = inner;
    this.#changes = changes;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new TrackedConnection(await this.#inner.acquireConnection(), this.#changes);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const tracked = connection as TrackedConnection;
    await this.#inner.beginTransaction(tracked.inner, settings);
    tracked.inTransaction = true;
    tracked.wroteInTransaction = false;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    try {
      await this.#inner.commitTransaction(tracked.inner);
    } finally {
      if (tracked.wroteInTransaction) this.#changes.committed();
      tracked.inTransaction = false;
      tracked.wroteInTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    try {
      await this.#inner.rollbackTransaction(tracked.inner);
    } finally {
      tracked.inTransaction = false;
      tracked.wroteInTransaction = false;
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection((connection as TrackedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

// Savepoints go straight to the inner driver when it has them; they never end a transaction.
function withSavepoints(driver: TrackingDriver, inner: Driver): Driver {
  const unwrap = (connection: DatabaseConnection) => (connection as TrackedConnection).inner;
  return Object.assign(driver, {
    ...(inner.savepoint && {
      savepoint: (connection: DatabaseConnection, name: string, compile: never) =>
        inner.savepoint!(unwrap(connection), name, compile),
    }),
    ...(inner.rollbackToSavepoint && {
      rollbackToSavepoint: (connection: DatabaseConnection, name: string, compile: never) =>
        inner.rollbackToSavepoint!(unwrap(connection), name, compile),
    }),
    ...(inner.releaseSavepoint && {
      releaseSavepoint: (connection: DatabaseConnection, name: string, compile: never) =>
        inner.releaseSavepoint!(unwrap(connection), name, compile),
    }),
  });
}

/** Wraps a dialect so that `changes` moves after every committed write to a counted table. */
export function trackDataChanges(dialect: Dialect, changes: DataChanges): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => {
      const inner = dialect.createDriver();
      return withSavepoints(new TrackingDriver(inner, changes), inner);
    },
  };
}

const changesOfDatabase = new WeakMap<Kysely<unknown>, DataChanges>();

/** Remembers the change counter of a database opened through trackDataChanges. */
export function registerDataChanges<DB>(db: Kysely<DB>, changes: DataChanges): void {
  changesOfDatabase.set(db as Kysely<unknown>, changes);
}

/** Returns the change counter of `db`, or undefined for a database opened without one (nothing is cached). */
export function dataChangesOf<DB>(db: Kysely<DB>): DataChanges | undefined {
  return changesOfDatabase.get(db as Kysely<unknown>);
}
