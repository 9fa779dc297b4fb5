import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { User } from '@zs/db';
import { DomainError, ErrorCode } from '@zs/domain';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { toUserView, UserView } from '../users/user.view';
import type { TokenClaims } from './auth.guard';
import { LoginThrottleService } from './login-throttle.service';

/** A hash to verify against when the username is unknown, so timing does not reveal which usernames exist. */
const DUMMY_HASH = argon2.hash('zhaoshang-dummy-password');

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async login(username: string, password: string, address: string): Promise<{ accessToken: string; user: UserView }> {
    await this.throttle.assertAllowed(username, address);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username: username.trim() })
      .getOne();
    const valid = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
    if (!user || !valid || user.disabledAt) {
      await this.throttle.recordFailure(username, address);
      throw new DomainError(ErrorCode.Unauthorized, '用户名或密码错误 (wrong username or password)');
    }
    await this.throttle.recordSuccess(username);
    // not an edit of the user: no version bump (a query-builder update would increment it)
    await this.users.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
    const claims: TokenClaims = { sub: user.id, role: user.role };
    return { accessToken: await this.jwt.signAsync(claims), user: toUserView(user) };
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
