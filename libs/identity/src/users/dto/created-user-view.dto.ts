import { ApiProperty } from '@nestjs/swagger';
import { UserView } from './user-view.dto';

/** A new account without case access: the one-time password is shown here once and stored nowhere. */
export class CreatedUserView extends UserView {
  @ApiProperty({
    description: 'Eenmalig wachtwoord; de gebruiker kiest bij de eerste keer inloggen een eigen',
  })
  oneTimePassword: string;
  @ApiProperty({ type: String, format: 'date-time' }) oneTimePasswordExpiresAt: string;
}
