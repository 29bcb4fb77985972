import {
  ActionGroup,
  Badge,
  Button,
  Grid,
  Heading,
  Link,
  Paragraph,
  Table,
} from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api, type ApiError } from '../api/client';
import { useUser } from '../auth/session';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { saveFile } from '../lib/download';
import { formatDate, plural } from '../lib/format';
import { recall, remember } from '../lib/memory';
import { canReviewCases } from '../lib/permissions';
import { type PageOf, usePagedList } from '../lib/use-paged-list';
import { toApiError } from '../lib/use-resource';

interface CaseloadRow {
  householdId: string;
  cohort50: boolean;
  regisseur: { name: string; organisation: string } | null;
  pillars: string[];
  plan: { hasPlan: boolean; evaluationOverdue: boolean; overdueGoals: number };
  lastReviewOn: string | null;
  daysSinceReview: number | null;
  flags: { label: string }[];
  riskScore: number;
  riskComponents: { label: string; points: number }[];
}

const PAGE_SIZE = 100;

/** The teamleider's caseload (the 50-gezinnenaanpak first of all), highest risk first, and the casusboek. */
export function CaseloadPage() {
  const user = useUser();
  if (!canReviewCases(user)) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Caseload</PageHeading>
          <Paragraph>De caseload is er voor teamleiders, voor de teams die zij leiden.</Paragraph>
        </Grid.Cell>
      </Grid>
    );
  }
  return <CaseloadContent />;
}

function CaseloadContent() {
  const announce = useAnnounce();
  // The choice survives a visit to a dossier and "back" (memory only, like the search page).
  const [cohort, setCohortState] = useState(recall<boolean>('caseload:cohort') ?? true);
  const setCohort = (update: (previous: boolean) => boolean) =>
    setCohortState((previous) => {
      const next = update(previous);
      remember('caseload:cohort', next);
      return next;
    });
  const [selected, setSelected] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const list = usePagedList(
    (page, signal) =>
      api.get<PageOf<CaseloadRow>>(
        `/caseload?sort=risk&pageSize=${PAGE_SIZE}&page=${page}${cohort ? '&cohort=true' : ''}`,
        { signal },
      ),
    [cohort],
    { pageSize: PAGE_SIZE, keyOf: (row) => row.householdId },
  );
  const first = list.first;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  const exportCasusboek = async (format: 'pdf' | 'markdown') => {
    setExporting(true);
    setProblem(null);
    try {
      const { data } = await api.request<Blob>('POST', `/casusboek/${format}`, {
        body: { householdIds: selected },
        as: 'blob',
      });
      saveFile(data, format === 'pdf' ? 'casusboek.pdf' : 'casusboek.md');
      announce(
        `Het casusboek (${format === 'pdf' ? 'PDF' : 'Markdown'}) met ${plural(selected.length, 'casus', 'casussen')} is gedownload.`,
      );
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Caseload</PageHeading>
        <Paragraph>
          Hoogste risicoscore eerst. Kies casussen voor het casusboek: dat is geanonimiseerd, zonder namen,
          adressen of BSN.
        </Paragraph>
        <div className="gp-filter">
          <Button variant="secondary" aria-pressed={cohort} onClick={() => setCohort((c) => !c)}>
            {cohort ? 'Alle huishoudens van mijn teams tonen' : 'Alleen de 50-gezinnenaanpak tonen'}
          </Button>
        </div>
      </Grid.Cell>
      <Grid.Cell span="all">
        <section aria-labelledby="caseload-heading" className="gp-section" data-testid="caseload">
          <Heading level={2} size="level-3" id="caseload-heading">
            {cohort ? '50-gezinnenaanpak' : 'Huishoudens van mijn teams'}
            {first.data ? ` (${list.total})` : ''}
          </Heading>
          {first.state === 'loading' && !first.data && <Loading>De caseload wordt geladen…</Loading>}
          {first.state === 'error' && <ProblemAlert error={first.error} />}
          {first.data && list.items.length === 0 && <Empty>Er zijn geen huishoudens in deze caseload.</Empty>}
          {list.items.length > 0 && (
            <Table className="gp-table">
              <Table.Caption className="ams-visually-hidden">
                Caseload, hoogste risicoscore eerst
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Casus</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Risico</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Regisseur</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Laatst besproken</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Casusboek</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.items.map((row, index) => (
                  <Table.Row key={row.householdId} data-risk={row.riskScore}>
                    <Table.Cell>
                      <Link href={`/huishoudens/${row.householdId}`} linkComponent={RouterLink}>
                        Casus {index + 1}
                      </Link>
                      <div className="gp-muted">{row.pillars.join(', ')}</div>
                    </Table.Cell>
                    <Table.Cell>
                      <strong>{row.riskScore}</strong>
                      <ul className="gp-muted gp-compact-list">
                        {row.riskComponents
                          .filter((c) => c.points > 0)
                          .map((c) => (
                            <li key={c.label}>
                              {c.label}: {c.points}
                            </li>
                          ))}
                      </ul>
                      {row.flags.map((f) => (
                        <Badge key={f.label} label={f.label} color="orange" />
                      ))}
                    </Table.Cell>
                    <Table.Cell>
                      {row.regisseur ? `${row.regisseur.name} (${row.regisseur.organisation})` : 'Geen'}
                    </Table.Cell>
                    <Table.Cell>
                      {row.lastReviewOn ? formatDate(row.lastReviewOn) : 'Nog nooit'}
                      {row.daysSinceReview !== null && (
                        <div className="gp-muted">{row.daysSinceReview} dagen geleden</div>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <label className="gp-check">
                        <input
                          type="checkbox"
                          checked={selected.includes(row.householdId)}
                          onChange={(e) => toggle(row.householdId, e.target.checked)}
                        />{' '}
                        Casus {index + 1} opnemen
                      </label>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          <LoadMore list={list} noun="huishoudens" />
        </section>
      </Grid.Cell>
      <Grid.Cell span="all">
        {problem && <ProblemAlert error={problem} />}
        <ActionGroup>
          <Button onClick={() => void exportCasusboek('pdf')} disabled={exporting || selected.length === 0}>
            {exporting
              ? 'Het casusboek wordt gemaakt…'
              : `Casusboek exporteren (PDF, ${plural(selected.length, 'casus', 'casussen')})`}
          </Button>
          <Button
            variant="secondary"
            onClick={() => void exportCasusboek('markdown')}
            disabled={exporting || selected.length === 0}
          >
            {`Casusboek exporteren (Markdown, ${plural(selected.length, 'casus', 'casussen')})`}
          </Button>
        </ActionGroup>
        {exporting && <Loading>Het casusboek wordt gemaakt…</Loading>}
      </Grid.Cell>
    </Grid>
  );
}
