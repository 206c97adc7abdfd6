import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallProvince } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { declareAndSubmit, validRecordData } from './declarations.fixtures.ts';

// The comparison of a declaration with the record after the decision.

let testApp: TestApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  testApp = await startTestApp();
  province = await makeSmallProvince(testApp.database.db);
});

afterAll(async () => {
  await testApp?.close();
});

async function approve(declarationId: number, rowVersion: number) {
  const approver = await testApp.signIn('tp.duyet@test.gov.vn');
  const decided = await approver.post(`/api/declarations/${declarationId}/decision`, {
    decision: 'approve',
    rowVersion,
  });
  expect(decided.statusCode, decided.body).toBe(200);
  return approver;
}

describe('review after approval', () => {
  let firstDeclarationId = 0;

  it('keeps the changes of an approved declaration', async () => {
    const person = await testApp.signIn('tp.canbo@test.gov.vn');
    const place = { agencyId: province.justice.id, divisionId: province.justiceControl.id };
    const first = validRecordData(place);
    const firstDeclaration = await declareAndSubmit(person, '/api/me/declaration', first);
    firstDeclarationId = firstDeclaration.id;
    await approve(firstDeclaration.id, firstDeclaration.rowVersion);

    const second = { ...first, identity: { ...first.identity, phone: '0987 654 321' } };
    const secondDeclaration = await declareAndSubmit(person, '/api/me/declaration', second);
    const approver = await approve(secondDeclaration.id, secondDeclaration.rowVersion);

    const review = await approver.get(`/api/declarations/${secondDeclaration.id}/review`);
    expect(review.statusCode, review.body).toBe(200);
    const body = review.json();
    expect(body.declaration.status).toBe('approved');
    expect(body.baseVersionNo).toBe(1);
    expect(body.diff.fields.map((field: { path: string }) => field.path)).toEqual(['identity.phone']);
    expect(body.diff.fields[0].before).toBe('0912 345 678');
    expect(body.diff.fields[0].after).toBe('0987 654 321');
    expect(body.diff.rows).toEqual([]);
  });

  it('shows a first declaration as all new', async () => {
    const approver = await testApp.signIn('tp.duyet@test.gov.vn');
    const review = await approver.get(`/api/declarations/${firstDeclarationId}/review`);
    expect(review.statusCode, review.body).toBe(200);
    const body = review.json();
    expect(body.declaration.status).toBe('approved');
    expect(body.baseVersionNo).toBeNull();
    expect(body.diff.fields.map((field: { path: string }) => field.path)).toContain('identity.fullName');
    expect(body.diff.rows.every((row: { change: string }) => row.change === 'added')).toBe(true);
  });
});
