import { Button, Checkbox, ErrorMessage, FieldSet, Heading } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { Dossier } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/fields';
import { ProblemAlert } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { fullName, today } from '../../lib/format';
import { toApiError } from '../../lib/use-resource';

export function Agree({
  dossier,
  versionNumber,
  onAgree,
}: {
  dossier: Dossier;
  versionNumber: number;
  onAgree: (body: unknown) => Promise<boolean>;
}) {
  const announce = useAnnounce();
  const members = (dossier.members ?? []).filter((m) => !m.leftOn && m.person);
  const [agreedOn, setAgreedOn] = useState(today());
  const [nextEvaluationOn, setNextEvaluationOn] = useState('');
  const [agreedBy, setAgreedBy] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const agree = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const done = await onAgree({
        agreedOn,
        agreedByPersonIds: agreedBy,
        ...(nextEvaluationOn ? { nextEvaluationOn } : {}),
      });
      setConfirming(false);
      if (done) announce(`Versie ${versionNumber} van het gezinsplan is vastgesteld.`);
    } catch (e) {
      setConfirming(false);
      setProblem(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="agree-heading" className="gp-section gp-inline-form" data-testid="plan-agree">
      <Heading level={2} size="level-3" id="agree-heading">
        Versie {versionNumber} vaststellen met het gezin
      </Heading>
      {problem && <ProblemAlert error={problem} headingLevel={3} />}
      <form
        noValidate
        className="gp-form"
        aria-labelledby="agree-heading"
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (!agreedOn) missing.agreedOn = 'Vul de datum in.';
          if (agreedBy.length === 0) missing.agreedBy = 'Kies wie van het gezin instemde.';
          setErrors(missing);
          if (!Object.keys(missing).length) setConfirming(true);
        }}
      >
        <DateField
          id="agree-agreedOn"
          label="Ingestemd op"
          max={today()}
          value={agreedOn}
          onChange={setAgreedOn}
          error={errors.agreedOn}
        />
        <FieldSet
          legend="Wie van het gezin stemde in"
          invalid={Boolean(errors.agreedBy)}
          aria-describedby={errors.agreedBy ? 'agree-agreedBy-error' : undefined}
        >
          {errors.agreedBy && <ErrorMessage id="agree-agreedBy-error">{errors.agreedBy}</ErrorMessage>}
          {members.map((m) => (
            <Checkbox
              key={m.personId}
              checked={agreedBy.includes(m.personId)}
              onChange={(event) =>
                setAgreedBy((ids) =>
                  event.target.checked ? [...ids, m.personId] : ids.filter((x) => x !== m.personId),
                )
              }
            >
              {fullName(m.person!)}
            </Checkbox>
          ))}
        </FieldSet>
        <DateField
          id="agree-nextEvaluationOn"
          label="Volgende evaluatie"
          optional
          min={agreedOn}
          value={nextEvaluationOn}
          onChange={setNextEvaluationOn}
        />
        <Button type="submit" variant="secondary">
          Vaststellen…
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        heading={`Versie ${versionNumber} vaststellen?`}
        confirmLabel="Ja, stel het plan vast"
        busy={busy}
        onConfirm={() => void agree()}
        onCancel={() => setConfirming(false)}
      >
        Na het vaststellen kan deze versie niet meer worden gewijzigd; latere wijzigingen komen in een nieuwe
        conceptversie. De vastgestelde versie is als PDF voor het gezin te downloaden.
      </ConfirmDialog>
    </section>
  );
}
