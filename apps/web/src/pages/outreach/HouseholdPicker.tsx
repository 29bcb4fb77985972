import { Button, Paragraph } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Household, SearchPage } from '../../api/types';
import { TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/problems';
import { Empty } from '../../components/status';
import { fullAddress, normalisePostcode } from '../../lib/format';
import { toApiError } from '../../lib/use-resource';
import type { ApiError } from '../../api/client';

/**
 * Finds a household by postcode and house number (the verwijsindex: every professional of the
 * municipality may see that it exists) and picks one. No names or BSN are needed at the counter.
 */
export function HouseholdPicker({
  picked,
  onPick,
  error,
}: {
  picked: Pick<Household, 'id' | 'street' | 'houseNumber' | 'postcode' | 'city'> | null;
  onPick: (household: Household | null) => void;
  error?: string;
}) {
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [results, setResults] = useState<Household[] | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (picked) {
    return (
      <div className="gp-picked" data-testid="picked-household">
        <Paragraph>
          Gekoppeld aan <strong>{fullAddress(picked)}</strong>
        </Paragraph>
        <Button type="button" variant="tertiary" onClick={() => onPick(null)}>
          Ander huishouden kiezen
        </Button>
      </div>
    );
  }

  const search = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const page = await api.post<SearchPage>('/households/search', {
        postcode: normalisePostcode(postcode),
        ...(houseNumber.trim() ? { houseNumber: houseNumber.trim() } : {}),
        status: 'active',
        pageSize: 10,
      });
      setResults(page.items);
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gp-section" role="search" aria-label="Huishouden zoeken om te koppelen">
      {problem && <ProblemAlert error={problem} headingLevel={3} />}
      <TextField
        id="link-postcode"
        label="Postcode"
        autoComplete="off"
        size={8}
        value={postcode}
        onChange={setPostcode}
        error={error}
      />
      <TextField
        id="link-houseNumber"
        label="Huisnummer"
        optional
        inputMode="numeric"
        size={6}
        value={houseNumber}
        onChange={setHouseNumber}
      />
      <Button type="button" variant="secondary" onClick={() => void search()} disabled={busy}>
        {busy ? 'Bezig met zoeken…' : 'Huishouden zoeken'}
      </Button>
      {results && results.length === 0 && <Empty>Geen actief huishouden op dit adres gevonden.</Empty>}
      {results && results.length > 0 && (
        <ul className="gp-plain-list" aria-label="Gevonden huishoudens">
          {results.map((h) => (
            <li key={h.id}>
              <Button type="button" variant="secondary" onClick={() => onPick(h)}>
                Koppelen aan {fullAddress(h)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
