import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../users/dto/page-query';
import { ACCOUNT_CHANGE_STATUSES, AccountChangeStatus } from '../account-changes.repository';

export class ListAccountChangesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACCOUNT_CHANGE_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(ACCOUNT_CHANGE_STATUSES, {
    message: `status is onbekend (toegestaan: ${ACCOUNT_CHANGE_STATUSES.join(', ')})`,
  })
  status: AccountChangeStatus = 'pending';
}
