import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, holdsRole, type RouteMatrix, type RoutePolicy } from '../../http/policy.ts';
import { findSessionWithAccount, hashSessionToken, touchSession } from './session.repository.ts';

export const SESSION_COOKIE = 'hoso_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_EXPIRES_HEADER = 'x-session-idle-expires-at';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Writing last_seen_at on every request would double the writes; a session's idle clock only
// needs minute precision.
const TOUCH_INTERVAL_MS = 30_000;

export interface AuthenticationOptions {
  db: Kysely<Database>;
  idleMinutes: number;
}

type SessionWithAccount = NonNullable<Awaited<ReturnType<typeof findSessionWithAccount>>>;

/** Builds the actor of a session row, which carries the account's active grants and pending second factor. */
function buildActor(session: SessionWithAccount): Actor {
  return {
    accountId: session.accountId,
    email: session.email,
    displayName: session.displayName,
    personId: session.personId,
    homeUnitId: session.homeUnitId,
    mustChangePassword: session.mustChangePassword,
    secondFactor: session.secondFactor ?? null,
    grants: session.grants.map((grant) => ({ role: grant.role, unitId: Number(grant.unitId) })),
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
  };
}

/** Loads the actor of a session by id, without the idle and expiry checks of a request. */
export async function actorOfSession(db: Kysely<Database>, sessionId: string): Promise<Actor | null> {
  const session = await findSessionWithAccount(db, sessionId);
  return session ? buildActor(session) : null;
}

async function loadActor(request: FastifyRequest, options: AuthenticationOptions): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;

  const sessionId = hashSessionToken(token);
  const session = await findSessionWithAccount(options.db, sessionId);
  if (!session || session.endedAt || session.disabledAt) return null;

  const now = Date.now();
  const lastSeen = new Date(session.lastSeenAt).getTime();
  if (now > lastSeen + options.idleMinutes * 60_000 || now > new Date(session.expiresAt).getTime())
    return null;

  if (now - lastSeen > TOUCH_INTERVAL_MS) await touchSession(options.db, sessionId);
  return buildActor(session);
}

function enforcePolicy(request: FastifyRequest, policy: RoutePolicy): void {
  if (policy.access === 'public') return;

  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');

  if (UNSAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== actor.csrfToken) {
    throw new AppError('CSRF_INVALID');
  }

  if (policy.access === 'second_factor') return;
  if (actor.secondFactor) throw new AppError('SECOND_FACTOR_REQUIRED');
  if (policy.access === 'password_change') return;
  if (actor.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (policy.access === 'signed_in') return;

  if (!policy.roles.some((role) => holdsRole(actor, role))) throw new AppError('FORBIDDEN');
}

/**
 * Resolves the session cookie to an actor and applies each route's policy before the body is
 * read. A route registered without a policy stops the server from starting.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  app.decorateRequest('actor', null);
  app.decorate('declaredRoutes', []);

  app.addHook('onRoute', (route) => {
    const config = route.config as { policy?: RoutePolicy; matrix?: RouteMatrix } | undefined;
    const policy = config?.policy;
    const isFrameworkRoute = route.url.startsWith('/api/docs') || !route.url.startsWith('/api/');
    if (!policy && !isFrameworkRoute) {
      throw new Error(`Route ${route.method} ${route.url} declares no policy in config.policy.`);
    }
    if (!policy) return;
    for (const method of [route.method].flat()) {
      app.declaredRoutes.push({ method, url: route.url, policy, matrix: config?.matrix });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy) return;
    request.actor = await loadActor(request, options);
    enforcePolicy(request, policy);
    if (request.actor) {
      reply.header(SESSION_EXPIRES_HEADER, new Date(Date.now() + options.idleMinutes * 60_000).toISOString());
    }
  });
}

/** Returns the actor of a request whose route policy already required a signed-in account. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
