import { concernedOf, partiesFromFields, withFormParties } from './parties.ts';
import type { CaseEvent, CaseParty, CaseState, PartyContact } from './types.ts';

/** The case's state after its events: `evolve` over each in turn; pure and deterministic. */
export function fold(events: readonly CaseEvent[], initial?: CaseState): CaseState | undefined {
  let state = initial;
  for (const e of events) state = evolve(state, e);
  return state;
}

/** A runaway sender (a loop we did not recognise, a flood) is stopped per case: at most this many messages a day. */
export const MESSAGE_LIMIT = { count: 20, windowMs: 24 * 3_600_000 };

/** The case after one more event. Events are facts: this never refuses, it only records. */
export function evolve(state: CaseState | undefined, e: CaseEvent): CaseState {
  if (e.type === 'submitted') {
    if (state) throw new Error(`case ${state.reference} was already submitted`);
    return {
      reference: e.reference,
      procedureId: e.procedureId,
      procedureHash: e.procedureHash,
      channel: e.channel,
      lang: e.lang,
      fields: e.fields,
      receivedAt: e.at,
      receivedOn: e.receivedOn,
      status: e.intake === 'to-complete' ? 'to-complete' : 'open',
      admissibility: e.intake === 'review' ? 'pending' : 'not-needed',
      ...(e.lateSince ? { lateSince: e.lateSince } : {}),
      parties: partiesFromFields(e.fields),
      concerned: [],
      stage: '',
      stageStartedAt: e.at,
      stagesVisited: [],
      openTerms: {},
      termLog: [],
      termStarts: {},
      pendingResponses: [],
      escalations: 0,
      recentInbound: [],
      inboundBlobs: [],
      letters: [],
      events: 1,
      receiptSent: !!e.fields.email?.trim(),
      copies: {},
      hearings: {},
    };
  }
  if (!state) throw new Error(`event ${e.type} before the case was submitted`);
  const s: CaseState = { ...state, events: state.events + 1 };
  switch (e.type) {
    case 'completed':
      return withParties({ ...s, fields: e.fields, status: 'open' }, withFormParties(s.parties, e.fields));
    case 'party-added':
      return withParties(s, [...s.parties, e.party]);
    case 'party-corrected':
      return withParties(s, s.parties.map((x) => (x.id === e.party ? corrected(x, e.changes) : x)));
    case 'party-identified':
      return withParties(s, s.parties.map((x) => (x.id !== e.party ? x : e.staff ? { ...x, staff: e.staff } : without(x, 'staff'))));
    case 'admitted':
      return { ...s, admissibility: 'admitted' };
    case 'stage-started':
      return {
        ...s,
        stage: e.stage,
        stageStartedAt: e.at,
        stagesVisited: [...s.stagesVisited, e.stage],
        handler: undefined,
        // Each stage confirms that it took the complaint into handling.
        acknowledgedAt: undefined,
        status: s.status === 'decided' ? 'open' : s.status,
        decision: undefined,
      };
    case 'term-started':
      return {
        ...s,
        openTerms: { ...s.openTerms, [e.instance]: stripEvent(e) },
        termStarts: { ...s.termStarts, [e.termId]: (s.termStarts[e.termId] ?? 0) + 1 },
      };
    case 'term-extended': {
      const { [e.from]: _old, ...rest } = s.openTerms;
      return {
        ...s,
        openTerms: { ...rest, [e.term.instance]: e.term },
        termStarts: { ...s.termStarts, [e.term.termId]: (s.termStarts[e.term.termId] ?? 0) + 1 },
      };
    }
    case 'term-ended': {
      const { [e.instance]: ended, ...rest } = s.openTerms;
      if (!ended) return s;
      return {
        ...s,
        openTerms: rest,
        termLog: [
          ...s.termLog,
          {
            instance: e.instance,
            termId: ended.termId,
            stage: ended.stage,
            startedOn: ended.startedOn,
            lastDay: ended.lastDay,
            originalLastDay: ended.originalLastDay,
            extensions: ended.extensions,
            ...(ended.missedOn ? { missedOn: ended.missedOn } : {}),
            outcome: e.outcome,
          },
        ],
      };
    }
    case 'term-reminded': {
      const t = s.openTerms[e.instance];
      return t ? { ...s, openTerms: { ...s.openTerms, [e.instance]: { ...t, reminded: true } } } : s;
    }
    case 'acknowledged':
      return { ...s, acknowledgedAt: e.at };
    case 'assigned':
      return { ...s, handler: e.handler };
    case 'response-requested':
      return { ...s, pendingResponses: [...s.pendingResponses, e.from] };
    case 'response-recorded':
      return { ...s, pendingResponses: s.pendingResponses.filter((p) => p !== e.from) };
    case 'advised':
      return { ...s, advice: { stage: e.stage, outcome: e.outcome, recommendation: e.recommendation } };
    case 'decided':
      return {
        ...s,
        status: 'decided',
        decision: { stage: e.stage, outcome: e.outcome, motivation: e.motivation, measures: e.measures, at: e.at },
      };
    case 'escalated':
      return { ...s, escalations: s.escalations + 1 };
    case 'withdrawn':
      return { ...s, status: 'withdrawn', closedAt: e.at };
    case 'closed':
      return { ...s, status: 'closed', closedAt: e.at, closedReason: e.reason };
    case 'reopened': {
      const { closedAt: _c, closedReason: _r, ...open } = s;
      return { ...open, status: s.decision ? 'decided' : 'open' };
    }
    case 'message-received':
      return {
        ...s,
        recentInbound: [...s.recentInbound, e.at].slice(-MESSAGE_LIMIT.count),
        inboundBlobs: e.blob ? [...s.inboundBlobs, e.blob] : s.inboundBlobs,
        lastInbound: stripMessage(e),
        ...complaintAttachments(s, e),
      };
    case 'letter-queued':
      return { ...s, letters: [...s.letters, { id: e.letter, template: e.template, to: e.to, queuedAt: e.at, ...(e.then ? { then: e.then } : {}), ...(e.party ? { party: e.party } : {}) }] };
    case 'letter-posted':
      return { ...s, letters: s.letters.map((l) => (l.id === e.letter ? { ...l, postedOn: e.on } : l)) };
    case 'conversation-recorded':
      return e.heard?.length ? { ...s, hearings: { ...s.hearings, ...Object.fromEntries(e.heard.map((id) => [id, { ...s.hearings?.[id], heldOn: e.date }])) } } : s;
    case 'copy-sent': {
      const before = s.copies?.[e.party];
      return { ...s, copies: { ...s.copies, [e.party]: { how: e.how, to: [...(before?.to ?? []), ...(e.to ? [e.to] : [])], at: e.at } } };
    }
    case 'hearing-offered':
      return { ...s, hearings: { ...s.hearings, [e.party]: { ...s.hearings?.[e.party], replyBy: e.replyBy } } };
    case 'hearing-waived':
      return { ...s, hearings: { ...s.hearings, [e.party]: { ...s.hearings?.[e.party], waived: e.reason } } };
    case 'note-added':
    case 'message-sent':
    case 'viewed':
      return s;
  }
}

