/**
 * Stands in for fontkit in the Lambda bundles (bundle-options.ts, BUNDLE.alias). pdfkit uses fontkit
 * only to embed font files; our PDFs use its built-in Helvetica, whose metrics pdfkit has itself.
 * fontkit and brotli are about 0.7 MB of the staff bundle, parsed at every cold start for nothing.
 */
export function create(): never {
  throw new Error('fontkit is left out of the Lambda bundles: PDFs there can use only the built-in fonts (Helvetica)');
}
