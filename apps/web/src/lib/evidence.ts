// Pure: what a refused stage move (409) asks for, so that the kanban can open the form that supplies it.
import type { ErrorBody, AgreementKind, PipelineStage, Stage } from '../api/types';
import { AGREEMENT_KINDS, PIPELINE_STAGES } from '../api/types';

export type EvidenceDate = 'landDeliveredOn' | 'constructionStartedOn' | 'productionStartedOn';
const DATE_FIELDS: readonly EvidenceDate[] = ['landDeliveredOn', 'constructionStartedOn', 'productionStartedOn'];
const CONTRACT_KINDS: AgreementKind[] = ['investment', 'land_transfer'];

export interface MissingEvidence {
  /** An agreement record is missing: the kinds that would count (a contract needs investment or land transfer). */
  agreementKinds: AgreementKind[] | null;
  /** Project dates that are missing, in pipeline order. */
  dates: EvidenceDate[];
  /** The API's messages, to show above the form. */
  messages: string[];
}

/**
 * Reads a 409 of `POST /api/projects/:id/transitions`: null when it is not about missing evidence (an
 * illegal move, a stale version), else what to ask the user for.
 */
export function missingEvidence(body: ErrorBody, to: Stage): MissingEvidence | null {
  if (body.statusCode !== 409 || !body.details?.length) return null;
  const fields = new Set(body.details.map((d) => d.field));
  const needsAgreement = fields.has('agreement');
  const dates = DATE_FIELDS.filter((field) => fields.has(field));
  if (!needsAgreement && dates.length === 0) return null;
  const toIndex = (PIPELINE_STAGES as readonly string[]).indexOf(to);
  const contractIndex = PIPELINE_STAGES.indexOf('contract' satisfies PipelineStage);
  return {
    agreementKinds: needsAgreement ? (toIndex >= contractIndex ? CONTRACT_KINDS : [...AGREEMENT_KINDS]) : null,
    dates,
    messages: body.details.map((d) => d.message),
  };
}
