import {
  Badge,
  Field,
  Grid,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
} from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Role } from '../../api/types';
import { useUser } from '../../auth/session';
import type { Option } from '../../components/fields';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/problems';
import { RouterLink } from '../../components/RouterLink';
import { Empty, Loading } from '../../components/status';
import { formatDate } from '../../lib/format';
import { ROLE_LABELS } from '../../lib/labels';
import { canManageUsers } from '../../lib/permissions';
import { useReference } from '../../lib/reference';
import { usePagedList } from '../../lib/use-paged-list';
import { NoUserAdministration } from './NoUserAdministration';
import { PendingChanges } from './PendingChanges';
import type { Page, UserAccount } from './types';
import { ROLES } from './user-draft';

const PAGE_SIZE = 50;

/** Active, deactivated, or locked after too many wrong passwords. */
export function AccountStatus({ user }: { user: UserAccount }) {
  if (!user.active) return <Badge label="Gedeactiveerd" color="red" />;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date())
    return <Badge label={`Geblokkeerd tot ${formatDate(user.lockedUntil)}`} color="orange" />;
  return <>Actief</>;
}

/** User administration for the functioneel beheerder: changes waiting for approval, and the accounts. */
export function UsersPage() {
  const user = useUser();
  if (!canManageUsers(user)) return <NoUserAdministration />;
  return <UsersPageContent />;
}

function UsersPageContent() {
  const [changed, setChanged] = useState(0);
  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Gebruikersbeheer</PageHeading>
        <Paragraph>
          Accounts met toegang tot casussen of met beheerrechten worden pas actief als een tweede functioneel
          beheerder ze goedkeurt (vier ogen).
        </Paragraph>
      </Grid.Cell>
      <Grid.Cell span="all">
        <PendingChanges onDecided={() => setChanged((n) => n + 1)} />
      </Grid.Cell>
      <Grid.Cell span="all">
        <UserList refresh={changed} />
      </Grid.Cell>
    </Grid>
  );
}

/** A filter above the list: a choice that narrows it, never required. */
function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function UserList({ refresh }: { refresh: number }) {
  const reference = useReference();
  const [role, setRole] = useState('');
  const [active, setActive] = useState('');
  const list = usePagedList(
    (page, signal) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
      if (role) query.set('role', role);
      if (active) query.set('active', active);
      return api
        .get<Page<UserAccount>>(`/users?${query}`, { signal })
        .then((p) => ({ items: p.items, total: p.total, pageSize: p.limit }));
    },
    [role, active, refresh],
    { pageSize: PAGE_SIZE, keyOf: (u) => u.id },
  );
  const { first } = list;
  return (
    <section aria-labelledby="users-heading" className="gp-section" data-testid="user-list">
      <Heading level={2} size="level-3" id="users-heading">
        Gebruikers{first.data ? ` (${list.total})` : ''}
      </Heading>
      <Link href="/gebruikers/nieuw" linkComponent={RouterLink} className="gp-section-action">
        Nieuwe gebruiker
      </Link>
      <div className="gp-filter">
        <FilterSelect
          id="users-role"
          label="Rol"
          value={role}
          onChange={setRole}
          options={[
            { value: '', label: 'Alle rollen' },
            ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
          ]}
        />
        <FilterSelect
          id="users-active"
          label="Status"
          value={active}
          onChange={setActive}
          options={[
            { value: '', label: 'Actief en gedeactiveerd' },
            { value: 'true', label: 'Actief' },
            { value: 'false', label: 'Gedeactiveerd' },
          ]}
        />
      </div>
      {first.state === 'loading' && !first.data && <Loading>De gebruikers worden geladen…</Loading>}
      {first.state === 'error' && <ProblemAlert error={first.error} />}
      {first.data && list.items.length === 0 && <Empty>Er zijn geen gebruikers die hieraan voldoen.</Empty>}
      {list.items.length > 0 && (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Gebruikers, op naam</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Naam</Table.HeaderCell>
              <Table.HeaderCell scope="col">E-mailadres</Table.HeaderCell>
              <Table.HeaderCell scope="col">Organisatie</Table.HeaderCell>
              <Table.HeaderCell scope="col">Rollen</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.items.map((u) => (
              <Table.Row key={u.id}>
                <Table.Cell>
                  <Link href={`/gebruikers/${u.id}`} linkComponent={RouterLink}>
                    {u.displayName}
                  </Link>
                </Table.Cell>
                <Table.Cell className="gp-break">{u.email}</Table.Cell>
                <Table.Cell>{reference.organisationName(u.organisationId)}</Table.Cell>
                <Table.Cell>{u.roles.map((r: Role) => ROLE_LABELS[r] ?? r).join(', ')}</Table.Cell>
                <Table.Cell>
                  <AccountStatus user={u} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <LoadMore list={list} noun="gebruikers" />
    </section>
  );
}
