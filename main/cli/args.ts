// Turns argv into a command and its options. Parsing is strict: anything unknown or
// misplaced is a UsageError, which the runner prints with a hint to --help (exit 2).
import { parseArgs } from 'node:util';
import type { ArticleSort, LibraryView, SearchSort, SortOrder } from '../contract/types';
import { errorMessage } from '../contract/error-message';
import { quoteTagName, tagNameProblem } from '../contract/tag-name';
import { articleIdSchema } from '../contract/article-id';
import {
  highlightColorSchema,
  highlightIdSchema,
  noteSchema,
  type HighlightColor,
} from '../contract/highlights';
import type { z } from '../contract/zod';

/** Bad command-line usage; the message is one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const COMMANDS = [
  'import',
  'search',
  'related',
  'versions',
  'list',
  'show',
  'tag',
  'untag',
  'tags',
  'highlight',
  'highlights',
  'note',
  'unhighlight',
  'export-highlights',
  'remove',
  'restore',
  'empty-trash',
  'reindex',
  'stats',
  'check',
  'help',
] as const;
export type CommandName = (typeof COMMANDS)[number];

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  limit: { type: 'string' },
  tag: { type: 'string', multiple: true },
  sort: { type: 'string' },
  order: { type: 'string' },
  view: { type: 'string' },
  original: { type: 'boolean' },
  note: { type: 'string' },
  color: { type: 'string' },
  occurrence: { type: 'string' },
  out: { type: 'string' },
} as const;

const COMMAND_OPTIONS = [
  'limit',
  'tag',
  'sort',
  'order',
  'view',
  'original',
  'note',
  'color',
  'occurrence',
  'out',
] as const;
type CommandOption = (typeof COMMAND_OPTIONS)[number];

/** Which command options each command accepts, and how many positionals it takes. */
const SPEC: Record<
  CommandName,
  { options: CommandOption[]; min: number; max: number; usage: string }
> = {
  import: { options: [], min: 1, max: Infinity, usage: 'import PATH...' },
  search: {
    options: ['limit', 'tag', 'sort', 'order'],
    min: 1,
    max: Infinity,
    usage: 'search QUERY',
  },
  related: { options: ['limit'], min: 1, max: 1, usage: 'related ID' },
  versions: { options: [], min: 0, max: 0, usage: 'versions' },
  list: { options: ['sort', 'order', 'tag', 'view', 'limit'], min: 0, max: 0, usage: 'list' },
  show: { options: ['original'], min: 1, max: 1, usage: 'show ID' },
  tag: { options: [], min: 2, max: Infinity, usage: 'tag ID TAG...' },
  untag: { options: [], min: 2, max: Infinity, usage: 'untag ID TAG...' },
  tags: { options: [], min: 0, max: 0, usage: 'tags' },
  highlight: {
    options: ['note', 'color', 'occurrence'],
    min: 2,
    max: 2,
    usage: 'highlight ID TEXT',
  },
  highlights: { options: [], min: 0, max: 1, usage: 'highlights [ID]' },
  note: { options: [], min: 2, max: 2, usage: 'note HID NOTE' },
  unhighlight: { options: [], min: 1, max: 1, usage: 'unhighlight HID' },
  'export-highlights': { options: ['out'], min: 0, max: 0, usage: 'export-highlights' },
  remove: { options: [], min: 1, max: Infinity, usage: 'remove ID...' },
  restore: { options: [], min: 1, max: Infinity, usage: 'restore ID...' },
  'empty-trash': { options: [], min: 0, max: 0, usage: 'empty-trash' },
  reindex: { options: [], min: 0, max: 0, usage: 'reindex' },
  stats: { options: [], min: 0, max: 0, usage: 'stats' },
  check: { options: [], min: 0, max: 0, usage: 'check' },
  help: { options: [], min: 0, max: 1, usage: 'help [COMMAND]' },
};

const SORTS: readonly ArticleSort[] = ['imported', 'date', 'title'];
const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'date', 'imported', 'title'];
const ORDERS: readonly SortOrder[] = ['asc', 'desc'];
const VIEWS: readonly LibraryView[] = ['all', 'unread', 'favourites', 'trash'];

export interface ParsedCommandLine {
  /** `help` also stands for --help and for no arguments at all. */
  command: CommandName | 'version';
  args: string[];
  library?: string;
  json: boolean;
  limit?: number;
  tags: string[];
  /** `list --sort`. */
  sort?: ArticleSort;
  /** `search --sort`. */
  searchSort?: SearchSort;
  order?: SortOrder;
  view?: LibraryView;
  original: boolean;
  /** `highlight --note`. */
  note?: string;
  /** `highlight --color`. */
  color?: HighlightColor;
  /** `highlight --occurrence`: which occurrence of the text, from 1. */
  occurrence?: number;
  /** `export-highlights --out`: the file to write (else stdout). */
  out?: string;
}

