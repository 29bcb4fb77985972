import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { normalisedEmail } from '../../users/dto/normalised-email';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/dto/password-policy';

/** The one use of a one-time password: choosing one's own password (and so logging in). */
export class FirstPasswordDto {
  @ApiProperty({ example: 'consulent.wmo@demo.gezinsplan.nl' })
  @Transform(normalisedEmail)
  @IsEmail({}, { message: 'email is geen geldig e-mailadres' })
  @MaxLength(254, { message: 'email is te lang' })
  email: string;

  @ApiProperty({ format: 'password', description: 'Het eenmalige wachtwoord van de functioneel beheerder' })
  @IsString({ message: 'oneTimePassword is verplicht' })
  @MinLength(1, { message: 'oneTimePassword is verplicht' })
  @MaxLength(256, { message: 'oneTimePassword is te lang' })
  oneTimePassword: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'newPassword is verplicht' })
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `newPassword moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'newPassword is te lang' })
  newPassword: string;
}
