#!/usr/bin/env node
/**
 * otel-calendar — the calendar engine on the command line.
 *
 *   otel-calendar list <file-or-url> [--from ISO] [--to ISO] [--format json|text|markdown] [--filter TEXT]
 *                      [--include-cancelled] [--tz ZONE] [--limit N] [--lang TAG]
 *   otel-calendar snapshot <url-or-file> -o <file.ics|file.json> [--days N] [--from ISO] [--trim] [--tz ZONE]
 *   otel-calendar prerender <page.html>… [--root DIR] [--now ISO] [--tz ZONE] [--lang TAG] [--strict] [--style-hashes]
 */
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { CalendarError } from '../calendar/errors.js';
import { expandCalendar } from '../calendar/expand.js';
import { toOccurrenceJson } from '../calendar/json-write.js';
import { parseCalendar } from '../calendar/parse.js';
import '../calendar/zones/windows-zones-registered.js';
import { DAY } from '../calendar/time.js';
import type { Calendar, CalendarWarning } from '../calendar/types.js';
import { intlZone, localZoneName } from '../calendar/zones/intl-zone.js';
import { fetchCalendarText } from '../calendar/fetch.js';
import { decodeCalendarText } from '../calendar/text-decoding.js';
import { loadMessages } from '../elements/i18n/messages/index.js';
import { formatAgenda } from './agenda.js';
import { UsageError, parseArgs, type ParsedArgs } from './args.js';
import { formatMarkdownAgenda } from './markdown-agenda.js';
import { parseWhen } from './when.js';
import { assertComplete, writeSnapshot } from './snapshot.js';

/** How long a download may take by default: generous, a build should not fail on a slow host. */
const DEFAULT_TIMEOUT_SECONDS = 30;

const HELP = `otel-calendar — expand iCalendar feeds and snapshot them for static sites

Usage:
  otel-calendar list <file-or-url> [options]
      --from ISO            window start (default: now). A date or a local date-time is read in --tz.
      --to ISO              window end, exclusive (default: --from + 30 days)
      --format json|text|markdown
                            json: an array of {uid,title,start,end,allDay,status,recurrenceId,
                            location,url,joinUrl}, sorted by start; text (default): an agenda;
                            markdown: an agenda in Markdown (a heading per day, a list item per
                            event: time and zone, title linked to its page, location, Join link)
      --filter TEXT         keep events whose title or category contains TEXT (case-insensitive)
      --include-cancelled   keep cancelled instances (status "CANCELLED")
      --limit N             at most N occurrences
      --tz ZONE             zone for floating times, all-day dates and the agenda's days and
                            times (default: the process zone, ${localZoneName()})
      --lang TAG            markdown: the language to write in, e.g. es, pt-BR (default: en)
      --timeout SECONDS     give up on a URL that has not fully arrived by then (default ${DEFAULT_TIMEOUT_SECONDS})

  otel-calendar snapshot <url-or-file> -o <file.ics|file.json> [options]
      Downloads and validates a calendar and writes it atomically; a failed or invalid download
      never replaces the existing file (exit status 1).
      -o, --output FILE     .ics: the calendar as downloaded; .json: occurrences pre-expanded for
                            the widgets' JSON source (no parsing in the browser)
      --days N              JSON: days ahead to include (default 90)
      --from ISO            JSON window start / --trim cut-off (default: now - 1 day)
      --trim                ICS: drop events with no occurrence after --from
      --tz ZONE             zone for floating times and all-day dates (default: process zone)
      --timeout SECONDS     give up on a download that has not fully arrived by then (default ${DEFAULT_TIMEOUT_SECONDS})

  otel-calendar prerender <page.html>… [options]
      Renders the widgets in built pages into their HTML (declarative shadow DOM, styles included),
      with their calendars read now: readers without JavaScript, search engines and the first paint
      see the events; the script takes the content over. Each page is rewritten atomically; a
      second run gives the same bytes. An element whose calendar cannot be read is left as it was,
      with a warning. See docs/prerender.md.
      --root DIR            the site's root: where src="/calendar/x.json" is read (default: the
                            page's folder); relative src is read next to the page, http(s) downloaded
      --now ISO             the time the pages show (default: now); they say "As of" it
      --tz ZONE             zone of the times, when an element names none (default: UTC)
      --lang TAG            language when neither the element nor an ancestor has lang (default: en)
      --strict              exit status 1 when an element was left as it was
      --style-hashes        print the CSP hashes of the styles written, one per line, for a
                            Content-Security-Policy header (a page's CSP <meta> gets them itself)
      --timeout SECONDS     give up on a download that has not fully arrived by then (default ${DEFAULT_TIMEOUT_SECONDS})

  otel-calendar --help | --version
`;

const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/** `--timeout` in seconds (default 30): how long a download may take, headers to last byte. */
function timeoutOption(args: ParsedArgs): number {
  const text = args.string('timeout');
  if (text === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError('--timeout must be a positive number of seconds');
  return seconds * 1000;
}

/**
 * The calendar text of a URL or a file. A file is decoded like a download without a declared
 * charset: by its byte-order mark (UTF-8, UTF-16LE/BE), else UTF-8 with folds that split a
 * character repaired.
 */
async function readSource(source: string, timeout: number): Promise<string> {
  if (isUrl(source)) return fetchCalendarText(source, { maxAge: 0, timeout });
  try {
    return decodeCalendarText(await readFile(source));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`file not found: ${source}`, 1);
    if (code === 'EISDIR') throw new UsageError(`${source} is a directory, not a calendar file`, 1);
    throw new UsageError(`cannot read ${source}: ${(error as Error).message}`, 1);
  }
}

