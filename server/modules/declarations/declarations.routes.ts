import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/schemas/common.ts';
import {
  decisionBody,
  declarationReview,
  declarationSchema,
  inboxItem,
  myDeclarationResponse,
  saveDeclarationBody,
  submitDeclarationBody,
} from '../../../common/schemas/declarations.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { AppError } from '../../http/app-error.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { recordFieldErrors, validationError } from '../records/record-data.ts';
import { resolveDeclarant } from './declarant.ts';
import { DeclarationDecisionService } from './declaration-decision.service.ts';
import { DeclarationQueriesService } from './declaration-queries.service.ts';
import { DeclarationsService } from './declarations.service.ts';

const PERSON = { access: 'roles', roles: ['person'] } as const;
const ADMIN = { access: 'roles', roles: ['unit_admin', 'province_admin'] } as const;
const STAFF = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;
const DECIDERS = { access: 'roles', roles: ['approver', 'province_admin'] } as const;

// Hints for the authorization matrix test: what the ids name, and requests that pass validation.
// A body's declarationId only picks among the person's own declarations, so it is unscoped.
const SAMPLE_SAVE = { rowVersion: 1, data: { identity: { fullName: 'Nguyễn Văn Mẫu' } } };
const SAMPLE_VERSION = { rowVersion: 1 };
const DECLARATION_ID = { params: { id: 'declaration' } };

/**
 * Raises the request's body validation error with each field named as the printed form names it
 * (the routes below set attachValidation so that this runs instead of the generic handler).
 */
function rejectInvalidBody(request: FastifyRequest, schema: z.ZodType): void {
  if (!request.validationError) return;
  const parsed = schema.safeParse(request.body);
  if (parsed.success) throw new AppError('VALIDATION_FAILED');
  // Issues inside `data` are named by their record field; others (rowVersion) by their own name.
  const inData = parsed.error.issues
    .filter((issue) => issue.path[0] === 'data')
    .map((issue) => ({ ...issue, path: issue.path.slice(1) }));
  const outside = parsed.error.issues.filter((issue) => issue.path[0] !== 'data');
  throw validationError([...recordFieldErrors(inData, 'data'), ...recordFieldErrors(outside, '')]);
}

