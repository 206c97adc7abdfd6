import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogEntryParam,
  catalogEntrySchema,
  catalogParam,
  catalogRequestQuery,
  catalogRequestSchema,
  catalogSummarySchema,
  createCatalogEntryBody,
  createCatalogRequestBody,
  endCatalogEntryBody,
  listCatalogQuery,
  updateCatalogEntryBody,
  updateCatalogRequestBody,
} from '../../../common/schemas/catalogs.ts';
import { idParam } from '../../../common/schemas/common.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { AppError } from '../../http/app-error.ts';
import { auditContextOf } from '../audit/audit.ts';
import { requireActor } from '../auth/authentication.ts';
import { CatalogRequestsService } from './catalog-requests.service.ts';
import { CatalogsService } from './catalogs.service.ts';
import { catalogRequestError } from './catalogs.validation.ts';

const SIGNED_IN = { access: 'signed_in' } as const;
const PROVINCE_ADMIN = { access: 'roles', roles: ['province_admin'] } as const;
const ADMINS = { access: 'roles', roles: ['unit_admin', 'province_admin'] } as const;

// Catalogs are province-wide reference data: every signed-in account reads every catalog, so
// the catalog name and entry id do not limit what a caller reaches.
const EVERY_TARGET = ['self', 'ownAgency', 'otherAgency', 'provinceLevel'] as const;
const READ_MATRIX = {
  params: { catalog: 'catalog_name' },
  reach: {
    person: EVERY_TARGET,
    approver: EVERY_TARGET,
    unit_admin: EVERY_TARGET,
    province_admin: EVERY_TARGET,
  },
};
const ENTRY_MATRIX = { ...READ_MATRIX, params: { catalog: 'catalog_name', id: 'catalog_entry' } };

/**
 * Catalog routes attach validation errors instead of failing before the handler, so that the
 * 400 names fields with catalog labels ("Mã", "Tên") rather than the app-wide ones. An unknown
 * catalog in the path is a 404.
 */
function rejectInvalid(request: FastifyRequest): void {
  const error = request.validationError as
    | (Error & { validationContext?: string; validation?: unknown[] })
    | undefined;
  if (!error) return;
  if (error.validationContext === 'params') throw new AppError('NOT_FOUND');
  throw catalogRequestError(error as Parameters<typeof catalogRequestError>[0]);
}

