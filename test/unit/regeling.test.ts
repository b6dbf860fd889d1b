import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/procedure.ts';
import { APPEAL_TERM, termDef } from '../../shared/engine/terms.ts';
import { procedureSvg, safeSvg, UnsafeSvgError } from '../../shared/web/diagram-svg.ts';
import { regelingPdf } from '../../shared/web/regeling-pdf.ts';
import { regelingDocument, regelingPage } from '../../shared/web/regeling.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import type { Procedure } from '../../shared/procedure/schema.ts';
import { simulate } from '../../shared/procedure-tools/simulate.ts';
import type { Lang } from '../../shared/procedure/text.ts';
import { escapeHtml } from '../../shared/web/html.ts';
import { pdfText } from '../support/pdf-text.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const IDS = ['ben-in-de-buurt', 'bureau-mhr', 'buro-leerlingenhulp', 'hss', 'perspectief-herstelbemiddeling'];
const load = (id: string) => loadProcedureFile(join(ROOT, 'procedures', `${id}.yaml`)).procedure;

// Written out here, not taken from the renderer, so a wrong word in the regeling fails the test.
const UNITS: Record<string, Record<Lang, [string, string]>> = {
  days: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
  weeks: { nl: ['week', 'weken'], en: ['week', 'weeks'] },
  months: { nl: ['maand', 'maanden'], en: ['month', 'months'] },
  years: { nl: ['jaar', 'jaar'], en: ['year', 'years'] },
  workingDays: { nl: ['werkdag', 'werkdagen'], en: ['working day', 'working days'] },
};
const words = (d: { amount: number; unit: string }, lang: Lang) => `${d.amount} ${UNITS[d.unit]![lang][d.amount === 1 ? 0 : 1]}`;
const WITHIN = { nl: 'binnen', en: 'within' };
const DEFAULT = { nl: 'wettelijke standaardtermijn', en: 'statutory default term' };

/** The text of the list item the regeling marks for a term (`stage.term`). */
function termItem(page: string, key: string): string {
  const m = new RegExp(`<li data-term="${key.replace('.', '\\.')}">([\\s\\S]*?)</li>`).exec(page);
  expect(m, `an item for term ${key}`).not.toBeNull();
  return m![1]!;
}

const section = (page: string, id: string) => {
  const m = new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(page);
  expect(m, `section ${id}`).not.toBeNull();
  return m![1]!;
};

