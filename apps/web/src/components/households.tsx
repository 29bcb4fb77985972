import { Badge, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import type { Household } from '../api/types';
import { addressLine, formatPostcode } from '../lib/format';
import { HOUSEHOLD_STATUS_LABELS, PILLAR_LABELS } from '../lib/labels';
import { useReference } from '../lib/reference';
import { RouterLink } from './RouterLink';

/**
 * Full access shows fields beyond the verwijsindex (the API leaves them out for others): the index
 * carries only address, neighbourhood, pillars, regisseur and status.
 */
export function hasFullAccess(household: Household): boolean {
  return 'cohort50' in household || 'createdAt' in household;
}

export function AccessBadge({ full }: { full: boolean }) {
  return full ? (
    <Badge label="Volledig dossier" color="azure" className="gp-badge" />
  ) : (
    <Badge label="Alleen verwijsindex" color="yellow" className="gp-badge" />
  );
}

export function Pillars({ pillars }: { pillars: Household['pillars'] }) {
  if (pillars.length === 0) return <span className="gp-muted">Geen pijler</span>;
  return <>{pillars.map((p) => PILLAR_LABELS[p] ?? p).join(', ')}</>;
}

export function RegisseurContact({ household }: { household: Household }) {
  if (!household.regisseur) return <span className="gp-muted">Nog geen regisseur</span>;
  return (
    <>
      {household.regisseur.name} <span className="gp-muted">({household.regisseur.organisation})</span>
    </>
  );
}

/** Households found or on the worklist; each row shows whether the user sees the dossier or only the index. */
export function HouseholdTable({ households, caption }: { households: Household[]; caption: string }) {
  const reference = useReference();
  return (
    <Table className="gp-table" data-testid="household-table">
      <Table.Caption className="ams-visually-hidden">{caption}</Table.Caption>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Adres</Table.HeaderCell>
          <Table.HeaderCell scope="col">Wijk en gemeente</Table.HeaderCell>
          <Table.HeaderCell scope="col">Pijlers</Table.HeaderCell>
          <Table.HeaderCell scope="col">Regisseur</Table.HeaderCell>
          <Table.HeaderCell scope="col">Inzage</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {households.map((household) => {
          const full = hasFullAccess(household);
          return (
            <Table.Row key={household.id} data-access={full ? 'full' : 'index'}>
              <Table.Cell>
                <Link href={`/huishoudens/${household.id}`} linkComponent={RouterLink}>
                  {addressLine(household)}
                </Link>
                <br />
                <span className="gp-muted">
                  {formatPostcode(household.postcode)} {household.city}
                </span>
                {household.status === 'closed' && (
                  <>
                    {' '}
                    <Badge label={HOUSEHOLD_STATUS_LABELS.closed} color="purple" />
                  </>
                )}
              </Table.Cell>
              <Table.Cell>
                {reference.neighbourhoodName(household.neighbourhoodId) || (
                  <span className="gp-muted">Onbekend</span>
                )}
                <br />
                <span className="gp-muted">{reference.municipalityName(household.municipalityId)}</span>
              </Table.Cell>
              <Table.Cell>
                <Pillars pillars={household.pillars} />
              </Table.Cell>
              <Table.Cell>
                <RegisseurContact household={household} />
                {!full && household.regisseur && (
                  <Paragraph size="small">Bel de regisseur voor meer informatie.</Paragraph>
                )}
              </Table.Cell>
              <Table.Cell>
                <AccessBadge full={full} />
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
