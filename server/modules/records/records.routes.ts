import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/schemas/common.ts';
import {
  myVersionParam,
  recordView,
  versionParam,
  versionSummary,
  versionView,
} from '../../../common/schemas/declarations.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { RecordsService } from './records.service.ts';

const PERSON = { access: 'roles', roles: ['person'] } as const;
const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
// What the ids of these routes name, for the authorization matrix test.
const PERSON_ID = { params: { id: 'person' } };

export async function recordsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new RecordsService(deps.db);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Hồ sơ (records)'];

  routes.get(
    '/api/me/record',
    {
      config: { policy: PERSON },
      schema: {
        tags,
        summary: 'Hồ sơ chính thức của tôi (phiên bản phê duyệt gần nhất)',
        response: { 200: recordView },
      },
    },
    async (request) => service.current(requireActor(request), undefined, auditContextOf(request)),
  );

  routes.get(
    '/api/me/record/versions',
    {
      config: { policy: PERSON },
      schema: {
        tags,
        summary: 'Các phiên bản hồ sơ đã phê duyệt của tôi',
        response: { 200: z.array(versionSummary) },
      },
    },
    async (request) => service.versions(requireActor(request), undefined),
  );

  routes.get(
    '/api/me/record/versions/:versionNo',
    {
      config: { policy: PERSON, matrix: { params: { versionNo: 'own_record_version_no' } } },
      schema: {
        tags,
        summary: 'Một phiên bản hồ sơ của tôi',
        params: myVersionParam,
        response: { 200: versionView },
      },
    },
    async (request) =>
      service.version(requireActor(request), undefined, request.params.versionNo, auditContextOf(request)),
  );

  routes.get(
    '/api/people/:id/record',
    {
      config: { policy: STAFF, matrix: PERSON_ID },
      schema: {
        tags,
        summary: 'Hồ sơ chính thức của một người trong phạm vi quản lý',
        params: idParam,
        response: { 200: recordView },
      },
    },
    async (request) => service.current(requireActor(request), request.params.id, auditContextOf(request)),
  );

  routes.get(
    '/api/people/:id/record/versions',
    {
      config: { policy: STAFF, matrix: PERSON_ID },
      schema: {
        tags,
        summary: 'Các phiên bản hồ sơ của một người',
        params: idParam,
        response: { 200: z.array(versionSummary) },
      },
    },
    async (request) => service.versions(requireActor(request), request.params.id),
  );

  routes.get(
    '/api/people/:id/record/versions/:versionNo',
    {
      config: {
        policy: STAFF,
        matrix: { params: { id: 'person_with_record', versionNo: 'record_version_no' } },
      },
      schema: {
        tags,
        summary: 'Một phiên bản hồ sơ của một người',
        params: versionParam,
        response: { 200: versionView },
      },
    },
    async (request) =>
      service.version(
        requireActor(request),
        request.params.id,
        request.params.versionNo,
        auditContextOf(request),
      ),
  );
}
