import { EntityManager, In, IsNull } from 'typeorm';
import { CaseTeamMember } from './entities';
import { CaseWorkerDirectory } from './case-worker-directory';

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
  const facts = new Map<string, IndexFacts>(householdIds.map((id) => [id, { pillars: [], regisseur: null }]));
  if (householdIds.length === 0) return facts;
  const active = await manager.find(CaseTeamMember, {
    where: { householdId: In(householdIds), leftAt: IsNull() },
  });
  const regisseurs = active.filter((m) => m.caseRole === 'regisseur');
  const profiles = new Map(
    (
      await directory.profiles(
        regisseurs.map((r) => r.userId),
        manager,
      )
    ).map((p) => [p.id, p]),
  );
  for (const member of active) {
    const entry = facts.get(member.householdId)!;
    if (member.pillar && !entry.pillars.includes(member.pillar)) entry.pillars.push(member.pillar);
    if (member.caseRole === 'regisseur') {
      const profile = profiles.get(member.userId);
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
