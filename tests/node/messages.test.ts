/**
 * The message catalogs: every language file is listed in catalogs.ts and has exactly the keys
 * and placeholders of English; plural forms follow the language's rules.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { CATALOGS } from '../../src/elements/i18n/messages/catalogs.js';
import { en } from '../../src/elements/i18n/messages/en.js';
import { loadMessages, message, registerMessages } from '../../src/elements/i18n/messages/index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'elements', 'i18n', 'messages');
const NOT_CATALOGS = new Set(['en.ts', 'index.ts', 'catalogs.ts', 'lookup.ts']);

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

/**
 * Placeholder names of a template — `{name}`, `{name, plural|select, …}` and the `{name}`s inside
 * their branches, not the branch words — sorted and unique. `wd` is an optional selector (a
 * catalog may or may not need the weekday's gender), so it is left out.
 */
function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (text: string): void => {
    for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open)) {
      const close = closing(text, open);
      const body = text.slice(open + 1, close);
      const head = /^\s*(\w+)\s*(?:,\s*(?:plural|select)\s*,)?/.exec(body);
      if (head?.[1]) names.add(head[1]);
      if (head && head[0].includes(',')) {
        const rest = body.slice(head[0].length);
        for (let j = rest.indexOf('{'); j >= 0; j = rest.indexOf('{', j)) {
          const end = closing(rest, j);
          walk(rest.slice(j + 1, end));
          j = end + 1;
        }
      }
      open = close + 1;
    }
  };
  walk(template);
  return [...names].filter((n) => n !== 'wd').sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

describe('message catalogs', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !NOT_CATALOGS.has(f));

  test('every catalog file is listed in catalogs.ts, and every listed one exists', () => {
    assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), Object.keys(CATALOGS).sort());
  });

  for (const file of files) {
    const tag = file.replace(/\.ts$/, '');
    test(`${tag}: the keys and placeholders of English`, async () => {
      const loader = CATALOGS[tag];
      assert.ok(loader, `${tag} is not in catalogs.ts`);
      const { messages } = await loader();
      assert.ok(isRecord(messages));
      assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text: unknown = messages[key];
        assert.equal(typeof text, 'string', `${tag}.${key}`);
        assert.deepEqual(placeholders(String(text)), placeholders(english), `${tag}.${key} placeholders`);
      }
    });
  }
});

describe('message()', () => {
  test('fills placeholders and chooses English plural forms', () => {
    assert.equal(message('en', 'loaded', { count: 1 }), '1 upcoming event loaded.');
    assert.equal(message('en', 'loaded', { count: 12 }), '12 upcoming events loaded.');
    assert.equal(message('en-GB', 'empty', { days: 30 }), 'No upcoming events in the next 30 days.');
  });

  test('plural categories follow the language (few/many), numbers are formatted for it', () => {
    registerMessages('uk', { shown: '{count, plural, one {# подія} few {# події} many {# подій} other {# події}}' });
    assert.equal(message('uk', 'shown', { count: 1 }), '1 подія');
    assert.equal(message('uk', 'shown', { count: 3 }), '3 події');
    assert.equal(message('uk', 'shown', { count: 5 }), '5 подій');
    assert.equal(message('uk', 'shown', { count: 21 }), '21 подія');
  });

  test('select chooses a form by value (gender agreement)', () => {
    registerMessages('pt', { ordinal3: '{wd, select, tu {terceira} we {terceira} other {terceiro}}' });
    assert.equal(message('pt', 'ordinal3', { wd: 'tu' }), 'terceira');
    assert.equal(message('pt', 'ordinal3', { wd: 'sa' }), 'terceiro');
  });

  test('falls back from the specific tag to the language, then to English', async () => {
    await loadMessages('es-MX');
    assert.equal(message('es-MX', 'retry'), message('es', 'retry'));
    assert.notEqual(message('es', 'retry'), en.retry);
    assert.equal(message('xx-YY', 'retry'), en.retry);
  });
});
