import nodemailer from 'nodemailer';
import type { PasswordResetOptions } from './sign-in-options.ts';

export interface ResetMail {
  to: string;
  displayName: string;
  link: string;
  minutes: number;
}

/** Sends password reset links over SMTP (SMTP_URL), one connection per message. */
export class PasswordResetMailer {
  readonly #options: PasswordResetOptions;

  constructor(options: PasswordResetOptions) {
    this.#options = options;
  }

  async send(mail: ResetMail): Promise<void> {
    const transport = nodemailer.createTransport(this.#options.smtpUrl);
    try {
      await transport.sendMail({
        from: this.#options.from,
        to: mail.to,
        subject: 'HoSo: đặt lại mật khẩu / password reset',
        text: [
          `Kính gửi ${mail.displayName},`,
          '',
          'Hệ thống HoSo nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn.',
          `Hãy mở đường dẫn dưới đây trong ${mail.minutes} phút để đặt mật khẩu mới. Đường dẫn chỉ dùng được một lần.`,
          '',
          mail.link,
          '',
          'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
          '',
          `(English: open the link above within ${mail.minutes} minutes to set a new password. It works once. If you did not ask for it, ignore this message.)`,
        ].join('\n'),
      });
    } finally {
      transport.close();
    }
  }
}