/** Parses argv (without node and the script); throws UsageError on bad usage. */
export function parseCommandLine(argv: string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
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
  if (values.version) return { ...base, command: 'version', args: [] };
  const [first, ...rest] = positionals;
  if (first === undefined || values.help) {
    return { ...base, command: 'help', args: first === undefined ? [] : [first] };
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
  if (base.tags.some((t) => t.trim() === '')) throw new UsageError('--tag needs a tag name');
  if ((command === 'tag' || command === 'untag') && rest.slice(1).some((t) => t.trim() === '')) {
    throw new UsageError('tag names cannot be empty');
  }
  // New tags follow the whole rule; names of tags to remove or filter by may be older ones.
  const newTags = command === 'tag' ? rest.slice(1) : [];
  const existingTags = [...base.tags, ...(command === 'untag' ? rest.slice(1) : [])];
  for (const [names, use] of [
    [newTags, 'new'],
    [existingTags, 'existing'],
  ] as const) {
    for (const name of names) {
      const problem = tagNameProblem(name, use);
      if (problem !== null) throw new UsageError(`the tag ${quoteTagName(name)} ${problem}`);
    }
  }
  if (command === 'search' && rest.join(' ').trim() === '') {
    throw new UsageError('the search query is empty');
  }
  checkHighlightArguments(command, rest);
  return {
    ...base,
    command,
    args: rest,
    limit: values.limit === undefined ? undefined : parseLimit(values.limit),
    sort:
      values.sort === undefined || command === 'search'
        ? undefined
        : oneOf('--sort', values.sort, SORTS),
    searchSort:
      values.sort === undefined || command !== 'search'
        ? undefined
        : oneOf('--sort', values.sort, SEARCH_SORTS),
    order: values.order === undefined ? undefined : oneOf('--order', values.order, ORDERS),
    view: values.view === undefined ? undefined : oneOf('--view', values.view, VIEWS),
    note: values.note === undefined ? undefined : checked('--note', noteSchema, values.note),
    color:
      values.color === undefined
        ? undefined
        : checked('--color', highlightColorSchema, values.color, true),
    occurrence: values.occurrence === undefined ? undefined : parseOccurrence(values.occurrence),
    out: values.out === undefined ? undefined : nonBlank('--out', values.out, 'a file path'),
  };
}

/** What a positional of these commands is, for the hint on text that starts with '-'. */
const TEXT_HINTS: Record<string, string> = {
  search: 'query',
  highlight: 'text',
  note: 'note',
};

/** The ids, passage and note of the highlight commands, checked by the contract's schemas. */
function checkHighlightArguments(command: CommandName, args: string[]): void {
  if (
    command === 'highlight' ||
    command === 'related' ||
    (command === 'highlights' && args[0] !== undefined)
  ) {
    checked(quoteValue(args[0]!), articleIdSchema, args[0]!);
  }
  if (command === 'highlight' && args[1]!.trim() === '') {
    throw new UsageError('the text to highlight is empty');
  }
  if (command === 'note' || command === 'unhighlight') {
    checked(quoteValue(args[0]!), highlightIdSchema, args[0]!);
  }
  if (command === 'note') checked('the note', noteSchema, args[1]!);
}

/** The usage line of a command, for help. */
export const usageOf = (command: CommandName): string => SPEC[command].usage;

const parseLimit = (text: string): number => wholeNumber('--limit', text);

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`${flag} must be a whole number of at least 1, not '${text}'`);
  }
  return Number(text);
}

function parseOccurrence(text: string): number {
  const n = wholeNumber('--occurrence', text);
  if (!Number.isSafeInteger(n)) throw new UsageError(`--occurrence is too large: '${text}'`);
  return n;
}

function nonBlank(flag: string, value: string, what: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs ${what}`);
  return value;
}

/**
 * The value parsed by a contract schema; its first problem becomes a UsageError about `what`
 * (quoting the value after it when `quote`; a note is never quoted whole).
 */
function checked<T>(what: string, schema: z.ZodType<T>, value: string, quote = false): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problem = result.error.issues[0]?.message ?? 'is not valid';
  throw new UsageError(`${what} ${problem}${quote ? `, not ${quoteValue(value)}` : ''}`);
}

/** A short, one-line rendering of a value the user typed, for a message. */
const quoteValue = (value: string): string =>
  `'${value.length > 40 ? `${[...value].slice(0, 40).join('')}…` : value}'`;

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (!found) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
  return found;
}

const firstLine = (text: string): string => text.split('\n')[0] ?? text;
