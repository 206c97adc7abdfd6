import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../common/schemas/common.ts';
import {
  IMPORT_MAX_FILE_BYTES,
  importJob,
  importJobList,
  importProblemsResponse,
  importSettingsBody,
  importUploadBody,
} from '../../../common/schemas/import.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { contentDisposition } from '../exports/content-disposition.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { ImportService } from './import.service.ts';
import { ImportRunner } from './import-runner.ts';

const ADMINS = { access: 'roles', roles: ['unit_admin', 'province_admin'] } as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The file arrives base64-encoded inside JSON: 4 bytes for every 3, plus the other fields.
const UPLOAD_BODY_LIMIT = Math.ceil((IMPORT_MAX_FILE_BYTES * 4) / 3) + 64 * 1024;

export async function importRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const runner = new ImportRunner();
  app.addHook('onClose', async () => runner.close());
  const service = new ImportService(deps.db, runner, app.log);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Nhập hồ sơ từ Excel (import)'];
  const agencyMatrix = { params: { id: 'unit' } };
  const jobMatrix = { params: { id: 'import' } };

  routes.get(
    '/api/units/:id/imports/template',
    {
      config: { policy: ADMINS, rateLimit: rateLimits.export, matrix: agencyMatrix },
      schema: {
        tags,
        summary: 'Tải tệp Excel mẫu để nhập hồ sơ của cơ quan (có danh mục mã)',
        params: idParam,
      },
    },
    async (request, reply) => {
      const file = await service.template(requireActor(request), request.params.id);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', contentDisposition(file.fileName));
      reply.header('cache-control', 'no-store');
      return reply.send(file.buffer);
    },
  );

  routes.get(
    '/api/units/:id/imports',
    {
      config: { policy: ADMINS, matrix: agencyMatrix },
      schema: {
        tags,
        summary: 'Các lần nhập hồ sơ từ Excel của cơ quan',
        params: idParam,
        response: { 200: importJobList },
      },
    },
    async (request) => service.list(requireActor(request), request.params.id),
  );

  routes.post(
    '/api/units/:id/imports',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: {
        policy: ADMINS,
        rateLimit: rateLimits.export,
        matrix: {
          ...agencyMatrix,
          body: { divisionId: 'division' },
          sampleBody: { fileName: 'ho-so.xlsx', fileBase64: 'AAAA' },
        },
      },
      schema: {
        tags,
        summary: 'Tải tệp Excel hồ sơ lên: tìm dòng tiêu đề và đề xuất cách ghép cột',
        params: idParam,
        body: importUploadBody,
        response: { 201: importJob },
      },
    },
    async (request, reply) => {
      const job = await service.upload(
        requireActor(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      );
      return reply.status(201).send(job);
    },
  );

  routes.get(
    '/api/imports/:id',
    {
      config: { policy: ADMINS, matrix: jobMatrix },
      schema: {
        tags,
        summary: 'Trạng thái, tiến độ và kết quả của một lần nhập',
        params: idParam,
        response: { 200: importJob },
      },
    },
    async (request) => service.status(requireActor(request), request.params.id),
  );

  routes.get(
    '/api/imports/:id/problems',
    {
      config: { policy: ADMINS, matrix: jobMatrix },
      schema: {
        tags,
        summary: 'Mọi lỗi và cảnh báo của tệp, theo dòng và cột',
        params: idParam,
        response: { 200: importProblemsResponse },
      },
    },
    async (request) => service.problems(requireActor(request), request.params.id),
  );

  routes.post(
    '/api/imports/:id/check',
    {
      config: {
        policy: ADMINS,
        matrix: { ...jobMatrix, sampleBody: { mapping: { personalIdNumber: 1, fullName: 2 } } },
      },
      schema: {
        tags,
        summary: 'Kiểm tra thử (không ghi dữ liệu) với cách ghép cột và định dạng ngày đã chọn, chạy nền',
        params: idParam,
        body: importSettingsBody,
        response: { 202: importJob },
      },
    },
    async (request, reply) => {
      const job = await service.check(
        requireActor(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      );
      return reply.status(202).send(job);
    },
  );

  routes.post(
    '/api/imports/:id/run',
    {
      config: { policy: ADMINS, matrix: jobMatrix },
      schema: {
        tags,
        summary: 'Nhập các dòng hợp lệ thành phiên bản hồ sơ đã phê duyệt, từng lô, chạy nền',
        params: idParam,
        response: { 202: importJob },
      },
    },
    async (request, reply) => {
      const job = await service.run(requireActor(request), request.params.id, auditContextOf(request));
      return reply.status(202).send(job);
    },
  );
}
