import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Env } from '@zs/config';
import { createTransport, type Transporter } from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Email over SMTP (nodemailer) from SMTP_URL (`smtp://user:pass@host:587`, STARTTLS when the server offers
 * it; `smtps://…:465` for TLS on connect). Without SMTP_URL the email channel is off, said once at boot.
 */
@Injectable()
export class EmailSender implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Email');
  private transport: Transporter | null = null;
  private from = '';

  constructor(private readonly env: Env) {}

  onModuleInit(): void {
    if (!this.env.SMTP_URL) {
      this.logger.warn('SMTP_URL is not set: the email channel is off (邮件提醒未启用)');
      return;
    }
    const url = new URL(this.env.SMTP_URL);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      // a local relay without a certificate (the tests' server, an intranet relay) may still offer STARTTLS
      tls: url.searchParams.get('tls') === 'insecure' ? { rejectUnauthorized: false } : undefined,
    });
    const user = url.username ? decodeURIComponent(url.username) : '';
    this.from = this.env.MAIL_FROM ?? (user.includes('@') ? `招商CRM <${user}>` : `招商CRM <noreply@${url.hostname}>`);
    this.logger.log(`email channel on: SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}, from ${this.from}`);
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; throws on any SMTP failure (the delivery job retries with backoff). */
  async send(message: EmailMessage): Promise<{ messageId: string }> {
    if (!this.transport) throw new Error('邮件渠道未启用 (SMTP_URL is not set)');
    const info = await this.transport.sendMail({ from: this.from, ...message });
    if (info.rejected?.length) throw new Error(`收件地址被拒绝 (rejected): ${info.rejected.join(', ')}`);
    return { messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
