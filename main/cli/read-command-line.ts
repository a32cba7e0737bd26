// The first reading of a command line, before any schema is loaded: node:util's strict
// parse, --library, --version and --help, which command it names, the options that command
// takes and how many arguments. Help stops here; every other command line is then checked
// whole by completeCommandLine (args.ts).
import { parseArgs } from 'node:util';
import { errorMessage } from '../contract/error-message';
import type { ParsedCommandLine } from './args';
import { COMMAND_OPTIONS, COMMANDS, OPTIONS, SPEC, type CommandName } from './command-specs';
import { UsageError } from './usage-error';

const strictParse = (argv: string[]) =>
  parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
type Values = ReturnType<typeof strictParse>['values'];

/** A command line read as far as naming its command. */
export type CommandLineReading =
  | { early: ParsedCommandLine }
  | {
      early: null;
      values: Values;
      base: Pick<ParsedCommandLine, 'library' | 'json' | 'tags' | 'original'>;
      command: CommandName;
      rest: string[];
    };

/** Reads argv (without node and the script) up to its command; throws UsageError on bad usage. */
export function readCommandLine(argv: string[]): CommandLineReading {
  let parsed;
  try {
    parsed = strictParse(argv);
  } catch (e) {
    // Keep Node's first sentence ("Unknown option '--x'"); the rest is a long aside.
    const text = firstLine(errorMessage(e));
    const sentence = text.split(/\.\s/)[0]!.replace(/\.$/, '');
    const hint = TEXT_HINTS[argv[0] ?? ''];
    // Node tells how to pass an option a value that starts with '-' only in the aside.
    const ambiguous = /^Option '(--[a-z-]+)[^']*' argument is ambiguous/.exec(sentence)?.[1];
    throw new UsageError(
      hint && /^Unknown option/.test(sentence)
        ? `${sentence}; put a ${hint} that starts with '-' after --`
        : ambiguous
          ? `${sentence}; write ${ambiguous}=VALUE for a value that starts with '-'`
          : sentence,
    );
  }
  const { values, positionals } = parsed;
  const base = {
    library: values.library,
    json: values.json === true,
    tags: values.tag ?? [],
    original: values.original === true,
  };
  if (values.library !== undefined && values.library.trim() === '') {
    throw new UsageError('--library needs a folder path');
  }
  if (values.version) return { early: { ...base, command: 'version', args: [] } };
  const [first, ...rest] = positionals;
  if (first === undefined || values.help) {
    return { early: { ...base, command: 'help', args: first === undefined ? [] : [first] } };
  }
  const command = COMMANDS.find((c) => c === first);
  if (!command) throw new UsageError(`unknown command '${first}'`);
  const spec = SPEC[command];
  for (const name of COMMAND_OPTIONS) {
    if (values[name] !== undefined && !spec.options.includes(name)) {
      throw new UsageError(`option --${name} does not apply to '${command}'`);
    }
  }
  if (rest.length < spec.min) throw new UsageError(`missing arguments; usage: ${spec.usage}`);
  if (rest.length > spec.max) {
    const quote = command === 'highlight' || command === 'note';
    throw new UsageError(
      `too many arguments; usage: ${spec.usage}${quote ? ' (quote text of several words)' : ''}`,
    );
  }
  // `help COMMAND` takes no option, so nothing is left to check.
  if (command === 'help') return { early: { ...base, command, args: rest } };
  return { early: null, values, base, command, rest };
}

/** What a positional of these commands is, for the hint on text that starts with '-'. */
const TEXT_HINTS: Record<string, string> = {
  export: 'query',
  saved: 'query',
  rule: 'query',
  search: 'query',
  highlight: 'text',
  note: 'note',
};

const firstLine = (text: string): string => text.split('\n')[0] ?? text;
