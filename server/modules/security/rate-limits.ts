import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/**
 * Keys a limit by the signed-in account, or by the client address for anonymous requests, so that
 * colleagues behind one office proxy do not share a budget for signed-in work.
 */
export function accountOrAddress(request: FastifyRequest): string {
  return request.actor ? `account:${request.actor.accountId}` : `ip:${request.ip}`;
}

/**
 * Rate limits shared by routes, applied as `config: { policy, rateLimit: rateLimits.export }`.
 * A request over the limit gets 429 RATE_LIMITED. The counters live in the server process, so
 * each server of a cluster counts on its own. Limits on credentials count per client address;
 * limits on signed-in work count per account.
 */
export const rateLimits = {
  /** Password sign-in and the LDAP bind: 20 attempts per minute from one address. */
  signIn: { max: 20, timeWindow: '1 minute' },
  /** Password change: 10 per minute from one address. */
  passwordChange: { max: 10, timeWindow: '1 minute' },
  /** Second-factor codes: 10 per minute from one address, on top of the per-challenge limit. */
  secondFactor: { max: 10, timeWindow: '1 minute' },
  /** Password reset requests and completions: 5 per 15 minutes from one address. */
  passwordReset: { max: 5, timeWindow: '15 minutes' },
  /** Single sign-on redirects and callbacks: 30 per minute from one address. */
  singleSignOn: { max: 30, timeWindow: '1 minute' },
  /** Excel, Word and PDF exports: 10 per minute per account, since each one reads many records. */
  export: { max: 10, timeWindow: '1 minute', keyGenerator: accountOrAddress },
} as const satisfies Record<string, RateLimitOptions>;
