import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { normalisedEmail } from '../../users/dto/normalised-email';
import { NewPasswordField } from '../../users/dto/password-policy';

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

  @NewPasswordField()
  newPassword: string;
}
