import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Park } from '@zs/db';
import { DomainError, ErrorCode, validationError } from '@zs/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor, inScope, parkScope } from '../common/actor';
import { notFound, updateWithVersion } from '../common/optimistic-update';
import type { Page } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { CreateParkDto, ListParksQueryDto, UpdateParkDto } from './dto/park.dto';
import { parkSubtreeFilter } from './park-subtree';
import { ParkTreeNode, ParkView, toParkView } from './park.view';

/** What a park may still hold that blocks its deletion (active users, live records, live sub-areas). */
const HOLDINGS = { users: '用户', projects: '项目', companies: '企业', leads: '线索', parks: '下级园区' } as const;
type Holding = keyof typeof HOLDINGS;

/** Serialises changes to the tree's shape (create, move, delete, restore), so that paths never go stale. */
const PARK_TREE_LOCK = 0x5a53_5054;

@Injectable()
export class ParksService {
  constructor(
    @InjectRepository(Park) private readonly parks: Repository<Park>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The caller's parks (admins: all), flat, in path order (each park before its sub-areas). */
  async list(actor: Actor, query: ListParksQueryDto): Promise<Page<ParkView>> {
    const limit = query.limit ?? 50;
    const scope = parkScope(actor, 'p.id');
    const qb = this.parks.createQueryBuilder('p').where(scope.sql, scope.params);
    applyDeletedFilter(qb, 'p', actor, query.deleted);
    if (query.parkId) {
      const subtree = parkSubtreeFilter('p.id', query.parkId);
      qb.andWhere(subtree.sql, subtree.params);
    }
    if (query.cursor) qb.andWhere(`p.path COLLATE "C" > :afterPath`, { afterPath: decodePathCursor(query.cursor) });
    const rows = await qb.orderBy(`p.path COLLATE "C"`, 'ASC').limit(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toParkView), nextCursor: rows.length > limit && last ? encodePathCursor(last.path) : null };
  }

  /** The caller's parks as a forest: normally one root (the root park for admins, the caller's own park for others). */
  async tree(actor: Actor): Promise<ParkTreeNode[]> {
    const scope = parkScope(actor, 'p.id');
    const rows = await this.parks.createQueryBuilder('p').where(scope.sql, scope.params).getMany();
    const nodes = new Map<string, ParkTreeNode>(rows.map((p) => [p.id, { id: p.id, name: p.name, parentId: p.parentId, children: [] }]));
    const roots: ParkTreeNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    const byName = (a: ParkTreeNode, b: ParkTreeNode) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
    for (const node of nodes.values()) node.children.sort(byName);
    return roots.sort(byName);
  }

  async get(actor: Actor, id: string): Promise<ParkView> {
    const park = await this.parks.findOneBy({ id });
    if (!park || !inScope(actor, park.id)) throw notFound('园区');
    return toParkView(park);
  }

  async create(actor: Actor, dto: CreateParkDto): Promise<ParkView> {
    return this.db.transaction(async (tx) => {
      await lockTree(tx);
      const parentId = dto.parentId ?? (await this.rootParkId(tx));
      const parent = await tx.findOneBy(Park, { id: parentId });
      if (!parent || !inScope(actor, parent.id)) throw validationError('parentId', '上级园区不存在 (unknown parent park)');
      const id = randomUUID();
      await tx.insert(Park, { id, name: dto.name, parentId: parent.id, path: `${parent.path}${id}/` });
      return toParkView(await tx.findOneByOrFail(Park, { id }));
    });
  }

