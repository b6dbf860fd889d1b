import type { Procedure } from '../procedure/schema.ts';

/** Where the pages find their one stylesheet: on the office's own origin, never a CDN. */
export const STYLESHEET_PATH = '/assets/nlds.css';

/**
 * The NL Design System CSS the stylesheet is made of, in this order: the neutral example theme
 * (design tokens), the Utrecht components, and their styling of plain HTML under `.utrecht-html`.
 */
export const DESIGN_SYSTEM_FILES = [
  '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
  '@utrecht/component-library-css/dist/index.css',
  '@utrecht/component-library-css/dist/html.css',
] as const;

/** The file the public function ships next to its bundle (infra/stack) and reads at cold start. */
export const DESIGN_SYSTEM_CSS_FILE = 'nlds.css';

// What the design system leaves to the page: the column, the header band, the memorable date,
// the honeypot, the focus ring on the skip link. Only tokens for colours, so the theme rules.
const APP_CSS = `
body{margin:0}
.utrecht-page-header{background:var(--klachtenloket-header-background,var(--utrecht-button-primary-action-background-color,#154273));color:var(--klachtenloket-header-color,#fff);padding:12px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
.utrecht-page-header a{color:inherit}.utrecht-page-header .org{font-weight:700;font-size:1.15rem;flex:1}.utrecht-page-header img{max-height:48px;max-width:200px}
main.utrecht-page-content{max-width:48rem;margin:0 auto;padding:16px;overflow-wrap:break-word}
main.wide,.utrecht-page-footer.wide{max-width:none}
.utrecht-page-footer{max-width:48rem;margin:24px auto;padding:16px;border-top:1px solid #b1b4b6}
.utrecht-skip-link{position:absolute;left:-999px}.utrecht-skip-link:focus{left:8px;top:8px;background:#fff;color:#000;padding:8px;z-index:1}
.field{margin:0 0 24px}.field.invalid{border-left:5px solid var(--utrecht-form-field-error-message-color,#b10e1e);padding-left:12px}
.hint,.muted,.req{color:#505a5f}.req{font-weight:400}
.error{color:var(--utrecht-form-field-error-message-color,#b10e1e);font-weight:700;margin:0 0 6px}
.summary,.refusal{border:5px solid #b10e1e;padding:16px;margin:0 0 24px}.summary a{color:#b10e1e;font-weight:700}
.notice{border-left:5px solid var(--klachtenloket-header-background,var(--utrecht-button-primary-action-background-color,#154273));background:#f3f6f9;padding:12px 16px;margin:16px 0}
.field legend{font-weight:700}.memorable-date{display:flex;gap:12px;flex-wrap:wrap}.memorable-date label{font-weight:400;display:block}
.utrecht-html .memorable-date input{inline-size:4.5em;width:4.5em;min-inline-size:0}.utrecht-html .memorable-date .year input{inline-size:6.5em;width:6.5em}
.utrecht-html input[type=text],.utrecht-html input[type=email],.utrecht-html input[type=tel],.utrecht-html select,.utrecht-html textarea{max-width:100%}
.utrecht-html textarea{width:100%;min-height:9rem}
.utrecht-html button:not(.utrecht-button){background-color:var(--utrecht-button-primary-action-background-color);color:var(--utrecht-button-primary-action-color);border:0;padding:8px 16px;font-weight:700;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
table{border-collapse:collapse;width:100%}td{overflow-wrap:anywhere}th,td{text-align:left;vertical-align:top;padding:6px 12px 6px 0;border-bottom:1px solid #e0e0e0}
/* The staff case list: words wrap only between words (never "In behandel|ing"); dates and references not at all. */
.case-list td{overflow-wrap:normal;word-break:normal;hyphens:manual}.case-list .nowrap{white-space:nowrap}
ol.timeline li{margin-bottom:8px}.overdue{color:#b10e1e;font-weight:700}
.ref{font-size:1.5rem;font-weight:700;letter-spacing:.05em;white-space:nowrap}
@media print{.utrecht-page-header nav,.utrecht-skip-link,button{display:none}.utrecht-page-header{background:none;color:#000}}
`;

/** The organisation's tokens from the procedure file over the neutral theme (contrast checked by the schema). */
export function themeCss(p: Procedure): string {
  const t = p.organisation.theme;
  if (!t) return '';
  const decl: string[] = [];
  if (t.primaryColor) {
    decl.push(
      `--klachtenloket-header-background:${t.primaryColor}`,
      `--klachtenloket-header-color:${t.primaryTextColor}`,
      `--utrecht-button-primary-action-background-color:${t.primaryColor}`,
      `--utrecht-button-primary-action-color:${t.primaryTextColor}`,
      `--utrecht-button-primary-action-hover-background-color:${t.primaryColor}`,
      `--utrecht-button-primary-action-hover-color:${t.primaryTextColor}`,
      `--utrecht-link-color:${t.primaryColor}`,
    );
  }
  if (t.fontFamily) decl.push(`--utrecht-document-font-family:${t.fontFamily}`, `--basis-text-font-family-default:${t.fontFamily}`);
  return decl.length ? `.klachtenloket-theme{${decl.join(';')}}\n` : '';
}

/** The whole stylesheet: the design system's CSS, the page's own rules, the organisation's tokens last. */
export const stylesheet = (designSystemCss: string, p: Procedure) => `${designSystemCss}\n${APP_CSS}\n${themeCss(p)}`;
