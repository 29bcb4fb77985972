import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { NewPasswordField, PASSWORD_MAX_LENGTH } from '../../users/dto/password-policy';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword is verplicht' })
  @MinLength(1, { message: 'currentPassword is verplicht' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'currentPassword is te lang' })
  currentPassword: string;

  @NewPasswordField()
  newPassword: string;
}
