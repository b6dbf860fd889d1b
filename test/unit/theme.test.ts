/**
 * The organisation's theme in the procedure file: `procedure check` refuses colour pairs under
 * WCAG AA, naming the field; the stylesheet route serves the design system with the tokens last.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/procedure.ts';
import { contrastRatio } from '../../shared/procedure/contrast.ts';
import { parseProcedure } from '../../shared/procedure/load.ts';
import { themeCss } from '../../shared/web/stylesheet.ts';
import { layout } from '../../shared/web/layout.ts';
import { html } from '../../shared/web/html.ts';
import { renderForm } from '../../shared/web/form.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const HSS = readFileSync(join(ROOT, 'procedures', 'hss.yaml'), 'utf8');

/** hss.yaml with a theme block under `organisation:`. */
function withTheme(theme: string): string {
  const text = HSS.replace(/^organisation:\n/m, `organisation:\n  theme:\n${theme.replace(/^/gm, '    ')}\n`);
  expect(text).not.toBe(HSS);
  return text;
}

function check(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'theme-')), 'org.yaml');
  writeFileSync(file, text);
  let stdout = '';
  let stderr = '';
  const code = main(['check', file], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('contrast', () => {
  it('computes the WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('procedure check and the theme', () => {
  it('accepts a dark primary colour with white text', () => {
    const r = check(withTheme(`primaryColor: "#00615d"\nfontFamily: '"Fira Sans", Arial, sans-serif'`));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('refuses a light primary colour: white button text and links would be unreadable', () => {
    const r = check(withTheme('primaryColor: "#ffcc00"'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/organisation\.theme\.primaryTextColor: contrast too low: text #ffffff on primaryColor #ffcc00 is 1\.\d\d:1, WCAG AA needs at least 4\.5:1/);
    expect(r.stderr).toMatch(/organisation\.theme\.primaryColor: contrast too low: primaryColor #ffcc00 \(links\) on the white page/);
  });

  it('refuses dark text on a dark colour, even when the colour itself reads on white', () => {
    const r = check(withTheme('primaryColor: "#154273"\nprimaryTextColor: "#333333"'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('organisation.theme.primaryTextColor: contrast too low');
    expect(r.stderr).not.toContain('organisation.theme.primaryColor:');
  });

  it('refuses a font list that could break out of the stylesheet, and a logo that is no https or image data', () => {
    const r = check(withTheme('fontFamily: "x}body{display:none"\nlogo: "javascript:alert(1)"'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('organisation.theme.fontFamily');
    expect(r.stderr).toContain('organisation.theme.logo');
  });
});

describe('the theme on the pages', () => {
  const p = parseProcedure(withTheme('primaryColor: "#00615d"\nlogo: "https://cdn.example.nl/logo.svg"'), 'org.yaml').procedure;

  it('puts the tokens in the stylesheet', () => {
    const css = themeCss(p);
    expect(css).toContain('--utrecht-button-primary-action-background-color:#00615d');
    expect(css).toContain('--utrecht-link-color:#00615d');
  });

  it('links the one stylesheet and shows the logo', () => {
    const page = layout(p, { title: 'T', lang: 'nl' }, html`<p>x</p>`);
    expect(page).toContain('<link rel="stylesheet" href="/assets/nlds.css">');
    expect(page).not.toContain('<style');
    expect(page).toContain('<img src="https://cdn.example.nl/logo.svg" alt="">');
    expect(page).toContain('class="utrecht-html voorbeeld-theme klachtenloket-theme"');
  });
});

describe('the form and the privacy statement', () => {
  it('links the privacy statement from the procedure file, and says nothing when there is none', () => {
    const withPrivacy = parseProcedure(HSS.replace(/^organisation:\n/m, 'organisation:\n  privacy: https://www.hss.example.nl/privacy\n'), 'org.yaml').procedure;
    const state = { values: {}, errors: [], submissionId: 's', formToken: 't' };
    expect(renderForm(withPrivacy, 'nl', state)).toContain('<a href="https://www.hss.example.nl/privacy">Wat wij met uw gegevens doen, leest u in onze privacyverklaring.</a>');
    expect(renderForm(withPrivacy, 'en', state)).toContain('Read in our privacy statement what we do with your data.');
    expect(renderForm(parseProcedure(HSS, 'hss.yaml').procedure, 'nl', state)).not.toContain('privacyverklaring');
  });
});