export async function catalogsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const catalogs = new CatalogsService(deps.db);
  const requests = new CatalogRequestsService(deps.db);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Danh mục (catalogs)'];

  routes.get(
    '/api/catalogs',
    {
      config: { policy: SIGNED_IN },
      schema: {
        tags,
        summary: 'Các danh mục và số mục của mỗi danh mục',
        response: { 200: z.array(catalogSummarySchema) },
      },
    },
    async () => catalogs.summaries(),
  );

  routes.get(
    '/api/catalogs/:catalog',
    {
      attachValidation: true,
      config: { policy: SIGNED_IN, matrix: READ_MATRIX },
      schema: {
        tags,
        summary: 'Các mục của một danh mục: theo ngày áp dụng, tìm không dấu, có thể gồm mục đã hết hiệu lực',
        params: catalogParam,
        querystring: listCatalogQuery,
        response: { 200: z.array(catalogEntrySchema) },
      },
    },
    async (request) => {
      rejectInvalid(request);
      const { onDate, q, includeEnded, limit } = request.query;
      return catalogs.list(request.params.catalog, {
        onDate,
        q,
        includeEnded: includeEnded === 'true',
        limit,
      });
    },
  );

  routes.get(
    '/api/catalogs/:catalog/:id',
    {
      attachValidation: true,
      config: { policy: SIGNED_IN, matrix: ENTRY_MATRIX },
      schema: {
        tags,
        summary: 'Một mục danh mục',
        params: catalogEntryParam,
        response: { 200: catalogEntrySchema },
      },
    },
    async (request) => {
      rejectInvalid(request);
      return catalogs.get(request.params.catalog, request.params.id);
    },
  );

  routes.post(
    '/api/catalogs/:catalog',
    {
      attachValidation: true,
      config: { policy: PROVINCE_ADMIN, matrix: READ_MATRIX },
      schema: {
        tags,
        summary: 'Thêm mục danh mục (Sở Nội vụ)',
        params: catalogParam,
        body: createCatalogEntryBody,
        response: { 201: catalogEntrySchema },
      },
    },
    async (request, reply) => {
      rejectInvalid(request);
      return reply
        .status(201)
        .send(await catalogs.create(request.params.catalog, request.body, auditContextOf(request)));
    },
  );

  routes.patch(
    '/api/catalogs/:catalog/:id',
    {
      attachValidation: true,
      config: { policy: PROVINCE_ADMIN, matrix: ENTRY_MATRIX },
      schema: {
        tags,
        summary: 'Sửa mục danh mục: tên, ngày bắt đầu hiệu lực, căn cứ pháp lý, thuộc tính (Sở Nội vụ)',
        params: catalogEntryParam,
        body: updateCatalogEntryBody,
        response: { 200: catalogEntrySchema },
      },
    },
    async (request) => {
      rejectInvalid(request);
      return catalogs.update(
        request.params.catalog,
        request.params.id,
        request.body,
        auditContextOf(request),
      );
    },
  );

  routes.post(
    '/api/catalogs/:catalog/:id/end',
    {
      attachValidation: true,
      config: { policy: PROVINCE_ADMIN, matrix: ENTRY_MATRIX },
      schema: {
        tags,
        summary: 'Cho mục danh mục hết hiệu lực từ một ngày; mục không bị xóa (Sở Nội vụ)',
        params: catalogEntryParam,
        body: endCatalogEntryBody,
        response: { 200: catalogEntrySchema },
      },
    },
    async (request) => {
      rejectInvalid(request);
      return catalogs.end(request.params.catalog, request.params.id, request.body, auditContextOf(request));
    },
  );

  routes.post(
    '/api/catalog-requests',
    {
      attachValidation: true,
      config: {
        policy: ADMINS,
        matrix: {
          body: { unitId: 'unit' },
          sampleBody: {
            catalog: 'grades',
            field: 'Ngạch công chức',
            proposedValue: 'Ngạch mẫu',
            legalDocumentNumber: '01/2026/TT-BNV',
            legalDocumentDate: '2026-01-15',
          },
        },
      },
      schema: {
        tags,
        summary: 'Đề nghị bổ sung mục danh mục còn thiếu',
        body: createCatalogRequestBody,
        response: { 201: catalogRequestSchema },
      },
    },
    async (request, reply) => {
      rejectInvalid(request);
      return reply
        .status(201)
        .send(await requests.create(requireActor(request), request.body, auditContextOf(request)));
    },
  );

  routes.get(
    '/api/catalog-requests',
    {
      attachValidation: true,
      config: { policy: ADMINS },
      schema: {
        tags,
        summary: 'Hàng chờ đề nghị bổ sung danh mục',
        querystring: catalogRequestQuery,
        response: { 200: z.array(catalogRequestSchema) },
      },
    },
    async (request) => {
      rejectInvalid(request);
      return requests.list(requireActor(request), request.query);
    },
  );

  routes.patch(
    '/api/catalog-requests/:id',
    {
      attachValidation: true,
      config: { policy: PROVINCE_ADMIN, matrix: { params: { id: 'catalog_request' } } },
      schema: {
        tags,
        summary: 'Xử lý đề nghị bổ sung danh mục (Sở Nội vụ)',
        params: idParam,
        body: updateCatalogRequestBody,
        response: { 200: catalogRequestSchema },
      },
    },
    async (request) => {
      rejectInvalid(request);
      return requests.updateStatus(
        requireActor(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      );
    },
  );
}