/** The parties, and who may no longer see the case; an assigned handler who is now complained about is unassigned. */
function withParties(s: CaseState, parties: CaseParty[]): CaseState {
  const concerned = concernedOf(parties);
  return { ...s, parties, concerned, ...(s.handler && concerned.includes(s.handler) ? { handler: undefined } : {}) };
}

function corrected(x: CaseParty, changes: PartyContact): CaseParty {
  let out: CaseParty = { ...x };
  for (const [k, v] of Object.entries(changes) as [keyof PartyContact, string | undefined][]) {
    if (v === undefined) continue;
    out = v === '' ? without(out, k) : { ...out, [k]: v };
  }
  return out;
}

function without<K extends keyof CaseParty>(x: CaseParty, key: K): CaseParty {
  const { [key]: _gone, ...rest } = x;
  return rest as CaseParty;
}

/** The complainant's attachments that were kept, added to those of the case so far. */
function complaintAttachments(s: CaseState, e: Extract<CaseEvent, { type: 'message-received' }>) {
  const kept = e.party === 'complainant' && !e.noise ? e.attachments.filter((a) => a.key).map((a) => a.name) : [];
  return kept.length ? { complaintAttachments: [...(s.complaintAttachments ?? []), ...kept] } : {};
}

function stripMessage(e: Extract<CaseEvent, { type: 'message-received' }>) {
  const { type: _t, at: _a, ...message } = e;
  return message;
}

function stripEvent(e: Extract<CaseEvent, { type: 'term-started' }>) {
  const { type: _t, at: _a, ...term } = e;
  return term;
}
