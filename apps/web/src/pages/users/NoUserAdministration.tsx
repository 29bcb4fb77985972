import { Grid, Paragraph } from '@amsterdam/design-system-react';
import { PageHeading } from '../../components/PageHeading';

/** For anyone but the functioneel beheerder: no request that would end in a 403. */
export function NoUserAdministration() {
  return (
    <Grid paddingVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Gebruikersbeheer</PageHeading>
        <Paragraph>Gebruikers worden beheerd door de functioneel beheerder.</Paragraph>
      </Grid.Cell>
    </Grid>
  );
}
