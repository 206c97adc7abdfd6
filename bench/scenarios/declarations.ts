import { sql } from 'kysely';
import type { RecordData } from '../../common/schemas/record.ts';
import type { Declarant } from '../harness/fixtures.ts';
import { summarize } from '../harness/latency.ts';
import type { DriverResponse, RequestSpec } from '../harness/load-driver.ts';
import { type BenchContext, failed, missingRoute, type ScenarioResult } from './context.ts';

// Declarations under load, as 32 clients at once: people open, edit and submit their
// declaration; then the agencies' approvers approve them. Every tenth declaration is decided by
// both approvers of its agency at the same moment, and exactly one of them must win. Afterwards
// the database must show each approval exactly once, with the edit that was submitted (no lost
// update).

export const DECLARATION_CONCURRENCY = 32;
const RACE_EVERY = 10;

interface Submitted {
  declarant: Declarant;
  declarationId: number;
  rowVersion: number;
  phone: string;
}

interface StepTimes {
  start: number[];
  save: number[];
  submit: number[];
  cycle: number[];
}

function phoneFor(personId: number): string {
  return `08${String(personId % 100_000_000).padStart(8, '0')}`;
}

async function sendJson(
  context: BenchContext,
  spec: RequestSpec,
): Promise<{ response: DriverResponse; ms: number; json: Record<string, unknown> }> {
  const started = performance.now();
  const response = await context.client.send(spec);
  const ms = performance.now() - started;
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch {
    // Not JSON: the status shows what went wrong.
  }
  return { response, ms, json };
}

/** Runs workers over a queue until it is empty or the deadline passes. */
async function drain<T>(
  items: T[],
  concurrency: number,
  deadline: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length && performance.now() < deadline) await work(items[next++]!);
    }),
  );
}

async function submitPhase(context: BenchContext, declarants: Declarant[], errors: string[]) {
  const times: StepTimes = { start: [], save: [], submit: [], cycle: [] };
  const submitted: Submitted[] = [];
  const deadline = performance.now() + context.durationSeconds * 1000;
  const began = performance.now();

  await drain(declarants, DECLARATION_CONCURRENCY, deadline, async (declarant) => {
    const headers = (await context.session(declarant.accountId)).headers;
    const cycleStarted = performance.now();
    const opened = await sendJson(context, { method: 'POST', path: '/api/me/declaration', headers });
    times.start.push(opened.ms);
    if (opened.response.status !== 201 && opened.response.status !== 200) {
      errors.push(
        `start ${declarant.personId}: ${opened.response.status} ${opened.response.body.toString('utf8', 0, 200)}`,
      );
      return;
    }
    const data = opened.json.data as RecordData;
    const phone = phoneFor(declarant.personId);
    const saved = await sendJson(context, {
      method: 'PUT',
      path: '/api/me/declaration',
      headers,
      json: {
        declarationId: opened.json.id,
        rowVersion: opened.json.rowVersion,
        data: { ...data, identity: { ...data.identity, phone } },
      },
    });
    times.save.push(saved.ms);
    if (saved.response.status !== 200) {
      errors.push(
        `save ${declarant.personId}: ${saved.response.status} ${saved.response.body.toString('utf8', 0, 200)}`,
      );
      return;
    }
    const sent = await sendJson(context, {
      method: 'POST',
      path: '/api/me/declaration/submit',
      headers,
      json: { declarationId: saved.json.id, rowVersion: saved.json.rowVersion },
    });
    times.submit.push(sent.ms);
    if (sent.response.status !== 200) {
      errors.push(
        `submit ${declarant.personId}: ${sent.response.status} ${sent.response.body.toString('utf8', 0, 300)}`,
      );
      return;
    }
    times.cycle.push(performance.now() - cycleStarted);
    submitted.push({
      declarant,
      declarationId: Number(sent.json.id),
      rowVersion: Number(sent.json.rowVersion),
      phone,
    });
  });
  return { times, submitted, seconds: (performance.now() - began) / 1000 };
}

interface Decision {
  item: Submitted;
  approverAccountId: number;
  race: boolean;
}

