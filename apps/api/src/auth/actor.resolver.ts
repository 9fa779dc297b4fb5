import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@zs/domain';
import { preparedQuery } from '@zs/db';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';

interface ActorRow {
  id: string;
  role: string;
  display_name: string;
  park_id: string;
  park_ids: string[];
}

/** Loads the caller behind a token: a disabled or removed user gets no actor (→ 401). */
@Injectable()
export class ActorResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async resolve(userId: string): Promise<Actor | null> {
    // every request runs it: prepared, it is planned once per connection
    const [row] = await preparedQuery<ActorRow>(
      this.db,
      `SELECT u.id, u.role, u.display_name, u.park_id, p.path,
              (SELECT array_agg(s.id) FROM parks s WHERE s.path LIKE p.path || '%' AND s.deleted_at IS NULL) AS park_ids
         FROM users u JOIN parks p ON p.id = u.park_id
        WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [userId],
    );
    if (!row) return null;
    const role = row.role as Role;
    return {
      id: row.id,
      role,
      displayName: row.display_name,
      parkId: row.park_id,
      parkIds: role === 'admin' ? null : row.park_ids,
    };
  }
}