  /** Renames and/or moves a park; a move rewrites the paths of its whole subtree in the same transaction. */
  async update(actor: Actor, id: string, dto: UpdateParkDto): Promise<ParkView> {
    await this.db.transaction(async (tx) => {
      await lockTree(tx);
      const park = await tx.findOneBy(Park, { id });
      if (!park || !inScope(actor, park.id)) throw notFound('园区');
      const changes: Partial<Park> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      const moving = dto.parentId !== undefined && dto.parentId !== park.parentId;
      if (moving) {
        if (!park.parentId) throw validationError('parentId', '根园区不能移动 (the root park cannot be moved)');
        const parent = await tx.findOneBy(Park, { id: dto.parentId });
        if (!parent || !inScope(actor, parent.id)) throw validationError('parentId', '上级园区不存在 (unknown parent park)');
        if (parent.path.startsWith(park.path)) {
          throw validationError('parentId', '不能把园区移到它自身或其下级园区之下 (cannot move a park under itself or one of its sub-areas)');
        }
        changes.parentId = parent.id;
        changes.path = `${parent.path}${park.id}/`;
      }
      await updateWithVersion(tx, Park, id, dto.version, changes);
      if (moving && changes.path) {
        // deleted sub-areas move too, so that restoring one puts it back in the right place
        await tx.query(
          `UPDATE parks SET path = $1 || substr(path, $2), updated_at = now() WHERE path LIKE $3 AND id <> $4`,
          [changes.path, park.path.length + 1, `${park.path}%`, id],
        );
      }
    });
    return this.get(actor, id);
  }

  /** Soft delete: refused (409) for the root and for a park that still holds users, records or sub-areas. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await lockTree(tx);
      const park = await tx.findOneBy(Park, { id });
      if (!park || !inScope(actor, park.id)) throw notFound('园区');
      if (!park.parentId) throw new DomainError(ErrorCode.Conflict, '根园区不能删除 (the root park cannot be deleted)');
      const [row]: Record<Holding, boolean>[] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM users WHERE park_id = $1 AND disabled_at IS NULL) AS users,
                EXISTS (SELECT 1 FROM projects WHERE park_id = $1 AND deleted_at IS NULL) AS projects,
                EXISTS (SELECT 1 FROM companies WHERE park_id = $1 AND deleted_at IS NULL) AS companies,
                EXISTS (SELECT 1 FROM leads WHERE park_id = $1 AND deleted_at IS NULL) AS leads,
                EXISTS (SELECT 1 FROM parks WHERE parent_id = $1 AND deleted_at IS NULL) AS parks`,
        [id],
      );
      const remaining = (Object.keys(HOLDINGS) as Holding[]).filter((key) => row[key]);
      if (remaining.length) {
        throw new DomainError(
          ErrorCode.Conflict,
          `园区仍有${remaining.map((key) => HOLDINGS[key]).join('、')}，不能删除 (the park still has ${remaining.join(', ')})`,
          remaining.map((key) => ({ field: key, message: `仍有${HOLDINGS[key]} (still has ${key})` })),
        );
      }
      await tx.softDelete(Park, id);
    });
  }

  async restore(actor: Actor, id: string): Promise<ParkView> {
    await this.db.transaction(async (tx) => {
      await lockTree(tx);
      const park = await tx.findOne(Park, { where: { id }, withDeleted: true });
      if (!park || !inScope(actor, park.id)) throw notFound('园区');
      if (!park.deletedAt) return;
      if (park.parentId && !(await tx.existsBy(Park, { id: park.parentId }))) {
        throw new DomainError(ErrorCode.Conflict, '上级园区已删除，请先恢复上级园区 (restore the parent park first)');
      }
      await tx.restore(Park, id);
    });
    return this.get(actor, id);
  }

  /** The root park (the bureau), created at first start. */
  async rootParkId(manager: EntityManager = this.parks.manager): Promise<string> {
    const [root] = await manager.query(`SELECT id FROM parks WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1`);
    if (!root) throw new Error('no root park: the database was not set up');
    return root.id as string;
  }

  /** Ids of a live park and its live sub-areas ([] for an unknown or deleted park). */
  async subtreeIds(parkId: string, manager: EntityManager = this.parks.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT s.id FROM parks p JOIN parks s ON s.path LIKE p.path || '%' AND s.deleted_at IS NULL
        WHERE p.id = $1 AND p.deleted_at IS NULL`,
      [parkId],
    );
    return rows.map((r) => r.id);
  }
}

async function lockTree(tx: EntityManager): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [PARK_TREE_LOCK]);
}

function encodePathCursor(path: string): string {
  return Buffer.from(JSON.stringify({ path }), 'utf8').toString('base64url');
}

function decodePathCursor(cursor: string): string {
  try {
    const { path } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { path?: unknown };
    if (typeof path === 'string' && /^(\/[0-9a-f-]{36})+\/$/i.test(path)) return path;
  } catch {
    /* fall through */
  }
  throw validationError('cursor', '无效的分页游标 (invalid cursor)');
}