function zoneOption(args: ParsedArgs): string {
  const tz = args.string('tz') ?? localZoneName();
  if (!intlZone(tz)) throw new UsageError(`unknown time zone: ${tz}`);
  return tz;
}

/** `--lang` as a canonical BCP 47 tag (default `en`). */
function languageOption(args: ParsedArgs): string {
  const text = args.string('lang');
  if (text === undefined) return 'en';
  try {
    const [tag] = Intl.getCanonicalLocales(text.trim());
    if (tag) return tag;
  } catch {
    // Reported below.
  }
  throw new UsageError(`--lang "${text}" is not a language tag (use e.g. en, es, pt-BR)`);
}

function printWarnings(warnings: readonly CalendarWarning[]): void {
  for (const w of warnings) {
    const where = [w.uid ? `uid ${w.uid}` : '', w.line ? `line ${w.line}` : ''].filter(Boolean).join(', ');
    process.stderr.write(`otel-calendar: warning: ${w.message}${where ? ` (${where})` : ''}\n`);
  }
}

async function load(source: string, timeout: number): Promise<{ text: string; calendar: Calendar }> {
  const text = await readSource(source, timeout);
  try {
    return { text, calendar: parseCalendar(text) };
  } catch (error) {
    // Name the URL that answered with something else (an HTML sign-in page, an empty body).
    if (error instanceof CalendarError && !error.url && isUrl(source))
      throw new CalendarError(error.code, error.message, { url: source, cause: error });
    throw error;
  }
}

async function list(args: ParsedArgs): Promise<void> {
  const source = args.positional(0, 'list needs a file or URL');
  const timeZone = zoneOption(args);
  const format = args.string('format') ?? 'text';
  if (format !== 'json' && format !== 'text' && format !== 'markdown')
    throw new UsageError(`--format must be json, text or markdown, not ${format}`);
  if (format !== 'markdown' && args.string('lang') !== undefined)
    throw new UsageError('--lang applies to --format markdown only');
  const locale = languageOption(args);
  const from = parseWhen(args.string('from'), timeZone, Date.now(), '--from');
  const to = parseWhen(args.string('to'), timeZone, from + 30 * DAY, '--to');
  if (to <= from) throw new UsageError('--to must be after --from');
  const limitText = args.string('limit');
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
    throw new UsageError('--limit must be a whole number');

  const { calendar } = await load(source, timeoutOption(args));
  const { occurrences, warnings } = expandCalendar(calendar, {
    from,
    to,
    timeZone,
    filter: args.string('filter'),
    includeCancelled: args.flag('include-cancelled'),
    limit,
  });
  printWarnings([...calendar.warnings, ...warnings]);
  if (format === 'json') process.stdout.write(`${JSON.stringify(occurrences.map(toOccurrenceJson), null, 2)}\n`);
  else if (format === 'markdown') {
    await loadMessages(locale);
    process.stdout.write(formatMarkdownAgenda(occurrences, { locale, timeZone, from, to }));
  } else process.stdout.write(formatAgenda(occurrences, { timeZone, calendarName: calendar.name, from, to }));
}

async function snapshot(args: ParsedArgs): Promise<void> {
  const source = args.positional(0, 'snapshot needs a URL or file');
  const output = args.string('output') ?? args.string('o');
  if (!output) throw new UsageError('snapshot needs -o <file.ics|file.json>');
  const timeZone = zoneOption(args);
  const daysText = args.string('days');
  const days = daysText === undefined ? 90 : Number(daysText);
  if (!Number.isFinite(days) || days <= 0) throw new UsageError('--days must be a positive number');
  const from = parseWhen(args.string('from'), timeZone, Date.now() - DAY, '--from');
  const timeout = timeoutOption(args);

  const { text, calendar } = await load(source, timeout);
  assertComplete(text, output);
  printWarnings(calendar.warnings);
  const written = await writeSnapshot({
    output,
    source,
    text,
    calendar,
    timeZone,
    from,
    to: from + days * DAY,
    trim: args.flag('trim'),
  });
  process.stderr.write(`otel-calendar: wrote ${output} (${written})\n`);
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv, {
      strings: [
        'from',
        'to',
        'format',
        'filter',
        'tz',
        'limit',
        'lang',
        'output',
        'o',
        'days',
        'timeout',
        'root',
        'now',
      ],
      flags: ['include-cancelled', 'trim', 'help', 'h', 'version', 'strict', 'style-hashes'],
    });
    if (args.flag('version') || args.command === 'version') {
      const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
        version?: string;
      };
      process.stdout.write(`${pkg.version ?? 'unknown'}\n`);
      return 0;
    }
    if (args.flag('help') || args.flag('h') || args.command === undefined) {
      process.stdout.write(HELP);
      return args.command === undefined && !args.flag('help') && !args.flag('h') ? 2 : 0;
    }
    if (args.command === 'list') await list(args);
    else if (args.command === 'snapshot') await snapshot(args);
    else if (args.command === 'prerender') {
      const { prerender, prerenderSettings } = await import('./prerender/command.js');
      const timeZone = args.string('tz') ?? 'UTC';
      if (!intlZone(timeZone)) throw new UsageError(`unknown time zone: ${timeZone}`);
      return await prerender(
        prerenderSettings(args, { timeZone, lang: languageOption(args), timeout: timeoutOption(args) }),
      );
    } else throw new UsageError(`unknown command "${args.command}" (try --help)`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`otel-calendar: error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof CalendarError) {
      process.stderr.write(`otel-calendar: error: ${error.message}${error.url ? ` (${error.url})` : ''}\n`);
      return 1;
    }
    process.stderr.write(`otel-calendar: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// A reader that stops early (`otel-calendar list … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
