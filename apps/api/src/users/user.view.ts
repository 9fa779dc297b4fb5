import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@zs/domain';
import type { User } from '@zs/db';

/** A user as the API shows it: never the password hash. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) mobile: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) managerId: string | null;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty() active: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) disabledAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserView }) user: UserView;
}

/** Who a record names (owner, leader, assignee, reporter …): the display name and nothing else of the user. */
export class UserRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class UserRefList {
  @ApiProperty({ type: [UserRef], description: 'the ids asked for that the caller may name; the others are left out' }) items: UserRef[];
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items: UserView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    email: user.email,
    mobile: user.mobile,
    managerId: user.managerId,
    parkId: user.parkId,
    active: !user.disabledAt,
    disabledAt: user.disabledAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    version: user.version,
  };
}
