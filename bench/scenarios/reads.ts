import type { RequestSpec } from '../harness/load-driver.ts';
import type { BenchContext, ScenarioResult } from './context.ts';
import { measureRead } from './read-scenario.ts';

// The read scenarios: agency table, province dashboard, quality statistics, name search,
// opening a record (one client each, for latency), and record reads by 32 signed-in people at
// once (for throughput).

export const READ_CONCURRENCY = 32;

async function get(context: BenchContext, accountId: number, path: string): Promise<RequestSpec> {
  return { method: 'GET', path, headers: (await context.session(accountId)).headers };
}

export async function agencyTable(context: BenchContext): Promise<ScenarioResult> {
  const specs = await Promise.all(
    context.fixtures.agencies.map((agency) =>
      get(context, agency.unitAdminAccountId, `/api/units/${agency.id}/agency-table`),
    ),
  );
  return measureRead(context, {
    id: 'agency_table',
    title: 'Agency table (Bảng số lượng) of an agency, by its unit admin',
    routes: [['GET', '/api/units/:id/agency-table']],
    specs,
  });
}

export async function provinceDashboard(context: BenchContext): Promise<ScenarioResult> {
  const { province, provinceAdminAccountId } = context.fixtures;
  return measureRead(context, {
    id: 'province_dashboard',
    title: 'Province dashboard (counts by agency, employment type, declaration progress)',
    routes: [['GET', '/api/statistics/dashboard']],
    specs: [await get(context, provinceAdminAccountId, `/api/statistics/dashboard?unitId=${province.id}`)],
  });
}

export async function provinceAgencyTable(context: BenchContext): Promise<ScenarioResult> {
  const { province, provinceAdminAccountId } = context.fixtures;
  return measureRead(context, {
    id: 'province_agency_table',
    title: 'Agency table of the province (headcount of every agency), by the province admin',
    routes: [['GET', '/api/units/:id/agency-table']],
    specs: [await get(context, provinceAdminAccountId, `/api/units/${province.id}/agency-table`)],
  });
}

export async function provinceStatistics(context: BenchContext): Promise<ScenarioResult> {
  const { province, provinceAdminAccountId } = context.fixtures;
  return measureRead(context, {
    id: 'quality_statistics_province',
    title: 'Full quality statistics (BM02/BNV) of the province',
    routes: [['GET', '/api/statistics/quality']],
    specs: [await get(context, provinceAdminAccountId, `/api/statistics/quality?unitId=${province.id}`)],
    maxRequests: 200,
  });
}

export async function nationalStatistics(context: BenchContext): Promise<ScenarioResult> {
  const { nationalRootId, nationalAdminAccountId } = context.fixtures;
  if (nationalRootId === null || nationalAdminAccountId === null) {
    return {
      id: 'quality_statistics_national',
      title: 'Full quality statistics of the whole country',
      status: 'not_available',
      reason: 'only the national dataset has a national root unit',
    };
  }
  return measureRead(context, {
    id: 'quality_statistics_national',
    title: 'Full quality statistics of the whole country',
    routes: [['GET', '/api/statistics/quality']],
    specs: [await get(context, nationalAdminAccountId, `/api/statistics/quality?unitId=${nationalRootId}`)],
    maxRequests: 20,
  });
}

export async function nameSearch(context: BenchContext): Promise<ScenarioResult> {
  const { province, provinceAdminAccountId, searchTerms } = context.fixtures;
  const headers = (await context.session(provinceAdminAccountId)).headers;
  const specs: RequestSpec[] = searchTerms.map((term) => ({
    method: 'GET',
    path: `/api/search/people?q=${encodeURIComponent(term)}&unitId=${province.id}&pageSize=20`,
    headers,
  }));
  return measureRead(context, {
    id: 'name_search',
    title: 'Tone-insensitive name search in the province (20 results a page)',
    routes: [['GET', '/api/search/people']],
    specs,
  });
}

export async function openRecord(context: BenchContext): Promise<ScenarioResult> {
  const { provinceAdminAccountId, recordPersonIds } = context.fixtures;
  const headers = (await context.session(provinceAdminAccountId)).headers;
  return measureRead(context, {
    id: 'open_record',
    title: 'Opening a record (GET /api/people/:id/record, audited read)',
    routes: [['GET', '/api/people/:id/record']],
    specs: recordPersonIds.map((id) => ({ method: 'GET', path: `/api/people/${id}/record`, headers })),
  });
}

export async function recordReads(context: BenchContext): Promise<ScenarioResult> {
  const specs = await Promise.all(
    context.fixtures.readerAccountIds.map((accountId) => get(context, accountId, '/api/me/record')),
  );
  return measureRead(context, {
    id: 'record_reads',
    title: `Authenticated record reads (GET /api/me/record), ${READ_CONCURRENCY} clients`,
    routes: [['GET', '/api/me/record']],
    specs,
    concurrency: READ_CONCURRENCY,
  });
}
