/**
 * The organisation's published klachtenregeling, made from the procedure file that runs the office,
 * so the text people read and the system that acts on it cannot differ. Pure: a document model from
 * the parsed procedure, then HTML from the model (the PDF in regeling-pdf.ts reads the same model).
 */
import { capitalise, durationWords, outcomeLabel } from '../presentation/present.ts';
import { stageOutcomes } from '../engine/engine.ts';
import { resolveFields } from '../procedure/fields.ts';
import type { Procedure, Stage, Term } from '../procedure/schema.ts';
import { otherLang, text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { escapeHtml, html, raw, type Html } from './html.ts';
import { layout, withLang } from './layout.ts';

/** A run of text, or a link. */
/** The procedure diagram as drawn at build time, next to the public function's bundle (infra/stack/public-assets.ts). */
export const REGELING_DIAGRAM_FILE = 'regeling.svg';

export type Inline = string | { text: string; href: string };

export type Block =
  | { kind: 'paragraph'; parts: Inline[] }
  /** `key` marks an item for readers that look for one thing (e.g. a term: `stage.term`). */
  | { kind: 'list'; items: { parts: Inline[]; key?: string }[] }
  | { kind: 'heading'; text: string }
  /** The procedure diagram (drawn where the medium can). */
  | { kind: 'diagram'; caption: string; label: string; printed: string };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface Regeling {
  lang: Lang;
  /** The document's title ("Klachtenregeling Voorbeeld"), and the same without the organisation, and its language tag ("nl-NL"). */
  title: string;
  kind: string;
  locale: string;
  organisation: string;
  intro: Block[];
  sections: Section[];
}

/** A key of the regeling's area, without its `regeling.` prefix. */
type After<K, P extends string> = K extends `${P}${infer R}` ? R : never;
type RegelingKey = After<TextKey, 'regeling.'>;
const t = (pr: Procedure, key: RegelingKey, lang: Lang, vars: Record<string, string | number> = {}) => text(pr, `regeling.${key}`, lang, vars);
const p = (...parts: Inline[]): Block => ({ kind: 'paragraph', parts });
const list = (items: { parts: Inline[]; key?: string }[]): Block => ({ kind: 'list', items });

/** "a, b of c" / "a, b or c". */
function either(pr: Procedure, words: string[], lang: Lang, last = t(pr, 'or', lang)): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/** Where a rule comes from: "(wettelijke standaardtermijn, Awb 9:11 lid 1)" or "(bron: Klachtenregeling art. 6)". */
export function ruleMark(pr: Procedure, x: { basis?: string; default: boolean }, lang: Lang): string {
  if (x.default) return `(${t(pr, 'defaultMark', lang)}${x.basis ? `, ${x.basis}` : ''})`;
  return x.basis ? `(${t(pr, 'basisMark', lang, { basis: x.basis })})` : '';
}

/** The sentence with its source before the full stop: "… na ontvangst van de klacht (bron: art. 6)." */
function withMark(pr: Procedure, sentence: string, x: { basis?: string; default: boolean }, lang: Lang): string {
  const mark = ruleMark(pr, x, lang);
  if (!mark) return sentence;
  return sentence.endsWith('.') ? `${sentence.slice(0, -1)} ${mark}.` : `${sentence} ${mark}`;
}

const stageById = (pr: Procedure, id: string) => pr.stages.find((s) => s.id === id)!;

export interface RegelingOptions {
  /** Where the complaint form is (default: the office's own "/", for the page it serves). */
  formHref?: string;
}

/** The regeling as a document model, in one language. */
export function regelingDocument(pr: Procedure, lang: Lang, options: RegelingOptions = {}): Regeling {
  const o = pr.organisation;
  const intro: Block[] = [p(t(pr, 'intro', lang, { organisation: o.name })), p(t(pr, 'sameAsSystem', lang))];
  if (hasDefaults(pr)) intro.push(p(t(pr, 'defaultLegend', lang)));
  const sections: Section[] = [
    { id: 'contact', heading: t(pr, 'contactHeading', lang), blocks: contact(pr, lang) },
    { id: 'indienen', heading: t(pr, 'whoHeading', lang), blocks: intake(pr, lang, options.formHref ?? withLang('/', lang)) },
    { id: 'stappen', heading: t(pr, 'stagesHeading', lang), blocks: stages(pr, lang) },
    { id: 'schema', heading: t(pr, 'diagramHeading', lang), blocks: [{ kind: 'diagram', caption: t(pr, 'diagramCaption', lang), label: t(pr, 'diagramLabel', lang), printed: t(pr, 'pdfDiagram', lang) }] },
    { id: 'verlenging', heading: t(pr, 'extensionHeading', lang), blocks: extension(pr, lang) },
    { id: 'daarna', heading: t(pr, 'nextBodiesHeading', lang), blocks: nextBodies(pr, lang) },
    { id: 'bewaren', heading: t(pr, 'retentionHeading', lang), blocks: retention(pr, lang) },
  ];
  return { lang, title: `${t(pr, 'title', lang)} ${o.name}`, kind: t(pr, 'title', lang), locale: t(pr, 'locale', lang), organisation: o.name, intro, sections };
}

function hasDefaults(pr: Procedure): boolean {
  const rules = [pr.extension, pr.retention, ...(pr.intake.window ? [pr.intake.window] : []), ...pr.stages.flatMap((s) => [...s.terms, ...(s.appeal ? [s.appeal] : [])])];
  return rules.some((r) => r.default);
}

function contact(pr: Procedure, lang: Lang): Block[] {
  const o = pr.organisation;
  const items: { parts: Inline[] }[] = [{ parts: [`${t(pr, 'email', lang)}: `, { text: o.email, href: `mailto:${o.email}` }] }];
  if (o.phone) items.push({ parts: [`${t(pr, 'phone', lang)}: ${o.phone}`] });
  if (o.address) items.push({ parts: [`${t(pr, 'address', lang)}: ${o.address}`] });
  if (o.website) items.push({ parts: [`${t(pr, 'website', lang)}: `, { text: o.website, href: o.website }] });
  return [p(o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name), list(items)];
}

function intake(pr: Procedure, lang: Lang, formHref: string): Block[] {
  const o = pr.organisation;
  const channels = pr.intake.channels.map((c): { parts: Inline[] } => {
    const words = t(pr, `channel.${c}`, lang, {
      email: o.email,
      phone: o.phone ? `: ${o.phone}` : '',
      address: o.address ? t(pr, 'toAddress', lang, { address: o.address }) : '',
    });
    return { parts: c === 'web' ? [{ text: words, href: formHref }] : [words] };
  });
  const blocks: Block[] = [p(t(pr, 'who', lang, { organisation: o.shortName ?? o.name })), list(channels)];
  blocks.push(p(t(pr, pr.intake.anonymous ? 'anonymousYes' : 'anonymousNo', lang)));
  const w = pr.intake.window;
  if (w) {
    blocks.push(p(withMark(pr, t(pr, 'window', lang, { length: durationWords(w.length, lang) }), w, lang)));
    blocks.push(p(t(pr, w.late === 'refuse' ? 'lateRefuse' : 'lateReview', lang)));
  }
  if (pr.intake.excludedTopics.length)
    blocks.push(p(t(pr, 'excluded', lang)), list(pr.intake.excludedTopics.map((x) => ({ parts: [`${x.label[lang]}: ${x.explanation[lang]}`] }))));
  blocks.push(p(t(pr, 'receipt', lang)));
  return blocks;
}

function stages(pr: Procedure, lang: Lang): Block[] {
  const blocks: Block[] = [p(t(pr, 'stagesIntro', lang))];
  pr.stages.forEach((s, i) => blocks.push(...stage(pr, s, i, lang)));
  return blocks;
}

function stage(pr: Procedure, s: Stage, i: number, lang: Lang): Block[] {
  const name = (id: string) => stageById(pr, id).name[lang];
  const out: Block[] = [{ kind: 'heading', text: t(pr, 'stageHeading', lang, { n: i + 1, name: capitalise(s.name[lang]) }) }];
  const starts: string[] = i === 0 ? [t(pr, 'firstStage', lang)] : [];
  const fields = resolveFields(pr);
  for (const r of pr.intake.routes.filter((r) => r.stage === s.id)) {
    const f = fields.find((x) => x.key === r.field);
    const values = r.in.map((v) => f?.options?.find((o) => o.value === v)?.label[lang] ?? v);
    starts.push(t(pr, 'route', lang, { field: f?.label[lang] ?? r.field, value: either(pr, values, lang) }));
  }
  out.push(p([...starts, t(pr, 'handler', lang, { role: pr.roles[s.handler]?.name[lang] ?? s.handler })].join(' ')));
  if (s.description) out.push(p(s.description[lang]));
  if (s.kind === 'mediation') out.push(p(t(pr, 'kindMediation', lang)));
  if (s.kind === 'advice' && s.advisesTo) {
    const advice = [t(pr, 'kindAdvice', lang, { stage: s.name[lang], next: name(s.advisesTo) })];
    if (s.decides) advice.push(capitalise(t(pr, 'adviceDecides', lang, { stage: s.name[lang] })));
    out.push(p(capitalise(advice.join(' '))));
  }
  const duties = [
    ...(s.informConcerned ? [t(pr, 'informConcerned', lang)] : []),
    ...(s.conversation.signatures === 'all-present' ? [t(pr, 'signatures', lang)] : []),
    ...(s.keepComplainantInformed ? [t(pr, 'keepInformed', lang)] : []),
  ];
  if (duties.length) out.push(p(duties.join(' ')));

  out.push({ kind: 'heading', text: `${t(pr, 'termsHeading', lang)} (${capitalise(s.name[lang])})` });
  const terms = s.terms.map((term) => ({ key: `${s.id}.${term.id}`, parts: [termWords(pr, term, lang)] }));
  if (s.appeal) {
    const a = s.appeal;
    const sentences = [withMark(pr, t(pr, 'appeal', lang, { length: durationWords(a.window, lang), stage: name(a.to), label: a.label[lang] }), a, lang)];
    if (a.after) sentences.push(t(pr, 'appealAfter', lang, { outcomes: either(pr, a.after.map((x) => outcomeLabel(pr, x, lang)), lang) }));
    if (a.requiresMotivation) sentences.push(t(pr, 'appealMotivation', lang));
    sentences.push(t(pr, 'appealUnused', lang));
    terms.push({ key: `${s.id}.appeal`, parts: [sentences.join(' ')] });
  }
  out.push(terms.length ? list(terms) : p(t(pr, 'noTerms', lang)));

  const after: string[] = [];
  if (!(s.kind === 'advice' && s.advisesTo))
    after.push(t(pr, 'outcomes', lang, { outcomes: stageOutcomes(s).map((x) => outcomeLabel(pr, x, lang)).join(', ') }));
  if (s.escalateTo.length) after.push(t(pr, 'escalateTo', lang, { stages: either(pr, s.escalateTo.map(name), lang) }));
  const body = s.nextBody ? pr.nextBodies.find((b) => b.id === s.nextBody) : undefined;
  if (body) after.push(t(pr, 'nextBodyAfterStage', lang, { body: body.name[lang] }));
  if (after.length) out.push(p(after.join(' ')));
  return out;
}

/** One term in words: "Label: binnen 6 weken na ontvangst van de klacht. Verlengbaar. Is de termijn voorbij? …" */
export function termWords(pr: Procedure, term: Term, lang: Lang): string {
  const sentences = [
    withMark(pr, t(pr, 'term', lang, { label: term.label[lang], length: durationWords(term.length, lang), moment: t(pr, `moment.${term.from}`, lang) }), term, lang),
  ];
  if (term.extendable && pr.extension.allowed) sentences.push(t(pr, 'extendable', lang));
  if (term.onExpiry.length) {
    sentences.push(t(pr, 'onExpiry', lang));
    for (const a of term.onExpiry) sentences.push(t(pr, `expiry.${a.do}`, lang, a.do === 'escalate' ? { stage: stageById(pr, a.to).name[lang] } : {}));
  }
  return sentences.join(' ');
}

/** "1 keer", "once", "2 times". */
const times = (pr: Procedure, n: number, lang: Lang) => (n === 1 ? t(pr, 'times.1', lang) : n === 2 ? t(pr, 'times.2', lang) : t(pr, 'times', lang, { n }));

function extension(pr: Procedure, lang: Lang): Block[] {
  const e = pr.extension;
  if (!e.allowed) return [p(t(pr, 'extensionNone', lang))];
  const consent = e.maxWithoutConsent ? t(pr, 'extensionConsent', lang, { times: times(pr, e.maxWithoutConsent, lang) }) : t(pr, 'extensionOnlyWithConsent', lang);
  return [p(withMark(pr, `${t(pr, 'extension', lang, { max: durationWords(e.max, lang) })} ${consent}`, e, lang))];
}

function nextBodies(pr: Procedure, lang: Lang): Block[] {
  if (!pr.nextBodies.length) return [p(t(pr, 'nextBodiesNone', lang))];
  return pr.nextBodies.flatMap((b): Block[] => {
    const out: Block[] = [{ kind: 'heading', text: b.name[lang] }, p(b.text[lang])];
    const reach: { parts: Inline[] }[] = [];
    if (b.url) reach.push({ parts: [`${t(pr, 'website', lang)}: `, { text: b.url, href: b.url }] });
    if (b.contact) reach.push({ parts: [t(pr, 'contact', lang, { contact: b.contact })] });
    if (reach.length) out.push(list(reach));
    return out;
  });
}

function retention(pr: Procedure, lang: Lang): Block[] {
  const r = pr.retention;
  const blocks: Block[] = [p(withMark(pr, t(pr, 'retention', lang, { length: durationWords(r.afterClose, lang) }), r, lang))];
  if (pr.reports.length) {
    const reports = pr.reports.map((x) => `${x.label[lang].toLowerCase()} (${text(pr, `every.${x.every}`, lang)})`);
    blocks.push(p(t(pr, 'reports', lang, { reports: either(pr, reports, lang, t(pr, 'and', lang)) })));
  }
  if (pr.organisation.privacy) blocks.push(p({ text: t(pr, 'privacy', lang), href: pr.organisation.privacy }));
  if (pr.source) blocks.push(p(t(pr, 'source', lang, { source: pr.source })));
  return blocks;
}

// ---- HTML ----

const inline = (parts: Inline[]): Html[] => parts.map((x) => (typeof x === 'string' ? html`${x}` : html`<a href="${x.href}">${x.text}</a>`));

function block(b: Block, diagram: string | undefined, lang: Lang): Html {
  switch (b.kind) {
    case 'paragraph':
      return html`<p>${inline(b.parts)}</p>\n`;
    case 'heading':
      return html`<h3>${b.text}</h3>\n`;
    case 'list':
      return html`<ul>${b.items.map((i) => html`<li${i.key ? html` data-term="${i.key}"` : ''}>${inline(i.parts)}</li>`)}</ul>\n`;
    case 'diagram':
      return diagram ? html`<figure class="diagram">${raw(labelled(diagram, b.label))}<figcaption>${b.caption}</figcaption></figure>\n` : html``;
  }
}

/** The SVG as one image with a name for screen readers, scaled to the page's width. */
const labelled = (svg: string, label: string) =>
  svg.replace(/^<svg\b([^>]*?) width="[^"]*" height="[^"]*"/, (_, attrs: string) => `<svg${attrs} width="100%" role="img" aria-label="${escapeHtml(label)}"`);

/** The regeling as an HTML fragment; `diagram` is a safe SVG (see diagram-svg.ts) or nothing. */
export function regelingHtml(doc: Regeling, diagram?: string): Html {
  const sections = doc.sections.filter((s) => diagram || !s.blocks.some((b) => b.kind === 'diagram'));
  return html`<h1>${doc.title}</h1>
${doc.intro.map((b) => block(b, diagram, doc.lang))}
${sections.map((s) => html`<section aria-labelledby="${s.id}"><h2 id="${s.id}">${s.heading}</h2>
${s.blocks.map((b) => block(b, diagram, doc.lang))}</section>
`)}`;
}

export interface PageLinks extends RegelingOptions {
  /** The same page in the other language (default: the office's /regeling). */
  otherLangHref?: string;
}

/** The whole page, in the office's layout (GET /regeling, and the published HTML file). */
export function regelingPage(pr: Procedure, lang: Lang, diagram?: string, links: PageLinks = {}): string {
  const doc = regelingDocument(pr, lang, links);
  const otherLangHref = links.otherLangHref ?? withLang('/regeling', otherLang(lang));
  return layout(pr, { title: t(pr, 'title', lang), lang, otherLangHref }, regelingHtml(doc, diagram));
}
