import { Button, Grid, Paragraph } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { api, type ApiError } from '../api/client';
import { useUser } from '../auth/session';
import { DateField, SelectField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { saveFile } from '../lib/download';
import { today } from '../lib/format';
import { canSeeMonitor } from '../lib/permissions';
import { toApiError, useResource } from '../lib/use-resource';
import { CrossTableView } from './monitor/CrossTableView';
import { LeadTimeView } from './monitor/LeadTimeView';
import { type CrossTable, type MonitorReport, THEME_TABLES, type ThemesReport } from './monitor/types';
import './monitor/monitor.css';

const PILLARS: Record<string, string> = {
  WMO: 'Wmo',
  JEUGD: 'Jeugd',
  PARTICIPATIE: 'Participatie',
  SHV: 'Schuldhulpverlening',
  ONDERWIJS: 'Onderwijs',
};
const pillar = (p: string) => PILLARS[p] ?? p;

interface Period {
  from: string;
  to: string;
  spreekuurPer: 'month' | 'week';
}

/** The monitor's own tables in the shape of the themes' tables, so that one view shows them all. */
function monitorTables(m: MonitorReport): [string, CrossTable][] {
  return [
    [
      'pijlers',
      {
        title: 'Unieke cliënten en huishoudens per pijler',
        rowHeader: 'pijler',
        rows: m.pillars.map((p) => ({ key: p.pillar, label: pillar(p.pillar) })),
        columns: [
          { key: 'clients', label: 'unieke cliënten' },
          { key: 'households', label: 'huishoudens' },
        ],
        cells: m.pillars.map((p) => [p.clients, p.households]),
      },
    ],
    [
      'samenloop',
      {
        title: 'Samenloop: huishoudens met voorzieningen uit twee of meer pijlers',
        rowHeader: 'combinatie van pijlers',
        rows: m.samenloop.combinations.map((c) => ({
          key: c.pillars.join('+'),
          label: c.pillars.map(pillar).join(' + '),
        })),
        columns: [{ key: 'households', label: 'huishoudens' }],
        cells: m.samenloop.combinations.map((c) => [c.households]),
        columnTotals: [m.samenloop.twoOrMorePillars],
        note: `Huishoudens met een voorziening: ${String(m.samenloop.households)}; met één pijler: ${String(m.samenloop.singlePillar)}. De meest voorkomende combinaties eerst.`,
      },
    ],
    [
      'leeftijd',
      {
        title: 'Unieke cliënten per leeftijdsklasse',
        rowHeader: 'leeftijd',
        rows: m.ageBands.rows.map((r) => ({ key: r.ageBand, label: `${r.ageBand} jaar` })),
        columns: m.ageBands.pillars.map((p) => ({ key: p, label: pillar(p) })),
        cells: m.ageBands.rows.map((r) => m.ageBands.pillars.map((p) => r.clients[p])),
        columnTotals: m.ageBands.pillars.map((p) => m.ageBands.totals[p]),
      },
    ],
    [
      'wijken',
      {
        title: 'Unieke cliënten per wijk, als aandeel van de inwoners',
        rowHeader: 'wijk',
        rows: m.neighbourhoods.rows.map((r, i) => ({
          key: `${r.neighbourhood}-${i}`,
          label: r.neighbourhood,
        })),
        columns: [
          { key: 'clients', label: 'unieke cliënten' },
          { key: 'share', label: 'aandeel van de inwoners (%)' },
          { key: 'inhabitants', label: 'inwoners' },
        ],
        cells: m.neighbourhoods.rows.map((r) => [r.clients, r.sharePercent, r.inhabitants]),
      },
    ],
  ];
}

/** Aggregates only, for beleidsmedewerkers and teamleiders (DESIGN.md rule 6). */
export function MonitorPage() {
  const user = useUser();
  if (!canSeeMonitor(user)) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Monitor sociaal domein</PageHeading>
          <Paragraph>De monitor is er voor beleidsmedewerkers en teamleiders.</Paragraph>
        </Grid.Cell>
      </Grid>
    );
  }
  return <MonitorContent />;
}

