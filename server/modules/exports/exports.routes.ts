import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../common/schemas/common.ts';
import { exportJob, exportJobParams, unitPeopleExportBody } from '../../../common/schemas/exports.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { contentDisposition } from './content-disposition.ts';
import { ExportJobs, type ExportTask } from './export-jobs.ts';
import { unitPeopleExportTask } from './unit-people-export.ts';

const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;

declare module 'fastify' {
  interface FastifyInstance {
    /** Background Excel exports of this app; see exportJobsOf. */
    exportJobs: ExportJobs;
  }
}

/**
 * The app's export runner, created by whichever module registers first, so that route modules may be
 * listed in any order. Closing the app stops the runner and deletes its files.
 */
export function exportJobsOf(app: FastifyInstance, deps: AppDeps): ExportJobs {
  if (!app.hasDecorator('exportJobs')) {
    const jobs = new ExportJobs({ db: deps.db, log: app.log });
    app.decorate('exportJobs', jobs);
    app.addHook('onClose', async () => jobs.close());
  }
  return app.exportJobs;
}

/** Starts an export for the caller and responds 202 with the job to poll. */
export async function replyWithExport(
  jobs: ExportJobs,
  request: FastifyRequest,
  reply: FastifyReply,
  task: ExportTask,
) {
  const job = jobs.start(requireActor(request), auditContextOf(request), task);
  return reply.status(202).send(job);
}

export async function exportsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const jobs = exportJobsOf(app, deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Xuất Excel (exports)'];
  // The job id is a random UUID checked against the caller's account, not a unit or person.
  const matrix = { params: { id: 'unscoped' } };

  routes.get(
    '/api/exports/:id',
    {
      config: { policy: { access: 'signed_in' }, matrix },
      schema: {
        tags,
        summary: 'Tiến độ của một lần xuất tệp Excel',
        params: exportJobParams,
        response: { 200: exportJob },
      },
    },
    async (request) => jobs.status(requireActor(request), request.params.id),
  );

  routes.get(
    '/api/exports/:id/file',
    {
      config: { policy: { access: 'signed_in' }, matrix },
      schema: {
        tags,
        summary: 'Tải tệp đã xuất xong (Excel, hoặc .zip Sơ yếu lý lịch)',
        params: exportJobParams,
      },
    },
    async (request, reply) => {
      const file = await jobs.file(requireActor(request), request.params.id);
      reply.header('content-type', file.contentType);
      reply.header('content-length', String(file.size));
      reply.header('content-disposition', contentDisposition(file.fileName));
      reply.header('cache-control', 'no-store');
      return reply.send(createReadStream(file.path));
    },
  );

  routes.post(
    '/api/units/:id/people/export',
    {
      config: { policy: STAFF, rateLimit: rateLimits.export, matrix: { params: { id: 'unit' } } },
      schema: {
        tags,
        summary: 'Xuất danh sách người của đơn vị ra Excel (Chi tiết, Xem), chạy nền',
        params: idParam,
        body: unitPeopleExportBody,
        response: { 202: exportJob },
      },
    },
    async (request, reply) =>
      replyWithExport(
        jobs,
        request,
        reply,
        await unitPeopleExportTask(deps.db, requireActor(request), request.params.id, request.body),
      ),
  );
}
