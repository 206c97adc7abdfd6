import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../../config.ts';

// E-mail copies of request notifications, sent through the mail relay configured for password
// reset (SMTP_URL, SMTP_FROM). Without a relay only the in-app notification exists.

const CONNECTION_TIMEOUT_MS = 10_000;

export interface RequestMail {
  to: string;
  displayName: string;
  subject: string;
  body: string;
  /** Client path, e.g. /requests/12, turned into a full link with PUBLIC_URL. */
  path: string;
}

export class RequestMailer {
  readonly #smtpUrl: string;
  readonly #from: string;
  readonly #publicUrl: string;
  readonly #log: FastifyBaseLogger;

  constructor(settings: { smtpUrl: string; from: string; publicUrl: string }, log: FastifyBaseLogger) {
    this.#smtpUrl = settings.smtpUrl;
    this.#from = settings.from;
    this.#publicUrl = settings.publicUrl.replace(/\/+$/, '');
    this.#log = log;
  }

  /**
   * Sends one message after the change has been committed. A failure is logged and swallowed:
   * the in-app notification already carries the message, so the request itself stands.
   */
  async send(mail: RequestMail): Promise<boolean> {
    const transport = nodemailer.createTransport(this.#smtpUrl, {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: CONNECTION_TIMEOUT_MS,
    });
    try {
      await transport.sendMail({
        from: this.#from,
        to: mail.to,
        subject: `HoSo: ${mail.subject}`,
        text: [
          `Kính gửi ${mail.displayName},`,
          '',
          mail.body,
          '',
          `Xem chi tiết: ${this.#publicUrl}${mail.path}`,
        ].join('\n'),
      });
      return true;
    } catch (error) {
      this.#log.warn({ err: error, to: mail.to, path: mail.path }, 'request notification e-mail failed');
      return false;
    } finally {
      transport.close();
    }
  }
}

/** The mailer when SMTP is configured, otherwise null. */
export function requestMailerFrom(config: AppConfig, log: FastifyBaseLogger): RequestMailer | null {
  const relay = config.signIn.passwordReset;
  if (!relay) return null;
  return new RequestMailer(
    { smtpUrl: relay.smtpUrl, from: relay.from, publicUrl: config.signIn.publicUrl },
    log,
  );
}
