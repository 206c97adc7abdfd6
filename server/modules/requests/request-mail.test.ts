import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfiguredApp, type SessionClient, sessionClient, startConfiguredApp } from '../../test/configured-app.ts';
import { makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { type LocalSmtp, startLocalSmtp } from '../../test/local-smtp.ts';

let smtp: LocalSmtp;
let configured: ConfiguredApp;
let province: Awaited<ReturnType<typeof makeSmallProvince>>;

beforeAll(async () => {
  smtp = await startLocalSmtp();
  configured = await startConfiguredApp({ SMTP_URL: smtp.url, SMTP_FROM: 'hoso@test.gov.vn', PUBLIC_URL: 'https://hoso.test.gov.vn' });
  province = await makeSmallProvince(configured.database.db);
});

afterAll(async () => {
  await configured?.close();
  await smtp?.close();
});

async function signIn(email: string): Promise<SessionClient> {
  const response = await configured.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD } });
  expect(response.statusCode, response.body).toBe(200);
  return sessionClient(configured.app, response);
}

/** Quoted-printable soft line breaks and encoded characters removed, enough to search the text. */
function plainBody(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

describe('request e-mail', () => {
  it('mails the requester when SNV decides', async () => {
    const admin = await signIn('tp.admin@test.gov.vn');
    const filed = await admin.request({
      method: 'POST',
      url: '/api/requests',
      payload: {
        kind: 'org_mismatch',
        agencyId: province.justice.id,
        details: { changeType: 'rename', unitIds: [], description: 'Phòng đổi tên theo quyết định mới', decisionNumber: '31/QĐ-UBND', decisionDate: '2025-04-02' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const requestId = filed.json().id;

    const snv = await signIn('snv.admin@test.gov.vn');
    const nextMail = smtp.nextMailTo('tp.admin@test.gov.vn');
    const rejected = await snv.request({
      method: 'POST',
      url: `/api/requests/${requestId}/status`,
      payload: { status: 'rejected', rowVersion: filed.json().rowVersion, comment: 'Thiếu bản chụp quyết định.' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const mail = await nextMail;
    expect(mail.to).toEqual(['tp.admin@test.gov.vn']);
    const body = Buffer.from(plainBody(mail.raw), 'latin1').toString('utf8');
    expect(body).toContain(`https://hoso.test.gov.vn/requests/${requestId}`);
    expect(body).toContain('Thiếu bản chụp quyết định.');
  });
});
