import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Lead } from '@zs/db';
import { duplicateReasons, SIMILAR_NAME_THRESHOLD, type DupSubject, type DuplicateReason } from '@zs/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, parkScope } from '../common/actor';
import { ProjectAccessService } from '../projects/project-access.service';
import type { DuplicateKind, LeadDuplicate } from './lead.view';

/** At most this many suspected duplicates are answered, strongest first. */
export const MAX_DUPLICATES = 20;
/** Candidates read per kind before the reasons are decided. */
const CANDIDATES_PER_KIND = 50;

/** A strong reason outranks weaker ones when two candidates have as many reasons. */
const REASON_WEIGHT: Record<DuplicateReason, number> = { credit_code: 8, mobile: 4, investor_industry_amount: 2, similar_name: 1 };
const KIND_ORDER: Record<DuplicateKind, number> = { lead: 0, company: 1, project: 2 };

interface Probe {
  leadId: string;
  code: string | null;
  norm: string | null;
  mobile: string | null;
  companyId: string | null;
  industry: string;
}

interface Candidate {
  kind: DuplicateKind;
  id: string;
  name: string;
  similarity: number;
  subject: DupSubject;
}

/**
 * 重复研判: the leads, companies and projects that look like the same investment as a lead. SQL finds the
 * candidates through indexes — the same credit code (btree), an equal or trigram-similar normalised company name
 * (GIN gin_trgm_ops, `%` with the similarity threshold set for the transaction), the same contact mobile (btree),
 * the lead's own company — within what the caller may see; the pure `duplicateReasons` decides and explains.
 *
 * Scope: leads and companies of the caller's park subtree (for leads this is wider than the caller's own
 * leads on purpose — finding a colleague's report of the same investment is the point; only kind, id, name and
 * reasons are shown), projects as ProjectAccessService.readableCondition allows. The lead itself, its project
 * and its company are left out.
 */
