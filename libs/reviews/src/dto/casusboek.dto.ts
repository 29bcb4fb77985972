import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class CasusboekRequestDto {
  @ApiProperty({ type: [String], description: 'De huishoudens (ids) waarvan de casus in het casusboek komt' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  householdIds: string[];
}
