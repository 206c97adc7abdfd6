import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../common/schemas/common.ts';
import {
  dueListExportBody,
  dueListQuery,
  dueListResponse,
  dueNotifyBody,
  dueNotifyResult,
} from '../../../common/schemas/due-lists.ts';
import { exportJob } from '../../../common/schemas/exports.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { ADMIN_ROLES, STAFF_ROLES } from '../access/scope.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { exportJobsOf, replyWithExport } from '../exports/exports.routes.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { computeDueLists, scopedUnit } from './due-lists.service.ts';
import { dueListsExportTask } from './due-lists-export.ts';
import { sendDueReminders } from './due-reminders.ts';

const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
const ADMINS = { access: 'roles', roles: ['unit_admin', 'province_admin'] } as const;
const unitMatrix = { params: { id: 'unit' } };

export async function dueListsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const jobs = exportJobsOf(app, deps);
  const tags = ['Đến hạn nâng lương, nghỉ hưu (due lists)'];

  routes.get(
    '/api/units/:id/due-lists',
    {
      config: { policy: STAFF, matrix: unitMatrix },
      schema: {
        tags,
        summary:
          'Danh sách đến hạn nâng bậc lương, phụ cấp thâm niên vượt khung và nghỉ hưu trong 3, 6 hoặc 12 tháng tới',
        params: idParam,
        querystring: dueListQuery,
        response: { 200: dueListResponse },
      },
    },
    async (request) => {
      const unit = await scopedUnit(deps.db, requireActor(request), request.params.id, STAFF_ROLES);
      return computeDueLists(deps.db, unit, request.query);
    },
  );

  routes.post(
    '/api/units/:id/due-lists/export',
    {
      config: { policy: STAFF, rateLimit: rateLimits.export, matrix: unitMatrix },
      schema: {
        tags,
        summary: 'Xuất danh sách đến hạn nâng lương, nghỉ hưu ra Excel, chạy nền',
        params: idParam,
        body: dueListExportBody,
        response: { 202: exportJob },
      },
    },
    async (request, reply) => {
      const unit = await scopedUnit(deps.db, requireActor(request), request.params.id, STAFF_ROLES);
      const lists = await computeDueLists(deps.db, unit, request.body);
      return replyWithExport(jobs, request, reply, dueListsExportTask(lists));
    },
  );

  routes.post(
    '/api/units/:id/due-lists/notify',
    {
      // personIds only pick people from the unit's own list, so they cannot reach beyond the unit.
      config: { policy: ADMINS, matrix: { ...unitMatrix, body: { personIds: 'unscoped' } } },
      schema: {
        tags,
        summary: 'Gửi thông báo nhắc đến hạn nâng lương hoặc nghỉ hưu cho những người trong danh sách',
        params: idParam,
        body: dueNotifyBody,
        response: { 200: dueNotifyResult },
      },
    },
    async (request) => {
      const unit = await scopedUnit(deps.db, requireActor(request), request.params.id, ADMIN_ROLES);
      const lists = await computeDueLists(deps.db, unit, request.body);
      return sendDueReminders(deps.db, lists, request.body, auditContextOf(request));
    },
  );
}
