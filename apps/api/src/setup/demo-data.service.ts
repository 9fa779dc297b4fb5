import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { Agreement, Blocker, Fund, Task, Visit } from '@zs/db';
import { addDays, toZonedDate } from '@zs/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { CompaniesService } from '../companies/companies.service';
import { LeadsService } from '../leads/leads.service';
import { ProjectsService } from '../projects/projects.service';
import { UsersService } from '../users/users.service';
import { DEMO_LEADS, DEMO_PARKS, DEMO_PASSWORD, DEMO_PROJECTS, DEMO_USERS, DemoLead, DemoParkKey, DemoProject } from './demo-data';

const DAY = 86_400_000;

/**
 * Loads the demo data set into an empty database through the same services the API uses (codes, permit
 * chains, stage machine and history), so that what a new user sees behaves like real data.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly companies: CompaniesService,
    private readonly projects: ProjectsService,
    private readonly leads: LeadsService,
    private readonly env: Env,
  ) {}

  /** Loads the data set unless the database already holds a project; returns whether it did. */
  async loadIfEmpty(rootParkId: string): Promise<boolean> {
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM projects`);
    const [{ demo }] = await this.db.query(`SELECT count(*)::int AS demo FROM users WHERE username = $1`, [DEMO_USERS[0].username]);
    if (count > 0 || demo > 0) return false;
    const started = Date.now();
    const [{ id: adminId }] = await this.db.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
    const admin: Actor = { id: adminId, role: 'admin', displayName: 'demo loader', parkId: rootParkId, parkIds: null };

    const parks: Record<DemoParkKey, string> = { root: rootParkId } as Record<DemoParkKey, string>;
    for (const park of DEMO_PARKS) {
      const [row] = await this.db.query(
        `INSERT INTO parks (name, parent_id, path) SELECT $1, p.id, '' FROM parks p WHERE p.id = $2 RETURNING id`,
        [park.name, parks[park.parent]],
      );
      await this.db.query(`UPDATE parks SET path = (SELECT path FROM parks WHERE id = $2) || id || '/' WHERE id = $1`, [row.id, parks[park.parent]]);
      parks[park.key] = row.id;
    }
    const people: Record<string, string> = {};
    for (const user of DEMO_USERS) {
      const created = await this.users.create(admin, {
        username: user.username, password: DEMO_PASSWORD, displayName: user.displayName, role: user.role, parkId: parks[user.park],
      });
      people[user.key] = created.id;
    }
    const companyIds = new Map<string, string>();
    for (const demo of DEMO_PROJECTS) await this.loadProject(admin, demo, parks, people, companyIds);
    for (const demo of DEMO_LEADS) await this.loadLead(demo, parks, people);
    this.logger.log(`demo data loaded: ${DEMO_PROJECTS.length} projects, ${DEMO_LEADS.length} leads in ${DEMO_PARKS.length + 1} parks (${Date.now() - started} ms)`);
    return true;
  }

  private async loadProject(admin: Actor, demo: DemoProject, parks: Record<DemoParkKey, string>, people: Record<string, string>, companyIds: Map<string, string>): Promise<void> {
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const day = (daysAgo: number) => toZonedDate(at(daysAgo), this.env.TZ_PARK);
    const parkId = parks[demo.park];
    const ownerId = people[demo.owner];
    const firstDay = (demo.path[0]?.[1] ?? 30) + 30;

    const projectId = await this.db.transaction(async (tx) => {
      let companyId = companyIds.get(demo.company.name);
      if (!companyId) {
        const company = await this.companies.createInTransaction(tx, admin, {
          name: demo.company.name, country: demo.company.country ?? 'CN', province: demo.company.province, city: demo.company.city, industry: demo.industry, parkId,
        });
        companyId = company.id;
        companyIds.set(demo.company.name, companyId);
      }
      const project = await this.projects.createInTransaction(tx, admin, {
        name: demo.name, companyId, industry: demo.industry, channel: demo.channel, originRegion: demo.originRegion,
        totalInvestment: demo.totalInvestment, landAreaMu: demo.landAreaMu, ownerId, leaderId: demo.leader ? people[demo.leader] : undefined, parkId,
      });
      // the demo's projects began before today: backdate their creation and first history entry
      await tx.query(`UPDATE projects SET created_at = $2, stage_entered_at = $2, last_activity_at = $2 WHERE id = $1`, [project.id, at(firstDay)]);
      await tx.query(`UPDATE project_stage_changes SET occurred_at = $2 WHERE project_id = $1`, [project.id, at(firstDay)]);
      await tx.insert(Visit, {
        projectId: project.id, kind: 'outbound_visit', occurredAt: at(firstDay - 1), summary: `首次拜访${demo.company.name}，了解投资意向`,
        officerIds: [ownerId], createdById: ownerId,
      });
      if (demo.agreement) {
        const signedDays = (demo.path.find(([stage]) => stage === 'agreement') ?? demo.path[demo.path.length - 1])[1];
        await tx.insert(Agreement, {
          projectId: project.id, kind: demo.agreement.kind, signedOn: day(signedDays), amount: demo.agreement.amount ?? demo.totalInvestment,
          landAreaMu: demo.landAreaMu ?? null, number: `XY-${project.code}`,
          committedStartOn: demo.agreement.committedStartIn !== undefined ? day(-demo.agreement.committedStartIn) : null,
          committedProductionOn: demo.agreement.committedProductionIn !== undefined ? day(-demo.agreement.committedProductionIn) : null,
          createdById: ownerId,
        });
        if (demo.agreement.kind !== 'investment' && demo.agreement.kind !== 'land_transfer' && demo.path.some(([s]) => s === 'contract')) {
          await tx.insert(Agreement, { projectId: project.id, kind: 'investment', signedOn: day(signedDays - 10), amount: demo.totalInvestment, createdById: ownerId });
        }
      }
      return project.id;
    });

    for (const [stage, daysAgo] of demo.path) {
      await this.projects.transition(admin, projectId, { to: stage, occurredAt: at(daysAgo).toISOString() });
    }

    await this.db.transaction(async (tx) => {
      if (demo.blocker) {
        await tx.insert(Blocker, { projectId, category: demo.blocker.category, description: demo.blocker.description, ownerId, dueOn: day(-demo.blocker.dueIn) });
      }
      if (demo.funds) {
        const landed = demo.path.find(([s]) => s === 'land_delivered')?.[1] ?? 30;
        await tx.insert(Fund, { projectId, amount: demo.funds, receivedOn: day(Math.max(1, landed - 20)), note: '实际到位资金', createdById: ownerId });
      }
      if (demo.followUpIn !== undefined) {
        const due = new Date(`${addDays(day(0), demo.followUpIn)}T10:00:00+08:00`);
        await tx.insert(Task, { projectId, title: `跟进${demo.company.name}：${demo.name}`, dueAt: due, assigneeId: ownerId, createdById: ownerId });
        await this.projects.refreshNextFollowUp(tx, projectId);
      }
      await this.touchLastVisit(tx, projectId);
    });
  }

  /**
   * A lead as its people would handle it, through LeadsService: logged by its reporter (with themselves as
   * assignee when they are), else assigned by the manager; then screened by the assignee.
   */
  private async loadLead(demo: DemoLead, parks: Record<DemoParkKey, string>, people: Record<string, string>): Promise<void> {
    const reporter = await this.actorOf(people[demo.reporter]);
    const selfAssigned = demo.assignee !== undefined && demo.assignee === demo.reporter;
    const lead = await this.leads.create(reporter, {
      title: demo.title, companyName: demo.companyName, contactName: demo.contactName, contactMobile: demo.contactMobile,
      industry: demo.industry, channel: demo.channel, referrer: demo.referrer, originRegion: demo.originRegion,
      estimatedInvestment: demo.estimatedInvestment, summary: demo.summary,
      receivedOn: toZonedDate(new Date(Date.now() - demo.receivedDaysAgo * DAY), this.env.TZ_PARK),
      parkId: parks[demo.park], assigneeId: selfAssigned ? people[demo.assignee!] : undefined,
    });
    if (demo.assignee && !selfAssigned) {
      await this.leads.assign(await this.actorOf(people.manager), lead.id, { assigneeId: people[demo.assignee] });
    }
    if (demo.screening) await this.leads.screen(await this.actorOf(people[demo.assignee!]), lead.id, demo.screening);
  }

  /** The demo user as the auth guard would resolve them (their park subtree in scope). */
  private async actorOf(userId: string): Promise<Actor> {
    const [row] = await this.db.query(
      `SELECT u.id, u.role, u.display_name, u.park_id, (SELECT array_agg(s.id) FROM parks s WHERE s.path LIKE p.path || '%') AS park_ids
         FROM users u JOIN parks p ON p.id = u.park_id WHERE u.id = $1`,
      [userId],
    );
    return { id: row.id, role: row.role, displayName: row.display_name, parkId: row.park_id, parkIds: row.park_ids };
  }

  private async touchLastVisit(tx: EntityManager, projectId: string): Promise<void> {
    await tx.query(
      `UPDATE projects SET last_activity_at = GREATEST(last_activity_at, (SELECT max(occurred_at) FROM visits WHERE project_id = $1)) WHERE id = $1`,
      [projectId],
    );
  }
}
