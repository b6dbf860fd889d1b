/**
 * The organisation's published klachtenregeling, made from the procedure file that runs the office,
 * so the text people read and the system that acts on it cannot differ. Pure: a document model from
 * the parsed procedure, then HTML from the model (the PDF in regeling-pdf.ts reads the same model).
 */
import { capitalise, durationWords, outcomeLabel } from '../presentation/present.ts';
import { stageOutcomes } from '../engine/engine.ts';
import { resolveFields } from '../procedure/fields.ts';
import type { Procedure, Stage, Term } from '../procedure/schema.ts';
import { fill, type Lang } from '../procedure/text.ts';
import { escapeHtml, html, raw, type Html } from './html.ts';
import { layout, withLang } from './layout.ts';
import { CHANNEL_WORDS, EXPIRY_WORDS, MOMENT_WORDS, REGELING_TEXTS, REPORT_EVERY_WORDS, type RegelingTextKey } from '../presentation/regeling-texts.ts';

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
  | { kind: 'diagram'; caption: string };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface Regeling {
  lang: Lang;
  title: string;
  organisation: string;
  intro: Block[];
  sections: Section[];
}

const t = (key: RegelingTextKey, lang: Lang, vars: Record<string, string | number> = {}) => fill(REGELING_TEXTS[key][lang], vars);
const p = (...parts: Inline[]): Block => ({ kind: 'paragraph', parts });
const list = (items: { parts: Inline[]; key?: string }[]): Block => ({ kind: 'list', items });

