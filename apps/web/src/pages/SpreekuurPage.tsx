import { Grid, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api } from '../api/client';
import { useUser } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { Empty, Loading } from '../components/status';
import { formatDate } from '../lib/format';
import { CONTACT_REFERRAL_LABELS, TOPIC_LABELS } from '../lib/outreach-labels';
import { labelOf } from '../lib/labels';
import { canLogSpreekuur } from '../lib/permissions';
import { useResource } from '../lib/use-resource';
import { ContactForm, type MyLocation } from './outreach/ContactForm';

interface ContactRow {
  id: string;
  wijkservicepunt: { name: string };
  contactAt: string;
  topics: string[];
  anonymous: boolean;
  referral: { to: string } | null;
  followUpOn: string | null;
}

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });

/** The financial coach at the spreekuur: log a contact fast, and see the contacts logged lately. */
export function SpreekuurPage() {
  const user = useUser();
  if (!canLogSpreekuur(user)) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Spreekuur</PageHeading>
          <Paragraph>Spreekuurcontacten worden vastgelegd door financieel coaches.</Paragraph>
        </Grid.Cell>
      </Grid>
    );
  }
  return <SpreekuurPageContent />;
}

/** Loads only for a user who may see it: no request that would end in a 403. */
function SpreekuurPageContent() {
  const [saved, setSaved] = useState(0);
  const locations = useResource(
    (signal) => api.get<MyLocation[]>('/outreach/spreekuur/my-locations', { signal }),
    [],
  );
  const recent = useResource(
    (signal) =>
      api.get<{ items: ContactRow[]; total: number }>('/outreach/spreekuur/contacts?mine=true&pageSize=10', {
        signal,
      }),
    [saved],
  );

  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Spreekuur</PageHeading>
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 7 }}>
        {locations.state === 'loading' && <Loading>Uw spreekuurlocaties worden geladen…</Loading>}
        {locations.state === 'error' && <ProblemAlert error={locations.error} />}
        {locations.state === 'ready' && locations.data.length === 0 && (
          <Empty>
            U heeft nog geen spreekuurlocatie. Vraag de functioneel beheerder om u aan een wijkservicepunt te
            koppelen.
          </Empty>
        )}
        {locations.state === 'ready' && locations.data.length > 0 && (
          <ContactForm key={saved} locations={locations.data} onSaved={() => setSaved((n) => n + 1)} />
        )}
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 5 }}>
        <section aria-labelledby="recent-heading" className="gp-section" data-testid="recent-contacts">
          <Heading level={2} size="level-3" id="recent-heading">
            Mijn laatste contacten
          </Heading>
          {recent.state === 'loading' && !recent.data && <Loading>De contacten worden geladen…</Loading>}
          {recent.state === 'error' && <ProblemAlert error={recent.error} headingLevel={3} />}
          {recent.data && recent.data.items.length === 0 && (
            <Empty>U heeft nog geen contacten vastgelegd.</Empty>
          )}
          {recent.data && recent.data.items.length > 0 && (
            <Table className="gp-table">
              <Table.Caption className="ams-visually-hidden">Mijn laatste spreekuurcontacten</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Wanneer</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Onderwerpen</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Bezoeker</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {recent.data.items.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      {formatDate(c.contactAt)} {time(c.contactAt)}
                      <div className="gp-muted">{c.wijkservicepunt.name}</div>
                    </Table.Cell>
                    <Table.Cell>
                      {c.topics.map((t) => labelOf(TOPIC_LABELS, t)).join(', ')}
                      {c.referral && (
                        <div className="gp-muted">
                          Verwezen naar {labelOf(CONTACT_REFERRAL_LABELS, c.referral.to)}
                        </div>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {c.anonymous ? 'Anoniem' : 'Gekoppeld'}
                      {c.followUpOn && <div className="gp-muted">Opvolgen {formatDate(c.followUpOn)}</div>}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      </Grid.Cell>
    </Grid>
  );
}
