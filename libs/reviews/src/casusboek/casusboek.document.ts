/** The anonymised casusboek: what it may contain, and nothing else (built by CasusboekService). */
export interface CasusboekDocument {
  /** Month of making, never the day. */
  madeIn: string;
  cases: CasusboekCase[];
  /** All leerpunten of the chosen cases, per theme. */
  themes: { label: string; leerpunten: { caseNumber: number; text: string }[] }[];
}

export interface CasusboekCase {
  number: number;
  /** Municipality, and the neighbourhood only where at least 10 cohort households live. */
  area: string;
  /** E.g. "2 volwassenen (27-44 jaar, 45-66 jaar), 1 kind (4-11 jaar)". */
  composition: string;
  pillars: string[];
  plan: string;
  reviews: {
    quarter: string;
    participantCount: number;
    findings: string;
    actions: { description: string; month: string; done: boolean }[];
    leerpunten: { theme: string; text: string }[];
  }[];
}

export function casusboekMarkdown(doc: CasusboekDocument): string {
  const lines = [
    '# Casusboek 50-gezinnenaanpak',
    '',
    `Gemaakt in ${doc.madeIn}. Geanonimiseerd: geen namen, BSN, adressen of precieze data; leeftijden in klassen; ` +
      'een wijk wordt alleen genoemd als er minstens 10 gezinnen uit de aanpak wonen.',
    '',
  ];
  for (const c of doc.cases) {
    lines.push(`## Casus ${c.number}`, '');
    lines.push(`- Gebied: ${c.area}`, `- Gezin: ${c.composition}`);
    lines.push(`- Betrokken pijlers: ${c.pillars.length ? c.pillars.join(', ') : 'geen'}`);
    lines.push(`- Gezinsplan: ${c.plan}`, '');
    for (const r of c.reviews) {
      lines.push(`### Bespreking ${r.quarter} (${r.participantCount} deelnemers)`, '', r.findings, '');
      if (r.actions.length) {
        lines.push('Afspraken:', '');
        for (const a of r.actions)
          lines.push(`- ${a.description} (${a.month}; ${a.done ? 'klaar' : 'open'})`);
        lines.push('');
      }
      if (r.leerpunten.length) {
        lines.push('Leerpunten:', '');
        for (const l of r.leerpunten) lines.push(`- **${l.theme}**: ${l.text}`);
        lines.push('');
      }
    }
  }
  lines.push('## Leerpunten per thema', '');
  for (const t of doc.themes) {
    lines.push(`### ${t.label}`, '');
    for (const l of t.leerpunten) lines.push(`- ${l.text} (casus ${l.caseNumber})`);
    lines.push('');
  }
  return lines.join('\n');
}
