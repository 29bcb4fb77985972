import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/** Every field optional; `active: false` deactivates (a password reset is POST /users/:id/password-reset). */
export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional({ description: 'false: gedeactiveerd (kan niet meer inloggen, sessies beëindigd)' })
  @IsOptional()
  @IsBoolean({ message: 'active moet true of false zijn' })
  active?: boolean;
}
