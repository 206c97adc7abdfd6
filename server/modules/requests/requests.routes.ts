import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/schemas/common.ts';
import {
  commentBody,
  createRequestBody,
  holdingGroupsResponse,
  listRequestsQuery,
  markReadBody,
  markReadResponse,
  notificationsQuery,
  notificationsResponse,
  processBody,
  processResponse,
  reconciliationBody,
  reconciliationOverview,
  reconciliationOverviewQuery,
  reconciliationSchema,
  reconciliationsQuery,
  recruitmentPreview,
  recruitmentPreviewBody,
  requestSchema,
  requestsPage,
  requestWithHistory,
  statusBody,
} from '../../../common/schemas/requests.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { ADMIN_ROLES, assertCoversUnit } from '../access/scope.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { listHoldingGroups } from './holding-groups.ts';
import { listNotifications, markNotificationsRead } from './notifications.repository.ts';
import { ReconciliationService } from './reconciliation.service.ts';
import { checkRecruitRows, readRecruitsWorkbook, recruitsTemplate } from './recruitment-excel.ts';
import { requestMailerFrom } from './request-mailer.ts';
import { RequestsService } from './requests.service.ts';

const ADMINS = { access: 'roles', roles: ['unit_admin', 'province_admin'] } as const;
const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
const PROVINCE_ADMIN = { access: 'roles', roles: ['province_admin'] } as const;
const SIGNED_IN = { access: 'signed_in' } as const;

