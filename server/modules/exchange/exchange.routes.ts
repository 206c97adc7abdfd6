import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayIso } from '../../../common/dates.ts';
import { idParam } from '../../../common/schemas/common.ts';
import { EXCHANGE_SCHEMA_VERSION, exchangeDocument } from '../../../common/schemas/exchange.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { contentDisposition } from '../exports/content-disposition.ts';
import { rateLimits } from '../security/rate-limits.ts';
import { exchangeUnit, personExchangeDocument, unitExchangeDocuments } from './exchange.service.ts';

const PERSON_OR_STAFF = {
  access: 'roles',
  roles: ['person', 'unit_admin', 'approver', 'province_admin'],
} as const;
const ADMINS = { access: 'roles', roles: ['unit_admin', 'province_admin'] } as const;

const downloadQuery = z.object({
  /** Sends the document as a file to save rather than to show. */
  download: z.enum(['true', 'false']).optional(),
});

export async function exchangeRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Trao đổi dữ liệu quốc gia (exchange)'];
  const jsonSchema = z.toJSONSchema(exchangeDocument, { io: 'output' });

  routes.get(
    '/api/exchange/schema',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        summary: `Lược đồ JSON của tài liệu trao đổi dữ liệu, phiên bản ${EXCHANGE_SCHEMA_VERSION}`,
      },
    },
    async () => jsonSchema,
  );

  routes.get(
    '/api/people/:id/exchange',
    {
      config: { policy: PERSON_OR_STAFF, rateLimit: rateLimits.export, matrix: { params: { id: 'person' } } },
      schema: {
        tags,
        summary:
          'Dữ liệu hồ sơ đã phê duyệt của một người theo 10 nhóm thông tin của NĐ 27/2026/NĐ-CP (JSON)',
        params: idParam,
        querystring: downloadQuery,
        response: { 200: exchangeDocument },
      },
    },
    async (request, reply) => {
      const document = await personExchangeDocument(
        deps.db,
        requireActor(request),
        request.params.id,
        auditContextOf(request),
      );
      reply.header('cache-control', 'no-store');
      if (request.query.download === 'true') {
        const name = document.record.dossierId ?? `ho-so-${request.params.id}`;
        reply.header('content-disposition', contentDisposition(`${name}.json`));
      }
      return document;
    },
  );

  routes.get(
    '/api/units/:id/exchange',
    {
      config: { policy: ADMINS, rateLimit: rateLimits.export, matrix: { params: { id: 'unit' } } },
      schema: {
        tags,
        summary:
          'Dữ liệu hồ sơ đã phê duyệt của mọi người thuộc đơn vị, mỗi dòng một tài liệu JSON (NDJSON), theo 10 nhóm thông tin của NĐ 27/2026/NĐ-CP',
        params: idParam,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const unit = await exchangeUnit(deps.db, actor, request.params.id);
      const audit = auditContextOf(request);
      const log = request.log;

      async function* lines() {
        try {
          for await (const batch of unitExchangeDocuments(deps.db, unit.id, audit)) {
            yield batch.map((document) => `${JSON.stringify(document)}\n`).join('');
          }
        } catch (error) {
          // The status line has gone out; the client sees a cut stream and the log keeps the cause.
          log.error({ err: error, unitId: unit.id }, 'exchange export failed mid-stream');
          throw error;
        }
      }

      reply.header('content-type', 'application/x-ndjson; charset=utf-8');
      reply.header(
        'content-disposition',
        contentDisposition(`Trao đổi dữ liệu ${unit.code} ${todayIso()}.ndjson`),
      );
      reply.header('cache-control', 'no-store');
      return reply.send(Readable.from(lines()));
    },
  );
}
