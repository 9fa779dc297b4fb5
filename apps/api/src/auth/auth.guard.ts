import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode, type Role } from '@zs/domain';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from '../common/auth.decorators';
import { ActorResolver } from './actor.resolver';

export interface TokenClaims {
  sub: string;
  role: Role;
}

/** Global guard: a valid bearer token for an active user (else 401), then the route's roles (else 403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const actor = await this.authenticate(request.headers.authorization);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new DomainError(ErrorCode.Forbidden, '当前角色无权执行此操作 (your role may not do this)');
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new DomainError(ErrorCode.Unauthorized, '请先登录 (authentication required)');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError(ErrorCode.Unauthorized, '登录已失效，请重新登录 (invalid or expired token)');
    }
    const actor = await this.actors.resolve(claims.sub);
    if (!actor) throw new DomainError(ErrorCode.Unauthorized, '账号不存在或已停用 (account unknown or disabled)');
    return actor;
  }
}
