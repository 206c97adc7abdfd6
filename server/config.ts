import { resolve } from 'node:path';
import { limits } from '../common/limits.ts';
import { loadSignInOptions, type SignInOptions } from './modules/auth/sign-in-options.ts';

export interface AppConfig {
  host: string;
  port: number;
  /** Embedded database folder; ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Build the demo province when the database is empty. */
  demo: boolean;
  /** People generated for the demo province. */
  demoPeople: number;
  logLevel: string;
  /** Trust X-Forwarded-* headers from a TLS proxy in front of the server. */
  trustProxy: boolean;
  /** Force the Secure flag on cookies; otherwise it is set when the request came over HTTPS. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  /** Folder of the built client, served at /. */
  webDist: string;
  /** Password, LDAP, OpenID Connect, TOTP and password reset settings. */
  signIn: SignInOptions;
}

function readInteger(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}".`);
  }
  return value;
}

function readBoolean(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}".`);
}

/** Reads the configuration from environment variables (documented in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: readInteger('PORT', 3000, env),
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: readBoolean('DEMO', true, env),
    demoPeople: readInteger('DEMO_PEOPLE', 25_000, env),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: readBoolean('TRUST_PROXY', false, env),
    secureCookies: readBoolean('SECURE_COOKIES', false, env),
    sessionIdleMinutes: readInteger('SESSION_IDLE_MINUTES', limits.sessionIdleMinutes, env),
    webDist: resolve(env.WEB_DIST || './web/dist'),
    signIn: loadSignInOptions(env),
  };
}
