/** What scripts/test-e2e.ts passes to the specs. */
export interface E2eEnvironment {
  baseUrl: string;
  serverPid: number;
  /** The PGlite folder of the server, when it runs on PGlite. */
  dataDir: string | undefined;
  /** The PostgreSQL database of the server, when it runs on PostgreSQL. */
  databaseUrl: string | undefined;
}

export function e2eEnvironment(): E2eEnvironment {
  const baseUrl = process.env.E2E_BASE_URL;
  const serverPid = Number(process.env.E2E_SERVER_PID);
  if (!baseUrl || !Number.isInteger(serverPid)) {
    throw new Error(
      'E2E_BASE_URL and E2E_SERVER_PID are missing: run the browser tests with `npm run test:e2e`.',
    );
  }
  return {
    baseUrl,
    serverPid,
    dataDir: process.env.E2E_DATA_DIR || undefined,
    databaseUrl: process.env.E2E_DATABASE_URL || undefined,
  };
}
