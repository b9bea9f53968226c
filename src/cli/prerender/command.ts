/**
 * `otel-calendar prerender <page.html>… [--root DIR] [--now ISO] [--tz ZONE] [--lang TAG] [--strict]`:
 * fills the project's elements in built pages with their shadow roots (page.ts), for readers,
 * search engines and Markdown twins that never run the script, and for a first paint that already
 * holds the events. Each file is rewritten atomically, and only when something changed.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { UsageError, type ParsedArgs } from '../args.js';
import { parseWhen } from '../when.js';
import type { PageOptions } from './page.js';

/** Writes `text` to `file` through a temporary file in the same folder and a rename. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${randomBytes(6).toString('hex')}.otel-prerender.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface PrerenderSettings {
  readonly pages: readonly string[];
  readonly root: string | undefined;
  readonly now: number;
  readonly timeZone: string;
  readonly lang: string;
  readonly timeout: number;
  readonly strict: boolean;
  /** Print the CSP hashes of the styles written, for a policy sent as a header. */
  readonly styleHashes: boolean;
}

/** Reads the command's options (the zone and the language are checked by the caller's helpers). */
export function prerenderSettings(
  args: ParsedArgs,
  defaults: { readonly timeZone: string; readonly lang: string; readonly timeout: number },
): PrerenderSettings {
  const pages = args.positionals();
  if (pages.length === 0) throw new UsageError('prerender needs one or more HTML pages');
  return {
    pages,
    root: args.string('root'),
    now: parseWhen(args.string('now'), defaults.timeZone, Date.now(), '--now'),
    timeZone: defaults.timeZone,
    lang: defaults.lang,
    timeout: defaults.timeout,
    strict: args.flag('strict'),
    styleHashes: args.flag('style-hashes'),
  };
}

/**
 * Prerenders every page; returns the exit status: 1 when a page could not be read or written (the
 * others are still done), or when `strict` and an element was left as it was; else 0.
 */
export async function prerender(settings: PrerenderSettings): Promise<number> {
  // The elements register themselves over the DOM shim that page.ts's renderer installs first.
  await import('./render-element.js');
  await Promise.all([
    import('../../elements/event-list/define.js'),
    import('../../elements/discussion-card/define.js'),
    import('../../elements/chatham-notice/define.js'),
  ]);
  // What the elements load on first need (menus, descriptions) is rendered too.
  const { lazyModulesLoaded } = await import('../../elements/ui/lazy.js');
  await lazyModulesLoaded();
  const { defaultRoot, prerenderPage } = await import('./page.js');
  let status = 0;
  let elements = 0;
  let changed = 0;
  const hashes = new Set<string>();
  for (const file of settings.pages) {
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a page' : (error as Error).message;
      process.stderr.write(`otel-calendar: error: ${file}: ${why}\n`);
      status = 1;
      continue;
    }
    const options: PageOptions = {
      root: settings.root ?? defaultRoot(file),
      now: settings.now,
      timeZone: settings.timeZone,
      lang: settings.lang,
      timeout: settings.timeout,
    };
    const result = await prerenderPage(file, html, options);
    for (const warning of result.warnings) process.stderr.write(`otel-calendar: warning: ${file}: ${warning}\n`);
    if (settings.strict && result.warnings.length > 0) status = 1;
    elements += result.rendered;
    for (const hash of result.styleHashes) hashes.add(hash);
    if (result.html === html) continue;
    try {
      await writeAtomically(file, result.html);
      changed++;
    } catch (error) {
      process.stderr.write(`otel-calendar: error: ${file}: cannot write it: ${(error as Error).message}\n`);
      status = 1;
    }
  }
  if (settings.styleHashes) for (const hash of [...hashes].sort()) process.stdout.write(`${hash}\n`);
  process.stderr.write(
    `otel-calendar: prerendered ${elements} element${elements === 1 ? '' : 's'} in ${settings.pages.length} page${
      settings.pages.length === 1 ? '' : 's'
    } (${changed} changed)\n`,
  );
  return status;
}