describe.each(IDS)('the published regeling of %s', (id) => {
  const p = load(id);
  const mainPath = simulate(p, '2026-03-02').find((x) => x.kind === 'main')!;

  it.each(['nl', 'en'] as const)('names every term of the simulated main path in words, with its source (%s)', (lang) => {
    const page = regelingPage(p, lang);
    expect(mainPath.steps.length).toBeGreaterThan(0);
    for (const step of mainPath.steps) {
      const def = termDef(p, step.stage, step.term);
      const item = termItem(page, `${step.stage}.${step.term}`);
      expect(item).toContain(escapeHtml(def.label[lang]));
      expect(item).toContain(`${WITHIN[lang]} ${words(def.length, lang)}`);
      if (def.default) expect(item).toContain(DEFAULT[lang]);
      else expect(item).not.toContain(DEFAULT[lang]);
      if (def.basis) expect(item).toContain(escapeHtml(def.basis));
    }
  });

  it.each(['nl', 'en'] as const)('has every stage with its handler, every term, the next bodies, extension and retention (%s)', (lang) => {
    const page = regelingPage(p, lang);
    expect(page).toContain(`<html lang="${lang}" class="utrecht-html`);
    expect(page).toContain(escapeHtml(p.organisation.name));
    expect(page).toContain(escapeHtml(p.organisation.email));
    for (const s of p.stages) {
      expect(page).toContain(escapeHtml(p.roles[s.handler]!.name[lang]));
      for (const t of s.terms) expect(termItem(page, `${s.id}.${t.id}`)).toContain(`${WITHIN[lang]} ${words(t.length, lang)}`);
      if (s.appeal) expect(termItem(page, `${s.id}.${APPEAL_TERM}`)).toContain(`${WITHIN[lang]} ${words(s.appeal.window, lang)}`);
    }
    const after = section(page, 'daarna');
    for (const b of p.nextBodies) {
      expect(after).toContain(escapeHtml(b.name[lang]));
      expect(after).toContain(escapeHtml(b.text[lang]));
      if (b.url) expect(after).toContain(`href="${escapeHtml(b.url)}"`);
      if (b.contact) expect(after).toContain(escapeHtml(b.contact));
    }
    for (const [sectionId, rule, length] of [
      ['verlenging', p.extension, p.extension.max],
      ['bewaren', p.retention, p.retention.afterClose],
    ] as const) {
      const text = section(page, sectionId);
      expect(text).toContain(words(length, lang));
      if (rule.default) expect(text).toContain(DEFAULT[lang]);
      else expect(text).not.toContain(DEFAULT[lang]);
    }
    if (p.intake.window) expect(section(page, 'indienen')).toContain(words(p.intake.window.length, lang));
  });

  it('makes an A4 PDF with the organisation and the Dutch text', async () => {
    const pdf = await regelingPdf(regelingDocument(p, 'nl'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(p.organisation.name);
    expect(text).toContain('Klachtenregeling');
    const first = termDef(p, mainPath.steps[0]!.stage, mainPath.steps[0]!.term);
    expect(text).toContain(`binnen ${words(first.length, 'nl')}`);
  });
});

describe('the regeling is escaped and marks what the law fills in', () => {
  const hostile = (): Procedure => {
    const p = structuredClone(load('bureau-mhr'));
    p.stages[0]!.name = { nl: 'Bemiddeling <script>alert(1)</script> & "co" > rest', en: 'Mediation <img src=x onerror=alert(1)> & co' };
    p.stages[0]!.terms[0]!.label = { nl: 'Einde <b>bemiddeling</b> & gesprek', en: 'End <b>of</b> mediation & talk' };
    p.organisation.privacy = 'https://example.nl/privacy?a=1&b=2';
    return p;
  };

  it('escapes labels in the page and links the privacy statement', () => {
    const nl = regelingPage(hostile(), 'nl');
    expect(nl).not.toContain('<script>alert');
    expect(nl).toContain('Bemiddeling &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot; &gt; rest');
    expect(nl).toContain('Einde &lt;b&gt;bemiddeling&lt;/b&gt; &amp; gesprek');
    expect(nl).toContain('href="https://example.nl/privacy?a=1&amp;b=2"');
    const en = regelingPage(hostile(), 'en');
    expect(en).not.toContain('<img');
    expect(en).toContain('Read our privacy statement');
  });

  it('draws the diagram as an SVG without scripts, handlers or outside fonts, labels escaped', () => {
    const svg = procedureSvg(hostile());
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<script|<img|onerror|@import|fonts\.googleapis/i);
    expect(svg).toContain('&amp;');
    for (const [, name] of svg.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)) expect(name).not.toMatch(/script|foreignObject|a$|image|iframe/i);
    const page = regelingPage(hostile(), 'nl', svg);
    expect(page).toMatch(/<figure class="diagram"><svg [^>]*role="img" aria-label="Schema van de klachtenprocedure"/);
  });

  it('leaves the diagram section out where no diagram is drawn (the Lambda, which does not bundle the drawing library)', () => {
    const page = regelingPage(load('hss'), 'nl');
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('Schema van de procedure');
    expect(page).toContain('Verlenging');
  });

  it('refuses an SVG with a script, a handler or a link', () => {
    expect(() => safeSvg('<svg><script>alert(1)</script></svg>')).toThrow(UnsafeSvgError);
    expect(() => safeSvg('<svg onload="alert(1)"></svg>')).toThrow(UnsafeSvgError);
    expect(() => safeSvg('<svg><g><a href="https://x">x</a></g></svg>')).toThrow(UnsafeSvgError);
    expect(() => safeSvg('<svg><rect style="fill:url(https://x/y)"/></svg>')).toThrow(UnsafeSvgError);
    expect(safeSvg("<svg><style>@import url('https://fonts.example/x.css');\ntext{}</style></svg>")).toBe('<svg><style>\ntext{}</style></svg>');
  });

  it('marks legal defaults with the law they come from, and names the source of the organisation’s own terms', () => {
    const mhr = regelingPage(load('bureau-mhr'), 'nl');
    expect(termItem(mhr, 'bemiddeling.bemiddeling')).toContain('binnen 6 weken na ontvangst van de klacht (wettelijke standaardtermijn, Awb 9:11 lid 1).');
    expect(termItem(mhr, 'directie.antwoord')).toContain('(bron: Klachtenprocedure, procedure)');
    expect(termItem(mhr, 'directie.antwoord')).toContain('Dan gaat uw klacht naar het bestuur.');
    const en = regelingPage(load('bureau-mhr'), 'en');
    expect(termItem(en, 'bemiddeling.bemiddeling')).toContain('within 6 weeks after the complaint is received (statutory default term, Awb 9:11 lid 1).');
    expect(termItem(en, 'directie.antwoord')).toContain('Has the term passed? Then your complaint goes to the board.');
    expect(section(en, 'verlenging')).toContain('we can extend a term by 4 weeks at most. We tell you beforehand, with the reason. Without your written consent we extend at most once (statutory default term, Awb 9:11 lid 2).');
    const noExtensionWithoutConsent = structuredClone(load('bureau-mhr'));
    noExtensionWithoutConsent.extension.maxWithoutConsent = 0;
    expect(section(regelingPage(noExtensionWithoutConsent, 'nl'), 'verlenging')).toContain('Wij verlengen alleen met uw schriftelijke toestemming');
  });
});

