/**
 * Edge cases of our ICS lexer (src/calendar/ics): unfolding, content lines, parameters, nesting
 * and recovery, value decoding, the serializer, the byte decoder, the `notBefore` pre-filter,
 * and `parseCalendarAsync` (same result as `parseCalendar`, in slices, abortable).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeCalendarBytes, parseCalendar, parseCalendarAsync } from '../../src/calendar/index.js';
import { seriesToIcs } from '../../src/calendar/export.js';
import { parseContentLine } from '../../src/calendar/ics/content-line.js';
import { readDateTimeValue } from '../../src/calendar/ics/date-value.js';
import { LineReader } from '../../src/calendar/ics/line-reader.js';
import { readIcs } from '../../src/calendar/ics/read.js';
import { foldLine, stringifyComponent } from '../../src/calendar/ics/serialize.js';
import { endsBefore, ZONE_SLACK_MS } from '../../src/calendar/ics/skip-before.js';
import type { IcsComponent, IcsProperty } from '../../src/calendar/ics/tree.js';
import { parseDateTime } from '../../src/calendar/time.js';
import type { CalendarWarning } from '../../src/calendar/types.js';

function lines(text: string): [string, number][] {
  const reader = new LineReader(text);
  const out: [string, number][] = [];
  for (let t = reader.next(); t !== undefined; t = reader.next()) out.push([t, reader.line]);
  return out;
}

function read(text: string): { roots: IcsComponent[]; warnings: CalendarWarning[] } {
  const warnings: CalendarWarning[] = [];
  return { roots: readIcs(text, warnings), warnings };
}

function onlyEvent(text: string): IcsComponent {
  const { roots } = read(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`);
  const event = roots[0]?.components[0];
  assert.ok(event, 'one VEVENT');
  return event;
}

function prop(component: IcsComponent, name: string): IcsProperty {
  const found = component.properties.find((p) => p.name === name);
  assert.ok(found, `property ${name}`);
  return found;
}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('unfolding', () => {
  test('CRLF, LF and CR line ends; folds with space or tab; line numbers of the first physical line', () => {
    assert.deepEqual(lines('A:1\r\nB:2\nC:3\rD:4'), [
      ['A:1', 1],
      ['B:2', 2],
      ['C:3', 3],
      ['D:4', 4],
    ]);
    assert.deepEqual(lines('SUMMARY:Lo\r\n ng\r\n\ttext\r\nX:y\r\n'), [
      ['SUMMARY:Long' + 'text', 1],
      ['X:y', 4],
    ]);
    // Only the one whitespace character of the fold is removed.
    assert.deepEqual(lines('SUMMARY:a\n  b'), [['SUMMARY:a b', 1]]);
  });

  test('a BOM is skipped and blank lines are returned empty (and then ignored by the tree)', () => {
    assert.deepEqual(lines('\uFEFFA:1\n\nB:2\n'), [
      ['A:1', 1],
      ['', 2],
      ['B:2', 3],
    ]);
    const { roots, warnings } = read('\uFEFFBEGIN:VCALENDAR\n\nBEGIN:VEVENT\n\nUID:x\n\nEND:VEVENT\nEND:VCALENDAR\n');
    assert.equal(roots[0]?.components[0]?.properties.length, 1);
    assert.deepEqual(warnings, []);
  });

  test('a fold inside a surrogate pair joins the character again', () => {
    const emoji = '\u{1F600}';
    const folded = `SUMMARY:a${emoji.slice(0, 1)}\r\n ${emoji.slice(1)}b`;
    assert.equal(prop(onlyEvent(folded), 'summary').values[0], `a${emoji}b`);
  });

  test('bytes folded inside a multi-byte UTF-8 sequence decode to the character (decodeCalendarBytes)', () => {
    const euro = [0xe2, 0x82, 0xac];
    const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
    // "SUMMARY:5 €" with the fold between the second and third byte of the euro sign.
    const bytes = new Uint8Array([
      ...ascii('SUMMARY:5 '),
      euro[0]!,
      euro[1]!,
      0x0d,
      0x0a,
      0x20,
      euro[2]!,
      ...ascii('\r\nUID:x\r\n'),
    ]);
    const naive = new TextDecoder().decode(bytes);
    assert.ok(naive.includes('\uFFFD'), 'a plain decode loses the character');
    const text = decodeCalendarBytes(bytes);
    assert.equal(text, 'SUMMARY:5 €\r\nUID:x\r\n');
    // Ordinary folds are left for the lexer (line numbers stay right).
    const plain = new TextEncoder().encode('SUMMARY:a\r\n b\r\n');
    assert.equal(decodeCalendarBytes(plain), 'SUMMARY:a\r\n b\r\n');
  });
});

describe('content lines', () => {
  test('quoted parameter values may contain : ; and ,', () => {
    const line = parseContentLine('ATTENDEE;CN="Doe, Jane; PhD: MD";ROLE=REQ-PARTICIPANT:mailto:jane@example.com');
    assert.deepEqual(line, {
      name: 'attendee',
      params: { cn: 'Doe, Jane; PhD: MD', role: 'REQ-PARTICIPANT' },
      value: 'mailto:jane@example.com',
    });
  });

  test('list parameters split on commas; quoted list items; repeated parameters are merged', () => {
    const line = parseContentLine(
      'ATTENDEE;MEMBER="mailto:a@x.org","mailto:b@x.org";DELEGATED-TO="mailto:c@x.org":mailto:d@x.org',
    );
    assert.deepEqual(line?.params, {
      member: ['mailto:a@x.org', 'mailto:b@x.org'],
      'delegated-to': ['mailto:c@x.org'],
    });
    assert.deepEqual(parseContentLine('X-A;P=1;p=2:v')?.params, { p: ['1', '2'] });
  });

  test("RFC 6868 parameter escapes: ^n ^^ ^' (other carets kept)", () => {
    const line = parseContentLine(`X-NOTE;CN="a^nb ^^ ^'quoted^' ^x":v`);
    assert.equal(line?.params['cn'], 'a\nb ^ "quoted" ^x');
  });

  test('empty values, lowercase names, values containing colons', () => {
    assert.deepEqual(parseContentLine('summary:'), { name: 'summary', params: {}, value: '' });
    assert.deepEqual(parseContentLine('Url;Value=URI:https://x.org/a:b'), {
      name: 'url',
      params: { value: 'URI' },
      value: 'https://x.org/a:b',
    });
    const event = onlyEvent('summary:\r\ndtStart;value=date:20261124\r\nuid:lower');
    assert.equal(prop(event, 'summary').values[0], '');
    assert.equal(prop(event, 'dtstart').type, 'date');
    assert.equal(prop(event, 'uid').values[0], 'lower');
  });

  test('garbage is not a content line', () => {
    for (const garbage of [
      'this line is not a content line',
      'NOCOLON',
      ':value',
      'A;=x:v',
      'A;P:v',
      'A;P="open',
      'A B:c',
      '\u0000\u0001',
    ]) {
      assert.equal(parseContentLine(garbage), undefined, garbage);
    }
  });

  test('a quote closed after the value (Exchange), or never closed, is repaired and reported', () => {
    assert.deepEqual(parseContentLine('A;P="open:v'), { name: 'a', params: { p: 'open' }, value: 'v', repaired: true });
    const line = parseContentLine('DTSTART;TZID="W. Europe Standard Time:20200609T090000"');
    assert.deepEqual(line, {
      name: 'dtstart',
      params: { tzid: 'W. Europe Standard Time' },
      value: '20200609T090000',
      repaired: true,
    });
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:q\r\nDTSTART;TZID="W. Europe Standard Time:20200609T090000"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    assert.equal(
      cal.events[0]?.start.zone !== 'floating' && typeof cal.events[0]?.start.zone === 'object'
        ? cal.events[0].start.zone.iana
        : undefined,
      'Europe/Berlin',
    );
    assert.deepEqual(
      cal.warnings.map((w) => [w.code, w.line]),
      [['invalid-property', 4]],
    );
  });
});

describe('values', () => {
  test('TEXT escapes are decoded for TEXT properties, not for URIs or unknown properties', () => {
    const event = onlyEvent(
      'SUMMARY:a\\, b\\; c\\\\d\\ne\\Nf\\x\r\nURL:https://x.org/?a=1\\,2\r\nX-CUSTOM:keep\\, this\r\nDESCRIPTION:line1\\nline2',
    );
    assert.equal(prop(event, 'summary').values[0], 'a, b; c\\d\ne\nf\\x');
    assert.equal(prop(event, 'url').values[0], 'https://x.org/?a=1\\,2');
    assert.equal(prop(event, 'x-custom').values[0], 'keep\\, this');
    assert.equal(prop(event, 'description').values[0], 'line1\nline2');
  });

  test('lists: EXDATE, RDATE (dates, periods), CATEGORIES with an escaped comma', () => {
    const event = onlyEvent(
      'EXDATE:20261124T100000Z,20261201T100000Z\r\nRDATE;VALUE=PERIOD:20261124T100000Z/PT1H,20261125T100000Z/20261125T120000Z\r\nRDATE:20261130\r\nCATEGORIES:Meeting,Lean Coffee\\, EMEA',
    );
    assert.deepEqual(prop(event, 'exdate').values, ['20261124T100000Z', '20261201T100000Z']);
    const [periods, dates] = event.properties.filter((p) => p.name === 'rdate');
    assert.equal(periods?.type, 'period');
    assert.deepEqual(periods?.values, [
      ['20261124T100000Z', 'PT1H'],
      ['20261125T100000Z', '20261125T120000Z'],
    ]);
    assert.equal(dates?.type, 'date');
    assert.deepEqual(prop(event, 'categories').values, ['Meeting', 'Lean Coffee, EMEA']);
  });

  test('the fast DATE/DATE-TIME reader agrees with parseDateTime, valid or not', () => {
    const samples = [
      '20261124',
      '20240229',
      '20230229',
      '20261301',
      '20261100',
      '20261124T100000',
      '20261124T100000Z',
      '20261124t100000z',
    ];
    samples.push(
      '20261124T240000',
      '20261124T240001',
      '20261124T235960Z',
      '20261124T236000',
      '20261124T250000',
      '2026-11-24',
      '2026-11-24T10:00:00Z',
    );
    samples.push(
      '2026112',
      '20261124T10000',
      '20261124X100000',
      '20261124T100000Y',
      'abcdefgh',
      '2026112a',
      '20261124T10a000Z',
      ' 20261124',
      '',
    );
    for (let i = 0; i < 2000; i++) {
      // Pseudo-random digit strings of the three basic lengths (deterministic).
      const length = [8, 15, 16][i % 3] ?? 8;
      let text = '';
      for (let j = 0; j < length; j++)
        text += j === 8 ? 'T' : j === 15 ? 'Z' : String((i * 7 + j * 13 + ((i * j) % 11)) % 10);
      samples.push(text);
    }
    for (const sample of samples) assert.deepEqual(readDateTimeValue(sample), parseDateTime(sample), sample);
  });

  test('RECUR into parts; a bare YYYYMMDD DTSTART is a DATE', () => {
    const event = onlyEvent('RRULE:FREQ=MONTHLY;byday=3TU;UNTIL=20271231T235959Z;junk\r\nDTSTART:20231224');
    assert.deepEqual(prop(event, 'rrule').values[0], {
      freq: 'MONTHLY',
      byday: '3TU',
      until: '20271231T235959Z',
      junk: '',
    });
    assert.equal(prop(event, 'dtstart').type, 'date');
  });
});

describe('components and recovery', () => {
  test('nesting: VALARM inside VEVENT, STANDARD/DAYLIGHT inside VTIMEZONE', () => {
    const { roots, warnings } = read(
      'BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\nBEGIN:VEVENT\nUID:e\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    const shape = (c: IcsComponent): unknown => [c.name, c.line, c.components.map(shape)];
    assert.deepEqual(roots.map(shape), [
      [
        'vcalendar',
        1,
        [
          ['vtimezone', 2, [['standard', 4, []]]],
          ['vevent', 8, [['valarm', 10, []]]],
        ],
      ],
    ]);
    assert.deepEqual(warnings, []);
  });

  test('missing END: the component is dropped with its UID and line; its neighbours are kept', () => {
    const { roots, warnings } = read(
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nBEGIN:VEVENT\nUID:open\nBEGIN:VEVENT\nUID:b\nEND:VEVENT\nBEGIN:VEVENT\nUID:last\n',
    );
    assert.deepEqual(
      roots[0]?.components.map((c) => c.properties[0]?.values[0]),
      ['a', 'b'],
    );
    assert.deepEqual(
      warnings.map((w) => [w.code, w.uid, w.line]),
      [
        ['malformed-component', 'open', 5],
        ['malformed-component', 'last', 10],
      ],
    );
  });

  test('a VEVENT begun inside an unterminated VTIMEZONE closes it (dropped), a VALARM without END costs only itself', () => {
    const { roots, warnings } = read(
      'BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:X\nBEGIN:VEVENT\nUID:a\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    assert.deepEqual(
      roots[0]?.components.map((c) => [c.name, c.components.length]),
      [['vevent', 0]],
    );
    assert.deepEqual(
      warnings.map((w) => w.message),
      [
        'VTIMEZONE starting on line 2 has no END:VTIMEZONE; skipped',
        'VALARM starting on line 6 has no END:VALARM; skipped',
      ],
    );
  });

  test('garbage lines are dropped with one warning per component; a stray or misspelt END is reported', () => {
    const { roots, warnings } = read(
      'BEGIN:VCALENDAR\nEND:VEVENT\nBEGIN:VEVENT\nUID:g\nnot a line\n\u0000junk\nSUMMARY:kept\nEND:VEYENT\nEND:VCALENDAR\ntrailing garbage\n',
    );
    assert.deepEqual(
      roots[0]?.components[0]?.properties.map((p) => p.name),
      ['uid', 'summary'],
    );
    assert.deepEqual(
      warnings.map((w) => [w.code, w.line, w.uid]),
      [
        ['malformed-component', 2, undefined],
        ['malformed-component', 8, undefined],
        ['invalid-property', 3, 'g'],
        ['invalid-property', 10, undefined],
      ],
    );
  });

  test('absurd nesting is cut at a fixed depth (no unbounded recursion later)', () => {
    const depth = 5000;
    const text = `BEGIN:VCALENDAR\n${'BEGIN:X-DEEP\n'.repeat(depth)}${'END:X-DEEP\n'.repeat(depth)}BEGIN:VEVENT\nUID:after\nEND:VEVENT\nEND:VCALENDAR\n`;
    const { roots, warnings } = read(text);
    assert.deepEqual(
      roots[0]?.components.map((c) => c.name),
      ['x-deep', 'vevent'],
    );
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.code, 'malformed-component');
  });

  test('parseCalendar: warnings carry UID and line; one broken VEVENT costs only itself', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:bad\r\nDTSTART:2026-13-45\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20261124T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    assert.deepEqual(
      cal.events.map((e) => [e.uid, e.line]),
      [['ok', 6]],
    );
    assert.deepEqual(
      cal.warnings.map((w) => [w.code, w.uid, w.line]),
      [['malformed-component', 'bad', 2]],
    );
  });
});

describe('serializer', () => {
  test('folds at 75 octets and never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'é€😀a'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.length > 1);
    for (const part of folded) {
      assert.ok(utf8Bytes(part) <= 75, `${utf8Bytes(part)} octets`);
      assert.ok(!/[\uD800-\uDBFF]$/.test(part) && !/^ ?[\uDC00-\uDFFF]/.test(part), 'no split surrogate pair');
    }
    assert.equal(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
    assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  });

  test('round trip: parse → stringify → parse gives the same components', () => {
    const source = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:round@trip',
      'DTSTART;TZID="America/New_York":20261124T100000',
      'DTEND;VALUE=DATE:20261125',
      'RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20271231T235959Z',
      'EXDATE:20261126T150000Z,20261201T150000Z',
      'RDATE;VALUE=PERIOD:20261124T100000Z/PT1H',
      'SUMMARY:Comma\\, semicolon\\; backslash\\\\ newline\\n😀',
      'CATEGORIES:a\\,b,c',
      `DESCRIPTION:${'long text é '.repeat(20)}`,
      `ORGANIZER;CN="Doe, ^'Jane^'":mailto:jane@example.com`,
      'X-UNKNOWN;X-P=1:raw\\,kept',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const first = read(source);
    const root = first.roots[0];
    assert.ok(root);
    const text = stringifyComponent(root);
    for (const l of text.split('\r\n')) assert.ok(utf8Bytes(l) <= 75);
    const second = read(text);
    const strip = (c: IcsComponent): unknown => ({ ...c, line: 0, components: c.components.map(strip) });
    assert.deepEqual(second.roots.map(strip), first.roots.map(strip));
    assert.deepEqual(second.warnings, []);
    assert.match(text, /\r\nDTSTART;TZID=America\/New_York:20261124T100000\r\n/);
    assert.match(text, /\r\nORGANIZER;CN="Doe, \^'Jane\^'":mailto:jane@example.com\r\n/);
  });

  test('series export writes VALUE=DATE for a bare date and a DTSTAMP when missing', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nDTSTART:20231224\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const ics = seriesToIcs(cal, 'd', { now: Date.UTC(2026, 10, 22, 4, 5, 6) }) ?? '';
    assert.match(ics, /\r\nDTSTART;VALUE=DATE:20231224\r\n/);
    assert.match(ics, /\r\nDTSTAMP:20261122T040506Z\r\n/);
  });
});

describe('notBefore pre-filter', () => {
  const notBefore = Date.UTC(2026, 10, 22);
  const event = (body: string): IcsComponent => onlyEvent(`UID:u\r\n${body}`);

  test('a one-off that ended more than two days before is skipped; anything unclear is kept', () => {
    const none = new Set<string>();
    const old = notBefore - ZONE_SLACK_MS - 1000;
    const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
    assert.equal(endsBefore(event(`DTSTART:${stamp(old - 3600_000)}\r\nDTEND:${stamp(old)}`), notBefore, none), true);
    // Within the zone slack: kept.
    assert.equal(
      endsBefore(
        event(`DTSTART:${stamp(notBefore - 3600_000 * 30)}\r\nDTEND:${stamp(notBefore - 3600_000 * 25)}`),
        notBefore,
        none,
      ),
      false,
    );
    // A DURATION that reaches the window.
    assert.equal(endsBefore(event(`DTSTART:20261001T100000Z\r\nDURATION:P60D`), notBefore, none), false);
    // A DTEND before DTSTART does not make it look earlier than its start.
    assert.equal(endsBefore(event(`DTSTART:20261121T100000Z\r\nDTEND:20200101T000000Z`), notBefore, none), false);
    // Series, overrides, unreadable dates: kept.
    assert.equal(endsBefore(event(`DTSTART:20200101T100000Z\r\nRRULE:FREQ=YEARLY`), notBefore, none), false);
    assert.equal(endsBefore(event(`DTSTART:20200101T100000Z\r\nRDATE:20261201T100000Z`), notBefore, none), false);
    assert.equal(
      endsBefore(event(`DTSTART:20200101T100000Z\r\nRECURRENCE-ID:20200101T100000Z`), notBefore, none),
      false,
    );
    assert.equal(endsBefore(event(`DTSTART:garbage`), notBefore, none), false);
    // An old master whose UID has an override elsewhere: kept.
    assert.equal(endsBefore(event(`DTSTART:20200101T100000Z`), notBefore, new Set(['u'])), false);
    assert.equal(endsBefore(event(`DTSTART:20200101T100000Z`), notBefore, none), true);
  });
});

describe('parseCalendarAsync', () => {
  const feed = (count: number): string => {
    const parts = ['BEGIN:VCALENDAR', 'X-WR-CALNAME:Big\\, feed'];
    for (let i = 0; i < count; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const year = 2020 + (i % 8);
      parts.push(
        'BEGIN:VEVENT',
        `UID:e${i}`,
        `DTSTART:${year}11${day}T100000Z`,
        `DTEND:${year}11${day}T110000Z`,
        `SUMMARY:Event ${i}`,
      );
      if (i % 10 === 0) parts.push('RRULE:FREQ=WEEKLY;COUNT=3');
      if (i % 97 === 0) parts.push('garbage line');
      parts.push('END:VEVENT');
    }
    parts.push('END:VCALENDAR');
    return parts.join('\r\n');
  };

  test('gives the same calendar as parseCalendar, and yields between slices', async () => {
    const text = feed(3000);
    const sync = parseCalendar(text);
    let turns = 0;
    let running = true;
    const tick = (): void => {
      turns++;
      if (running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const async = await parseCalendarAsync(text, { sliceMs: 1 });
    running = false;
    const strip = (e: (typeof sync.events)[number]): unknown => ({
      ...e,
      raw: undefined,
      start: e.start.wall,
      end: e.end?.wall,
    });
    assert.deepEqual(async.events.map(strip), sync.events.map(strip));
    assert.deepEqual(async.warnings, sync.warnings);
    assert.equal(async.name, 'Big, feed');
    assert.ok(turns > 1, `other tasks ran while parsing (${turns})`);
  });

  test('notBefore leaves out old one-offs only', async () => {
    const text = feed(400);
    const notBefore = Date.UTC(2026, 0, 1);
    const all = parseCalendar(text).events;
    const kept = (await parseCalendarAsync(text, { notBefore })).events;
    const expected = all.filter((e) => e.rrules.length > 0 || e.start.wall >= notBefore - ZONE_SLACK_MS - 3600_000);
    assert.deepEqual(
      kept.map((e) => e.uid),
      expected.map((e) => e.uid),
    );
    assert.ok(kept.length < all.length && kept.length > 0);
  });

  test("an abort rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const promise = parseCalendarAsync(feed(3000), { signal: controller.signal, sliceMs: 1 });
    controller.abort(new Error('stop'));
    await assert.rejects(promise, /stop/);
    await assert.rejects(parseCalendarAsync('nothing', {}), /not an iCalendar/);
  });
});
