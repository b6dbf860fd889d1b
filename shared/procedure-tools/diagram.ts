/**
 * Overviews of a procedure for administrators: a Mermaid state diagram of its stages and a short
 * text summary (`npm run procedure -- check`). Pure: strings from the parsed procedure.
 */
import type { Duration } from '../calendar/types.ts';
import { stageOutcomes } from '../engine/engine.ts';
import type { MetBy, Moment, Procedure, Stage, Term } from '../procedure/schema.ts';

const UNITS: Record<Duration['unit'], [string, string]> = {
  days: ['dag', 'dagen'],
  weeks: ['week', 'weken'],
  months: ['maand', 'maanden'],
  years: ['jaar', 'jaar'],
  workingDays: ['werkdag', 'werkdagen'],
};

/** "7 werkdagen", "1 week". */
export const durationNl = (d: Duration) => `${d.amount} ${UNITS[d.unit][d.amount === 1 ? 0 : 1]}`;

const MET_BY_NL: Record<MetBy, string> = {
  acknowledged: 'ontvangstbevestiging',
  assigned: 'toewijzing behandelaar',
  conversationRecorded: 'gespreksverslag',
  responseRecorded: 'reactie',
  decided: 'besluit of advies',
  appealed: 'beroep',
};

const MOMENT_NL: Record<Moment, string> = {
  received: 'na ontvangst',
  acknowledged: 'na de ontvangstbevestiging',
  stageStarted: 'na de start van de fase',
  responseRequested: 'na het verzoek om reactie',
  decisionSent: 'na verzending van het besluit',
};

// ---- Mermaid ----

/** A Mermaid-safe state id for a stage: letters, digits and underscores, never a keyword. */
export const stateId = (stageId: string) => `s_${stageId.replace(/[^a-zA-Z0-9]/g, '_')}`;

