import { Badge, Grid, Heading, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api } from '../api/client';
import { useUser } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { formatDate, formatEuro, formatPostcode } from '../lib/format';
import { labelOf } from '../lib/labels';
import { CREDITOR_TYPE_LABELS, OUTCOME_LABELS, WGS_CLOCK_LABELS } from '../lib/outreach-labels';
import { canWorkSignals } from '../lib/permissions';
import { type PageOf, usePagedList } from '../lib/use-paged-list';
import { SignalUpload } from './outreach/SignalUpload';

export interface SignalRow {
  id: string;
  reference: string;
  priority: number;
  priorityLabel: string;
  multiple: boolean;
  repeated: boolean;
  threatening: boolean;
  creditorType: string;
  creditor: string;
  arrearsCents: number;
  arrearsMonths: number;
  receivedOn: string;
  address: {
    street: string | null;
    houseNumber: number;
    houseNumberAddition: string | null;
    postcode: string;
  };
  attempts: number;
  outcome: string | null;
  wgsClock: { status: string; dueOn: string } | null;
}

export const signalAddress = (a: SignalRow['address']) =>
  `${a.street ?? formatPostcode(a.postcode)} ${a.houseNumber}${a.houseNumberAddition ?? ''}`;

const PRIORITY_COLOURS: Record<number, 'red' | 'orange' | 'azure'> = { 3: 'red', 2: 'orange', 1: 'azure' };

/** Vroegsignalering: the organisation's open signals, highest priority first, and the CSV intake. */
export function SignalsPage() {
  const user = useUser();
  if (!canWorkSignals(user)) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Vroegsignalering</PageHeading>
          <Paragraph>De signalen worden opgevolgd door de financieel coaches en de Kredietbank.</Paragraph>
        </Grid.Cell>
      </Grid>
    );
  }
  return <SignalsPageContent />;
}

const PAGE_SIZE = 100;

/** Loads only for a user who may see it: no request that would end in a 403. */
function SignalsPageContent() {
  const [imported, setImported] = useState(0);
  const list = usePagedList(
    (page, signal) =>
      api.get<PageOf<SignalRow>>(`/outreach/signals?pageSize=${PAGE_SIZE}&page=${page}`, { signal }),
    [imported],
    { pageSize: PAGE_SIZE, keyOf: (s) => s.id },
  );
  const first = list.first;
  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Vroegsignalering</PageHeading>
      </Grid.Cell>
      <Grid.Cell span="all">
        <section aria-labelledby="signals-heading" className="gp-section" data-testid="signal-worklist">
          <Heading level={2} size="level-3" id="signals-heading">
            Open signalen{first.data ? ` (${list.total})` : ''}
          </Heading>
          {first.state === 'loading' && !first.data && <Loading>De signalen worden geladen…</Loading>}
          {first.state === 'error' && <ProblemAlert error={first.error} />}
          {first.data && list.items.length === 0 && <Empty>Er zijn geen open signalen.</Empty>}
          {list.items.length > 0 && (
            <Table className="gp-table">
              <Table.Caption className="ams-visually-hidden">
                Open signalen, hoogste prioriteit eerst, oudste eerst
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Signaal</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Prioriteit</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Schuldeiser</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Achterstand</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Opvolging</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.items.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <Link href={`/signalen/${s.id}`} linkComponent={RouterLink}>
                        {signalAddress(s.address)}
                      </Link>
                      <div className="gp-muted">
                        {s.reference}, ontvangen {formatDate(s.receivedOn)}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <Badge label={s.priorityLabel} color={PRIORITY_COLOURS[s.priority] ?? 'azure'} />
                      {(s.multiple || s.repeated) && (
                        <div className="gp-muted">
                          {[s.multiple && 'meerdere schuldeisers', s.repeated && 'herhaald']
                            .filter(Boolean)
                            .join(', ')}
                        </div>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {labelOf(CREDITOR_TYPE_LABELS, s.creditorType)}
                      <div className="gp-muted">{s.creditor}</div>
                    </Table.Cell>
                    <Table.Cell>
                      {formatEuro(s.arrearsCents)}
                      <div className="gp-muted">{s.arrearsMonths} mnd</div>
                    </Table.Cell>
                    <Table.Cell>
                      {s.outcome ? labelOf(OUTCOME_LABELS, s.outcome) : `${s.attempts} pogingen`}
                      {s.wgsClock && (
                        <div className="gp-muted">
                          Wgs-termijn: {labelOf(WGS_CLOCK_LABELS, s.wgsClock.status)} (
                          {formatDate(s.wgsClock.dueOn)})
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          <LoadMore list={list} noun="signalen" />
        </section>
      </Grid.Cell>
      <Grid.Cell span="all">
        <SignalUpload onImported={() => setImported((n) => n + 1)} />
      </Grid.Cell>
    </Grid>
  );
}
