import {
  isOffPathStage, STAGE_DATE_FIELDS, STAGE_LABELS, stageIndex,
  type FieldIssue, type PipelineStage, type Stage, type StageDateField,
} from '@zs/domain';

/**
 * The stage history an imported project gets (a direct history import: the ledger's stage reached through
 * dated entries, so that the funnel and the KPIs read it like any other project's history).
 *
 *   created (录入日期) → intention
 *   each dated stage the ledger knows on the way (供地 / 开工 / 投产 dates below the target) → that stage
 *   进入阶段日期 (or the target's own date) → the target stage; stages without a date are skipped over,
 *     which the funnel counts as reached with the move that skipped them
 *   for 暂缓 / 终止: the stage left as above, then → on_hold / dropped on 进入阶段日期
 *
 * Stages from land_delivered on need their date (as the stage machine asks for evidence); dates must not go
 * backwards and not lie in the future. Issues name the ledger field at fault.
 */

export interface LedgerHistoryInput {
  stage: Stage;
  previousStage: Stage | null;
  stageEnteredAt: string | null;
  createdAt: string | null;
  landDeliveredOn: string | null;
  constructionStartedOn: string | null;
  productionStartedOn: string | null;
}

export interface LedgerMove {
  from: Stage | null;
  to: Stage;
  /** `YYYY-MM-DD`: the move happens at the start of that day in the park's time zone. */
  on: string;
  /** The ledger field the date came from. */
  field: string;
}

const DATED: [PipelineStage, StageDateField][] = (Object.entries(STAGE_DATE_FIELDS) as [PipelineStage, StageDateField][])
  .sort(([a], [b]) => stageIndex(a) - stageIndex(b));

export function planLedgerHistory(input: LedgerHistoryInput, today: string): LedgerMove[] | FieldIssue[] {
  const offPath = isOffPathStage(input.stage);
  const path = (offPath ? input.previousStage : input.stage) as PipelineStage;
  const level = stageIndex(path);
  const issues: FieldIssue[] = [];

  for (const [stage, field] of DATED) {
    if (stageIndex(stage) <= level && !input[field]) {
      issues.push({ field, message: `“${STAGE_LABELS[path].zh}”阶段的项目须填写${LABELS[field]}` });
    }
  }
  for (const field of ['stageEnteredAt', 'createdAt', ...DATED.map(([, f]) => f)] as const) {
    const value = input[field];
    if (value && value > today) issues.push({ field, message: `${LABELS[field]}不能晚于今天（${today}）` });
  }
  if (issues.length) return issues;

  const known = [input.createdAt, ...DATED.filter(([s]) => stageIndex(s) <= level).map(([, f]) => input[f]), input.stageEnteredAt]
    .filter((d): d is string => !!d);
  const created = input.createdAt ?? ([...known].sort()[0] ?? today);
  const moves: LedgerMove[] = [{ from: null, to: 'intention', on: created, field: 'createdAt' }];
  const push = (to: Stage, on: string, field: string) => moves.push({ from: moves[moves.length - 1].to, to, on, field });

  for (const [stage, field] of DATED) {
    if (stageIndex(stage) < level && input[field]) push(stage, input[field]!, field);
  }
  if (path !== 'intention') {
    const ownField = STAGE_DATE_FIELDS[path];
    const ownDate = ownField ? input[ownField] : null;
    const last = moves[moves.length - 1].on;
    if (!offPath && input.stageEnteredAt) push(path, input.stageEnteredAt, 'stageEnteredAt');
    else if (ownDate) push(path, ownDate, ownField!);
    else push(path, last, offPath ? 'previousStage' : 'stageEnteredAt');
  }
  if (offPath) push(input.stage, input.stageEnteredAt ?? moves[moves.length - 1].on, 'stageEnteredAt');

  for (let i = 1; i < moves.length; i++) {
    if (moves[i].on < moves[i - 1].on) {
      issues.push({
        field: moves[i].field,
        message: `${LABELS[moves[i].field] ?? '日期'}（${moves[i].on}）早于${LABELS[moves[i - 1].field] ?? '前一阶段日期'}（${moves[i - 1].on}）`,
      });
    }
  }
  return issues.length ? issues : moves;
}

export function isIssueList(plan: LedgerMove[] | FieldIssue[]): plan is FieldIssue[] {
  return plan.length > 0 && !('to' in plan[0]);
}

const LABELS: Record<string, string> = {
  stageEnteredAt: '进入阶段日期',
  createdAt: '录入日期',
  landDeliveredOn: '供地日期',
  constructionStartedOn: '开工日期',
  productionStartedOn: '投产日期',
  previousStage: '暂缓/终止前阶段日期',
};
