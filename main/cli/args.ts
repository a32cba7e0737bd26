// Turns argv into a command and its options. Parsing is strict: anything unknown or
// misplaced is a UsageError, which the runner prints with a hint to --help (exit 2).
import { parseArgs } from 'node:util';
import type { ArticleSort, LibraryView, SearchSort, SortOrder } from '../contract/types';
import { errorMessage } from '../contract/error-message';
import { quoteTagName, tagNameProblem } from '../contract/tag-name';

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
  'list',
  'show',
  'tag',
  'untag',
  'tags',
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
} as const;

type CommandOption = 'limit' | 'tag' | 'sort' | 'order' | 'view' | 'original';

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
  list: { options: ['sort', 'order', 'tag', 'view', 'limit'], min: 0, max: 0, usage: 'list' },
  show: { options: ['original'], min: 1, max: 1, usage: 'show ID' },
  tag: { options: [], min: 2, max: Infinity, usage: 'tag ID TAG...' },
  untag: { options: [], min: 2, max: Infinity, usage: 'untag ID TAG...' },
  tags: { options: [], min: 0, max: 0, usage: 'tags' },
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
    const hint = argv[0] === 'search' && /^Unknown option/.test(sentence);
    throw new UsageError(
      hint ? `${sentence}; put a query that starts with '-' after --` : sentence,
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
  for (const name of ['limit', 'tag', 'sort', 'order', 'view', 'original'] as const) {
    if (values[name] !== undefined && !spec.options.includes(name)) {
      throw new UsageError(`option --${name} does not apply to '${command}'`);
    }
  }
  if (rest.length < spec.min) throw new UsageError(`missing arguments; usage: ${spec.usage}`);
  if (rest.length > spec.max) throw new UsageError(`too many arguments; usage: ${spec.usage}`);
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
  };
}

/** The usage line of a command, for help. */
export const usageOf = (command: CommandName): string => SPEC[command].usage;

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`--limit must be a whole number of at least 1, not '${text}'`);
  }
  return Number(text);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (!found) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
  return found;
}

const firstLine = (text: string): string => text.split('\n')[0] ?? text;