@Injectable()
export class LeadDuplicatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
  ) {}

  async find(actor: Actor, lead: Lead): Promise<LeadDuplicate[]> {
    const probe: Probe = {
      leadId: lead.id,
      code: lead.creditCode,
      norm: lead.companyNameNorm || null,
      mobile: lead.contactMobileNorm,
      companyId: lead.companyId,
      industry: lead.industry,
    };
    const subject: DupSubject = {
      name: lead.companyName,
      creditCode: lead.creditCode,
      companyId: lead.companyId,
      industry: lead.industry,
      amount: lead.estimatedInvestment,
      mobiles: lead.contactMobile ? [lead.contactMobile] : [],
    };
    const candidates = await this.db.transaction(async (tx) => {
      // `%` uses this threshold, so that the trigram index answers "similarity ≥ 0.6" (local to the transaction).
      await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(SIMILAR_NAME_THRESHOLD)]);
      return [
        ...(await this.leads(tx, actor, probe)),
        ...(await this.companies(tx, actor, probe, lead)),
        ...(await this.projects(tx, actor, probe, lead)),
      ];
    });
    return rank(subject, candidates);
  }

  private async leads(tx: EntityManager, actor: Actor, probe: Probe): Promise<Candidate[]> {
    const arms: string[] = [];
    if (probe.code) arms.push('l.credit_code = :code');
    if (probe.norm) arms.push('l.company_name_norm = :norm', 'l.company_name_norm % :norm');
    if (probe.mobile) arms.push('l.contact_mobile_norm = :mobile');
    if (probe.companyId) arms.push('(l.company_id = :companyId AND l.industry = :industry)');
    if (!arms.length) return [];
    const scope = parkScope(actor, 'l.park_id');
    const rows = await tx.createQueryBuilder()
      .select(['l.id AS id', 'l.title AS title', 'l.company_name AS company_name', 'l.credit_code AS credit_code', 'l.company_id AS company_id',
        'l.industry AS industry', 'l.estimated_investment AS amount', 'l.contact_mobile AS mobile'])
      .addSelect(probe.norm ? 'similarity(l.company_name_norm, :norm)' : '0', 'sim')
      .from('leads', 'l')
      .where('l.deleted_at IS NULL AND l.id <> :leadId')
      .andWhere(scope.sql, scope.params)
      .andWhere(`(${arms.join(' OR ')})`)
      .setParameters(params(probe))
      .orderBy('sim', 'DESC')
      .limit(CANDIDATES_PER_KIND)
      .getRawMany<{ id: string; title: string; company_name: string; credit_code: string | null; company_id: string | null; industry: string; amount: string | null; mobile: string | null; sim: number | string }>();
    return rows.map((r) => ({
      kind: 'lead' as const,
      id: r.id,
      name: r.title,
      similarity: Number(r.sim),
      subject: {
        name: r.company_name, creditCode: r.credit_code, companyId: r.company_id, industry: r.industry,
        amount: r.amount === null ? null : Number(r.amount), mobiles: r.mobile ? [r.mobile] : [],
      },
    }));
  }

  private async companies(tx: EntityManager, actor: Actor, probe: Probe, lead: Lead): Promise<Candidate[]> {
    const arms: string[] = [];
    if (probe.code) arms.push('c.credit_code = :code');
    if (probe.norm) arms.push('c.name_norm = :norm', 'c.name_norm % :norm');
    if (probe.mobile) arms.push('c.id IN (SELECT ct.company_id FROM contacts ct WHERE ct.mobile_norm = :mobile AND ct.deleted_at IS NULL)');
    if (!arms.length) return [];
    const scope = parkScope(actor, 'c.park_id');
    const qb = tx.createQueryBuilder()
      .select(['c.id AS id', 'c.name AS name', 'c.credit_code AS credit_code', 'c.industry AS industry'])
      .addSelect(probe.norm ? 'similarity(c.name_norm, :norm)' : '0', 'sim')
      .addSelect(mobileHit('c.id', probe), 'mobile_hit')
      .from('companies', 'c')
      .where('c.deleted_at IS NULL')
      .andWhere(scope.sql, scope.params)
      .andWhere(`(${arms.join(' OR ')})`)
      .setParameters(params(probe));
    if (lead.companyId) qb.andWhere('c.id <> :ownCompanyId', { ownCompanyId: lead.companyId });
    const rows = await qb.orderBy('sim', 'DESC').limit(CANDIDATES_PER_KIND)
      .getRawMany<{ id: string; name: string; credit_code: string | null; industry: string; sim: number | string; mobile_hit: boolean }>();
    return rows.map((r) => ({
      kind: 'company' as const,
      id: r.id,
      name: r.name,
      similarity: Number(r.sim),
      // A company has no amount of its own: the investor+industry+amount rule applies to leads and projects.
      subject: { name: r.name, creditCode: r.credit_code, companyId: r.id, industry: r.industry, amount: null, mobiles: r.mobile_hit ? [probe.mobile!] : [] },
    }));
  }

  private async projects(tx: EntityManager, actor: Actor, probe: Probe, lead: Lead): Promise<Candidate[]> {
    const arms: string[] = [];
    if (probe.code) arms.push('c.credit_code = :code');
    if (probe.norm) arms.push('c.name_norm = :norm', 'c.name_norm % :norm');
    if (probe.mobile) arms.push('p.company_id IN (SELECT ct.company_id FROM contacts ct WHERE ct.mobile_norm = :mobile AND ct.deleted_at IS NULL)');
    if (probe.companyId) arms.push('p.company_id = :companyId');
    if (!arms.length) return [];
    const readable = this.access.readableCondition(actor, 'p');
    const qb = tx.createQueryBuilder()
      .select(['p.id AS id', 'p.name AS name', 'c.name AS company_name', 'c.credit_code AS credit_code', 'p.company_id AS company_id',
        'p.industry AS industry', 'p.total_investment AS amount'])
      .addSelect(probe.norm ? 'similarity(c.name_norm, :norm)' : '0', 'sim')
      .addSelect(mobileHit('p.company_id', probe), 'mobile_hit')
      .from('projects', 'p')
      .innerJoin('companies', 'c', 'c.id = p.company_id')
      .where(readable.sql, readable.params)
      .andWhere('p.lead_id IS DISTINCT FROM :leadId')
      .andWhere(`(${arms.join(' OR ')})`)
      .setParameters(params(probe));
    if (lead.projectId) qb.andWhere('p.id <> :ownProjectId', { ownProjectId: lead.projectId });
    const rows = await qb.orderBy('sim', 'DESC').limit(CANDIDATES_PER_KIND)
      .getRawMany<{ id: string; name: string; company_name: string; credit_code: string | null; company_id: string; industry: string; amount: string; sim: number | string; mobile_hit: boolean }>();
    return rows.map((r) => ({
      kind: 'project' as const,
      id: r.id,
      name: r.name,
      similarity: Number(r.sim),
      // A project is compared through its company: its name, credit code and contacts.
      subject: {
        name: r.company_name, creditCode: r.credit_code, companyId: r.company_id, industry: r.industry,
        amount: Number(r.amount), mobiles: r.mobile_hit ? [probe.mobile!] : [],
      },
    }));
  }
}

/** Whether one of the company's live contacts has the lead's mobile (false without a mobile). */
function mobileHit(companyColumn: string, probe: Probe): string {
  if (!probe.mobile) return 'false';
  return `EXISTS (SELECT 1 FROM contacts mh WHERE mh.company_id = ${companyColumn} AND mh.mobile_norm = :mobile AND mh.deleted_at IS NULL)`;
}

function params(probe: Probe): Record<string, unknown> {
  const out: Record<string, unknown> = { leadId: probe.leadId, industry: probe.industry };
  if (probe.code) out.code = probe.code;
  if (probe.norm) out.norm = probe.norm;
  if (probe.mobile) out.mobile = probe.mobile;
  if (probe.companyId) out.companyId = probe.companyId;
  return out;
}

/** Decides each candidate's reasons with the pure rule, drops the innocent, strongest first, at most 20. */
export function rank(subject: DupSubject, candidates: Candidate[]): LeadDuplicate[] {
  const scored = candidates
    .map((c) => ({ c, reasons: duplicateReasons(subject, c.subject, c.similarity) }))
    .filter((s) => s.reasons.length > 0);
  const weight = (reasons: DuplicateReason[]) => reasons.reduce((sum, r) => sum + REASON_WEIGHT[r], 0);
  scored.sort((a, b) =>
    b.reasons.length - a.reasons.length
    || weight(b.reasons) - weight(a.reasons)
    || b.c.similarity - a.c.similarity
    || KIND_ORDER[a.c.kind] - KIND_ORDER[b.c.kind]
    || a.c.id.localeCompare(b.c.id));
  return scored.slice(0, MAX_DUPLICATES).map(({ c, reasons }) => ({ kind: c.kind, id: c.id, name: c.name, reasons }));
}
