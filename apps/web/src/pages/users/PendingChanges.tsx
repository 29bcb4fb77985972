import { Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api, type ApiError } from '../../api/client';
import { useUser } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadMore } from '../../components/LoadMore';
import { ProblemAlert } from '../../components/problems';
import { Empty, Loading } from '../../components/status';
import { useAnnounce } from '../../lib/announcer';
import { formatDate, formatEuro } from '../../lib/format';
import { PILLAR_LABELS, ROLE_LABELS } from '../../lib/labels';
import { type ReferenceData, useReference } from '../../lib/reference';
import { usePagedList } from '../../lib/use-paged-list';
import { toApiError } from '../../lib/use-resource';
import { OneTimePasswordPanel } from './OneTimePasswordPanel';
import { RejectDialog } from './RejectDialog';
import { type AccountChange, type ApprovalResult, CHANGE_KIND_LABELS, type Page } from './types';

const PAGE_SIZE = 50;

/** What a pending change asks for, in a line. */
export function describeChange(change: AccountChange, reference: ReferenceData): string {
  if (change.kind === 'password-reset') return 'Nieuw eenmalig wachtwoord';
  const c = change.changes;
  const parts = [
    c.roles && `Rollen: ${c.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}`,
    c.organisationId && `Organisatie: ${reference.organisationName(c.organisationId)}`,
    c.pillars?.length && `Pijlers: ${c.pillars.map((p) => PILLAR_LABELS[p] ?? p).join(', ')}`,
    c.municipalityIds?.length &&
      `Gemeenten: ${c.municipalityIds.map((m) => reference.municipalityName(m)).join(', ')}`,
    c.teams?.length && `Teams: ${c.teams.length}`,
    c.mandateCents ? `Mandaat: ${formatEuro(c.mandateCents)}` : '',
    c.active === false && 'Deactiveren',
  ];
  return parts.filter(Boolean).join('. ');
}

/**
 * Changes waiting for a second functioneel beheerder. Another's request can be approved or rejected;
 * one's own only withdrawn (the API refuses the rest, so the buttons are not offered).
 */
