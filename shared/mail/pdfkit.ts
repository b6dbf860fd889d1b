/**
 * pdfkit, loaded when a PDF is made. In a Lambda bundle pdfkit is a file of its own beside index.mjs
 * (infra/stack/pdf-fonts.ts): a URL made at run time is a path esbuild cannot follow, so pdfkit (≈170 KiB)
 * stays out of the code every cold start parses. The bundles define `import.meta.pdfkitFile`
 * (infra/stack/bundle-options.ts, BUNDLE.define), which also drops the other branch; from source (tsx,
 * vitest, the local office) it is undefined and the package itself is imported.
 */
import type PDFDocument from 'pdfkit';

declare global {
  interface ImportMeta {
    /** Set only in the Lambda bundles: pdfkit's file, relative to the bundle. */
    readonly pdfkitFile?: string;
  }
}

export async function loadPdfKit(): Promise<typeof PDFDocument> {
  // One expression on the defined value: esbuild removes the dead branch before it resolves `pdfkit`.
  const pdfkit: { default: typeof PDFDocument } = import.meta.pdfkitFile ? await import(new URL(import.meta.pdfkitFile, import.meta.url).href) : await import('pdfkit');
  return pdfkit.default;
}
