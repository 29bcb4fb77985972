import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/** Every field optional; `password` resets the password (and lifts a lock), `active: false` deactivates. */
export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional({ description: 'false: gedeactiveerd (kan niet meer inloggen, sessies beëindigd)' })
  @IsOptional()
  @IsBoolean({ message: 'active moet true of false zijn' })
  active?: boolean;
}
