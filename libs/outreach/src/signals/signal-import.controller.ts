import { Controller, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { DomainError, ErrorCode } from '@app/core';
import { CurrentUser } from '@app/identity';
import { ImportSignalsQuery } from './dto';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './signal-csv';
import { SignalImportService } from './signal-import.service';

/** The same limit as the text/csv body parser of the app (configure-app.ts). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

interface UploadedCsv {
  buffer: Buffer;
  size: number;
}

@ApiTags('vroegsignalering')
@Controller('outreach/signals/imports')
export class SignalImportController {
  constructor(private readonly imports: SignalImportService) {}

  @Post()
  @Authorized('create', 'Signal')
  @ProcessingActivity('outreach.signals.import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 5 } }))
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description:
      `CSV (UTF-8, kopregel, ; of , als scheidingsteken, hooguit 20 MB) als text/csv-body of als multipart-veld "file". ` +
      `Verplichte kolommen: ${REQUIRED_COLUMNS.join(', ')}; optioneel: ${OPTIONAL_COLUMNS.join(', ')}.`,
  })
  @ApiCreatedResponse({
    description: 'Het verslag per regel: accepted, duplicate of invalid (met veld en reden)',
  })
  importCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ImportSignalsQuery,
    @Req() req: Request,
    @UploadedFile() file?: UploadedCsv,
  ) {
    return this.imports.importCsv(user, csvText(req, file), query.municipalityId);
  }
}

/** The uploaded text: strictly decoded as UTF-8 (a wrong encoding is refused, never guessed). */
function csvText(req: Request, file?: UploadedCsv): string {
  if (file) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
    } catch {
      throw DomainError.invalidField(
        'file',
        'Het bestand is geen UTF-8-tekst; sla het op als CSV UTF-8 en probeer opnieuw.',
      );
    }
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'multipart/form-data')
    throw DomainError.invalidField('file', 'Voeg het CSV-bestand toe in het veld "file".');
  if (type !== 'text/csv' && type !== '') {
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      'Stuur het bestand als text/csv of multipart/form-data.',
    );
  }
  return typeof req.body === 'string' ? req.body : '';
}
