import { Button, DescriptionList, Heading, Table } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { api, type ApiError } from '../../api/client';
import { FileField } from '../../components/fields';
import { ProblemAlert } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { labelOf } from '../../lib/labels';
import { IMPORT_STATUS_LABELS } from '../../lib/outreach-labels';
import { toApiError } from '../../lib/use-resource';

type ImportLine =
  | { line: number; status: 'accepted'; reference: string }
  | { line: number; status: 'duplicate' | 'not_stored'; reason: string; duplicateOfLine?: number }
  | { line: number; status: 'invalid'; errors: { field: string; reason: string }[] };

export interface ImportReport {
  lines: number;
  accepted: number;
  duplicates: number;
  invalid: number;
  notStored: number;
  report: ImportLine[];
}

function explanation(line: ImportLine) {
  if (line.status === 'accepted') return `Signaal ${line.reference}`;
  if (line.status === 'invalid') return line.errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
  return line.duplicateOfLine ? `${line.reason} (regel ${line.duplicateOfLine})` : line.reason;
}

/**
 * Uploads a vroegsignalering CSV with a progress bar (the file can be 20 MB) and shows the report per
 * line: taken in, duplicate, or refused with the field and the reason.
 */
export function SignalUpload({ onImported }: { onImported: () => void }) {
  const announce = useAnnounce();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(file ? undefined : 'Kies een CSV-bestand.');
    if (!file) return;
    setProblem(null);
    setReport(null);
    setProgress(0);
    try {
      const csv = new Blob([file], { type: 'text/csv' });
      const result = await api.upload<ImportReport>('/outreach/signals/imports', csv, setProgress);
      setReport(result);
      announce(
        `Bestand verwerkt: ${result.accepted} opgenomen, ${result.duplicates} dubbel, ${result.invalid} afgekeurd.`,
      );
      onImported();
    } catch (e) {
      const apiError = toApiError(e);
      setProblem(apiError);
      setError(apiError.fieldErrors.find((f) => f.field === 'file')?.message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section
      aria-labelledby="upload-heading"
      className="gp-section gp-inline-form"
      data-testid="signal-upload"
    >
      <Heading level={2} size="level-3" id="upload-heading">
        Signalen inlezen
      </Heading>
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        {problem && <ProblemAlert error={problem} headingLevel={3} />}
        <FileField
          id="signals-file"
          label="CSV-bestand met signalen"
          hint="UTF-8, met kopregel; hooguit 20 MB. Een signaal dat al binnen is, wordt herkend."
          accept=".csv,text/csv"
          error={error}
          onChange={setFile}
        />
        <Button type="submit" disabled={progress !== null}>
          {progress !== null ? 'Bezig met inlezen…' : 'Bestand inlezen'}
        </Button>
        {progress !== null && (
          <div className="gp-progress" role="status" data-testid="upload-progress">
            <label htmlFor="signals-progress">
              {progress < 1
                ? `Uploaden: ${Math.round(progress * 100)}%`
                : 'Geüpload; de regels worden gecontroleerd…'}
            </label>
            <progress id="signals-progress" max={1} value={progress < 1 ? progress : undefined} />
          </div>
        )}
      </form>
      {report && <ImportReportView report={report} />}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div className="gp-section" data-testid="import-report">
      <Heading level={3} size="level-4">
        Verslag per regel
      </Heading>
      <DescriptionList termsWidth="medium" className="gp-dl">
        <DescriptionList.Term>Regels</DescriptionList.Term>
        <DescriptionList.Description>{report.lines}</DescriptionList.Description>
        <DescriptionList.Term>Opgenomen</DescriptionList.Term>
        <DescriptionList.Description>{report.accepted}</DescriptionList.Description>
        <DescriptionList.Term>Dubbel</DescriptionList.Term>
        <DescriptionList.Description>{report.duplicates}</DescriptionList.Description>
        <DescriptionList.Term>Afgekeurd</DescriptionList.Term>
        <DescriptionList.Description>{report.invalid}</DescriptionList.Description>
      </DescriptionList>
      <Table className="gp-table">
        <Table.Caption className="ams-visually-hidden">
          Resultaat van elke regel van het bestand
        </Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Regel</Table.HeaderCell>
            <Table.HeaderCell scope="col">Resultaat</Table.HeaderCell>
            <Table.HeaderCell scope="col">Toelichting</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {report.report.map((line) => (
            <Table.Row key={line.line} data-status={line.status}>
              <Table.Cell>{line.line}</Table.Cell>
              <Table.Cell>{labelOf(IMPORT_STATUS_LABELS, line.status)}</Table.Cell>
              <Table.Cell>{explanation(line)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