/** Text Mermaid shows as it is: no quotes, colons, semicolons, hashes, braces or angle brackets. */
const safe = (text: string) =>
  text
    .replace(/["`]/g, "'")
    .replace(/[:;#{}<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The procedure as a Mermaid `stateDiagram-v2`: one state per stage (its Dutch name), the start
 * (and the start of each intake route), and every way out of a stage: a term whose expiry escalates
 * or closes, staff escalation, advice, decision (with the appeal window after it) and withdrawal.
 */
export function procedureDiagram(p: Procedure): string {
  const lines = ['stateDiagram-v2'];
  for (const s of p.stages) lines.push(`    state "${safe(capital(s.name.nl))}" as ${stateId(s.id)}`);
  const decidedStages = p.stages.filter((s) => s.appeal && !isAdvice(s));
  for (const s of decidedStages) lines.push(`    state "Besloten (${safe(s.name.nl)})" as ${decidedId(s.id)}`);
  lines.push('    state "Afgesloten" as afgesloten', '    state "Ingetrokken" as ingetrokken');

  // Edges between the same two states share one arrow: some renderers draw only one of several.
  const edges = new Map<string, string[]>();
  const edge = (from: string, to: string, label?: string) => {
    const key = `${from} --> ${to}`;
    const labels = edges.get(key) ?? [];
    if (label && !labels.includes(label)) labels.push(label);
    edges.set(key, labels);
  };

  edge('[*]', stateId(p.stages[0]!.id));
  for (const r of p.intake.routes) edge('[*]', stateId(r.stage), `route ${r.field} = ${r.in.join(' of ')}`);

  for (const s of p.stages) {
    const id = stateId(s.id);
    for (const t of s.terms) {
      for (const a of t.onExpiry) {
        if (a.do === 'escalate') edge(id, stateId(a.to), `termijn ${t.id} (${durationNl(t.length)}) verstreken`);
        if (a.do === 'close') edge(id, 'afgesloten', `termijn ${t.id} (${durationNl(t.length)}) verstreken`);
      }
    }
    for (const to of s.escalateTo) edge(id, stateId(to), 'doorgezet door medewerker');
    if (isAdvice(s)) edge(id, stateId(s.advisesTo!), 'advies');
    else if (s.appeal) {
      edge(id, decidedId(s.id), `besluit (${stageOutcomes(s).join(', ')})`);
      edge(decidedId(s.id), stateId(s.appeal.to), `beroep binnen ${durationNl(s.appeal.window)}`);
      edge(decidedId(s.id), 'afgesloten', `beroepstermijn (${durationNl(s.appeal.window)}) verstreken`);
    } else edge(id, 'afgesloten', `besluit (${stageOutcomes(s).join(', ')})`);
    edge(id, 'ingetrokken', 'intrekking');
  }
  edge('afgesloten', '[*]');
  edge('ingetrokken', '[*]');

  for (const [key, labels] of edges) lines.push(`    ${key}${labels.length ? ` : ${safe(labels.join(' / '))}` : ''}`);
  return lines.join('\n') + '\n';
}

const isAdvice = (s: Stage) => s.kind === 'advice' && !!s.advisesTo;
/** The state after a decision that the complainant may still appeal. */
const decidedId = (stageId: string) => `d_${stageId.replace(/[^a-zA-Z0-9]/g, '_')}`;

// ---- Text summary ----

const rule = (x: { basis?: string; default: boolean }) =>
  [x.basis, x.default ? '(wettelijke standaard)' : undefined].filter(Boolean).join(' ') || 'geen grondslag vermeld';

function termLine(t: Term): string {
  const after = t.onExpiry.map((a) =>
    a.do === 'escalate' ? `naar ${a.to}` : a.do === 'close' ? 'afsluiten' : `bericht aan klager (${a.text})`,
  );
  const parts = [
    `${t.id}: ${t.label.nl}`,
    `${durationNl(t.length)} ${MOMENT_NL[t.from]}`,
    `voldaan door ${t.metBy.map((m) => MET_BY_NL[m]).join(', ')}`,
    ...(t.extendable ? ['verlengbaar'] : []),
    ...(after.length ? [`bij verstrijken: ${after.join(', ')}`] : []),
    rule(t),
  ];
  return parts.join(' · ');
}

const KIND_NL: Record<Stage['kind'], string> = { handling: 'behandeling', mediation: 'bemiddeling', advice: 'advies' };
const REPORT_EVERY: Record<string, string> = { month: 'maandelijks', quarter: 'elk kwartaal', year: 'jaarlijks' };

/** The short summary `check` prints for a valid procedure (Dutch, one fact per line). */
export function procedureSummary(p: Procedure): string {
  const o = p.organisation;
  const out: string[] = [];
  out.push(`Organisatie: ${o.name}${o.shortName ? ` (${o.shortName})` : ''} · ${[o.email, o.phone].filter(Boolean).join(' · ')}`);
  out.push(`Fasen (${p.stages.length}):`);
  p.stages.forEach((s, i) => {
    const role = p.roles[s.handler];
    const members = role?.members.length ?? 0;
    out.push(
      `  ${i + 1}. ${s.id}: ${s.name.nl} · ${KIND_NL[s.kind]}${isAdvice(s) ? ` aan ${s.advisesTo}` : ''} · behandelaar ${role?.name.nl ?? s.handler} (${s.handler}, ${members} ${members === 1 ? 'lid' : 'leden'})`,
    );
    for (const t of s.terms) out.push(`     termijn ${termLine(t)}`);
    if (!s.terms.length) out.push('     geen termijnen');
    if (s.appeal) out.push(`     beroep: naar ${s.appeal.to} binnen ${durationNl(s.appeal.window)} ${MOMENT_NL[s.appeal.from]} · ${rule(s.appeal)}`);
    if (s.escalateTo.length) out.push(`     doorzetten door medewerker naar: ${s.escalateTo.join(', ')}`);
    if (!isAdvice(s)) out.push(`     uitkomsten: ${stageOutcomes(s).join(', ')}`);
    if (s.nextBody) out.push(`     daarna: ${p.nextBodies.find((b) => b.id === s.nextBody)?.name.nl ?? s.nextBody}`);
  });

  const w = p.intake.window;
  out.push(`Intake: kanalen ${p.intake.channels.join(', ')} · anoniem: ${p.intake.anonymous ? 'ja' : 'nee'}`);
  out.push(
    w
      ? `  termijn: ${durationNl(w.length)} na de gebeurtenis · te laat: ${w.late === 'refuse' ? 'geweigerd met uitleg' : 'ter beoordeling (ontvankelijkheid)'} · ${rule(w)}`
      : '  termijn: geen (elke gebeurtenisdatum)',
  );
  for (const r of p.intake.routes) out.push(`  route: ${r.field} = ${r.in.join(' of ')} → start in ${r.stage}`);
  if (p.intake.excludedTopics.length) out.push(`  uitgesloten onderwerpen: ${p.intake.excludedTopics.map((t) => t.value).join(', ')}`);

  const e = p.extension;
  out.push(
    e.allowed
      ? `Verlenging: ten hoogste ${durationNl(e.max)}, ${e.maxWithoutConsent}× zonder instemming van de klager · ${rule(e)}`
      : 'Verlenging: niet toegestaan',
  );
  out.push(`Bewaren: ${durationNl(p.retention.afterClose)} na afsluiting · ${rule(p.retention)}`);
  out.push(`Rapportages (${p.reports.length}):${p.reports.length ? '' : ' geen'}`);
  for (const r of p.reports) {
    const to = 'role' in r.to ? `rol ${r.to.role}` : r.to.email;
    out.push(`  ${r.id}: ${r.label.nl} · ${REPORT_EVERY[r.every] ?? r.every} aan ${to} · ${rule(r)}`);
  }

  // Things that pass validation but would stop a case at run time.
  const warnings = p.stages
    .filter((s) => !p.roles[s.handler]?.members.length)
    .map((s) => `fase ${s.id}: rol ${s.handler} heeft geen leden, niemand kan de klacht daar behandelen`);
  for (const wa of warnings) out.push(`Waarschuwing: ${wa}`);
  return out.join('\n') + '\n';
}
