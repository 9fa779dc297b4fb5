import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Park, User } from '@zs/db';
import { DomainError, ErrorCode, validationError } from '@zs/domain';
import { IsNull, Repository } from 'typeorm';
import { Actor, inScope, parkScope } from '../common/actor';
import { notFound, updateWithVersion } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import { hashPassword } from '../auth/auth.service';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { toUserView, UserRef, UserView } from './user.view';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Park) private readonly parks: Repository<Park>,
  ) {}

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const parkId = dto.parkId ?? (await this.rootParkId());
    await this.assertPark(actor, parkId);
    if (dto.managerId) await this.get(actor, dto.managerId).catch(() => { throw validationError('managerId', '上级用户不存在 (unknown manager)'); });
    const taken = await this.users.createQueryBuilder('u').where('lower(u.username) = lower(:name)', { name: dto.username }).getExists();
    if (taken) throw new DomainError(ErrorCode.Duplicate, '用户名已存在 (username taken)', [{ field: 'username', message: '用户名已存在' }]);
    const user = await this.users.save(this.users.create({
      username: dto.username,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      role: dto.role,
      email: dto.email ?? null,
      mobile: dto.mobile ?? null,
      managerId: dto.managerId ?? null,
      parkId,
    }));
    return toUserView(user);
  }

  async list(actor: Actor, query: ListUsersQueryDto): Promise<Page<UserView>> {
    const scope = parkScope(actor, 'u.park_id');
    const qb = this.users.createQueryBuilder('u').where(scope.sql, scope.params);
    if (!query.includeDisabled) qb.andWhere('u.disabled_at IS NULL');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.parkId) qb.andWhere('u.park_id = :parkId', { parkId: query.parkId });
    if (query.q) qb.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const page = await keysetPage(qb, 'u', query);
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user || !inScope(actor, user.parkId)) throw notFound('用户');
    return toUserView(user);
  }

  /**
   * The display names of those of `ids` whom the caller's records may name: users of the caller's park subtree and
   * of the parks above it (who may hold records of the caller's parks); admins any. Others are left out.
   */
  async names(actor: Actor, ids: string[]): Promise<UserRef[]> {
    const rows: { id: string; display_name: string }[] = actor.parkIds === null
      ? await this.users.query(`SELECT u.id, u.display_name FROM users u WHERE u.id = ANY($1::uuid[])`, [ids])
      : await this.users.query(
        `SELECT u.id, u.display_name FROM users u JOIN parks up ON up.id = u.park_id JOIN parks mine ON mine.id = $2
          WHERE u.id = ANY($1::uuid[]) AND (u.park_id = ANY($3::uuid[]) OR mine.path LIKE up.path || '%')`,
        [[...new Set(ids)], actor.parkId, actor.parkIds],
      );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const current = await this.get(actor, id);
    if (dto.parkId) await this.assertPark(actor, dto.parkId);
    if (id === actor.id && (dto.active === false || (dto.role && dto.role !== current.role))) {
      throw validationError(dto.active === false ? 'active' : 'role', '不能停用自己或修改自己的角色 (you cannot disable or demote yourself)');
    }
    const { version, password, active, ...fields } = dto;
    const changes: Partial<User> = { ...fields };
    if (password) changes.passwordHash = await hashPassword(password);
    if (active !== undefined) changes.disabledAt = active ? null : new Date();
    await updateWithVersion(this.users.manager, User, id, version, changes);
    return this.get(actor, id);
  }

  async rootParkId(): Promise<string> {
    const root = await this.parks.findOne({ where: { parentId: IsNull() }, order: { createdAt: 'ASC' } });
    if (!root) throw new Error('no root park: the database was not set up');
    return root.id;
  }

  private async assertPark(actor: Actor, parkId: string): Promise<void> {
    const park = await this.parks.findOneBy({ id: parkId });
    if (!park || !inScope(actor, park.id)) throw validationError('parkId', '园区不存在 (unknown park)');
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
