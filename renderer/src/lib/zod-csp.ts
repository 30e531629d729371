/**
 * Zod compiles object parsers with `new Function` unless told not to, and
 * even its probe for that is reported as a CSP violation under our
 * `script-src 'self'` policy. The renderer parses without eval. Imported
 * first by main.ts, before any schema runs.
 */
import { z } from 'zod';

z.config({ jitless: true });
