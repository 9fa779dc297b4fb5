import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BLOCKER_CATEGORIES, BLOCKER_CATEGORY_LABELS, type BlockerCategory, type Language } from '@zs/domain';
import type { Blocker } from '@zs/db';
import { BLOCKER_STATUSES, type BlockerStatus } from './dto/blocker.dto';

/** A problem holding a project back (问题/困难) as the API shows it. */
export class BlockerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: BLOCKER_CATEGORIES }) category: BlockerCategory;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: BLOCKER_STATUSES, description: 'open, overdue (unresolved past dueOn) or resolved' }) status: BlockerStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) resolvedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class BlockerPage {
  @ApiProperty({ type: [BlockerView] }) items: BlockerView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class BlockerCategoryView {
  @ApiProperty({ enum: BLOCKER_CATEGORIES }) key: BlockerCategory;
  @ApiProperty({ description: 'in the request’s language' }) label: string;
}

export class BlockerCategoryList {
  @ApiProperty({ type: [BlockerCategoryView] }) items: BlockerCategoryView[];
}

export function blockerCategories(language: Language): BlockerCategoryList {
  return { items: BLOCKER_CATEGORIES.map((key) => ({ key, label: BLOCKER_CATEGORY_LABELS[key][language] })) };
}

/** `today` is the park's calendar date (`YYYY-MM-DD`): a blocker due before it and unresolved is overdue. */
export function toBlockerView(b: Blocker, today: string): BlockerView {
  return {
    id: b.id,
    projectId: b.projectId,
    category: b.category as BlockerCategory,
    description: b.description,
    ownerId: b.ownerId,
    dueOn: b.dueOn,
    status: b.resolvedAt ? 'resolved' : b.dueOn < today ? 'overdue' : 'open',
    resolvedAt: b.resolvedAt,
    resolution: b.resolution,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    deletedAt: b.deletedAt,
    version: b.version,
  };
}
