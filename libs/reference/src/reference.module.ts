import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Municipality, Neighbourhood, Organisation, Team, Wijkservicepunt } from './entities';
import { GeographyController } from './geography.controller';
import { OrganisationsController } from './organisations.controller';
import { ReferenceAdminService } from './reference-admin.service';
import { ReferenceService } from './reference.service';

@Module({
  imports: [TypeOrmModule.forFeature([Municipality, Neighbourhood, Wijkservicepunt, Organisation, Team])],
  controllers: [GeographyController, OrganisationsController],
  providers: [ReferenceService, ReferenceAdminService],
  exports: [ReferenceService],
})
export class ReferenceModule {}
