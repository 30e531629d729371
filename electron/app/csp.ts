/**
 * The security headers the renderer is served with, by both transports: the
 * `arbitra://app/` scheme under Electron and the loopback HTTP server of
 * `npm run web`. One definition so the two cannot drift.
 *
 * The page loads nothing from outside its own origin: no inline script, no
 * eval (WebAssembly compilation is allowed for the optimiser), no frames,
 * no forms posting elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of the app's own origin. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});
