// Turns argv into a command and its options. Parsing is strict: anything unknown or
// misplaced is a UsageError, which the runner prints with a hint to --help (exit 2).
import type { ArticleSort, LibraryView, SearchSort, SortOrder } from '../contract/types';
import { quoteTagName, tagNameProblem } from '../contract/tag-name';
import { articleIdSchema } from '../contract/article-id';
import { spanOf } from '../contract/date-range';
import {
  highlightColorSchema,
  highlightIdSchema,
  noteSchema,
  type HighlightColor,
} from '../contract/highlights';
import type { z } from '../contract/zod';
// From the small contract files, not organise.ts and export.ts: those build all of the
// contract's schemas, a tenth of a cold `list` (docs/benchmarks.md, "Cold command line").
import { collectionNameSchema, savedSearchNameSchema } from '../contract/name-schemas';
import { EXPORT_FORMATS, exportFormatSchema, type ExportFormat } from '../contract/export-format';
import { ENTITY_TYPES, type EntityType } from '../contract/entities';
import { SPEC, type CommandName } from './command-specs';
import { readCommandLine, type CommandLineReading } from './read-command-line';
import { UsageError } from './usage-error';

export { COMMANDS, usageOf, type CommandName } from './command-specs';
export { UsageError } from './usage-error';

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
  /** `list --collection`. */
  collection?: string;
  /** `export --format`. */
  format?: ExportFormat;
  /** `list --from`: the first day of its year, month or day (ISO). */
  from?: string;
  /** `list --to`: the last day of its year, month or day (ISO). */
  to?: string;
  /** `entities --type`. */
  entityType?: EntityType;
}

/** Parses argv (without node and the script); throws UsageError on bad usage. */
export function parseCommandLine(argv: string[]): ParsedCommandLine {
  return completeCommandLine(readCommandLine(argv));
}

/**
 * Checks the rest of a command line `readCommandLine` has read (the command's options and
 * arguments, by the contract's schemas); throws UsageError on bad usage.
 */
export function completeCommandLine(reading: CommandLineReading): ParsedCommandLine {
  if (reading.early) return reading.early;
  const { values, base, command, rest } = reading;
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
  checkExportArguments(command, values.format, values.out);
  checkOrganiseArguments(command, rest);
  checkVersionsArguments(command, rest);
  checkWatchArguments(command, rest);
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
    collection:
      values.collection === undefined
        ? undefined
        : checked('--collection', collectionNameSchema, values.collection),
    format:
      values.format === undefined
        ? undefined
        : checked('--format', exportFormatSchema, values.format, true),
    ...dateOptions(values.from, values.to),
    ...(values.type === undefined
      ? {}
      : { entityType: oneOf('--type', values.type, ENTITY_TYPES) }),
  };
}

/** `--from` and `--to` as the first and last day they name (YYYY, YYYY-MM or YYYY-MM-DD). */
function dateOptions(from: string | undefined, to: string | undefined) {
  const day = (flag: string, value: string | undefined, end: 'first' | 'last') => {
    if (value === undefined) return undefined;
    const span = spanOf(value);
    if (!span) {
      throw new UsageError(`${flag} must be a date: YYYY, YYYY-MM or YYYY-MM-DD, not '${value}'`);
    }
    return span[end];
  };
  const first = day('--from', from, 'first');
  const last = day('--to', to, 'last');
  if (first !== undefined && last !== undefined && first > last) {
    throw new UsageError(`--from ${from ?? ''} is after --to ${to ?? ''}`);
  }
  return {
    ...(first !== undefined ? { from: first } : {}),
    ...(last !== undefined ? { to: last } : {}),
  };
}

/** `export` needs a format and a destination. */
function checkExportArguments(
  command: CommandName,
  format: string | undefined,
  out: string | undefined,
): void {
  if (command !== 'export') return;
  if (format === undefined) {
    throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  }
  if (out === undefined) throw new UsageError('export needs --out PATH (a file or a new folder)');
}

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

/** `versions` lists the groups; `versions main ID` marks a main version. */
function checkVersionsArguments(command: CommandName, args: string[]): void {
  if (command !== 'versions' || args.length === 0) return;
  if (args[0] !== 'main' || args.length !== 2) {
    throw new UsageError(`unknown arguments; usage: ${SPEC.versions.usage}`);
  }
  checked(quoteValue(args[1]!), articleIdSchema, args[1]!);
}

/** The subcommands of saved and rule, their names and tags. */
function checkOrganiseArguments(command: CommandName, args: string[]): void {
  if (command !== 'saved' && command !== 'rule') return;
  const [sub, name, ...query] = args;
  if (command === 'saved' && sub === undefined) return;
  const usage = `usage: ${SPEC[command].usage}`;
  const forms: Record<string, number> =
    command === 'saved' ? { add: 3, run: 2, remove: 2 } : { add: 3, remove: 2 };
  const want = forms[sub!];
  if (want === undefined) throw new UsageError(`unknown ${command} command '${sub}'; ${usage}`);
  if (args.length < want) throw new UsageError(`missing arguments; ${usage}`);
  if (want === 2 && args.length > 2) throw new UsageError(`too many arguments; ${usage}`);
  if (want === 3 && query.join(' ').trim() === '') {
    throw new UsageError(`the ${command === 'saved' ? 'search' : 'rule'} query is empty`);
  }
  if (command === 'saved') checked('the name', savedSearchNameSchema, name!);
  else {
    const problem = tagNameProblem(name!, sub === 'add' ? 'new' : 'existing');
    if (problem !== null) throw new UsageError(`the tag ${quoteTagName(name!)} ${problem}`);
  }
}

/** `watch`, `watch add DIR`, `watch remove DIR` or `watch run`. */
function checkWatchArguments(command: CommandName, args: string[]): void {
  if (command !== 'watch' || args.length === 0) return;
  const [sub, dir] = args;
  const usage = `usage: ${SPEC.watch.usage}`;
  if (sub === 'run') {
    if (args.length > 1) throw new UsageError(`too many arguments; ${usage}`);
    return;
  }
  if (sub !== 'add' && sub !== 'remove') {
    throw new UsageError(`unknown watch command '${sub}'; ${usage}`);
  }
  if (dir === undefined || dir.trim() === '') throw new UsageError(`missing DIR; ${usage}`);
}

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
