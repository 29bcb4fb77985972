import { ActionGroup, Button, FieldSet, Grid, Heading, Paragraph } from '@amsterdam/design-system-react';
import { type FormEvent, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { SearchPage as SearchResult } from '../api/types';
import { useUser } from '../auth/session';
import { CheckboxField, DateField, SelectField, TextField } from '../components/fields';
import { HouseholdTable } from '../components/households';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary, ProblemAlert, splitFieldErrors } from '../components/problems';
import { Empty, Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { normalisePostcode, plural } from '../lib/format';
import { recall, remember } from '../lib/memory';
import { useReference } from '../lib/reference';
import { toApiError } from '../lib/use-resource';

interface Criteria {
  name: string;
  birthDate: string;
  bsn: string;
  postcode: string;
  houseNumber: string;
  street: string;
  municipalityId: string;
  status: string;
  mine: boolean;
}

const EMPTY: Criteria = {
  name: '',
  birthDate: '',
  bsn: '',
  postcode: '',
  houseNumber: '',
  street: '',
  municipalityId: '',
  status: 'active',
  mine: false,
};

const FIELD_LABELS: Record<keyof Criteria, string> = {
  name: 'Naam',
  birthDate: 'Geboortedatum',
  bsn: 'BSN',
  postcode: 'Postcode',
  houseNumber: 'Huisnummer',
  street: 'Straat',
  municipalityId: 'Gemeente',
  status: 'Status',
  mine: 'Alleen huishoudens waar ik in het casusteam zit',
};

const PAGE_SIZE = 20;
const MEMORY_KEY = 'search';

interface Remembered {
  criteria: Criteria;
  result: SearchResult | null;
}

/** Search households (POSTed, so a BSN or name never lands in a URL or a log). */
export function SearchPage() {
  const user = useUser();
  const reference = useReference();
  const announce = useAnnounce();
  const remembered = recall<Remembered>(MEMORY_KEY);
  const [criteria, setCriteria] = useState<Criteria>(remembered?.criteria ?? EMPTY);
  const [result, setResult] = useState<SearchResult | null>(remembered?.result ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof Criteria, string>>>({});
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const set =
    <K extends keyof Criteria>(key: K) =>
    (value: Criteria[K]) =>
      setCriteria((c) => ({ ...c, [key]: value }));

  const search = async (page: number) => {
    const problems: Partial<Record<keyof Criteria, string>> = {};
    if (criteria.name && criteria.name.trim().length < 2) problems.name = 'Vul minstens 2 letters in.';
    if (criteria.bsn && !/^\d{9}$/.test(criteria.bsn.trim())) problems.bsn = 'Een BSN heeft 9 cijfers.';
    if (criteria.postcode && !/^\d{4}\s?[A-Za-z]{2}$/.test(criteria.postcode.trim()))
      problems.postcode = 'Vul een postcode in als 1234 AB.';
    if (criteria.street && criteria.street.trim().length < 2) problems.street = 'Vul minstens 2 letters in.';
    setLocalErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    const body: Record<string, unknown> = { page, pageSize: PAGE_SIZE };
    if (criteria.name.trim()) body.name = criteria.name.trim();
    if (criteria.birthDate) body.birthDate = criteria.birthDate;
    if (criteria.bsn.trim()) body.bsn = criteria.bsn.trim();
    if (criteria.postcode.trim()) body.postcode = normalisePostcode(criteria.postcode);
    if (criteria.houseNumber.trim()) body.houseNumber = criteria.houseNumber.trim();
    if (criteria.street.trim()) body.street = criteria.street.trim();
    if (criteria.municipalityId) body.municipalityId = criteria.municipalityId;
    if (criteria.status) body.status = criteria.status;
    if (criteria.mine) body.mine = true;
    try {
      const found = await api.post<SearchResult>('/households/search', body);
      setResult(found);
      remember<Remembered>(MEMORY_KEY, { criteria, result: found });
      announce(
        found.total === 0
          ? 'Geen huishoudens gevonden.'
          : `${plural(found.total, 'huishouden', 'huishoudens')} gevonden, pagina ${found.page} van ${pages(found)}.`,
      );
      resultsHeading.current?.focus();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(1);
  };

  const { fields: apiFieldErrors, other } = splitFieldErrors(error, (f) => f in FIELD_LABELS);
  const fieldErrors: Partial<Record<keyof Criteria, string>> = { ...apiFieldErrors, ...localErrors };
  const summary = (Object.keys(fieldErrors) as (keyof Criteria)[]).map((key) => ({
    id: `#search-${key}`,
    label: `${FIELD_LABELS[key]}: ${fieldErrors[key]}`,
  }));
  const municipalities = reference.municipalities.filter((m) => user.municipalityIds.includes(m.id));

  return (
    <Grid paddingVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Huishouden zoeken</PageHeading>
        <Paragraph>
          U vindt alle huishoudens in uw gemeenten. Zit u niet in het casusteam, dan ziet u alleen de
          verwijsindex: adres, wijk, betrokken pijlers en wie de regisseur is. Zoeken op BSN wordt vastgelegd.
        </Paragraph>
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 4 }}>
        <form onSubmit={submit} noValidate className="gp-form" aria-label="Zoeken naar een huishouden">
          <ErrorSummary errors={summary} />
          <FieldSet legend="Persoon">
            <TextField
              id="search-name"
              label="Naam"
              hint="Voornaam of achternaam, of een deel ervan"
              optional
              value={criteria.name}
              onChange={set('name')}
              error={fieldErrors.name}
            />
            <DateField
              id="search-birthDate"
              label="Geboortedatum"
              optional
              value={criteria.birthDate}
              onChange={set('birthDate')}
              error={fieldErrors.birthDate}
            />
            <TextField
              id="search-bsn"
              label="BSN"
              inputMode="numeric"
              autoComplete="off"
              maxLength={9}
              optional
              value={criteria.bsn}
              onChange={set('bsn')}
              error={fieldErrors.bsn}
            />
          </FieldSet>
          <FieldSet legend="Adres">
            <TextField
              id="search-postcode"
              label="Postcode"
              autoComplete="off"
              maxLength={7}
              optional
              value={criteria.postcode}
              onChange={set('postcode')}
              error={fieldErrors.postcode}
            />
            <TextField
              id="search-houseNumber"
              label="Huisnummer"
              autoComplete="off"
              optional
              value={criteria.houseNumber}
              onChange={set('houseNumber')}
              error={fieldErrors.houseNumber}
            />
            <TextField
              id="search-street"
              label="Straat"
              autoComplete="off"
              optional
              value={criteria.street}
              onChange={set('street')}
              error={fieldErrors.street}
            />
            <SelectField
              id="search-municipalityId"
              label="Gemeente"
              optional
              placeholder="Al mijn gemeenten"
              value={criteria.municipalityId}
              onChange={set('municipalityId')}
              options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
              error={fieldErrors.municipalityId}
            />
            <SelectField
              id="search-status"
              label="Status"
              value={criteria.status}
              onChange={set('status')}
              options={[
                { value: 'active', label: 'Actief' },
                { value: 'closed', label: 'Afgesloten' },
                { value: '', label: 'Actief en afgesloten' },
              ]}
            />
          </FieldSet>
          <CheckboxField
            id="search-mine"
            label={FIELD_LABELS.mine}
            checked={criteria.mine}
            onChange={set('mine')}
          />
          <ActionGroup>
            <Button type="submit" disabled={busy}>
              Zoeken
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setCriteria(EMPTY);
                setResult(null);
                setError(null);
                setLocalErrors({});
                remember<Remembered>(MEMORY_KEY, { criteria: EMPTY, result: null });
              }}
            >
              Wissen
            </Button>
          </ActionGroup>
        </form>
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <section aria-labelledby="results-heading" className="gp-results">
          <Heading level={2} size="level-3" id="results-heading" ref={resultsHeading} tabIndex={-1}>
            {result ? `Resultaten (${result.total})` : 'Resultaten'}
          </Heading>
          {error && <ProblemAlert error={error} otherErrors={other} />}
          {busy && <Loading>Bezig met zoeken…</Loading>}
          {!busy && !result && !error && <Empty>Vul een of meer zoekvelden in en kies Zoeken.</Empty>}
          {!busy && result && result.total === 0 && (
            <Empty>Geen huishoudens gevonden. Controleer de spelling of zoek met minder gegevens.</Empty>
          )}
          {!busy && result && result.items.length > 0 && (
            <>
              <HouseholdTable households={result.items} caption="Gevonden huishoudens" />
              {pages(result) > 1 && (
                <nav aria-label="Paginering" className="gp-pagination">
                  <Button
                    variant="secondary"
                    disabled={result.page <= 1}
                    onClick={() => void search(result.page - 1)}
                  >
                    Vorige
                  </Button>
                  <span>
                    Pagina {result.page} van {pages(result)}
                  </span>
                  <Button
                    variant="secondary"
                    disabled={result.page >= pages(result)}
                    onClick={() => void search(result.page + 1)}
                  >
                    Volgende
                  </Button>
                </nav>
              )}
            </>
          )}
        </section>
      </Grid.Cell>
    </Grid>
  );
}

function pages(result: SearchResult) {
  return Math.max(1, Math.ceil(result.total / result.pageSize));
}
