import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/schemas/common.ts';
import {
  agencyTable,
  asOfQuery,
  createUnitBody,
  moveUnitBody,
  peoplePage,
  peopleQuery,
  renameUnitBody,
  treeQuery,
  unitOption,
  unitOptionsQuery,
  unitSchema,
  unitTreeNode,
  unitWithPath,
} from '../../../common/schemas/org.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { OrgService } from './org.service.ts';

const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
const PROVINCE_ADMIN = { access: 'roles', roles: ['province_admin'] } as const;
// The route's :id names a unit, for the authorization matrix test.
const UNIT_ID = { params: { id: 'unit' } };

export async function orgRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new OrgService(deps.db);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tổ chức bộ máy (org)'];

  routes.get(
    '/api/units/tree',
    { config: { policy: STAFF, matrix: { query: { rootId: 'unit' } } }, schema: { tags, summary: 'Cây đơn vị trong phạm vi, theo ngày', querystring: treeQuery, response: { 200: z.array(unitTreeNode) } } },
    async (request) => service.tree(requireActor(request), request.query.rootId, request.query.asOf),
  );

  routes.get(
    '/api/units/options',
    {
      // Every signed-in account picks from the whole active tree, so parentId limits nothing.
      config: { policy: { access: 'signed_in' }, matrix: { query: { parentId: 'unscoped' } } },
      schema: { tags, summary: 'Danh sách cơ quan, bộ phận đang hoạt động để chọn khi kê khai', querystring: unitOptionsQuery, response: { 200: z.array(unitOption) } },
    },
    async (request) => service.options(request.query),
  );

  routes.get(
    '/api/units/:id',
    { config: { policy: STAFF, matrix: UNIT_ID }, schema: { tags, summary: 'Thông tin đơn vị và đường dẫn trong cây', params: idParam, response: { 200: unitWithPath } } },
    async (request) => service.getUnit(requireActor(request), request.params.id),
  );

  routes.get(
    '/api/units/:id/agency-table',
    {
      config: { policy: STAFF, matrix: UNIT_ID },
      schema: { tags, summary: 'Bảng số lượng: mỗi bộ phận với số người theo ngày', params: idParam, querystring: asOfQuery, response: { 200: agencyTable } },
    },
    async (request) => service.agencyTable(requireActor(request), request.params.id, request.query.asOf),
  );

  routes.get(
    '/api/units/:id/people',
    {
      config: { policy: STAFF, matrix: UNIT_ID },
      schema: { tags, summary: 'Danh sách người của đơn vị (Chi tiết, Xem)', params: idParam, querystring: peopleQuery, response: { 200: peoplePage } },
    },
    async (request) =>
      service.people(requireActor(request), request.params.id, {
        asOf: request.query.asOf,
        direct: request.query.direct === 'true',
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );

  routes.post(
    '/api/units',
    { config: { policy: PROVINCE_ADMIN, matrix: { body: { parentId: 'unit' } } }, schema: { tags, summary: 'Tạo đơn vị', body: createUnitBody, response: { 201: unitSchema } } },
    async (request, reply) => reply.status(201).send(await service.createUnit(request.body, auditContextOf(request))),
  );

  routes.patch(
    '/api/units/:id',
    { config: { policy: PROVINCE_ADMIN, matrix: UNIT_ID }, schema: { tags, summary: 'Đổi tên đơn vị', params: idParam, body: renameUnitBody, response: { 200: unitSchema } } },
    async (request) => service.renameUnit(request.params.id, request.body, auditContextOf(request)),
  );

  routes.post(
    '/api/units/:id/move',
    { config: { policy: PROVINCE_ADMIN, matrix: { params: { id: 'unit' }, body: { parentId: 'unit' } } }, schema: { tags, summary: 'Chuyển đơn vị sang đơn vị cấp trên khác', params: idParam, body: moveUnitBody, response: { 200: unitSchema } } },
    async (request) => service.moveUnit(request.params.id, request.body, auditContextOf(request)),
  );
}
