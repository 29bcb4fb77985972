import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/dto/password-policy';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword is verplicht' })
  @MinLength(1, { message: 'currentPassword is verplicht' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'currentPassword is te lang' })
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'newPassword is verplicht' })
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `newPassword moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'newPassword is te lang' })
  newPassword: string;
}
