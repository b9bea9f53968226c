/**
 * Compares the RRULE expander with libical's icalrecur_test expectations (RRULE / DTSTART /
 * INSTANCES triples), when the corpus is available:
 *   npx tsx scripts/libical-check.ts [path/to/libical_icalrecur_test.txt | path/to/corpus]
 * Prints each difference and a summary line; exits 0 (it reports, it does not gate).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { expandRule, recurPartsFromText, validateRule } from '../src/calendar/index.js';
import { formatWall, parseDateTime } from '../src/calendar/time.js';

const EXPECTATIONS = 'expectations/libical_icalrecur_test.txt';
const argument = process.argv[2] ?? '../shared/corpus';
// A corpus directory (as corpus-check.ts takes) or the expectations file itself.
const file = existsSync(argument) && statSync(argument).isDirectory() ? `${argument}/${EXPECTATIONS}` : argument;
if (!existsSync(file)) {
  process.stdout.write(`No libical expectations at ${file}; nothing to compare.\n`);
  process.exit(0);
}

const compact = (wall: number, isDate: boolean): string =>
  isDate ? formatWall(wall).slice(0, 10).replace(/-/g, '') : formatWall(wall).replace(/[-:]/g, '');

let comment = '';
let rrule = '';
let dtstart = '';
let same = 0;
let different = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.startsWith('#')) comment = line;
  else if (line.startsWith('RRULE:')) rrule = line.slice(6);
  else if (line.startsWith('DTSTART')) dtstart = line.replace(/^DTSTART[^:]*:/, '');
  else if (line.startsWith('INSTANCES:')) {
    const expected = line
      .slice(10)
      .split(',')
      .filter(Boolean)
      .map((e) => e.replace(/Z$/, ''));
    const start = parseDateTime(dtstart);
    if (!start) continue;
    let got: string[];
    try {
      const rule = validateRule(recurPartsFromText(rrule), undefined, (text) => {
        const p = parseDateTime(text);
        return p ? { wall: p.wall, isDate: p.isDate, zone: p.utc ? 'utc' : 'floating' } : undefined;
      });
      const until = rule.until
        ? rule.until.isDate && !start.isDate
          ? rule.until.wall + 86_399_999
          : rule.until.wall
        : undefined;
      const { instances } = expandRule(rule, {
        dtstart: start.wall,
        isDate: start.isDate,
        from: start.wall,
        to: Date.UTC(2100, 0, 1),
        until,
      });
      got = instances.map((w) => compact(w, start.isDate));
      if (!rule.count && !rule.until) got = got.slice(0, expected.length);
    } catch (error) {
      got = [`error: ${(error as Error).message}`];
    }
    if (JSON.stringify(got) === JSON.stringify(expected)) same++;
    else {
      different++;
      process.stdout.write(
        `${comment}\n  ${rrule} from ${dtstart}\n  libical ${expected.slice(0, 6).join(',')}\n  ours    ${got.slice(0, 6).join(',')}\n`,
      );
    }
  }
}
process.stdout.write(`${same}/${same + different} rules give the same instances as libical\n`);