/** "a, b of c" / "a, b or c". */
function either(words: string[], lang: Lang, last = lang === 'nl' ? 'of' : 'or'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/** Where a rule comes from: "(wettelijke standaardtermijn, Awb 9:11 lid 1)" or "(bron: Klachtenregeling art. 6)". */
export function ruleMark(x: { basis?: string; default: boolean }, lang: Lang): string {
  if (x.default) return `(${t('defaultMark', lang)}${x.basis ? `, ${x.basis}` : ''})`;
  return x.basis ? `(${t('basisMark', lang, { basis: x.basis })})` : '';
}

/** The sentence with its source before the full stop: "… na ontvangst van de klacht (bron: art. 6)." */
function withMark(sentence: string, x: { basis?: string; default: boolean }, lang: Lang): string {
  const mark = ruleMark(x, lang);
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
  const intro: Block[] = [p(t('intro', lang, { organisation: o.name })), p(t('sameAsSystem', lang))];
  if (hasDefaults(pr)) intro.push(p(t('defaultLegend', lang)));
  const sections: Section[] = [
    { id: 'contact', heading: t('contactHeading', lang), blocks: contact(pr, lang) },
    { id: 'indienen', heading: t('whoHeading', lang), blocks: intake(pr, lang, options.formHref ?? withLang('/', lang)) },
    { id: 'stappen', heading: t('stagesHeading', lang), blocks: stages(pr, lang) },
    { id: 'schema', heading: t('diagramHeading', lang), blocks: [{ kind: 'diagram', caption: t('diagramCaption', lang) }] },
    { id: 'verlenging', heading: t('extensionHeading', lang), blocks: extension(pr, lang) },
    { id: 'daarna', heading: t('nextBodiesHeading', lang), blocks: nextBodies(pr, lang) },
    { id: 'bewaren', heading: t('retentionHeading', lang), blocks: retention(pr, lang) },
  ];
  return { lang, title: `${t('title', lang)} ${o.name}`, organisation: o.name, intro, sections };
}

function hasDefaults(pr: Procedure): boolean {
  const rules = [pr.extension, pr.retention, ...(pr.intake.window ? [pr.intake.window] : []), ...pr.stages.flatMap((s) => [...s.terms, ...(s.appeal ? [s.appeal] : [])])];
  return rules.some((r) => r.default);
}

function contact(pr: Procedure, lang: Lang): Block[] {
  const o = pr.organisation;
  const items: { parts: Inline[] }[] = [{ parts: [`${t('email', lang)}: `, { text: o.email, href: `mailto:${o.email}` }] }];
  if (o.phone) items.push({ parts: [`${t('phone', lang)}: ${o.phone}`] });
  if (o.address) items.push({ parts: [`${t('address', lang)}: ${o.address}`] });
  if (o.website) items.push({ parts: [`${t('website', lang)}: `, { text: o.website, href: o.website }] });
  return [p(o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name), list(items)];
}

function intake(pr: Procedure, lang: Lang, formHref: string): Block[] {
  const o = pr.organisation;
  const channels = pr.intake.channels.map((c): { parts: Inline[] } => {
    const words = fill(CHANNEL_WORDS[c][lang], {
      email: o.email,
      phone: o.phone ? `: ${o.phone}` : '',
      address: o.address ? (lang === 'nl' ? ` aan ${o.address}` : ` to ${o.address}`) : '',
    });
    return { parts: c === 'web' ? [{ text: words, href: formHref }] : [words] };
  });
  const blocks: Block[] = [p(t('who', lang, { organisation: o.shortName ?? o.name })), list(channels)];
  blocks.push(p(t(pr.intake.anonymous ? 'anonymousYes' : 'anonymousNo', lang)));
  const w = pr.intake.window;
  if (w) {
    blocks.push(p(withMark(t('window', lang, { length: durationWords(w.length, lang) }), w, lang)));
    blocks.push(p(t(w.late === 'refuse' ? 'lateRefuse' : 'lateReview', lang)));
  }
  if (pr.intake.excludedTopics.length)
    blocks.push(p(t('excluded', lang)), list(pr.intake.excludedTopics.map((x) => ({ parts: [`${x.label[lang]}: ${x.explanation[lang]}`] }))));
  blocks.push(p(t('receipt', lang)));
  return blocks;
}

function stages(pr: Procedure, lang: Lang): Block[] {
  const blocks: Block[] = [p(t('stagesIntro', lang))];
  pr.stages.forEach((s, i) => blocks.push(...stage(pr, s, i, lang)));
  return blocks;
}

function stage(pr: Procedure, s: Stage, i: number, lang: Lang): Block[] {
  const name = (id: string) => stageById(pr, id).name[lang];
  const out: Block[] = [{ kind: 'heading', text: t('stageHeading', lang, { n: i + 1, name: capitalise(s.name[lang]) }) }];
  const starts: string[] = i === 0 ? [t('firstStage', lang)] : [];
  const fields = resolveFields(pr);
  for (const r of pr.intake.routes.filter((r) => r.stage === s.id)) {
    const f = fields.find((x) => x.key === r.field);
    const values = r.in.map((v) => f?.options?.find((o) => o.value === v)?.label[lang] ?? v);
    starts.push(t('route', lang, { field: f?.label[lang] ?? r.field, value: either(values, lang) }));
  }
  out.push(p([...starts, t('handler', lang, { role: pr.roles[s.handler]?.name[lang] ?? s.handler })].join(' ')));
  if (s.description) out.push(p(s.description[lang]));
  if (s.kind === 'mediation') out.push(p(t('kindMediation', lang)));
  if (s.kind === 'advice' && s.advisesTo) {
    const advice = [t('kindAdvice', lang, { stage: s.name[lang], next: name(s.advisesTo) })];
    if (s.decides) advice.push(capitalise(t('adviceDecides', lang, { stage: s.name[lang] })));
    out.push(p(capitalise(advice.join(' '))));
  }
  const duties = [
    ...(s.informConcerned ? [t('informConcerned', lang)] : []),
    ...(s.conversation.signatures === 'all-present' ? [t('signatures', lang)] : []),
    ...(s.keepComplainantInformed ? [t('keepInformed', lang)] : []),
  ];
  if (duties.length) out.push(p(duties.join(' ')));

  out.push({ kind: 'heading', text: `${t('termsHeading', lang)} (${capitalise(s.name[lang])})` });
  const terms = s.terms.map((term) => ({ key: `${s.id}.${term.id}`, parts: [termWords(pr, term, lang)] }));
  if (s.appeal) {
    const a = s.appeal;
    const sentences = [withMark(t('appeal', lang, { length: durationWords(a.window, lang), stage: name(a.to), label: a.label[lang] }), a, lang)];
    if (a.after) sentences.push(t('appealAfter', lang, { outcomes: either(a.after.map((x) => outcomeLabel(pr, x, lang)), lang) }));
    if (a.requiresMotivation) sentences.push(t('appealMotivation', lang));
    sentences.push(t('appealUnused', lang));
    terms.push({ key: `${s.id}.appeal`, parts: [sentences.join(' ')] });
  }
  out.push(terms.length ? list(terms) : p(t('noTerms', lang)));

  const after: string[] = [];
  if (!(s.kind === 'advice' && s.advisesTo))
    after.push(t('outcomes', lang, { outcomes: stageOutcomes(s).map((x) => outcomeLabel(pr, x, lang)).join(', ') }));
  if (s.escalateTo.length) after.push(t('escalateTo', lang, { stages: either(s.escalateTo.map(name), lang) }));
  const body = s.nextBody ? pr.nextBodies.find((b) => b.id === s.nextBody) : undefined;
  if (body) after.push(t('nextBodyAfterStage', lang, { body: body.name[lang] }));
  if (after.length) out.push(p(after.join(' ')));
  return out;
}

/** One term in words: "Label: binnen 6 weken na ontvangst van de klacht. Verlengbaar. Is de termijn voorbij? …" */
export function termWords(pr: Procedure, term: Term, lang: Lang): string {
  const sentences = [
    withMark(t('term', lang, { label: term.label[lang], length: durationWords(term.length, lang), moment: MOMENT_WORDS[term.from][lang] }), term, lang),
  ];
  if (term.extendable && pr.extension.allowed) sentences.push(t('extendable', lang));
  if (term.onExpiry.length) {
    sentences.push(t('onExpiry', lang));
    for (const a of term.onExpiry) sentences.push(fill(EXPIRY_WORDS[a.do][lang], a.do === 'escalate' ? { stage: stageById(pr, a.to).name[lang] } : {}));
  }
  return sentences.join(' ');
}

/** "1 keer", "once", "2 times". */
const times = (n: number, lang: Lang) => (lang === 'nl' ? `${n} keer` : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function extension(pr: Procedure, lang: Lang): Block[] {
  const e = pr.extension;
  if (!e.allowed) return [p(t('extensionNone', lang))];
  const consent = e.maxWithoutConsent ? t('extensionConsent', lang, { times: times(e.maxWithoutConsent, lang) }) : t('extensionOnlyWithConsent', lang);
  return [p(withMark(`${t('extension', lang, { max: durationWords(e.max, lang) })} ${consent}`, e, lang))];
}

function nextBodies(pr: Procedure, lang: Lang): Block[] {
  if (!pr.nextBodies.length) return [p(t('nextBodiesNone', lang))];
  return pr.nextBodies.flatMap((b): Block[] => {
    const out: Block[] = [{ kind: 'heading', text: b.name[lang] }, p(b.text[lang])];
    const reach: { parts: Inline[] }[] = [];
    if (b.url) reach.push({ parts: [`${t('website', lang)}: `, { text: b.url, href: b.url }] });
    if (b.contact) reach.push({ parts: [t('contact', lang, { contact: b.contact })] });
    if (reach.length) out.push(list(reach));
    return out;
  });
}

function retention(pr: Procedure, lang: Lang): Block[] {
  const r = pr.retention;
  const blocks: Block[] = [p(withMark(t('retention', lang, { length: durationWords(r.afterClose, lang) }), r, lang))];
  if (pr.reports.length) {
    const reports = pr.reports.map((x) => `${x.label[lang].toLowerCase()} (${REPORT_EVERY_WORDS[x.every][lang]})`);
    blocks.push(p(t('reports', lang, { reports: either(reports, lang, lang === 'nl' ? 'en' : 'and') })));
  }
  if (pr.organisation.privacy) blocks.push(p({ text: t('privacy', lang), href: pr.organisation.privacy }));
  if (pr.source) blocks.push(p(t('source', lang, { source: pr.source })));
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
      return diagram ? html`<figure class="diagram">${raw(labelled(diagram, t('diagramLabel', lang)))}<figcaption>${b.caption}</figcaption></figure>\n` : html``;
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
  const otherLangHref = links.otherLangHref ?? withLang('/regeling', lang === 'nl' ? 'en' : 'nl');
  return layout(pr, { title: t('title', lang), lang, otherLangHref }, regelingHtml(doc, diagram));
}