function MonitorContent() {
  const announce = useAnnounce();
  const [draft, setDraft] = useState<Period>({
    from: `${today().slice(0, 4)}-01-01`,
    to: today(),
    spreekuurPer: 'month',
  });
  const [period, setPeriod] = useState<Period>(draft);
  const [csvError, setCsvError] = useState<ApiError | null>(null);
  const query = `from=${period.from}&to=${period.to}`;
  const data = useResource(
    async (signal) => {
      const [monitor, themes] = await Promise.all([
        api.get<MonitorReport>(`/reports/monitor?${query}`, { signal }),
        api.get<ThemesReport>(`/reports/monitor/themes?${query}&spreekuurPer=${period.spreekuurPer}`, {
          signal,
        }),
      ]);
      return { monitor, themes };
    },
    [query, period.spreekuurPer],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
    announce('De monitor wordt bijgewerkt…');
  };

  const download = async (path: string, filename: string) => {
    setCsvError(null);
    try {
      const { data: blob } = await api.request<Blob>('GET', `${path}?${query}&format=csv`, { as: 'blob' });
      saveFile(blob, filename);
      announce(`${filename} is gedownload.`);
    } catch (e) {
      setCsvError(toApiError(e));
    }
  };

  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Monitor sociaal domein</PageHeading>
        <Paragraph>
          Alleen totalen, nooit een persoon. Een aantal onder de 10 staat er als “&lt;10”; een “x” is een
          aantal van 10 of meer dat verborgen is, zodat een ander getal niet uit de totalen is af te leiden.
        </Paragraph>
      </Grid.Cell>
      <Grid.Cell span="all">
        <form className="gp-monitor-period" onSubmit={submit} aria-label="Periode van de monitor">
          <DateField
            id="monitor-from"
            label="Van"
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <DateField
            id="monitor-to"
            label="Tot en met"
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
          />
          <SelectField
            id="monitor-per"
            label="Spreekuurbezoek per"
            value={draft.spreekuurPer}
            onChange={(v) => setDraft({ ...draft, spreekuurPer: v === 'week' ? 'week' : 'month' })}
            options={[
              { value: 'month', label: 'maand' },
              { value: 'week', label: 'week' },
            ]}
          />
          <Button type="submit">Toon monitor</Button>
          <Button
            variant="secondary"
            type="button"
            onClick={() => void download('/reports/monitor', `monitor-${period.from}-${period.to}.csv`)}
          >
            Monitor als CSV
          </Button>
          <Button
            variant="secondary"
            type="button"
            onClick={() =>
              void download('/reports/monitor/themes', `monitor-themas-${period.from}-${period.to}.csv`)
            }
          >
            Thema’s als CSV
          </Button>
        </form>
        {csvError && <ProblemAlert error={csvError} />}
      </Grid.Cell>
      <Grid.Cell span="all">
        {data.state === 'loading' && !data.data && <Loading>De monitor wordt berekend…</Loading>}
        {data.state === 'error' && <ProblemAlert error={data.error} />}
        {data.data && (
          <div className="gp-section" data-testid="monitor-report">
            {monitorTables(data.data.monitor).map(([id, table]) => (
              <CrossTableView key={id} id={id} table={table} />
            ))}
            <LeadTimeView
              id="wmo-doorlooptijd"
              title="Doorlooptijd Wmo van melding tot beschikking (netto, zonder opschorting)"
              table={data.data.monitor.wmoLeadTime}
            />
            {THEME_TABLES.map((key) => (
              <CrossTableView key={key} id={key} table={data.data!.themes[key]} />
            ))}
            <LeadTimeView
              id="shv-eerste-gesprek"
              title="Schuldhulpverlening: dagen van melding tot eerste gesprek"
              table={data.data.themes.shvFirstContact}
            />
          </div>
        )}
      </Grid.Cell>
    </Grid>
  );
}
