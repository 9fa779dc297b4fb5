import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { DictionaryKind } from '@zs/db';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { DictionariesService } from './dictionaries.service';
import { DICTIONARY_KINDS, DictionaryKindPipe } from './dictionary-kind.pipe';
import { DictionariesView, DictionaryEntryList, DictionaryEntryView } from './dictionary.view';
import { CreateDictionaryEntryDto, DictionariesQueryDto, UpdateDictionaryEntryDto } from './dto/dictionary.dto';
import { RequestLanguage, type Language } from './language';

@ApiTags('dictionaries')
@ApiBearerAuth()
@Controller('dictionaries')
export class DictionariesController {
  constructor(private readonly dictionaries: DictionariesService) {}

  @Get()
  @ApiOperation({ summary: '字典（产业类别、招商方式、来源地区）/ Dictionaries, labelled in the request’s language' })
  @ApiOkResponse({ type: DictionariesView })
  all(@Query() query: DictionariesQueryDto, @RequestLanguage() language: Language): Promise<DictionariesView> {
    return this.dictionaries.dictionaries(language, query.includeRetired ?? false);
  }

  @Get(':kind')
  @ApiOperation({ summary: '字典条目（含已停用、版本号）/ Every entry of one dictionary, for editing' })
  @ApiParam({ name: 'kind', enum: DICTIONARY_KINDS })
  @ApiOkResponse({ type: DictionaryEntryList })
  async entries(@Param('kind', DictionaryKindPipe) kind: DictionaryKind): Promise<DictionaryEntryList> {
    return { items: await this.dictionaries.entriesOf(kind) };
  }

  @Post(':kind')
  @Roles('admin')
  @ApiOperation({ summary: '新增字典项 / Add an entry (admin)' })
  @ApiParam({ name: 'kind', enum: DICTIONARY_KINDS })
  @ApiCreatedResponse({ type: DictionaryEntryView })
  add(@CurrentActor() actor: Actor, @Param('kind', DictionaryKindPipe) kind: DictionaryKind, @Body() body: CreateDictionaryEntryDto): Promise<DictionaryEntryView> {
    return this.dictionaries.add(actor, kind, body);
  }

  @Patch(':kind/:key')
  @Roles('admin')
  @ApiOperation({ summary: '修改或停用字典项 / Relabel, reorder or retire an entry (admin)' })
  @ApiParam({ name: 'kind', enum: DICTIONARY_KINDS })
  @ApiOkResponse({ type: DictionaryEntryView })
  update(
    @CurrentActor() actor: Actor,
    @Param('kind', DictionaryKindPipe) kind: DictionaryKind,
    @Param('key') key: string,
    @Body() body: UpdateDictionaryEntryDto,
  ): Promise<DictionaryEntryView> {
    return this.dictionaries.update(actor, kind, key, body);
  }
}
