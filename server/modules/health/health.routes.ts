import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { AppError } from '../../http/app-error.ts';
import { isDatabaseUnavailable } from '../../http/error-handler.ts';

export async function healthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/api/health',
    {
      config: { policy: { access: 'public' } },
      schema: { tags: ['Hệ thống'], summary: 'Kiểm tra máy chủ và cơ sở dữ liệu', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw new AppError('DATABASE_UNAVAILABLE', { cause: error });
        throw error;
      }
      return { status: 'ok' as const };
    },
  );
}