export async function declarationsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const lifecycle = new DeclarationsService(deps.db);
  const decisions = new DeclarationDecisionService(deps.db);
  const queries = new DeclarationQueriesService(deps.db);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Phiếu thông tin cá nhân (declarations)'];

  // The person's own declaration (/api/me/…) and a unit admin's on a member's behalf
  // (/api/people/:id/…) share the handlers; `personId` is undefined for the former.
  const declarationRoutes = [
    { prefix: '/api/me/declaration', policy: PERSON, params: undefined, ids: {}, who: 'của tôi' },
    {
      prefix: '/api/people/:id/declaration',
      policy: ADMIN,
      params: idParam,
      ids: { params: { id: 'person' } },
      who: 'của một người, do quản trị viên kê khai thay',
    },
  ] as const;

  for (const { prefix, policy, params, ids, who } of declarationRoutes) {
    const personIdOf = (request: FastifyRequest) =>
      params ? (request.params as { id: number }).id : undefined;
    const declarant = (request: FastifyRequest) =>
      resolveDeclarant(deps.db, requireActor(request), personIdOf(request));

    routes.get(
      prefix,
      {
        config: { policy, matrix: ids },
        schema: {
          tags,
          summary: `Phiếu đang kê khai và phiếu đã xử lý gần nhất ${who}`,
          ...(params ? { params } : {}),
          response: { 200: myDeclarationResponse },
        },
      },
      async (request) => lifecycle.view(await declarant(request)),
    );

    routes.post(
      prefix,
      {
        config: { policy, matrix: ids },
        schema: {
          tags,
          summary: `Mở phiếu kê khai mới ${who} (trả về phiếu đang mở nếu đã có)`,
          ...(params ? { params } : {}),
          response: { 200: declarationSchema, 201: declarationSchema },
        },
      },
      async (request, reply) => {
        const { declaration, created } = await lifecycle.start(
          await declarant(request),
          auditContextOf(request),
        );
        return reply.status(created ? 201 : 200).send(declaration);
      },
    );

    routes.put(
      prefix,
      {
        config: { policy, matrix: { ...ids, body: { declarationId: 'unscoped' }, sampleBody: SAMPLE_SAVE } },
        attachValidation: true,
        schema: {
          tags,
          summary: `Lưu phiếu đang kê khai ${who} (lưu tự động được)`,
          ...(params ? { params } : {}),
          body: saveDeclarationBody,
          response: { 200: declarationSchema },
        },
      },
      async (request) => {
        rejectInvalidBody(request, saveDeclarationBody);
        return lifecycle.save(await declarant(request), request.body, auditContextOf(request));
      },
    );

    routes.post(
      `${prefix}/submit`,
      {
        config: {
          policy,
          matrix: { ...ids, body: { declarationId: 'unscoped' }, sampleBody: SAMPLE_VERSION },
        },
        schema: {
          tags,
          summary: `Nộp phiếu ${who}`,
          ...(params ? { params } : {}),
          body: submitDeclarationBody,
          response: { 200: declarationSchema },
        },
      },
      async (request) => lifecycle.submit(await declarant(request), request.body, auditContextOf(request)),
    );

    routes.post(
      `${prefix}/discard`,
      {
        config: {
          policy,
          matrix: { ...ids, body: { declarationId: 'unscoped' }, sampleBody: SAMPLE_VERSION },
        },
        schema: {
          tags,
          summary: `Hủy phiếu đang kê khai ${who}`,
          ...(params ? { params } : {}),
          body: submitDeclarationBody,
          response: { 200: declarationSchema },
        },
      },
      async (request) => lifecycle.discard(await declarant(request), request.body, auditContextOf(request)),
    );
  }

  routes.get(
    '/api/declarations/inbox',
    {
      config: { policy: DECIDERS },
      schema: { tags, summary: 'Phiếu đã nộp đang chờ tôi phê duyệt', response: { 200: z.array(inboxItem) } },
    },
    async (request) => queries.inbox(requireActor(request)),
  );

  routes.get(
    '/api/declarations/:id',
    {
      config: { policy: { access: 'signed_in' }, matrix: DECLARATION_ID },
      schema: {
        tags,
        summary: 'Một phiếu (người khai hoặc cán bộ trong phạm vi)',
        params: idParam,
        response: { 200: declarationSchema },
      },
    },
    async (request) => queries.get(requireActor(request), request.params.id, auditContextOf(request)),
  );

  routes.get(
    '/api/declarations/:id/review',
    {
      config: { policy: STAFF, matrix: DECLARATION_ID },
      schema: {
        tags,
        summary: 'So sánh phiếu với hồ sơ chính thức, từng trường và từng dòng',
        params: idParam,
        response: { 200: declarationReview },
      },
    },
    async (request) => queries.review(requireActor(request), request.params.id, auditContextOf(request)),
  );

  routes.post(
    '/api/declarations/:id/decision',
    {
      config: {
        policy: DECIDERS,
        // Sở Nội vụ decides an agency's declarations only when no other approver covers the agency.
        // The matrix agencies have approvers, so it reaches the holding-group declarations only.
        matrix: {
          ...DECLARATION_ID,
          sampleBody: { decision: 'return', rowVersion: 1, reason: 'Kiểm tra quyền' },
          reach: { approver: ['ownAgency'], province_admin: ['provinceLevel'] },
        },
      },
      schema: {
        tags,
        summary: 'Phê duyệt hoặc trả lại phiếu (kèm lý do)',
        params: idParam,
        body: decisionBody,
        response: { 200: declarationSchema },
      },
    },
    async (request) =>
      decisions.decide(requireActor(request), request.params.id, request.body, auditContextOf(request)),
  );
}
