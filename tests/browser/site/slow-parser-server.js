// Slows the ICS parser chunk down for the page that asks (a Koa middleware of the test runner,
// Node-side): while the test page has the cookie `otel-slow-parser=1`, GET /dist/cdn/chunks/
// ics-parser-*.js is answered after SLOW_PARSER_MS. On localhost every chunk arrives within a
// millisecond, too fast to tell "requested together" from "requested once the first arrived";
// with the parser slowed, a chunk the page requests only after the parser has arrived starts
// visibly after the parser's response ends.
import { setTimeout as sleep } from 'node:timers/promises';

/** How long the parser chunk is held back. */
export const SLOW_PARSER_MS = 300;

/** The Koa middleware. */
export async function slowParserMiddleware(ctx, next) {
  const slow =
    /^\/dist\/cdn\/chunks\/ics-parser-[^/]+\.js$/.test(ctx.path) &&
    /(?:^|;\s*)otel-slow-parser=1(?:;|$)/.test(ctx.get('cookie'));
  if (slow) await sleep(SLOW_PARSER_MS);
  return next();
}
