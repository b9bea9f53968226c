/** A mistake in how the CLI was called (exit status 2), or a missing input (status 1). */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

export interface ParsedArgs {
  readonly command: string | undefined;
  string(name: string): string | undefined;
  flag(name: string): boolean;
  /** The nth argument after the command; a {@link UsageError} with `missing` when absent. */
  positional(index: number, missing: string): string;
  /** Every argument after the command. */
  positionals(): readonly string[];
}

export interface ArgSpec {
  /** Options that take a value (`--name value` or `--name=value`; one letter: `-o value`). */
  readonly strings: readonly string[];
  /** Boolean options. */
  readonly flags: readonly string[];
}

/** A small strict parser: unknown options are errors, not silently ignored. */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const strings = new Map<string, string>();
  const flags = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (!m || arg === '-') {
      rest.push(arg);
      continue;
    }
    const name = m[1] ?? '';
    if (spec.flags.includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.strings.includes(name)) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      strings.set(name, value);
    } else {
      throw new UsageError(`unknown option ${arg} (try --help)`);
    }
  }
  const [command, ...positionals] = rest;
  return {
    command,
    string: (name) => strings.get(name),
    flag: (name) => flags.has(name),
    positionals: () => positionals,
    positional: (index, missing) => {
      const value = positionals[index];
      if (value === undefined) throw new UsageError(missing);
      return value;
    },
  };
}
