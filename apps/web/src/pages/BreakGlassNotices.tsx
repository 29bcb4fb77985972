import { Badge, Grid, Heading, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { api } from '../api/client';
import { RouterLink } from '../components/RouterLink';
import { ProblemAlert } from '../components/problems';
import { Empty, Loading } from '../components/status';
import { formatDate } from '../lib/format';
import { labelOf } from '../lib/labels';
import { useResource } from '../lib/use-resource';
import { BREAK_GLASS_CATEGORIES } from './dossier/BreakGlass';

/** A break-the-glass grant of one of the teamleider's team members (GET /break-glass/grants). */
interface Grant {
  id: string;
  householdId: string;
  userName: string;
  category: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  reviewStatus: 'pending' | 'accepted' | 'questioned';
  active: boolean;
}

const CATEGORY_LABELS = Object.fromEntries(BREAK_GLASS_CATEGORIES.map((c) => [c.value, c.label]));
const REVIEW = {
  pending: { label: 'Nog niet beoordeeld', color: 'orange' },
  accepted: { label: 'Akkoord (FG)', color: 'lime' },
  questioned: { label: 'Vragen van de FG', color: 'red' },
} as const;
/** Grants of the last 30 days: what the teamleider should know about, not the whole history. */
const RECENT_DAYS = 30;
const clockTime = (iso: string) =>
  new Date(iso).toLocaleTimeString('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });
const dayOf = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/**
 * The teamleider's notice of break the glass (DESIGN.md rule 8): which of their team members opened a
 * dossier outside their case teams, why, and what the privacy officer made of it.
 */
export function BreakGlassNotices() {
  const grants = useResource(async (signal) => {
    const all = await api.get<Grant[]>('/break-glass/grants', { signal });
    const since = Date.now() - RECENT_DAYS * 86_400_000;
    return all.filter((g) => g.active || Date.parse(g.grantedAt) >= since);
  }, []);
  const recent = grants.data ?? [];
  return (
    <Grid.Cell span="all">
      <section aria-labelledby="break-glass-heading" className="gp-section" data-testid="break-glass-notices">
        <Heading level={2} size="level-3" id="break-glass-heading">
          Noodtoegang door uw teamleden{grants.state === 'ready' ? ` (${recent.length})` : ''}
        </Heading>
        <Paragraph size="small">
          Dossiers die uw teamleden met noodtoegang openden, buiten hun eigen casusteams. De functionaris
          gegevensbescherming beoordeelt elke noodtoegang; hier staan die van de laatste {RECENT_DAYS} dagen.
        </Paragraph>
        {grants.state === 'loading' && <Loading />}
        {grants.state === 'error' && <ProblemAlert error={grants.error} />}
        {grants.state === 'ready' && recent.length === 0 && <Empty>Geen noodtoegang in deze periode.</Empty>}
        {grants.state === 'ready' && recent.length > 0 && (
          <Table className="gp-table">
            <Table.Caption className="ams-visually-hidden">Noodtoegang door uw teamleden</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Wanneer</Table.HeaderCell>
                <Table.HeaderCell scope="col">Teamlid</Table.HeaderCell>
                <Table.HeaderCell scope="col">Waarom</Table.HeaderCell>
                <Table.HeaderCell scope="col">Huishouden</Table.HeaderCell>
                <Table.HeaderCell scope="col">Beoordeling</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {recent.map((g) => (
                <Table.Row key={g.id}>
                  <Table.Cell>
                    {formatDate(dayOf(g.grantedAt))} {clockTime(g.grantedAt)}{' '}
                    {g.active && (
                      <Badge
                        label={`Actief tot ${formatDate(dayOf(g.expiresAt))} ${clockTime(g.expiresAt)}`}
                        color="orange"
                      />
                    )}
                  </Table.Cell>
                  <Table.Cell>{g.userName}</Table.Cell>
                  <Table.Cell>
                    {labelOf(CATEGORY_LABELS, g.category)}: {g.reason}
                  </Table.Cell>
                  <Table.Cell>
                    <Link href={`/huishoudens/${g.householdId}`} linkComponent={RouterLink}>
                      Huishouden openen
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <Badge label={REVIEW[g.reviewStatus].label} color={REVIEW[g.reviewStatus].color} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </Grid.Cell>
  );
}
