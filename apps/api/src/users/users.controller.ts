import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserNamesQueryDto } from './dto/user.dto';
import { UserPage, UserRefList, UserView } from './user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新建用户 / Create a user (admin)' })
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, body);
  }

  @Get()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: '用户列表 / List users (admins; managers read them to assign work)' })
  @ApiOkResponse({ type: UserPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Get('names')
  @ApiOperation({
    summary: '用户姓名 / Display names of the people the caller’s records may name',
    description: 'Any signed-in user: `{id, displayName}` of the users of the caller’s park subtree and of the parks above it (a bureau’s '
      + 'managers and leaders hold records of its parks); nothing else of them. Ids of other users (a sibling park’s) are left out; admins: every user.',
  })
  @ApiOkResponse({ type: UserRefList })
  async names(@CurrentActor() actor: Actor, @Query() query: UserNamesQueryDto): Promise<UserRefList> {
    return { items: await this.users.names(actor, query.ids) };
  }

  @Get(':id')
  @ApiOperation({ summary: '用户 / One user of the caller’s parks' })
  @ApiOkResponse({ type: UserView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<UserView> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: '修改或停用用户 / Update or disable (active: false) a user (admin)' })
  @ApiOkResponse({ type: UserView })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(actor, id, body);
  }
}