// Hints for the authorization matrix test: what the ids in each route's request name.
const REQUEST_ID = { params: { id: 'request' } };
const ORG_MISMATCH_SAMPLE = {
  kind: 'org_mismatch',
  agencyId: 1,
  details: {
    changeType: 'other',
    unitIds: [],
    description: 'Bộ phận mới chưa có trong cây',
    decisionNumber: '12/QĐ-UBND',
    decisionDate: '2025-03-01',
  },
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function requestsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const requests = new RequestsService(deps.db, requestMailerFrom(deps.config, app.log));
  const reconciliations = new ReconciliationService(deps.db, requests);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Đề nghị gửi Sở Nội vụ (requests)'];

  routes.post(
    '/api/requests',
    {
      config: { policy: ADMINS, matrix: { body: { agencyId: 'unit' }, sampleBody: ORG_MISMATCH_SAMPLE } },
      schema: {
        tags,
        summary: 'Lập đề nghị: điều chỉnh tổ chức, giảm, tuyển dụng mới, tiếp nhận',
        body: createRequestBody,
        response: { 201: requestSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requests.create(requireActor(request), request.body, auditContextOf(request))),
  );

  routes.get(
    '/api/requests',
    {
      config: { policy: ADMINS, matrix: { query: { agencyId: 'unit' } } },
      schema: {
        tags,
        summary: 'Danh sách đề nghị (hàng đợi của Sở Nội vụ; đề nghị của cơ quan với quản trị viên)',
        querystring: listRequestsQuery,
        response: { 200: requestsPage },
      },
    },
    async (request) => requests.list(requireActor(request), request.query),
  );

  routes.get(
    '/api/requests/:id',
    {
      config: { policy: ADMINS, matrix: REQUEST_ID },
      schema: {
        tags,
        summary: 'Chi tiết đề nghị và lịch sử xử lý',
        params: idParam,
        response: { 200: requestWithHistory },
      },
    },
    async (request) => requests.get(requireActor(request), request.params.id),
  );

  routes.post(
    '/api/requests/:id/comments',
    {
      config: {
        policy: ADMINS,
        matrix: { ...REQUEST_ID, sampleBody: { text: 'Đề nghị bổ sung quyết định.' } },
      },
      schema: {
        tags,
        summary: 'Trao đổi về đề nghị',
        params: idParam,
        body: commentBody,
        response: { 200: requestWithHistory },
      },
    },
    async (request) =>
      requests.comment(requireActor(request), request.params.id, request.body.text, auditContextOf(request)),
  );

  routes.post(
    '/api/requests/:id/status',
    {
      config: {
        policy: PROVINCE_ADMIN,
        matrix: { ...REQUEST_ID, sampleBody: { status: 'in_progress', rowVersion: 1 } },
      },
      schema: {
        tags,
        summary: 'Nhận xử lý hoặc từ chối đề nghị',
        params: idParam,
        body: statusBody,
        response: { 200: requestWithHistory },
      },
    },
    async (request) =>
      requests.setStatus(requireActor(request), request.params.id, request.body, auditContextOf(request)),
  );

  routes.post(
    '/api/requests/:id/process',
    {
      config: { policy: PROVINCE_ADMIN, matrix: { ...REQUEST_ID, sampleBody: { rowVersion: 1 } } },
      schema: {
        tags,
        summary:
          'Xử lý xong đề nghị: áp dụng thay đổi; mật khẩu mặc định của tài khoản mới chỉ trả về một lần',
        params: idParam,
        body: processBody,
        response: { 200: processResponse },
      },
    },
    async (request) =>
      requests.process(requireActor(request), request.params.id, request.body, auditContextOf(request)),
  );

  routes.post(
    '/api/requests/recruitment-preview',
    {
      config: {
        policy: ADMINS,
        matrix: { body: { agencyId: 'unit' }, sampleBody: { agencyId: 1, recruits: [] } },
      },
      schema: {
        tags,
        summary:
          'Kiểm tra danh sách tuyển dụng mới (nhập tay hoặc tệp Excel) trước khi lập đề nghị; báo lỗi từng dòng',
        body: recruitmentPreviewBody,
        response: { 200: recruitmentPreview },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await assertCoversUnit(deps.db, actor, request.body.agencyId, ADMIN_ROLES);
      const parsed = request.body.fileBase64
        ? await readRecruitsWorkbook(Buffer.from(request.body.fileBase64, 'base64'))
        : {
            rows: (request.body.recruits ?? []).map((row, index) => ({
              rowNumber: index + 1,
              fullName: row.fullName,
              email: row.email.trim().toLowerCase(),
              divisionCode: row.divisionCode?.trim() ?? '',
            })),
            fileErrors: [],
          };
      const rows = await checkRecruitRows(deps.db, request.body.agencyId, parsed.rows);
      const errorCount = rows.filter((row) => row.errors.length > 0).length;
      return { rows, validCount: rows.length - errorCount, errorCount, fileErrors: parsed.fileErrors };
    },
  );

  routes.get(
    '/api/requests/recruitment-template',
    {
      config: { policy: ADMINS },
      schema: { tags, summary: 'Tệp Excel mẫu danh sách tuyển dụng mới', produces: [XLSX_TYPE] },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="mau-tuyen-dung-moi.xlsx"`)
        .send(await recruitsTemplate()),
  );

  routes.get(
    '/api/holding-groups',
    {
      config: { policy: STAFF },
      schema: {
        tags,
        summary: 'Các nhóm lưu trữ (nhóm nghỉ hưu, nhóm chuyển công tác, nhóm mất …)',
        response: { 200: holdingGroupsResponse },
      },
    },
    async () => listHoldingGroups(deps.db),
  );

  routes.get(
    '/api/notifications',
    {
      config: { policy: SIGNED_IN },
      schema: {
        tags,
        summary: 'Thông báo của tài khoản đăng nhập',
        querystring: notificationsQuery,
        response: { 200: notificationsResponse },
      },
    },
    async (request) => {
      const result = await listNotifications(deps.db, requireActor(request).accountId, {
        unreadOnly: request.query.unreadOnly === 'true',
        limit: request.query.limit,
      });
      return {
        unread: result.unread,
        items: result.items.map((item) => ({
          ...item,
          createdAt: new Date(item.createdAt).toISOString(),
          readAt: item.readAt ? new Date(item.readAt).toISOString() : null,
        })),
      };
    },
  );

  routes.post(
    '/api/notifications/read',
    {
      config: { policy: SIGNED_IN },
      schema: {
        tags,
        summary: 'Đánh dấu thông báo đã đọc (tất cả khi không nêu ids)',
        body: markReadBody,
        response: { 200: markReadResponse },
      },
    },
    async (request) => ({
      marked: await markNotificationsRead(deps.db, requireActor(request).accountId, request.body.ids),
    }),
  );

  routes.post(
    '/api/reconciliations',
    {
      config: {
        policy: ADMINS,
        matrix: {
          body: { agencyId: 'unit' },
          sampleBody: { agencyId: 1, checkedOn: '2025-01-02', matches: true },
        },
      },
      schema: {
        tags,
        summary: 'Ghi nhận đã đối chiếu danh sách với thực tế; chênh lệch thành đề nghị',
        body: reconciliationBody,
        response: { 201: reconciliationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reconciliations.record(requireActor(request), request.body, auditContextOf(request))),
  );

  routes.get(
    '/api/reconciliations',
    {
      config: { policy: ADMINS, matrix: { query: { agencyId: 'unit' } } },
      schema: {
        tags,
        summary: 'Các lần đối chiếu danh sách của cơ quan',
        querystring: reconciliationsQuery,
        response: { 200: z.array(reconciliationSchema) },
      },
    },
    async (request) => reconciliations.history(requireActor(request), request.query.agencyId),
  );

  routes.get(
    '/api/reconciliations/overview',
    {
      config: { policy: PROVINCE_ADMIN },
      schema: {
        tags,
        summary: 'Cơ quan chưa đối chiếu danh sách từ một ngày',
        querystring: reconciliationOverviewQuery,
        response: { 200: reconciliationOverview },
      },
    },
    async (request) => reconciliations.overview(request.query.since),
  );
}