describe('npm run procedure -- publish', () => {
  it('writes the regeling in Dutch and English as HTML, and in Dutch as PDF', async () => {
    const out = mkdtempSync(join(tmpdir(), 'regeling-'));
    let stdout = '';
    let stderr = '';
    const code = await main(['publish', join(ROOT, 'procedures', 'hss.yaml'), '--out', out, '--site', 'https://klachten.hss.example.nl'], {
      out: (t) => (stdout += t),
      err: (t) => (stderr += t),
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['regeling.nl.html', 'regeling.en.html', 'regeling.nl.pdf'].map((f) => join(out, f)));
    const nl = readFileSync(join(out, 'regeling.nl.html'), 'utf8');
    expect(nl).toContain('<html lang="nl" class="utrecht-html');
    expect(nl).toContain('href="regeling.en.html"');
    expect(nl).toContain('href="https://klachten.hss.example.nl/?lang=nl"');
    expect(nl).toMatch(/<svg [^>]*role="img"/);
    expect(readFileSync(join(out, 'regeling.en.html'), 'utf8')).toContain('Complaints procedure');
    const pdf = readFileSync(join(out, 'regeling.nl.pdf'));
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(pdf)).toContain('HSS Hulpverlening Sociale Sector');
  });

  it('exits 2 with the usage line on bad arguments', async () => {
    for (const argv of [['publish'], ['publish', 'a.yaml', 'b.yaml'], ['publish', 'procedures/hss.yaml', '--out'], ['publish', 'procedures/hss.yaml', '--json'], ['publish', 'procedures/hss.yaml', '--site', 'no url']]) {
      let stderr = '';
      const code = await main(argv, { out: () => {}, err: (t) => (stderr += t) });
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(/publish <file> \[--out dir\]/);
    }
  });
});
