import { DescriptionList, Grid, Heading, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { formatDate, formatEuro } from '../lib/format';
import { labelOf } from '../lib/labels';
import {
  ATTEMPT_KIND_LABELS,
  CREDITOR_TYPE_LABELS,
  OUTCOME_LABELS,
  WGS_CLOCK_LABELS,
} from '../lib/outreach-labels';
import { useResource } from '../lib/use-resource';
import { AttemptForm, OutcomeForm } from './outreach/SignalFollowUp';
import { signalAddress, type SignalRow } from './SignalsPage';

type Loaded = Omit<SignalRow, 'attempts'> & {
  outcomeOn: string | null;
  attempts: { id: string; kind: string; attemptedOn: string; reached: boolean; note: string | null }[];
  sameAddress: { id: string; creditor: string; receivedOn: string }[];
};

/** One vroegsignalering signal: what the creditor reported, the outreach attempts and the outcome. */
export function SignalPage() {
  const { id = '' } = useParams();
  const signal = useResource((s) => api.get<Loaded>(`/outreach/signals/${id}`, { signal: s }), [id]);
  const back = (
    <StandaloneLink href="/signalen" linkComponent={RouterLink}>
      Terug naar de signalen
    </StandaloneLink>
  );
  if (!signal.data) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Signaal</PageHeading>
          {signal.state === 'error' ? (
            <ProblemAlert error={signal.error} />
          ) : (
            <Loading>Het signaal wordt geladen…</Loading>
          )}
          {back}
        </Grid.Cell>
      </Grid>
    );
  }
  const s = signal.data;
  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading title={`Signaal ${s.reference}`}>Signaal {signalAddress(s.address)}</PageHeading>
        {back}
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 6 }}>
        <section aria-labelledby="signal-heading" className="gp-section">
          <Heading level={2} size="level-3" id="signal-heading">
            Melding van de schuldeiser
          </Heading>
          <DescriptionList termsWidth="medium" className="gp-dl">
            <DescriptionList.Term>Schuldeiser</DescriptionList.Term>
            <DescriptionList.Description>
              {labelOf(CREDITOR_TYPE_LABELS, s.creditorType)}: {s.creditor}
            </DescriptionList.Description>
            <DescriptionList.Term>Achterstand</DescriptionList.Term>
            <DescriptionList.Description>
              {formatEuro(s.arrearsCents)} over {s.arrearsMonths} maanden
            </DescriptionList.Description>
            <DescriptionList.Term>Ontvangen</DescriptionList.Term>
            <DescriptionList.Description>{formatDate(s.receivedOn)}</DescriptionList.Description>
            <DescriptionList.Term>Prioriteit</DescriptionList.Term>
            <DescriptionList.Description>
              {s.priorityLabel}
              {s.threatening && ' (dreigende situatie)'}
            </DescriptionList.Description>
            <DescriptionList.Term>Uitkomst</DescriptionList.Term>
            <DescriptionList.Description data-testid="signal-outcome">
              {s.outcome ? `${labelOf(OUTCOME_LABELS, s.outcome)} op ${formatDate(s.outcomeOn)}` : 'Nog geen'}
            </DescriptionList.Description>
            {s.wgsClock && (
              <>
                <DescriptionList.Term>Wgs-termijn eerste gesprek</DescriptionList.Term>
                <DescriptionList.Description>
                  {labelOf(WGS_CLOCK_LABELS, s.wgsClock.status)}, uiterlijk {formatDate(s.wgsClock.dueOn)}
                </DescriptionList.Description>
              </>
            )}
          </DescriptionList>
          {s.sameAddress.length > 0 && (
            <p className="gp-muted">
              Ook op dit adres:{' '}
              {s.sameAddress.map((o) => `${o.creditor} (${formatDate(o.receivedOn)})`).join(', ')}
            </p>
          )}
        </section>
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 6 }}>
        <section aria-labelledby="attempts-heading" className="gp-section" data-testid="signal-attempts">
          <Heading level={2} size="level-3" id="attempts-heading">
            Contactpogingen ({s.attempts.length})
          </Heading>
          {s.attempts.length === 0 ? (
            <Empty>Er is nog geen contact gezocht.</Empty>
          ) : (
            <Table className="gp-table">
              <Table.Caption className="ams-visually-hidden">Contactpogingen, oudste eerst</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Datum</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Hoe</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Bereikt</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {s.attempts.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.Cell>{formatDate(a.attemptedOn)}</Table.Cell>
                    <Table.Cell>
                      {labelOf(ATTEMPT_KIND_LABELS, a.kind)}
                      {a.note && <div className="gp-muted">{a.note}</div>}
                    </Table.Cell>
                    <Table.Cell>{a.reached ? 'Ja' : 'Nee'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          <AttemptForm signalId={s.id} receivedOn={s.receivedOn} onSaved={signal.reload} />
        </section>
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 6 }}>
        <OutcomeForm
          signalId={s.id}
          attempts={s.attempts.length}
          current={s.outcome}
          onSaved={signal.reload}
        />
      </Grid.Cell>
    </Grid>
  );
}
