import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppConfig } from './config.ts';
import type { Database } from './db/schema.ts';
import type { AppDeps } from './http/app-deps.ts';
import { installErrorHandler, sendError } from './http/error-handler.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { installAuthentication } from './modules/auth/authentication.ts';
import { catalogsRoutes } from './modules/catalogs/catalogs.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { recordsRoutes } from './modules/records/records.routes.ts';
import { declarationsRoutes } from './modules/declarations/declarations.routes.ts';
import { declarationOversightRoutes } from './modules/declarations/oversight.routes.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { statisticsRoutes } from './modules/statistics/statistics.routes.ts';
import { reorganisationRoutes } from './modules/reorganisation/reorganisation.routes.ts';
import { requestsRoutes } from './modules/requests/requests.routes.ts';
import { inputGuard } from './modules/security/input-guard.ts';
import { handleFrameworkError } from './modules/security/framework-errors.ts';
import { recordReadsRoutes } from './modules/security/record-reads.routes.ts';
import { signInOptionRoutes } from './modules/auth/sign-in-options.routes.ts';
import { dueListsRoutes } from './modules/due-lists/due-lists.routes.ts';
import { exchangeRoutes } from './modules/exchange/exchange.routes.ts';
import { importRoutes } from './modules/import/import.routes.ts';

// Validation messages from zod come in Vietnamese.
z.config(z.locales.vi());

/** Every module's routes. A new module adds one line here. */
const routeModules: Array<(app: FastifyInstance, deps: AppDeps) => Promise<void>> = [
  inputGuard,
  healthRoutes,
  authRoutes,
  signInOptionRoutes,
  recordReadsRoutes,
  orgRoutes,
  recordsRoutes,
  declarationsRoutes,
  declarationOversightRoutes,
  searchRoutes,
  statisticsRoutes,
  exportsRoutes,
  accountsRoutes,
  catalogsRoutes,
  documentsRoutes,
  reorganisationRoutes,
  requestsRoutes,
  dueListsRoutes,
  exchangeRoutes,
  importRoutes,
];

export interface BuildAppOptions {
  db: Kysely<Database>;
  config: AppConfig;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the HTTP application: plugins, authentication, every module's routes and the client. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: options.config.logLevel },
    trustProxy: options.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: handleFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    // Matches frame-ancestors 'none' for browsers that only read X-Frame-Options.
    frameguard: { action: 'deny' },
    // HSTS only means something behind TLS; the proxy in front sets the scheme.
    hsts: options.config.trustProxy ? { maxAge: 31_536_000 } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'HoSo API', description: 'API của hệ thống quản lý hồ sơ CBCCVC', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });

  installErrorHandler(app);
  installAuthentication(app, { db: options.db, idleMinutes: options.config.sessionIdleMinutes });

  const deps: AppDeps = { db: options.db, config: options.config };
  for (const register of routeModules) await register(app, deps);

  app.get('/api/openapi.json', { config: { policy: { access: 'public' } }, schema: { hide: true } }, async () => app.swagger());

  const serveClient = existsSync(options.config.webDist);
  if (serveClient) await app.register(fastifyStatic, { root: options.config.webDist, wildcard: false, preCompressed: true });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: a non-API GET that matches no file gets the single-page shell.
    if (serveClient && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendError(reply, request, 'NOT_FOUND');
  });

  return app;
}
