import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorized } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { ExportProcessingLogDto, PersonAccessesDto, SearchProcessingLogDto } from '../dto';
import { ProcessingLogService } from './processing-log.service';

/** The privacy officer's view of the processing log. Criteria are posted: a BSN never goes in a URL. */
@ApiTags('privacy: processing log')
@Controller('privacy/processing-log')
@ProcessingActivity('privacy.processing-log.search')
export class ProcessingLogController {
  constructor(private readonly log: ProcessingLogService) {}

  @Post('search')
  @HttpCode(200)
  @Authorized('read', 'ProcessingLog')
  @ApiOkResponse({
    description: 'Verwerkingen (nieuwste eerst), met wie, rol, organisatie, doel en grondslag',
  })
  search(@Body() dto: SearchProcessingLogDto) {
    return this.log.search(dto);
  }

  @Post('person-accesses')
  @HttpCode(200)
  @Authorized('read', 'ProcessingLog')
  @ApiOkResponse({
    description: 'Wie de gegevens van deze persoon (of diens huishouden) verwerkte, en waarom',
  })
  personAccesses(@Body() dto: PersonAccessesDto) {
    return this.log.personAccesses(dto);
  }

  @Get('integrity')
  @Authorized('read', 'ProcessingLog')
  @ApiOkResponse({ description: 'Controle van beide hashketens; noemt de eerste gebroken schakel' })
  verify() {
    return this.log.verifyChain();
  }

  @Post('export')
  @HttpCode(200)
  @Authorized('read', 'ProcessingLog')
  @ApiProduces('text/csv', 'application/json')
  export(@Body() dto: ExportProcessingLogDto) {
    return this.log.export(dto);
  }
}
