import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Company, Contact, Park, Project } from '@zs/db';
import { DictionariesModule } from '../dictionaries/dictionaries.module';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Company, Contact, Park, Project]), DictionariesModule],
  controllers: [CompaniesController, ContactsController],
  providers: [CompaniesService, ContactsService],
  exports: [CompaniesService, ContactsService],
})
export class CompaniesModule {}
