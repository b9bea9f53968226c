/**
 * A CORS proxy for iCalendar feeds, as a Cloudflare Worker (docs/recipes/cors-proxy.md).
 *
 * Point the element at it:  <otel-event-list src="https://calendar.google.com/…/basic.ics"
 *                             proxy="https://ics-proxy.example.workers.dev/?url={url}">
 *
 * Rules (each one is checked by tests/node/recipes.test.ts):
 * - Never an open proxy: only GET/HEAD of https URLs on ALLOWED_HOSTS (host, or host/path-prefix),
 *   redirects followed only within that list, no cookies or credentials sent upstream.
 * - Only pages on ALLOWED_ORIGINS may read the answer: their Origin is echoed in
 *   Access-Control-Allow-Origin with `Vary: Origin` (so caches keep one copy per origin);
 *   other origins get 403. (`*` in ALLOWED_ORIGINS allows every site: `Access-Control-Allow-Origin: *`.)
 * - The upstream status is passed on (a 404 stays a 404, readable by the page, so the element
 *   says "not found" instead of "network or CORS"); only calendars are passed on
 *   (`text/calendar`, or JSON), at most MAX_BYTES.
 * - Cached for a few minutes at the edge and in the browser: `Cache-Control: public,
 *   max-age=300, stale-while-revalidate=3600`; ETag and Last-Modified are passed on.
 *
 * Configure in wrangler.toml [vars]: ALLOWED_HOSTS = "calendar.google.com/calendar/ical/"
 * and ALLOWED_ORIGINS = "https://opentelemetry.io,https://www.cncf.io".
 */

/* global Response, fetch, URL -- Cloudflare Workers (and Node 18+) provide them. */

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';
const CALENDAR_TYPES = ['text/calendar', 'application/json'];

/** @param {string | undefined} list */
function splitList(list) {
  return (list ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Whether a URL may be fetched: https (http only when ALLOW_HTTP is "true", for local tests), and
 * its host (with port, if any), or host + path prefix, on the allow-list.
 * @param {URL} url @param {Record<string, string | undefined>} env
 */
export function isAllowedUpstream(url, env) {
  const schemes = env.ALLOW_HTTP === 'true' ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol) || url.username || url.password) return false;
  return splitList(env.ALLOWED_HOSTS).some((entry) => {
    const slash = entry.indexOf('/');
    const host = slash < 0 ? entry : entry.slice(0, slash);
    const prefix = slash < 0 ? '/' : entry.slice(slash);
    return url.host === host.toLowerCase() && url.pathname.startsWith(prefix);
  });
}

/**
 * The Access-Control-Allow-Origin value for a request's Origin, or null when it is not allowed.
 * @param {string | null} origin @param {Record<string, string | undefined>} env
 */
export function allowedOrigin(origin, env) {
  const allowed = splitList(env.ALLOWED_ORIGINS);
  if (allowed.includes('*')) return '*';
  return origin && allowed.includes(origin) ? origin : null;
}

/** @param {number} status @param {string} message @param {Record<string, string>} [headers] */
function textResponse(status, message, headers = {}) {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * Fetches an allowed URL, following redirects only to allowed URLs.
 * @param {URL} url @param {Request} request @param {Record<string, string | undefined>} env
 * @returns {Promise<Response | null>} null when a redirect leaves the allow-list
 */
async function fetchUpstream(url, request, env) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'text/calendar, application/json;q=0.9, */*;q=0.1' };
  for (const name of ['If-None-Match', 'If-Modified-Since']) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  let target = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(target, {
      method: request.method,
      headers,
      redirect: 'manual',
      credentials: 'omit',
      // Cloudflare: keep a copy at the edge for as long as browsers may.
      cf: { cacheTtl: 300, cacheEverything: true },
    });
    const location = response.headers.get('Location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return response;
    target = new URL(location, target);
    if (!isAllowedUpstream(target, env)) return null;
  }
  return null;
}

/**
 * Handles one request.
 * @param {Request} request @param {Record<string, string | undefined>} env
 * @returns {Promise<Response>}
 */
export async function handleRequest(request, env) {
  const origin = allowedOrigin(request.headers.get('Origin'), env);
  /** @type {Record<string, string>} */
  const cors = origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
  if (request.headers.get('Origin') && !origin) return textResponse(403, 'This origin may not use this proxy.', cors);

  if (request.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: { ...cors, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Max-Age': '86400' },
    });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Only GET and HEAD.', { ...cors, Allow: 'GET, HEAD, OPTIONS' });
  }

  const raw = new URL(request.url).searchParams.get('url');
  if (!raw) return textResponse(400, 'Missing ?url=', cors);
  let url;
  try {
    url = new URL(raw);
  } catch {
    return textResponse(400, 'Not a URL.', cors);
  }
  if (!isAllowedUpstream(url, env)) return textResponse(403, 'This calendar host is not on the allow-list.', cors);

  let upstream;
  try {
    upstream = await fetchUpstream(url, request, env);
  } catch {
    return textResponse(502, 'The calendar host did not answer.', cors);
  }
  if (!upstream) return textResponse(403, 'The calendar redirected off the allow-list.', cors);

  /** @type {Record<string, string>} */
  const headers = { ...cors, 'Cache-Control': CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' };
  for (const name of ['ETag', 'Last-Modified']) {
    const value = upstream.headers.get(name);
    if (value) headers[name] = value;
  }
  if (!upstream.ok) {
    // 304 keeps its validators; errors are passed on, readable, and not cached for long.
    if (upstream.status !== 304) headers['Cache-Control'] = 'public, max-age=60';
    return new Response(upstream.status === 304 ? null : `Upstream answered ${upstream.status}.\n`, {
      status: upstream.status,
      headers: upstream.status === 304 ? headers : { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const type = (upstream.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CALENDAR_TYPES.includes(type)) return textResponse(502, `The upstream answer is not a calendar (${type || 'no type'}).`, cors);
  const length = Number(upstream.headers.get('Content-Length'));
  if (Number.isFinite(length) && length > MAX_BYTES) return textResponse(502, 'The calendar is too large.', cors);

  headers['Content-Type'] = type === 'text/calendar' ? 'text/calendar; charset=utf-8' : 'application/json; charset=utf-8';
  return new Response(request.method === 'HEAD' ? null : upstream.body, { status: 200, headers });
}

export default {
  /** Cloudflare Worker entry point. @param {Request} request @param {Record<string, string | undefined>} env */
  fetch(request, env) {
    return handleRequest(request, env);
  },
};
