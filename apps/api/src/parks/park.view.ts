import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Park } from '@zs/db';

export class ParkView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'null for the root park' }) parentId: string | null;
  @ApiProperty({ example: '/7f3c…/a1b2…/', description: 'ids from the root down to this park, "/"-separated' }) path: string;
  @ApiProperty({ description: '0 for the root park' }) depth: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
}

export class ParkPage {
  @ApiProperty({ type: [ParkView] }) items: ParkView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ParkTreeNode {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) parentId: string | null;
  @ApiProperty({ type: () => [ParkTreeNode] }) children: ParkTreeNode[];
}

export function toParkView(park: Park): ParkView {
  return {
    id: park.id,
    name: park.name,
    parentId: park.parentId,
    path: park.path,
    depth: Math.max(0, park.path.split('/').filter(Boolean).length - 1),
    createdAt: park.createdAt,
    updatedAt: park.updatedAt,
    version: park.version,
    deletedAt: park.deletedAt,
  };
}
