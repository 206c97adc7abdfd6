import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../common/schemas/common.ts';
import { cvArchiveBody, cvQuery } from '../../../common/schemas/documents.ts';
import { exportJob } from '../../../common/schemas/exports.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { contentDisposition } from '../exports/content-disposition.ts';
import { exportJobsOf, replyWithExport } from '../exports/exports.routes.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { cvArchiveTask } from './cv-archive.ts';
import { DocumentsService } from './documents.service.ts';

const PERSON_OR_STAFF = {
  access: 'roles',
  roles: ['person', 'unit_admin', 'approver', 'province_admin'],
} as const;
const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;

export async function documentsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new DocumentsService(deps.db);
  const jobs = exportJobsOf(app, deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Sơ yếu lý lịch (documents)'];

  routes.get(
    '/api/people/:id/cv',
    {
      config: {
        policy: PERSON_OR_STAFF,
        matrix: { params: { id: 'person' }, sampleQuery: { form: '2c', format: 'docx' } },
      },
      schema: {
        tags,
        summary:
          'Sơ yếu lý lịch (Mẫu 2C-BNV/2008 hoặc mẫu 2023) dạng Word hoặc PDF, từ hồ sơ đã phê duyệt hoặc bản nháp',
        params: idParam,
        querystring: cvQuery,
      },
    },
    async (request, reply) => {
      const file = await service.cv(
        requireActor(request),
        request.params.id,
        request.query,
        auditContextOf(request),
      );
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', contentDisposition(file.fileName));
      reply.header('cache-control', 'no-store');
      return reply.send(file.buffer);
    },
  );

  // The archive runs as an export job: the client polls GET /api/exports/:id for the CVs written
  // against the total and downloads the .zip from GET /api/exports/:id/file.
  routes.post(
    '/api/units/:id/cv-archive',
    {
      config: {
        policy: STAFF,
        rateLimit: rateLimits.export,
        matrix: { params: { id: 'unit' }, sampleBody: { form: '2c' } },
      },
      schema: {
        tags,
        summary: 'Sơ yếu lý lịch (Word) của mọi người trong đơn vị, gộp thành một tệp .zip, chạy nền',
        params: idParam,
        body: cvArchiveBody,
        response: { 202: exportJob },
      },
    },
    async (request, reply) =>
      replyWithExport(
        jobs,
        request,
        reply,
        await cvArchiveTask(
          deps.db,
          requireActor(request),
          request.params.id,
          request.body,
          auditContextOf(request),
        ),
      ),
  );
}
