import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportJob } from '../../../common/schemas/exports.ts';
import {
  drillDownFilter,
  drillDownPage,
  drillDownQuery,
  provinceDashboard,
  qualityStatistics,
  statisticsQuery,
} from '../../../common/schemas/statistics.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { requireActor } from '../auth/authentication.ts';
import { exportJobsOf, replyWithExport } from '../exports/exports.routes.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { dashboard } from './dashboard.service.ts';
import { StatisticsService } from './statistics.service.ts';
import { drillDownExportTask, reportExportTask } from './statistics-exports.ts';

const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
// rowUnitId only picks a row inside unitId's statistics, so it cannot widen the scope.
const MATRIX_QUERY = { query: { unitId: 'unit', rowUnitId: 'unscoped' } };
const MATRIX_BODY = { body: { unitId: 'unit', rowUnitId: 'unscoped' } };

export async function statisticsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new StatisticsService(deps.db);
  const jobs = exportJobsOf(app, deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Thống kê số lượng, chất lượng (statistics)'];

  routes.get(
    '/api/statistics/quality',
    {
      config: { policy: STAFF, matrix: MATRIX_QUERY },
      schema: {
        tags,
        summary: 'Chất lượng đội ngũ theo các tiêu chí của mẫu BM02/BNV, theo ngày, từng đơn vị con',
        querystring: statisticsQuery,
        response: { 200: qualityStatistics },
      },
    },
    async (request) => service.quality(requireActor(request), request.query),
  );

  routes.get(
    '/api/statistics/people',
    {
      config: { policy: STAFF, matrix: MATRIX_QUERY },
      schema: {
        tags,
        summary: 'Danh sách người sau một con số thống kê',
        querystring: drillDownQuery,
        response: { 200: drillDownPage },
      },
    },
    async (request) => service.drillDown(requireActor(request), request.query),
  );

  routes.get(
    '/api/statistics/dashboard',
    {
      config: { policy: STAFF, matrix: MATRIX_QUERY },
      schema: {
        tags,
        summary: 'Tổng hợp theo đơn vị: số lượng, cán bộ / công chức / viên chức, tiến độ kê khai',
        querystring: statisticsQuery,
        response: { 200: provinceDashboard },
      },
    },
    async (request) => dashboard(deps.db, service, requireActor(request), request.query),
  );

  routes.post(
    '/api/statistics/people/export',
    {
      config: { policy: STAFF, rateLimit: rateLimits.export, matrix: MATRIX_BODY },
      schema: {
        tags,
        summary: 'Xuất ra Excel danh sách người sau một con số thống kê',
        body: drillDownFilter,
        response: { 202: exportJob },
      },
    },
    async (request, reply) =>
      replyWithExport(
        jobs,
        request,
        reply,
        await drillDownExportTask(deps.db, service, requireActor(request), request.body),
      ),
  );

  routes.post(
    '/api/statistics/report/export',
    {
      config: { policy: STAFF, rateLimit: rateLimits.export, matrix: MATRIX_BODY },
      schema: {
        tags,
        summary: 'Xuất báo cáo chất lượng đội ngũ ra Excel theo mẫu BM02/BNV',
        body: statisticsQuery,
        response: { 202: exportJob },
      },
    },
    async (request, reply) =>
      replyWithExport(
        jobs,
        request,
        reply,
        await reportExportTask(service, requireActor(request), request.body),
      ),
  );
}
