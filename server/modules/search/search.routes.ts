import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportJob } from '../../../common/schemas/exports.ts';
import { personSummaryPage, searchFilter, searchQuery } from '../../../common/schemas/search.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { requireActor } from '../auth/authentication.ts';
import { exportJobsOf, replyWithExport } from '../exports/exports.routes.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { SearchService } from './search.service.ts';

const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;

export async function searchRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new SearchService(deps.db);
  const jobs = exportJobsOf(app, deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tìm kiếm hồ sơ (search)'];
  const matrixQuery = { unitId: 'unit' };

  routes.get(
    '/api/search/people',
    {
      config: { policy: STAFF, matrix: { query: matrixQuery } },
      schema: {
        tags,
        summary:
          'Tìm hồ sơ trong phạm vi được xem: theo tên (không dấu cũng được), mã cán bộ, số định danh, đơn vị, ngạch',
        querystring: searchQuery,
        response: { 200: personSummaryPage },
      },
    },
    async (request) => service.search(requireActor(request), request.query),
  );

  routes.post(
    '/api/search/people/export',
    {
      config: { policy: STAFF, rateLimit: rateLimits.export, matrix: { body: matrixQuery } },
      schema: {
        tags,
        summary: 'Xuất kết quả tìm kiếm ra Excel (chạy nền, theo dõi tiến độ)',
        body: searchFilter,
        response: { 202: exportJob },
      },
    },
    async (request, reply) =>
      replyWithExport(jobs, request, reply, await service.exportTask(requireActor(request), request.body)),
  );
}
