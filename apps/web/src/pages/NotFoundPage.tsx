import { Grid, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { PageHeading } from '../components/PageHeading';
import { RouterLink } from '../components/RouterLink';

export function NotFoundPage() {
  return (
    <Grid paddingVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Pagina niet gevonden</PageHeading>
        <Paragraph>
          Deze pagina bestaat niet (meer). Controleer het adres of ga naar uw werkvoorraad.
        </Paragraph>
        <StandaloneLink href="/" linkComponent={RouterLink}>
          Naar de werkvoorraad
        </StandaloneLink>
      </Grid.Cell>
    </Grid>
  );
}
