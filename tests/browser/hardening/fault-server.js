// A fault server for the browser tests: real HTTP failures, served by the test runner itself (a
// Koa middleware under /__faults/) plus a second origin for a real CORS refusal. Node-side only;
// web-test-runner.config.js installs it. The tests (tests/browser/hardening/*) drive it over HTTP:
//
//   GET /__faults/mode/<id>/<kind>   the next requests of feed <id> fail (or succeed) this way → 204
//   GET /__faults/add/<id>?uid=&summary=&start=&end=   feed <id> holds one more event from now on
//                                    (start and end as UTC date-times, 20261208T100000Z) → 204
//   GET /__faults/hits/<id>          {"hits": n, "abandoned": m}: how many times feed <id> was
//                                    requested, and how many of those the client gave up on
//                                    before the answer was complete (an aborted fetch)
//   GET /__faults/feed/<id>.ics      feed <id>, served as its current mode says (default: healthy)
//       ?delay=<ms>                  healthy mode: answer after this long (a slow server)
//       ?drip=<ms>                   drip mode: spread the body over this long (default 3000)
//
// Kinds: healthy, 404, 500, 429 (Retry-After: 120), 503 (Retry-After: 30), hang (headers never
// sent), reset (connection reset before any response), reset-mid-body (headers, half the body,
// then a TCP reset), truncated (Content-Length of the whole feed, half of it, then a clean close),
// cors (a redirect to the same feed on another origin that sends no CORS headers), html (an HTML
// sign-in page with status 200), empty (200 with no body), drip (the valid feed, a few bytes at
// a time over several seconds), unterminated (half the feed, no length, then a clean close —
// undetectable at the HTTP level; the CLI must still refuse it).
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { URL } from 'node:url';

export const FAULT_KINDS = /** @type {const} */ ([
  'healthy',
  '404',
  '500',
  '429',
  '503',
  'hang',
  'reset',
  'reset-mid-body',
  'truncated',
  'cors',
  'html',
  'empty',
  'drip',
  'unterminated',
]);

/** Events added to a feed after it was first served (`/__faults/add/<id>`), by feed id. */
const added = new Map();

/** The feed every healthy answer carries: a weekly series whose title names the feed, and the events added to it. */
export function faultFeed(id) {
  const extra = (added.get(id) ?? []).flatMap((e) => [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART:${e.start}`,
    `DTEND:${e.end}`,
    `SUMMARY:${e.summary}`,
    'END:VEVENT',
  ]);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//otel-community-widgets//fault server//EN',
    `X-WR-CALNAME:Feed ${id}`,
    'BEGIN:VEVENT',
    `UID:weekly-${id}@faults.test`,
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260105T100000Z',
    'DTEND:20260105T110000Z',
    'RRULE:FREQ=WEEKLY',
    `SUMMARY:Feed ${id} weekly meeting`,
    'END:VEVENT',
    ...extra,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const HTML_PAGE =
  '<!doctype html>\n<html><head><title>Sign in</title></head><body><p>Please sign in to see this calendar.</p></body></html>\n';
const NO_STORE = { 'cache-control': 'no-store' };

/** Mode and request count per feed id (ids are unique per test, so tests never share state). */
const modes = new Map();
const hits = new Map();
const abandoned = new Map();

/** Counts the request as abandoned if the client closes it before the response has ended. */
function watchAbandon(res, id) {
  res.on('close', () => {
    if (!res.writableFinished) abandoned.set(id, (abandoned.get(id) ?? 0) + 1);
  });
}

/** Ends a response's socket with a TCP reset where Node can (20.x), else destroys it. */
function resetSocket(socket) {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** Writes `body` a few bytes at a time over `ms`, stopping if the client goes away. */
function drip(res, body, ms) {
  const bytes = Buffer.from(body, 'utf8');
  const steps = 20;
  const size = Math.ceil(bytes.length / steps);
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-length': String(bytes.length),
    ...NO_STORE,
  });
  let sent = 0;
  const timer = setInterval(
    () => {
      res.write(bytes.subarray(sent, sent + size));
      sent += size;
      if (sent >= bytes.length) {
        clearInterval(timer);
        res.end();
      }
    },
    Math.max(1, Math.floor(ms / steps)),
  );
  res.on('close', () => clearInterval(timer));
}

let secondOrigin;

/**
 * A second origin (127.0.0.1, its own port) serving the healthy feeds with no
 * Access-Control-Allow-Origin header: a browser on the test page's origin must refuse to read them.
 */
function startSecondOrigin() {
  if (!secondOrigin) {
    secondOrigin = new Promise((resolve, reject) => {
      const server = createServer((req, res) => {
        const id = /^\/feed\/([\w-]+)\.ics/.exec(req.url ?? '')?.[1] ?? 'unknown';
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', ...NO_STORE });
        res.end(faultFeed(id));
      });
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.unref();
        resolve(`http://127.0.0.1:${server.address().port}`);
      });
    });
  }
  return secondOrigin;
}

