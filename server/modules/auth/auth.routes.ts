import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordBody, sessionInfo, signInBody } from '../../../common/schemas/auth.ts';
import { okResponse } from '../../../common/schemas/common.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { AppError } from '../../http/app-error.ts';
import { AuthService } from './auth.service.ts';
import { LdapDirectory } from './ldap-directory.ts';
import { TotpService } from './totp.service.ts';
import { actorOfSession, requireActor, SESSION_COOKIE } from './authentication.ts';

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure || request.protocol === 'https',
  });
}

export function clientOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new AuthService(deps.db, deps.config.sessionIdleMinutes);
  const signInOptions = deps.config.signIn;
  service.configureDirectory(signInOptions.ldap ? new LdapDirectory(signInOptions.ldap) : null, signInOptions.password);
  const totp = new TotpService(deps.db, signInOptions);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Đăng nhập (auth)'];

  routes.post(
    '/api/auth/sign-in',
    {
      config: { policy: { access: 'public' }, rateLimit: rateLimits.signIn },
      schema: { tags, summary: 'Đăng nhập bằng thư điện tử công vụ và mật khẩu', body: signInBody, response: { 200: sessionInfo } },
    },
    async (request, reply) => {
      if (!signInOptions.password && !signInOptions.ldap) throw new AppError('SIGN_IN_METHOD_DISABLED');
      const session = await service.signIn(request.body.email, request.body.password, clientOf(request), auditContextOf(request));
      await totp.startChallengeIfRequired(session.sessionId);
      setSessionCookie(reply, request, session.token, deps.config.secureCookies);
      return service.sessionInfo(await requireSessionActor(deps, session.sessionId));
    },
  );

  routes.post(
    '/api/auth/sign-out',
    { config: { policy: { access: 'second_factor' } }, schema: { tags, summary: 'Đăng xuất', response: { 200: okResponse } } },
    async (request, reply) => {
      await service.signOut(requireActor(request), auditContextOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  routes.get(
    '/api/auth/session',
    {
      config: { policy: { access: 'second_factor' } },
      schema: { tags, summary: 'Phiên làm việc hiện tại, vai trò và mã chống giả mạo', response: { 200: sessionInfo } },
    },
    async (request) => service.sessionInfo(requireActor(request)),
  );

  routes.post(
    '/api/auth/password',
    {
      config: { policy: { access: 'password_change' }, rateLimit: rateLimits.passwordChange },
      schema: {
        tags,
        summary: 'Đổi mật khẩu; mọi phiên khác của tài khoản kết thúc',
        body: changePasswordBody,
        response: { 200: sessionInfo },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!signInOptions.password) throw new AppError('PASSWORD_MANAGED_EXTERNALLY');
      const session = await service.changePassword(
        actor,
        request.body.currentPassword,
        request.body.newPassword,
        clientOf(request),
        auditContextOf(request),
      );
      setSessionCookie(reply, request, session.token, deps.config.secureCookies);
      return service.sessionInfo(await requireSessionActor(deps, session.sessionId));
    },
  );
}

async function requireSessionActor(deps: AppDeps, sessionId: string) {
  const actor = await actorOfSession(deps.db, sessionId);
  if (!actor) throw new Error(`Session ${sessionId.slice(0, 8)}… vanished right after it was created.`);
  return actor;
}
