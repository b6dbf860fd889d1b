/**
 * The procedure diagram as an SVG drawn on the server (beautiful-mermaid, no DOM, no browser), made
 * safe to inline in a page under the office's strict CSP: only drawing elements, no scripts, no
 * event handlers, no links, no fetched fonts. Labels come from the procedure file and are
 * escaped by the renderer; anything unexpected in its output drops the diagram rather than ship it.
 */
import { renderMermaidSVG } from 'beautiful-mermaid';
import { procedureDiagram } from '../procedure-tools/diagram.ts';
import type { Procedure } from '../procedure/schema.ts';

const DRAWING_ELEMENTS = new Set(['svg', 'style', 'defs', 'marker', 'polygon', 'polyline', 'g', 'rect', 'text', 'tspan', 'circle', 'ellipse', 'path', 'line', 'title']);

export class UnsafeSvgError extends Error {}

/** The SVG without what a strict CSP would block or a page must not run; throws on anything else. */
export function safeSvg(svg: string): string {
  // The renderer imports a web font from a third party: the office serves from its own origin only.
  const cleaned = svg.replace(/@import\s+url\([^)]*\)\s*;?/g, '');
  for (const [, name] of cleaned.matchAll(/<\/?([a-zA-Z][\w:-]*)/g))
    if (!DRAWING_ELEMENTS.has(name!)) throw new UnsafeSvgError(`unexpected <${name}> in the diagram`);
  if (/\son[a-z]+\s*=/i.test(cleaned)) throw new UnsafeSvgError('an event handler in the diagram');
  if (/\bhref\s*=|javascript:|@import|url\((?!#)/i.test(cleaned)) throw new UnsafeSvgError('a link or an outside resource in the diagram');
  return cleaned;
}

/** The procedure's Mermaid diagram (shared/procedure-tools/diagram.ts) as a safe SVG. */
export function procedureSvg(p: Procedure): string {
  return safeSvg(renderMermaidSVG(procedureDiagram(p), { font: 'system-ui, sans-serif' }));
}

const drawn = new WeakMap<Procedure, string | undefined>();

/**
 * The diagram for a page, drawn once per procedure (drawing takes a few hundred milliseconds).
 * Undefined when it cannot be drawn safely: the page's text says everything the diagram shows.
 */
export function cachedProcedureSvg(p: Procedure): string | undefined {
  if (!drawn.has(p)) {
    let svg: string | undefined;
    try {
      svg = procedureSvg(p);
    } catch (e) {
      console.warn(`regeling ${p.id}: diagram left out: ${(e as Error).message}`);
      svg = undefined;
    }
    drawn.set(p, svg);
  }
  return drawn.get(p);
}