async function approvePhase(context: BenchContext, submitted: Submitted[], errors: string[]) {
  const approversOf = context.fixtures.approversByAgency;
  const decisions: Decision[] = [];
  submitted.forEach((item, index) => {
    const approvers = approversOf.get(item.declarant.agencyId) ?? [];
    const race = index % RACE_EVERY === 0 && approvers.length >= 2;
    decisions.push({ item, approverAccountId: approvers[index % approvers.length]!, race });
    // The rival decision sits next in the queue, so another worker sends it at the same moment.
    if (race) decisions.push({ item, approverAccountId: approvers[(index + 1) % approvers.length]!, race });
  });

  const latencies: number[] = [];
  const wins = new Map<number, number>();
  let conflicts = 0;
  const began = performance.now();
  // Approvals are not cut short by the duration: every submitted declaration gets decided.
  await drain(decisions, DECLARATION_CONCURRENCY, Number.POSITIVE_INFINITY, async (decision) => {
    const headers = (await context.session(decision.approverAccountId)).headers;
    const result = await sendJson(context, {
      method: 'POST',
      path: `/api/declarations/${decision.item.declarationId}/decision`,
      headers,
      json: { decision: 'approve', rowVersion: decision.item.rowVersion },
    });
    latencies.push(result.ms);
    if (result.response.status === 200)
      wins.set(decision.item.declarationId, (wins.get(decision.item.declarationId) ?? 0) + 1);
    else if (decision.race && result.response.status === 409) conflicts += 1;
    else
      errors.push(
        `approve ${decision.item.declarationId}: ${result.response.status} ${result.response.body.toString('utf8', 0, 300)}`,
      );
  });
  const seconds = (performance.now() - began) / 1000;
  return {
    latencies,
    wins,
    conflicts,
    seconds,
    races: decisions.filter((decision) => decision.race).length / 2,
  };
}

/** Counts approvals that the database does not show exactly once, with the submitted phone number. */
async function countLostUpdates(context: BenchContext, submitted: Submitted[]): Promise<number> {
  if (submitted.length === 0) return 0;
  const rows = await sql<{
    declaration_id: number;
    status: string;
    versions: number;
    events: number;
    current: boolean;
    phone: string | null;
  }>`
    select d.id as declaration_id, d.status,
      (select count(*)::int from record_versions v where v.declaration_id = d.id) as versions,
      (select count(*)::int from declaration_events e where e.declaration_id = d.id and e.event = 'approved') as events,
      coalesce(r.current_version_id = d.approved_version_id, false) as current,
      v.data #>> '{identity,phone}' as phone
    from declarations d
    left join record_versions v on v.id = d.approved_version_id
    left join person_records r on r.person_id = d.person_id
    where d.id = any(${submitted.map((item) => item.declarationId)}::bigint[])
  `.execute(context.db);
  const phoneById = new Map(submitted.map((item) => [item.declarationId, item.phone]));
  return (
    rows.rows.filter(
      (row) =>
        row.status !== 'approved' ||
        row.versions !== 1 ||
        row.events !== 1 ||
        !row.current ||
        row.phone !== phoneById.get(Number(row.declaration_id)),
    ).length +
    (submitted.length - rows.rows.length)
  );
}

export async function declarationsUnderLoad(context: BenchContext): Promise<ScenarioResult> {
  const id = 'declarations';
  const title = `Submitting and approving declarations, ${DECLARATION_CONCURRENCY} clients`;
  const unavailable = missingRoute(context, id, title, [
    ['POST', '/api/me/declaration'],
    ['PUT', '/api/me/declaration'],
    ['POST', '/api/me/declaration/submit'],
    ['POST', '/api/declarations/:id/decision'],
  ]);
  if (unavailable) return unavailable;
  if (context.fixtures.declarants.length === 0)
    return {
      id,
      title,
      status: 'not_available',
      reason: 'no person in the dataset can declare (all have open declarations)',
    };

  try {
    const errors: string[] = [];
    const submit = await submitPhase(context, context.fixtures.declarants, errors);
    const approve = await approvePhase(context, submit.submitted, errors);
    const approvals = [...approve.wins.values()].filter((count) => count === 1).length;
    const doubleWins = [...approve.wins.values()].filter((count) => count > 1).length;
    const lostUpdates = (await countLostUpdates(context, submit.submitted)) + doubleWins;
    const submitCycle = summarize(submit.times.cycle);
    const approveLatency = summarize(approve.latencies);

    return {
      id,
      title,
      status: errors.length > 0 ? 'failed' : 'measured',
      ...(errors.length > 0 ? { reason: `${errors.length} requests failed; first: ${errors[0]}` } : {}),
      metrics: {
        declarationsSubmitted: submit.submitted.length,
        submitSeconds: Math.round(submit.seconds * 100) / 100,
        submitCyclesPerSecond: Math.round((submit.submitted.length / submit.seconds) * 10) / 10,
        submitCycleP50Ms: submitCycle.p50,
        submitCycleP95Ms: submitCycle.p95,
        submitCycleP99Ms: submitCycle.p99,
        submitRequestP95Ms: summarize(submit.times.submit).p95,
        approvals,
        approveSeconds: Math.round(approve.seconds * 100) / 100,
        approvalsPerSecond: Math.round((approvals / approve.seconds) * 10) / 10,
        approveP50Ms: approveLatency.p50,
        approveP95Ms: approveLatency.p95,
        approveP99Ms: approveLatency.p99,
        races: approve.races,
        raceConflicts: approve.conflicts,
        lostUpdates,
        failedRequests: errors.length,
      },
      notes: errors.slice(0, 3),
    };
  } catch (error) {
    return failed(id, title, error);
  }
}
