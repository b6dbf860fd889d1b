import type { Procedure, Stage } from '../procedure/schema.ts';
import type { CaseParty, Fields } from './types.ts';

/**
 * Who is on a case. The complainant and the person named in the complaint come from the form; staff
 * add, correct and identify parties with commands. Conflict of interest follows from identification
 * by staff only: a name that resembles a staff member is a suggestion, never a verdict.
 */

/** Ids of the parties the form gives; staff-added parties are `p1`, `p2`, … */
const FROM_FORM = ['complainant', 'named'];

/** The complainant and, if the form names one, the person complained about. */
export function partiesFromFields(fields: Fields): CaseParty[] {
  const contact = (keys: Record<string, string>) =>
    Object.fromEntries(Object.entries(keys).flatMap(([k, field]) => (fields[field]?.trim() ? [[k, fields[field]!.trim()]] : [])));
  const complainant: CaseParty = { id: 'complainant', role: 'complainant', ...contact({ name: 'name', email: 'email', address: 'address', phone: 'phone' }) };
  const named = fields.employeeName?.trim();
  return named ? [complainant, { id: 'named', role: 'complained-about', name: named }] : [complainant];
}

/** The form's parties again after the complaint was completed (the completed form wins); identifications and added parties stay. */
export function withFormParties(parties: CaseParty[], fields: Fields): CaseParty[] {
  const fromForm = partiesFromFields(fields).map((f) => ({ ...parties.find((x) => x.id === f.id), ...f }));
  return [...fromForm, ...parties.filter((x) => !FROM_FORM.includes(x.id))];
}

/** Staff identified as a person complained about: they neither see nor handle the case. */
export const concernedOf = (parties: readonly CaseParty[]) =>
  [...new Set(parties.flatMap((x) => (x.role === 'complained-about' && x.staff ? [x.staff] : [])))];

/** Every staff member of the procedure, by lower-case address. */
export function procedureStaff(p: Procedure): { email: string; name: string }[] {
  const all = Object.values(p.roles).flatMap((r) => r.members.map((m) => ({ email: m.email.toLowerCase(), name: m.name })));
  return all.filter((m, i) => all.findIndex((x) => x.email === m.email) === i);
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/\.(?=\w\.)/g, '') // "H.S.S." → "hss"
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);

/**
 * Staff whose name shares a word with a name in the complaint: a suggestion shown to another
 * handler to confirm, never used to decide who may see the case.
 */
export function staffSuggestions(p: Procedure, name: string): string[] {
  const named = new Set(words(name));
  if (!named.size) return [];
  const scored = procedureStaff(p)
    .map((m) => ({ email: m.email, score: words(m.name).filter((w) => named.has(w)).length }))
    .filter((m) => m.score > 0);
  const best = Math.max(0, ...scored.map((m) => m.score));
  return scored.filter((m) => m.score === best).map((m) => m.email);
}

/** Members of a role who may handle the case (not complained about). */
export const freeMembers = (p: Procedure, roleId: string, concerned: readonly string[]) =>
  (p.roles[roleId]?.members ?? []).filter((m) => !concerned.includes(m.email.toLowerCase()));

/**
 * Where a case goes when nobody of `stage`'s handler role may handle it: where the procedure routes
 * complaints about that role, else the next body up (appeal, escalation, the body advised), else any
 * stage with someone free. Undefined when no stage has anyone.
 */
export function stageForConflict(p: Procedure, stage: Stage, concerned: readonly string[]): Stage | undefined {
  const byId = (id: string) => p.stages.find((s) => s.id === id);
  const routed = p.intake.routes.filter((r) => r.in.includes(stage.handler)).map((r) => r.stage);
  const order: string[] = [...routed];
  for (let i = -1; i < order.length; i++) {
    const s = i < 0 ? stage : byId(order[i]!);
    if (!s) continue;
    for (const next of [s.appeal?.to, ...s.escalateTo, s.advisesTo]) if (next && !order.includes(next)) order.push(next);
  }
  order.push(...p.stages.map((s) => s.id));
  return order.map(byId).find((s): s is Stage => !!s && s.id !== stage.id && freeMembers(p, s.handler, concerned).length > 0);
}

/** `procedure check`: handler roles with nowhere to pass a complaint about themselves. */
export function rolesWithoutConflictRoute(p: Procedure): string[] {
  const roles = [...new Set(p.stages.map((s) => s.handler))];
  return roles.filter((role) => {
    const concerned = (p.roles[role]?.members ?? []).map((m) => m.email.toLowerCase());
    return p.stages.filter((s) => s.handler === role).some((s) => !stageForConflict(p, s, concerned));
  });
}
