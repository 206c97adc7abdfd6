import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionInfo } from '../../../common/schemas/auth.ts';
import { okResponse } from '../../../common/schemas/common.ts';
import {
  passwordResetCompleteBody,
  passwordResetRequestBody,
  signInMethods,
  totpEnrolment,
  totpVerifyBody,
} from '../../../common/schemas/sign-in-options.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { AppError } from '../../http/app-error.ts';
import { auditContextOf } from '../audit/audit.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { clientOf, setSessionCookie } from './auth.routes.ts';
import { AuthService } from './auth.service.ts';
import { actorOfSession, requireActor } from './authentication.ts';
import { OidcService } from './oidc.service.ts';
import { PasswordResetService } from './password-reset.service.ts';
import { TotpService } from './totp.service.ts';

const OIDC_STATE_COOKIE = 'hoso_oidc_state';
const OIDC_COOKIE_PATH = '/api/auth/oidc';

const oidcCallbackQuery = z.object({
  code: z.string().max(4_000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(2_000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2_000).optional(),
});

/** Routes of the configurable sign-in options: TOTP, password reset by e-mail and OpenID Connect. */
export async function signInOptionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const options = deps.config.signIn;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Đăng nhập (auth)'];
  const auth = new AuthService(deps.db, deps.config.sessionIdleMinutes);
  const totp = new TotpService(deps.db, options);
  const passwordReset = new PasswordResetService(deps.db, options, app.log);
  const oidc = options.oidc ? new OidcService(deps.db, options.oidc) : null;
  app.decorate('passwordResetMails', passwordReset.pending);

  async function sessionInfoOf(sessionId: string) {
    const actor = await actorOfSession(deps.db, sessionId);
    if (!actor) throw new Error(`Session ${sessionId.slice(0, 8)}… vanished right after it was created.`);
    return auth.sessionInfo(actor);
  }

  routes.get(
    '/api/auth/methods',
    {
      config: { policy: { access: 'public' } },
      schema: { tags, summary: 'Các cách đăng nhập đang bật', response: { 200: signInMethods } },
    },
    async () => ({
      password: options.password,
      ldap: options.ldap !== null,
      oidc: options.oidc !== null,
      passwordReset: options.passwordReset !== null && options.password,
      totpForAdmins: options.totpForAdmins,
    }),
  );

  routes.post(
    '/api/auth/totp/enrol',
    {
      config: { policy: { access: 'second_factor' }, rateLimit: rateLimits.secondFactor },
      schema: {
        tags,
        summary: 'Tạo khóa bí mật TOTP để đăng ký ứng dụng xác thực',
        response: { 200: totpEnrolment },
      },
    },
    async (request) => totp.enrol(requireActor(request), auditContextOf(request)),
  );

  routes.post(
    '/api/auth/totp/verify',
    {
      config: { policy: { access: 'second_factor' }, rateLimit: rateLimits.secondFactor },
      schema: {
        tags,
        summary: 'Nhập mã xác thực hai lớp (TOTP)',
        body: totpVerifyBody,
        response: { 200: sessionInfo },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await totp.verify(actor, request.body.code, auditContextOf(request));
      return sessionInfoOf(actor.sessionId);
    },
  );

  routes.post(
    '/api/auth/password-reset',
    {
      config: { policy: { access: 'public' }, rateLimit: rateLimits.passwordReset },
      schema: {
        tags,
        summary: 'Gửi đường dẫn đặt lại mật khẩu tới thư điện tử công vụ',
        body: passwordResetRequestBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await passwordReset.request(request.body.email, request.ip, auditContextOf(request));
      return { ok: true as const };
    },
  );

  routes.post(
    '/api/auth/password-reset/complete',
    {
      config: {
        policy: { access: 'public' },
        rateLimit: rateLimits.passwordReset,
        matrix: { sampleBody: { token: 'khong-phai-ma-that-0123456789', newPassword: 'Mat-khau-moi-2026' } },
      },
      schema: {
        tags,
        summary: 'Đặt mật khẩu mới bằng đường dẫn trong thư',
        body: passwordResetCompleteBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await passwordReset.complete(request.body.token, request.body.newPassword, auditContextOf(request));
      return { ok: true as const };
    },
  );

  routes.get(
    '/api/auth/oidc/start',
    {
      config: { policy: { access: 'public' }, rateLimit: rateLimits.singleSignOn },
      schema: { tags, summary: 'Chuyển tới trang đăng nhập một lần (OpenID Connect)' },
    },
    async (_request, reply) => {
      if (!oidc) throw new AppError('SIGN_IN_METHOD_DISABLED');
      const { url, state } = await oidc.start();
      reply.setCookie(OIDC_STATE_COOKIE, state, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        maxAge: 600,
        secure: deps.config.secureCookies,
      });
      return reply.redirect(url, 302);
    },
  );

  routes.get(
    '/api/auth/oidc/callback',
    {
      config: { policy: { access: 'public' }, rateLimit: rateLimits.singleSignOn },
      schema: {
        tags,
        summary: 'Nơi nhà cung cấp đăng nhập một lần trả người dùng về',
        querystring: oidcCallbackQuery,
      },
    },
    async (request, reply) => {
      if (!oidc) throw new AppError('SIGN_IN_METHOD_DISABLED');
      const browserState = request.cookies[OIDC_STATE_COOKIE];
      reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
      return finishOidc(request, reply, async () => {
        const rawQuery = request.raw.url?.split('?')[1] ?? '';
        const session = await oidc.finish(rawQuery, browserState, clientOf(request), auditContextOf(request));
        await totp.startChallengeIfRequired(session.sessionId);
        setSessionCookie(reply, request, session.token, deps.config.secureCookies);
      });
    },
  );
}

/** Sends the browser to the start page, or back to the sign-in page with the error code. */
async function finishOidc(request: FastifyRequest, reply: FastifyReply, open: () => Promise<void>) {
  try {
    await open();
    return reply.redirect('/', 302);
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (!(error instanceof AppError) || error.status >= 500)
      request.log.error({ err: error }, 'single sign-on failed');
    else request.log.warn({ code }, 'single sign-on rejected');
    return reply.redirect(`/dang-nhap?loi=${code}`, 302);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Password reset mails still being sent; tests wait for them. */
    passwordResetMails: Set<Promise<void>>;
  }
}
