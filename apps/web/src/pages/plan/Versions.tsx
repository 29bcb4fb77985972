import { Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { ProblemAlert } from '../../components/problems';
import { Empty } from '../../components/status';
import { useAnnounce } from '../../lib/announcer';
import { formatDate } from '../../lib/format';
import { toApiError } from '../../lib/use-resource';
import { VersionSummary, VERSION_STATUS } from './types';

export function Versions({
  householdId,
  versions,
  nextEvaluationOn,
}: {
  householdId: string;
  versions: VersionSummary[];
  nextEvaluationOn: string | null;
}) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const download = async (number: number) => {
    setBusy(number);
    setError(null);
    announce(`De PDF van versie ${number} wordt gemaakt…`);
    try {
      const { data } = await api.request<Blob>(
        'GET',
        `/households/${householdId}/plan/versions/${number}/pdf`,
        { as: 'blob' },
      );
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `gezinsplan-versie-${number}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(`De PDF van versie ${number} is gedownload.`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="versions-heading" className="gp-section" data-testid="plan-versions">
      <Heading level={2} size="level-3" id="versions-heading">
        Versies
      </Heading>
      {nextEvaluationOn && <Paragraph>Volgende evaluatie: {formatDate(nextEvaluationOn)}.</Paragraph>}
      {error && <ProblemAlert error={error} headingLevel={3} />}
      {versions.length === 0 ? (
        <Empty>Er is nog geen versie.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Versies van het gezinsplan</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Versie</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col">Ingestemd door</Table.HeaderCell>
              <Table.HeaderCell scope="col">PDF voor het gezin</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {versions.map((v) => (
              <Table.Row key={v.number}>
                <Table.Cell>{v.number}</Table.Cell>
                <Table.Cell>
                  {VERSION_STATUS[v.status]}
                  {v.agreedOn && ` op ${formatDate(v.agreedOn)}`}
                </Table.Cell>
                <Table.Cell>{v.agreedBy.map((p) => p.name).join(', ') || '—'}</Table.Cell>
                <Table.Cell>
                  {v.status === 'vastgesteld' ? (
                    <Button
                      variant="secondary"
                      disabled={busy !== null}
                      onClick={() => void download(v.number)}
                    >
                      {busy === v.number ? 'PDF wordt gemaakt…' : `PDF van versie ${v.number}`}
                    </Button>
                  ) : (
                    <span className="gp-muted">Eerst vaststellen</span>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
