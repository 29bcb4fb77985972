import { EntityManager, In, IsNull } from 'typeorm';
import { CaseTeamMember } from './entities';
import { CaseWorkerDirectory, CaseWorkerProfile } from './case-worker-directory';

export interface IndexFacts {
  pillars: string[];
  regisseur: { userId: string; name: string; organisation: string } | null;
}

/** The verwijsindex facts of households: pillars involved and who the regisseur is. One query each. */
export async function indexFactsOf(
  manager: EntityManager,
  directory: CaseWorkerDirectory,
  householdIds: string[],
): Promise<Map<string, IndexFacts>> {
  if (householdIds.length === 0) return new Map();
  const active = await manager.find(CaseTeamMember, {
    where: { householdId: In(householdIds), leftAt: IsNull() },
  });
  const regisseurs = active.filter((m) => m.caseRole === 'regisseur');
  const profiles = await directory.profiles(
    regisseurs.map((r) => r.userId),
    manager,
  );
  return indexFactsFrom(householdIds, active, profiles);
}

/** The same facts from case-team rows already loaded (left members are skipped) and their profiles. */
export function indexFactsFrom(
  householdIds: string[],
  caseTeam: CaseTeamMember[],
  profiles: CaseWorkerProfile[],
): Map<string, IndexFacts> {
  const facts = new Map<string, IndexFacts>(householdIds.map((id) => [id, { pillars: [], regisseur: null }]));
  const byId = new Map(profiles.map((p) => [p.id, p]));
  for (const member of caseTeam) {
    const entry = facts.get(member.householdId);
    if (!entry || member.leftAt) continue;
    if (member.pillar && !entry.pillars.includes(member.pillar)) entry.pillars.push(member.pillar);
    if (member.caseRole === 'regisseur') {
      const profile = byId.get(member.userId);
      entry.regisseur = {
        userId: member.userId,
        name: profile?.displayName ?? 'onbekend',
        organisation: profile?.organisationName ?? 'onbekend',
      };
    }
  }
  for (const entry of facts.values()) entry.pillars.sort();
  return facts;
}
