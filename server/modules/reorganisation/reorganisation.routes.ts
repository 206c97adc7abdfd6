import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../common/schemas/common.ts';
import { asOfQuery } from '../../../common/schemas/org.ts';
import {
  dissolveBody,
  eventsPage,
  eventsQuery,
  mergeBody,
  moveMembersBody,
  moveMembersResponse,
  myPlacementResponse,
  pendingUnitsResponse,
  reorganisationResult,
  splitBody,
  successorsResponse,
} from '../../../common/schemas/reorganisation.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { PlacementService } from './placement.service.ts';
import { ReorganisationService } from './reorganisation.service.ts';

const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
const PROVINCE_ADMIN = { access: 'roles', roles: ['province_admin'] } as const;
const SIGNED_IN = { access: 'signed_in' } as const;

// Successors are tree structure, readable by every signed-in account like the unit pickers.
const ANY_UNIT = ['ownAgency', 'otherAgency', 'provinceLevel'] as const;
const SUCCESSORS_MATRIX = {
  params: { id: 'unit' },
  reach: { person: ANY_UNIT, approver: ANY_UNIT, unit_admin: ANY_UNIT, province_admin: ANY_UNIT },
};

export async function reorganisationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reorganisation = new ReorganisationService(deps.db);
  const placement = new PlacementService(deps.db);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Sắp xếp tổ chức bộ máy (reorganisation)'];

  routes.post(
    '/api/reorganisation/merge',
    {
      config: { policy: PROVINCE_ADMIN },
      schema: {
        tags,
        summary: 'Sáp nhập một hoặc nhiều đơn vị vào đơn vị mới hoặc đơn vị có sẵn',
        body: mergeBody,
        response: { 201: reorganisationResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reorganisation.merge(requireActor(request), request.body, auditContextOf(request))),
  );

  routes.post(
    '/api/reorganisation/split',
    {
      config: { policy: PROVINCE_ADMIN },
      schema: {
        tags,
        summary: 'Chia tách một đơn vị thành nhiều đơn vị',
        body: splitBody,
        response: { 201: reorganisationResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reorganisation.split(requireActor(request), request.body, auditContextOf(request))),
  );

  routes.post(
    '/api/reorganisation/dissolve',
    {
      config: { policy: PROVINCE_ADMIN },
      schema: {
        tags,
        summary: 'Giải thể đơn vị',
        body: dissolveBody,
        response: { 201: reorganisationResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reorganisation.dissolve(requireActor(request), request.body, auditContextOf(request))),
  );

  routes.post(
    '/api/reorganisation/move-members',
    {
      config: { policy: PROVINCE_ADMIN },
      schema: {
        tags,
        summary:
          'Chuyển cả danh sách người của đơn vị đã sáp nhập một-một sang đơn vị kế thừa (ghi nhật ký từng người)',
        body: moveMembersBody,
        response: { 200: moveMembersResponse },
      },
    },
    async (request) => placement.moveMembers(requireActor(request), request.body, auditContextOf(request)),
  );

  routes.get(
    '/api/reorganisation/events',
    {
      config: { policy: STAFF, matrix: { query: { unitId: 'unit' } } },
      schema: {
        tags,
        summary: 'Lịch sử sáp nhập, chia tách, giải thể (kèm quyết định và đơn vị kế thừa)',
        querystring: eventsQuery,
        response: { 200: eventsPage },
      },
    },
    async (request) => reorganisation.events(requireActor(request), request.query),
  );

  routes.get(
    '/api/reorganisation/pending-units',
    {
      config: { policy: STAFF },
      schema: {
        tags,
        summary: 'Đơn vị đã kết thúc nhưng còn người (dòng trắng), kèm đơn vị kế thừa',
        querystring: asOfQuery,
        response: { 200: pendingUnitsResponse },
      },
    },
    async (request) => placement.pendingUnits(requireActor(request), request.query.asOf),
  );

  routes.get(
    '/api/reorganisation/units/:id/successors',
    {
      config: { policy: SIGNED_IN, matrix: SUCCESSORS_MATRIX },
      schema: {
        tags,
        summary: 'Đơn vị kế thừa của một đơn vị đã kết thúc, để gợi ý khi kê khai lại',
        params: idParam,
        response: { 200: successorsResponse },
      },
    },
    async (request) => placement.successors(request.params.id),
  );

  routes.get(
    '/api/reorganisation/my-placement',
    {
      config: { policy: SIGNED_IN },
      schema: {
        tags,
        summary: 'Đơn vị hiện tại của người đăng nhập; nếu đã kết thúc thì gợi ý đơn vị kế thừa',
        response: { 200: myPlacementResponse },
      },
    },
    async (request) => placement.myPlacement(requireActor(request)),
  );
}
