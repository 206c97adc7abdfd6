import type { BenchContext, ScenarioResult } from './context.ts';
import { measureRead } from './read-scenario.ts';

// Sơ yếu lý lịch (Mẫu 2C-BNV/2008) as Word, one client, for latency.

export async function curriculumVitae(context: BenchContext): Promise<ScenarioResult> {
  const { provinceAdminAccountId, recordPersonIds } = context.fixtures;
  const headers = (await context.session(provinceAdminAccountId)).headers;
  return measureRead(context, {
    id: 'cv_docx',
    title: 'Sơ yếu lý lịch (Mẫu 2C) as Word',
    routes: [['GET', '/api/people/:id/cv']],
    specs: recordPersonIds
      .slice(0, 100)
      .map((id) => ({ method: 'GET', path: `/api/people/${id}/cv?form=2c&format=docx`, headers })),
    maxRequests: 2_000,
  });
}
