/**
 * zod's English messages for zod/mini, which the functions use to validate input (the Lambda
 * environment, event payloads, form fields): import this module beside `import * as z from 'zod/mini'`.
 * The full `zod` costs each cold start ≈ 0.4 s (it builds every method on every schema and brings
 * all locales; `npm run bench:cold`); zod/mini is tree-shaken to what is used. The procedure schema
 * (build time, scripts) keeps the full zod.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
