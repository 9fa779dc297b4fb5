import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JwtService } from '@nestjs/jwt';
import { Env, jwtSecret } from '@zs/config';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'zs_queues';
/** A ticket is good for one use within this many seconds. */
export const TICKET_SECONDS = 60;
/** The dashboard cookie's lifetime: then the admin asks for a new ticket. */
export const SESSION_SECONDS = 30 * 60;
const AUDIENCE = 'zs-queue-dashboard';

export interface DashboardSession {
  /** Open this (relative to the API's origin) within TICKET_SECONDS: `/admin/queues?ticket=…`. */
  url: string;
  expiresAt: string;
}

/**
 * Access to the queue dashboard (bull-board at /admin/queues), for admins only. A browser cannot send a bearer
 * header when it opens a page, so an admin asks the API (with the bearer token) for a one-time ticket URL; the
 * dashboard exchanges the ticket, once and within a minute, for an HttpOnly, SameSite=Strict cookie scoped to
 * /admin/queues and good for 30 minutes. The cookie is a JWT signed with a key derived from JWT_SECRET for this
 * purpose only, so it is never accepted as an API token (nor an API token as the cookie). Every request re-checks
 * that the user is still an active admin. Scripts may instead send `Authorization: Bearer <admin token>`.
 */
@Injectable()
export class QueueDashboardService {
  /** Signs the dashboard cookie: derived from JWT_SECRET for this purpose only. */
  private readonly cookieKey: string;
  /** Verifies API bearer tokens. */
  private readonly apiKey: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    env: Env,
  ) {
    this.cookieKey = createHash('sha256').update(`${jwtSecret(env)}\n${AUDIENCE}`).digest('hex');
    this.apiKey = jwtSecret(env);
  }

  async issueTicket(actor: Actor): Promise<DashboardSession> {
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + TICKET_SECONDS * 1000);
    await this.db.query(`DELETE FROM dashboard_tickets WHERE expires_at < now() - interval '1 day'`);
    await this.db.query(`INSERT INTO dashboard_tickets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [hash(ticket), actor.id, expiresAt]);
    return { url: `${DASHBOARD_PATH}?ticket=${ticket}`, expiresAt: expiresAt.toISOString() };
  }

  /** Redeems a ticket once: the `Set-Cookie` value for the admin it was issued to, or null. */
  async redeemTicket(ticket: string, secure: boolean): Promise<string | null> {
    const [rows] = (await this.db.query(
      `UPDATE dashboard_tickets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [hash(ticket)],
    )) as [{ user_id: string }[], number];
    const userId = rows[0]?.user_id;
    if (!userId || !(await this.isActiveAdmin(userId))) return null;
    const token = await this.jwt.signAsync({ sub: userId }, { secret: this.cookieKey, audience: AUDIENCE, expiresIn: SESSION_SECONDS });
    return [
      `${DASHBOARD_COOKIE}=${token}`,
      `Path=${DASHBOARD_PATH}`,
      `Max-Age=${SESSION_SECONDS}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }

  /** Whether a request to the dashboard comes from an active admin (the dashboard cookie or an admin bearer token). */
  async authorize(cookieHeader: string | undefined, authorization: string | undefined): Promise<boolean> {
    const cookie = readCookie(cookieHeader, DASHBOARD_COOKIE);
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    try {
      if (cookie) {
        const claims = await this.jwt.verifyAsync<{ sub: string }>(cookie, { secret: this.cookieKey, audience: AUDIENCE });
        return this.isActiveAdmin(claims.sub);
      }
      if (bearer) {
        const claims = await this.jwt.verifyAsync<{ sub: string; aud?: unknown }>(bearer, { secret: this.apiKey });
        return claims.aud === undefined && this.isActiveAdmin(claims.sub);
      }
    } catch {
      return false;
    }
    return false;
  }

  private async isActiveAdmin(userId: string): Promise<boolean> {
    const [row] = (await this.db.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'admin' AND disabled_at IS NULL`, [userId])) as unknown[];
    return !!row;
  }
}

function hash(ticket: string): string {
  return createHash('sha256').update(ticket).digest('hex');
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
