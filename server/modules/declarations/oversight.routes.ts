import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../common/schemas/common.ts';
import {
  needsFixingItem,
  notificationParam,
  notificationSchema,
  notificationsQuery,
  progressPeopleQuery,
  progressPerson,
  progressTable,
  reminderBody,
  reminderResult,
  unitReminderBody,
} from '../../../common/schemas/declarations.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { DeclarationOversightService } from './declaration-oversight.service.ts';

const PERSON = { access: 'roles', roles: ['person'] } as const;
const ADMIN = { access: 'roles', roles: ['unit_admin', 'province_admin'] } as const;
const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
// What the ids of these routes name, for the authorization matrix test.
const UNIT_ID = { params: { id: 'unit' } };
const PERSON_ID = { params: { id: 'person' } };

export async function declarationOversightRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new DeclarationOversightService(deps.db);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Theo dõi kê khai (declarations)'];

  routes.get(
    '/api/units/:id/needs-fixing',
    {
      config: { policy: STAFF, matrix: UNIT_ID },
      schema: {
        tags,
        summary: 'Danh sách cần sửa: phiếu và hồ sơ không còn đúng quy định, kèm lý do',
        params: idParam,
        response: { 200: z.array(needsFixingItem) },
      },
    },
    async (request) => service.needsFixing(requireActor(request), request.params.id),
  );

  routes.get(
    '/api/units/:id/declaration-progress',
    {
      config: { policy: STAFF, matrix: UNIT_ID },
      schema: {
        tags,
        summary: 'Tiến độ kê khai theo từng bộ phận',
        params: idParam,
        response: { 200: progressTable },
      },
    },
    async (request) => service.progress(requireActor(request), request.params.id),
  );

  routes.get(
    '/api/units/:id/declaration-progress/people',
    {
      config: { policy: STAFF, matrix: { params: { id: 'unit' }, query: { divisionId: 'unscoped' } } },
      schema: {
        tags,
        summary: 'Danh sách người sau mỗi con số của tiến độ kê khai',
        params: idParam,
        querystring: progressPeopleQuery,
        response: { 200: z.array(progressPerson) },
      },
    },
    async (request) =>
      service.progressPeople(requireActor(request), request.params.id, {
        status: request.query.status,
        divisionId: request.query.divisionId,
        direct: request.query.direct === 'true',
      }),
  );

  routes.post(
    '/api/people/:id/reminders',
    {
      config: { policy: ADMIN, matrix: PERSON_ID },
      schema: {
        tags,
        summary: 'Nhắc một người kê khai, nộp phiếu',
        params: idParam,
        body: reminderBody,
        response: { 200: reminderResult },
      },
    },
    async (request) =>
      service.remindPerson(requireActor(request), request.params.id, request.body, auditContextOf(request)),
  );

  routes.post(
    '/api/units/:id/reminders',
    {
      config: {
        policy: ADMIN,
        matrix: {
          params: { id: 'unit' },
          body: { divisionId: 'unscoped' },
          sampleBody: { status: 'never_declared' },
        },
      },
      schema: {
        tags,
        summary: 'Nhắc mọi người của đơn vị chưa kê khai, đang kê khai hoặc bị trả lại phiếu',
        params: idParam,
        body: unitReminderBody,
        response: { 200: reminderResult },
      },
    },
    async (request) =>
      service.remindUnit(requireActor(request), request.params.id, request.body, auditContextOf(request)),
  );

  routes.get(
    '/api/me/notifications',
    {
      config: { policy: PERSON },
      schema: {
        tags,
        summary: 'Thông báo của tôi (phiếu bị trả lại, được phê duyệt, nhắc kê khai)',
        querystring: notificationsQuery,
        response: { 200: z.array(notificationSchema) },
      },
    },
    async (request) => service.notifications(requireActor(request), request.query.unreadOnly === 'true'),
  );

  routes.post(
    '/api/me/notifications/:id/read',
    {
      config: { policy: PERSON, matrix: { params: { id: 'notification' } } },
      schema: {
        tags,
        summary: 'Đánh dấu thông báo đã đọc',
        params: notificationParam,
        response: { 200: okResponse },
      },
    },
    async (request) => service.markRead(requireActor(request), request.params.id, auditContextOf(request)),
  );
}