/** Sets how feed `id` is served from now on (one of {@link FAULT_KINDS}). */
export function setFaultMode(id, kind) {
  if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind ${kind}`);
  modes.set(id, kind);
}

/** How often feed `id` was requested, and how many of those requests the client abandoned. */
export function faultStats(id) {
  return { hits: hits.get(id) ?? 0, abandoned: abandoned.get(id) ?? 0 };
}

/** Serves feed `id` on a raw Node response, failing as its mode says. */
export async function serveFault(req, res, id) {
  hits.set(id, (hits.get(id) ?? 0) + 1);
  watchAbandon(res, id);
  const mode = modes.get(id) ?? 'healthy';
  const body = faultFeed(id);
  const search = new URL(req.url ?? '/', 'http://x').searchParams;
  switch (mode) {
    case '404':
    case '500':
      res.writeHead(Number(mode), { 'content-type': 'text/plain', ...NO_STORE });
      res.end(mode === '404' ? 'Not found\n' : 'Internal server error\n');
      return;
    case '429':
    case '503':
      res.writeHead(Number(mode), {
        'content-type': 'text/plain',
        'retry-after': mode === '429' ? '120' : '30',
        ...NO_STORE,
      });
      res.end('Slow down\n');
      return;
    case 'hang':
      // Never answer; the client's timeout (or abort) ends it.
      return;
    case 'reset':
      resetSocket(req.socket);
      return;
    case 'reset-mid-body':
    case 'truncated': {
      const bytes = Buffer.from(body, 'utf8');
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-length': String(bytes.length),
        ...NO_STORE,
      });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
        if (mode === 'reset-mid-body') setTimeout(() => resetSocket(req.socket), 50);
        else setTimeout(() => req.socket.end(), 50);
      });
      return;
    }
    case 'cors': {
      const origin = await startSecondOrigin();
      res.writeHead(302, { location: `${origin}/feed/${id}.ics`, ...NO_STORE });
      res.end();
      return;
    }
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...NO_STORE });
      res.end(HTML_PAGE);
      return;
    case 'empty':
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-length': '0', ...NO_STORE });
      res.end();
      return;
    case 'unterminated': {
      // No Content-Length, no chunking: the body ends when the connection closes, so nothing
      // at the HTTP level says that this half of the feed is not all of it.
      const bytes = Buffer.from(body, 'utf8');
      res.shouldKeepAlive = false;
      res.useChunkedEncodingByDefault = false;
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', connection: 'close', ...NO_STORE });
      res.end(bytes.subarray(0, Math.floor(bytes.length / 2)));
      return;
    }
    case 'drip':
      drip(res, body, Number(search.get('drip') ?? 3000));
      return;
    default: {
      const delay = Number(search.get('delay') ?? 0);
      const answer = () => {
        if (res.destroyed || res.writableEnded) return;
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', ...NO_STORE });
        res.end(body);
      };
      if (delay > 0) {
        const timer = setTimeout(answer, delay);
        res.on('close', () => clearTimeout(timer));
      } else answer();
    }
  }
}

/** The Koa middleware for the test runner's dev server. */
export async function faultMiddleware(ctx, next) {
  const path = ctx.path;
  if (!path.startsWith('/__faults/')) return next();
  const mode = /^\/__faults\/mode\/([\w-]+)\/([\w-]+)$/.exec(path);
  if (mode) {
    const [, id, kind] = mode;
    if (!FAULT_KINDS.includes(kind)) {
      ctx.status = 400;
      ctx.body = `unknown fault kind ${kind}`;
      return undefined;
    }
    setFaultMode(id, kind);
    ctx.set('cache-control', 'no-store');
    ctx.status = 204;
    return undefined;
  }
  const add = /^\/__faults\/add\/([\w-]+)$/.exec(path);
  if (add) {
    const q = ctx.query;
    const field = (name) => (typeof q[name] === 'string' ? q[name].replace(/[\r\n]/g, '') : '');
    const list = added.get(add[1]) ?? [];
    list.push({ uid: field('uid'), summary: field('summary'), start: field('start'), end: field('end') });
    added.set(add[1], list);
    ctx.set('cache-control', 'no-store');
    ctx.status = 204;
    return undefined;
  }
  const count = /^\/__faults\/hits\/([\w-]+)$/.exec(path);
  if (count) {
    ctx.set('cache-control', 'no-store');
    ctx.body = faultStats(count[1]);
    return undefined;
  }
  const feed = /^\/__faults\/feed\/([\w-]+)\.ics$/.exec(path);
  if (feed) {
    // serveFault writes to the raw response (status lines, resets, partial bodies). The status
    // set here is only what the test runner logs (Koa's default, 404, would read as an error).
    ctx.status = modes.get(feed[1]) === '404' ? 404 : 200;
    ctx.respond = false;
    return serveFault(ctx.req, ctx.res, feed[1]);
  }
  ctx.status = 404;
  return undefined;
}

/**
 * The same faults on a server of their own (for the Node tests of the CLI): `${base}/feed/<id>.ics`.
 * Resolves once listening; `close()` drops every open connection (hanging ones too).
 */
export function startFaultServer() {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      const feed = /^\/feed\/([\w-]+)\.ics(?:\?|$)/.exec(req.url ?? '');
      if (feed) return void serveFault(req, res, feed[1]);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        base: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
