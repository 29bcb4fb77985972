import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { normalisedEmail } from '../../users/dto/normalised-email';

export class LoginDto {
  @ApiProperty({ example: 'consulent.wmo@demo.gezinsplan.nl' })
  @Transform(normalisedEmail)
  @IsEmail({}, { message: 'email is geen geldig e-mailadres' })
  @MaxLength(254, { message: 'email is te lang' })
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString({ message: 'password is verplicht' })
  @MinLength(1, { message: 'password is verplicht' })
  @MaxLength(256, { message: 'password is te lang' })
  password: string;
}