export function PendingChanges({ onDecided }: { onDecided: () => void }) {
  const me = useUser();
  const reference = useReference();
  const announce = useAnnounce();
  const [version, setVersion] = useState(0);
  const list = usePagedList(
    (page, signal) =>
      api
        .get<Page<AccountChange>>(
          `/user-changes?status=pending&limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`,
          { signal },
        )
        .then((p) => ({ items: p.items, total: p.total, pageSize: p.limit })),
    [version],
    { pageSize: PAGE_SIZE, keyOf: (c) => c.id },
  );
  const requesterOf = (c: AccountChange) => (c.requestedById === me.id ? 'u' : c.requestedByName);

  const [approving, setApproving] = useState<AccountChange | null>(null);
  const [withdrawing, setWithdrawing] = useState<AccountChange | null>(null);
  const [rejecting, setRejecting] = useState<AccountChange | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [password, setPassword] = useState<{ forUser: string; result: ApprovalResult } | null>(null);

  const done = (message: string, focusPassword = false) => {
    announce(message);
    // The row (and the button that opened the dialog) goes away: the focus goes to the section instead.
    if (!focusPassword) setTimeout(() => document.getElementById('changes-heading')?.focus(), 0);
    setVersion((v) => v + 1);
    onDecided();
  };

  const run = async (action: () => Promise<void>, close: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
      close();
    }
  };

  const approve = (change: AccountChange) =>
    run(
      async () => {
        const result = await api.post<ApprovalResult>(`/user-changes/${change.id}/approve`);
        if (result.oneTimePassword) setPassword({ forUser: change.displayName, result });
        done(`Wijziging voor ${change.displayName} goedgekeurd.`, Boolean(result.oneTimePassword));
      },
      () => setApproving(null),
    );

  const withdraw = (change: AccountChange) =>
    run(
      async () => {
        await api.post(`/user-changes/${change.id}/withdraw`);
        done(`Aanvraag voor ${change.displayName} ingetrokken.`);
      },
      () => setWithdrawing(null),
    );

  const { first } = list;
  return (
    <section aria-labelledby="changes-heading" className="gp-section" data-testid="pending-changes">
      <Heading level={2} size="level-3" id="changes-heading" tabIndex={-1}>
        Openstaande wijzigingen{first.data ? ` (${list.total})` : ''}
      </Heading>
      {password && password.result.oneTimePassword && (
        <OneTimePasswordPanel
          forUser={password.forUser}
          password={{
            oneTimePassword: password.result.oneTimePassword,
            oneTimePasswordExpiresAt: password.result.oneTimePasswordExpiresAt ?? '',
          }}
          onDone={() => setPassword(null)}
        />
      )}
      {error && <ProblemAlert error={error} headingLevel={3} />}
      {first.state === 'loading' && !first.data && (
        <Loading>De openstaande wijzigingen worden geladen…</Loading>
      )}
      {first.state === 'error' && <ProblemAlert error={first.error} headingLevel={3} />}
      {first.data && list.items.length === 0 && <Empty>Er wachten geen wijzigingen op goedkeuring.</Empty>}
      {list.items.length > 0 && (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">
            Wijzigingen die wachten op goedkeuring
          </Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Gebruiker</Table.HeaderCell>
              <Table.HeaderCell scope="col">Wijziging</Table.HeaderCell>
              <Table.HeaderCell scope="col">Aangevraagd</Table.HeaderCell>
              <Table.HeaderCell scope="col">Besluit</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.items.map((c) => {
              const own = c.requestedById === me.id;
              return (
                <Table.Row key={c.id} data-testid={`change-${c.email}`}>
                  <Table.Cell>
                    {c.displayName}
                    <div className="gp-muted">{c.email}</div>
                  </Table.Cell>
                  <Table.Cell>
                    <strong>{CHANGE_KIND_LABELS[c.kind]}</strong>
                    <div>{describeChange(c, reference)}</div>
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(c.requestedAt)} door {requesterOf(c)}
                  </Table.Cell>
                  <Table.Cell>
                    {own ? (
                      <>
                        <Paragraph size="small">Een andere beheerder beslist over uw aanvraag.</Paragraph>
                        <Button
                          variant="secondary"
                          aria-label={`Aanvraag voor ${c.displayName} intrekken`}
                          onClick={() => setWithdrawing(c)}
                        >
                          Intrekken
                        </Button>
                      </>
                    ) : (
                      <div className="gp-filter">
                        <Button
                          variant="primary"
                          aria-label={`Wijziging voor ${c.displayName} goedkeuren`}
                          onClick={() => setApproving(c)}
                        >
                          Goedkeuren
                        </Button>
                        <Button
                          variant="secondary"
                          aria-label={`Wijziging voor ${c.displayName} afwijzen`}
                          onClick={() => setRejecting(c)}
                        >
                          Afwijzen
                        </Button>
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      <LoadMore list={list} noun="wijzigingen" />
      <ConfirmDialog
        open={approving !== null}
        heading="Wijziging goedkeuren?"
        confirmLabel="Goedkeuren"
        busy={busy}
        onConfirm={() => approving && void approve(approving)}
        onCancel={() => setApproving(null)}
      >
        {approving
          ? `${CHANGE_KIND_LABELS[approving.kind]} voor ${approving.displayName}: ${describeChange(approving, reference)}. ` +
            (approving.kind === 'update'
              ? 'De wijziging gaat direct in.'
              : 'U krijgt daarna één keer het eenmalige wachtwoord te zien; geef het persoonlijk door.')
          : ''}
      </ConfirmDialog>
      <ConfirmDialog
        open={withdrawing !== null}
        heading="Aanvraag intrekken?"
        confirmLabel="Intrekken"
        busy={busy}
        onConfirm={() => withdrawing && void withdraw(withdrawing)}
        onCancel={() => setWithdrawing(null)}
      >
        {withdrawing ? `De aanvraag voor ${withdrawing.displayName} vervalt; er verandert niets.` : ''}
      </ConfirmDialog>
      <RejectDialog
        key={rejecting?.id ?? 'none'}
        change={rejecting}
        onClose={() => setRejecting(null)}
        onRejected={(change) => {
          setRejecting(null);
          done(`Wijziging voor ${change.displayName} afgewezen.`);
        }}
      />
    </section>
  );
}
