import { ActionGroup, Button, Heading, Paragraph } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { TextAreaField } from '../../components/fields';
import { ProblemAlert } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { useDraft } from '../../lib/drafts';
import { toApiError } from '../../lib/use-resource';

export function OwnWords({
  householdId,
  saved,
  hidden,
  editable,
  conflict,
  onSave,
}: {
  householdId: string;
  saved: string | undefined;
  hidden: boolean;
  editable: boolean;
  conflict: boolean;
  onSave: (ownWords: string) => Promise<boolean>;
}) {
  const announce = useAnnounce();
  const [text, setText, clearText] = useDraft(`plan-words:${householdId}`, saved ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = text !== (saved ?? '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (await onSave(text)) {
        clearText(text);
        announce('De woorden van het gezin zijn opgeslagen.');
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  if (hidden) {
    return (
      <section aria-labelledby="words-heading" className="gp-section">
        <Heading level={2} size="level-3" id="words-heading">
          Wat wil het gezin bereiken
        </Heading>
        <Paragraph>U ziet alleen het deel van het plan dat voor uw organisatie gedeeld is.</Paragraph>
      </section>
    );
  }
  return (
    <section aria-labelledby="words-heading" className="gp-section" data-testid="plan-words">
      <Heading level={2} size="level-3" id="words-heading">
        Wat wil het gezin bereiken
      </Heading>
      {!editable ? (
        <Paragraph>{saved || 'Nog niet ingevuld.'}</Paragraph>
      ) : (
        <form onSubmit={save} noValidate className="gp-form" aria-labelledby="words-heading">
          {error && <ProblemAlert error={error} headingLevel={3} />}
          {conflict && changed && (
            <div className="gp-inline-form" data-testid="plan-words-theirs">
              <Heading level={3} size="level-4">
                De tekst zoals uw collega die opsloeg
              </Heading>
              <Paragraph>{saved || '(leeg)'}</Paragraph>
              <Button type="button" variant="secondary" onClick={() => setText(saved ?? '')}>
                Tekst van uw collega overnemen
              </Button>
            </div>
          )}
          <TextAreaField
            id="plan-ownWords"
            label={conflict && changed ? 'Uw tekst' : 'In de woorden van het gezin'}
            hint="Wat wil het gezin bereiken? Schrijf het op zoals het gezin het zegt."
            optional
            rows={5}
            maxLength={5000}
            value={text}
            onChange={setText}
          />
          <ActionGroup>
            <Button type="submit" disabled={busy || !changed}>
              {busy ? 'Bezig met opslaan…' : conflict && changed ? 'Mijn tekst opslaan' : 'Opslaan'}
            </Button>
          </ActionGroup>
        </form>
      )}
    </section>
  );
}
