import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accountSchema,
  accountsPage,
  accountWithPassword,
  createAccountBody,
  defaultPasswordsQuery,
  grantBody,
  grantParams,
  listAccountsQuery,
  updateAccountBody,
} from '../../../common/schemas/accounts.ts';
import { idParam } from '../../../common/schemas/common.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { AccountsService } from './accounts.service.ts';
import { GrantsService } from './grants.service.ts';

const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
const PROVINCE_ADMIN = { access: 'roles', roles: ['province_admin'] } as const;

// Hints for the authorization matrix test: what the ids in each route's request name.
const ACCOUNT_ID = { params: { id: 'account' } };
const UNIT_FILTER = { query: { unitId: 'unit' } };
// SNV may not disable its own account or reset its own password or authenticator here (it
// changes its password through /api/auth/password), so the caller's own account is out of reach
// for those routes.
const OTHER_ACCOUNTS_ONLY = {
  ...ACCOUNT_ID,
  reach: { province_admin: ['ownAgency', 'otherAgency', 'provinceLevel'] },
} as const;

export async function accountsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const accounts = new AccountsService(deps.db);
  const grants = new GrantsService(deps.db);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tài khoản và vai trò (accounts)'];

  routes.get(
    '/api/accounts',
    {
      config: { policy: STAFF, matrix: UNIT_FILTER },
      schema: {
        tags,
        summary: 'Danh sách tài khoản trong phạm vi; tìm theo họ tên hoặc thư điện tử không phân biệt dấu',
        querystring: listAccountsQuery,
        response: { 200: accountsPage },
      },
    },
    async (request) => accounts.list(requireActor(request), request.query),
  );

  routes.get(
    '/api/accounts/default-passwords',
    {
      config: { policy: STAFF, matrix: UNIT_FILTER },
      schema: {
        tags,
        summary: 'Tài khoản đang hoạt động còn dùng mật khẩu mặc định',
        querystring: defaultPasswordsQuery,
        response: { 200: accountsPage },
      },
    },
    async (request) => accounts.defaultPasswords(requireActor(request), request.query),
  );

  routes.get(
    '/api/accounts/:id',
    {
      config: { policy: STAFF, matrix: ACCOUNT_ID },
      schema: {
        tags,
        summary: 'Thông tin tài khoản và các vai trò',
        params: idParam,
        response: { 200: accountSchema },
      },
    },
    async (request) => accounts.get(requireActor(request), request.params.id),
  );

  routes.post(
    '/api/accounts',
    {
      config: { policy: PROVINCE_ADMIN },
      schema: {
        tags,
        summary: 'Tạo tài khoản; trả về mật khẩu mặc định một lần duy nhất',
        body: createAccountBody,
        response: { 201: accountWithPassword },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await accounts.create(requireActor(request), request.body, auditContextOf(request))),
  );

  routes.patch(
    '/api/accounts/:id',
    {
      config: { policy: PROVINCE_ADMIN, matrix: ACCOUNT_ID },
      schema: {
        tags,
        summary: 'Sửa họ tên, chuyển đơn vị hoặc liên kết hồ sơ cán bộ',
        params: idParam,
        body: updateAccountBody,
        response: { 200: accountSchema },
      },
    },
    async (request) =>
      accounts.update(requireActor(request), request.params.id, request.body, auditContextOf(request)),
  );

  routes.post(
    '/api/accounts/:id/disable',
    {
      config: { policy: PROVINCE_ADMIN, matrix: OTHER_ACCOUNTS_ONLY },
      schema: {
        tags,
        summary: 'Vô hiệu hóa tài khoản; mọi phiên làm việc kết thúc',
        params: idParam,
        response: { 200: accountSchema },
      },
    },
    async (request) => accounts.disable(requireActor(request), request.params.id, auditContextOf(request)),
  );

  routes.post(
    '/api/accounts/:id/enable',
    {
      config: { policy: PROVINCE_ADMIN, matrix: ACCOUNT_ID },
      schema: {
        tags,
        summary: 'Mở lại tài khoản đã vô hiệu hóa',
        params: idParam,
        response: { 200: accountSchema },
      },
    },
    async (request) => accounts.enable(requireActor(request), request.params.id, auditContextOf(request)),
  );

  routes.post(
    '/api/accounts/:id/reset-password',
    {
      config: { policy: PROVINCE_ADMIN, matrix: OTHER_ACCOUNTS_ONLY },
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu mặc định; trả về mật khẩu một lần duy nhất, mọi phiên làm việc kết thúc',
        params: idParam,
        response: { 200: accountWithPassword },
      },
    },
    async (request) =>
      accounts.resetPassword(requireActor(request), request.params.id, auditContextOf(request)),
  );

  routes.post(
    '/api/accounts/:id/reset-totp',
    {
      config: { policy: PROVINCE_ADMIN, matrix: OTHER_ACCOUNTS_ONLY },
      schema: {
        tags,
        summary:
          'Đặt lại ứng dụng xác thực (TOTP) khi người dùng mất điện thoại; mọi phiên làm việc kết thúc',
        params: idParam,
        response: { 200: accountSchema },
      },
    },
    async (request) => accounts.resetTotp(requireActor(request), request.params.id, auditContextOf(request)),
  );

  routes.post(
    '/api/accounts/:id/grants',
    {
      config: { policy: PROVINCE_ADMIN, matrix: ACCOUNT_ID },
      schema: {
        tags,
        summary: 'Cấp vai trò trên một đơn vị',
        params: idParam,
        body: grantBody,
        response: { 201: accountSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await grants.grant(requireActor(request), request.params.id, request.body, auditContextOf(request)),
        ),
  );

  routes.delete(
    '/api/accounts/:id/grants/:grantId',
    {
      config: { policy: PROVINCE_ADMIN, matrix: { params: { id: 'account', grantId: 'accountGrant' } } },
      schema: { tags, summary: 'Thu hồi vai trò', params: grantParams, response: { 200: accountSchema } },
    },
    async (request) =>
      grants.revoke(
        requireActor(request),
        request.params.id,
        request.params.grantId,
        auditContextOf(request),
      ),
  );
}
