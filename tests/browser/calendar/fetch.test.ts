import { expect } from '@open-wc/testing';
import { clearCalendarCache, fetchCalendarText, parseCalendar, proxiedUrl } from '../../../src/calendar/index.js';
import { describeWait, parseRetryAfter } from '../../../src/calendar/fetch.js';
import { failure } from './helpers.js';

/** A fake fetch that counts calls and answers after `delay` ms (or never), honouring abort. */
function fakeFetch(respond: () => Response, delay = 20): { fetch: typeof fetch; calls: number; aborted: number } {
  const state = { calls: 0, aborted: 0, fetch: undefined as unknown as typeof fetch };
  state.fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
    state.calls++;
    return new Promise<Response>((resolve, reject) => {
      const timer = delay >= 0 ? setTimeout(() => resolve(respond()), delay) : undefined;
      init?.signal?.addEventListener('abort', () => {
        state.aborted++;
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  }) as typeof fetch;
  return state;
}

const ICS = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';

describe('fetchCalendarText', () => {
  beforeEach(() => clearCalendarCache());

  it('reads a real calendar over HTTP', async () => {
    const text = await fetchCalendarText('/tests/fixtures/dates.ics');
    expect(parseCalendar(text).events.length).to.be.greaterThan(5);
  });

  it('a 404 is a typed http error with the status', async () => {
    const error = await failure(fetchCalendarText('/tests/fixtures/missing.ics'));
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.message).to.contain('404');
  });

  it('several callers share one request', async () => {
    const fake = fakeFetch(() => new Response(ICS));
    const [a, b, c] = await Promise.all([
      fetchCalendarText('https://example.test/a.ics', { fetch: fake.fetch }),
      fetchCalendarText('https://example.test/a.ics', { fetch: fake.fetch, signal: new AbortController().signal }),
      fetchCalendarText('https://example.test/a.ics', { fetch: fake.fetch }),
    ]);
    expect([a, b, c]).to.deep.equal([ICS, ICS, ICS]);
    expect(fake.calls).to.equal(1);
    // A completed response is reused within maxAge…
    await fetchCalendarText('https://example.test/a.ics', { fetch: fake.fetch });
    expect(fake.calls).to.equal(1);
    // …and not after a clear (e.g. the user pressed Retry).
    clearCalendarCache('https://example.test/a.ics');
    await fetchCalendarText('https://example.test/a.ics', { fetch: fake.fetch });
    expect(fake.calls).to.equal(2);
  });

  it('one caller leaving does not abort the others; the last one leaving does', async () => {
    const fake = fakeFetch(() => new Response(ICS), 50);
    const first = new AbortController();
    const second = new AbortController();
    const p1 = fetchCalendarText('https://example.test/b.ics', { fetch: fake.fetch, signal: first.signal });
    const p2 = fetchCalendarText('https://example.test/b.ics', { fetch: fake.fetch, signal: second.signal });
    first.abort();
    expect((await failure(p1)).code).to.equal('aborted');
    expect(await p2).to.equal(ICS);
    expect(fake.aborted).to.equal(0);

    const fake2 = fakeFetch(() => new Response(ICS), 50);
    const only = new AbortController();
    const p3 = fetchCalendarText('https://example.test/c.ics', { fetch: fake2.fetch, signal: only.signal });
    only.abort();
    expect((await failure(p3)).code).to.equal('aborted');
    expect(fake2.aborted).to.equal(1);
  });

  it('times out with a timeout error, and failures are not cached', async () => {
    const hang = fakeFetch(() => new Response(ICS), -1);
    const error = await failure(fetchCalendarText('https://example.test/slow.ics', { fetch: hang.fetch, timeout: 30 }));
    expect(error.code).to.equal('timeout');
    const ok = fakeFetch(() => new Response(ICS));
    expect(await fetchCalendarText('https://example.test/slow.ics', { fetch: ok.fetch })).to.equal(ICS);
  });

  it('network failures and oversize responses are typed', async () => {
    const broken = ((): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const network = await failure(fetchCalendarText('https://example.test/down.ics', { fetch: broken }));
    expect(network.code).to.equal('network');
    expect(network.message).to.contain('CORS');
    const big = fakeFetch(() => new Response('x'.repeat(5000)));
    expect(
      (await failure(fetchCalendarText('https://example.test/big.ics', { fetch: big.fetch, maxBytes: 1000 }))).code,
    ).to.equal('too-large');
    const status = fakeFetch(() => new Response('busy', { status: 503 }));
    const server = await failure(fetchCalendarText('https://example.test/busy.ics', { fetch: status.fetch }));
    expect([server.code, server.status]).to.deep.equal(['http', 503]);
  });

  it('goes through a proxy URL template', async () => {
    expect(proxiedUrl('https://calendar.google.com/x.ics?a=1', 'https://proxy.test/?url={url}')).to.equal(
      'https://proxy.test/?url=https%3A%2F%2Fcalendar.google.com%2Fx.ics%3Fa%3D1',
    );
    expect(proxiedUrl('https://a.test/x.ics', 'https://proxy.test/fetch/')).to.equal(
      'https://proxy.test/fetch/https%3A%2F%2Fa.test%2Fx.ics',
    );
    let requested = '';
    const spy = ((input: RequestInfo | URL): Promise<Response> => {
      requested = String(input);
      return Promise.resolve(new Response(ICS));
    }) as typeof fetch;
    await fetchCalendarText('https://a.test/x.ics', { fetch: spy, proxy: 'https://proxy.test/?u={url}' });
    expect(requested).to.equal('https://proxy.test/?u=https%3A%2F%2Fa.test%2Fx.ics');
  });

  it('reads Retry-After as seconds or as an HTTP date, and words the wait', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:05:00 GMT', now)).to.equal(300);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now), 'a date in the past').to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('-5', now), 'not delta-seconds, not a date').to.equal(undefined);
    expect([1, 59, 60, 61, 120, 3599, 3600, 7200].map(describeWait)).to.deep.equal([
      '1 second',
      '59 seconds',
      '1 minute',
      '2 minutes',
      '2 minutes',
      '60 minutes',
      '1 hour',
      '2 hours',
    ]);
    const busy = fakeFetch(() => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }));
    const error = await failure(fetchCalendarText('https://example.test/busy429.ics', { fetch: busy.fetch }));
    expect([error.code, error.status, error.retryAfter]).to.deep.equal(['http', 429, 120]);
    expect(error.message).to.equal('The calendar server is rate-limiting requests (HTTP 429); try again in 2 minutes');
    const plain = fakeFetch(() => new Response('slow down', { status: 429 }));
    const later = await failure(fetchCalendarText('https://example.test/busy429b.ics', { fetch: plain.fetch }));
    expect([later.retryAfter, later.message]).to.deep.equal([
      undefined,
      'The calendar server is rate-limiting requests (HTTP 429); try again later',
    ]);
  });

  it('a body that breaks off is an incomplete network error, not a calendar', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('BEGIN:VCALENDAR\r\nBEGIN:VEV'));
        controller.error(new TypeError('network error'));
      },
    });
    const broken = fakeFetch(() => new Response(body));
    const error = await failure(fetchCalendarText('https://example.test/cut.ics', { fetch: broken.fetch }));
    expect([error.code, error.incomplete]).to.deep.equal(['network', true]);
    expect(error.message).to.contain('incomplete');
  });
});
