// The command table: each command's name, the options it takes, how many positionals and its
// usage line. Nothing here needs a schema, so `--help` and the first reading of a command
// line load none (docs/benchmarks.md, "Cold command line").

export const COMMANDS = [
  'import',
  'search',
  'related',
  'versions',
  'entities',
  'list',
  'show',
  'tag',
  'untag',
  'tags',
  'saved',
  'rule',
  'rules',
  'watch',
  'highlight',
  'highlights',
  'note',
  'unhighlight',
  'export-highlights',
  'export',
  'backup',
  'remove',
  'restore',
  'empty-trash',
  'reindex',
  'stats',
  'check',
  'serve',
  'help',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Every option, as node:util's parseArgs reads them. */
export const OPTIONS = {
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
  collection: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string' },
} as const;

/** The options only some commands take. */
export const COMMAND_OPTIONS = [
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
  'collection',
  'format',
  'from',
  'to',
  'type',
] as const;
export type CommandOption = (typeof COMMAND_OPTIONS)[number];

/** Which command options each command accepts, and how many positionals it takes. */
export const SPEC: Record<
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
  versions: { options: [], min: 0, max: 2, usage: 'versions [main ID]' },
  entities: {
    options: ['type'],
    min: 0,
    max: 0,
    usage: 'entities [--type person|organisation|place]',
  },
  list: {
    options: ['sort', 'order', 'tag', 'view', 'limit', 'collection', 'from', 'to'],
    min: 0,
    max: 0,
    usage: 'list',
  },
  show: { options: ['original'], min: 1, max: 1, usage: 'show ID' },
  tag: { options: [], min: 2, max: Infinity, usage: 'tag ID TAG...' },
  untag: { options: [], min: 2, max: Infinity, usage: 'untag ID TAG...' },
  tags: { options: [], min: 0, max: 0, usage: 'tags' },
  saved: {
    options: ['limit'],
    min: 0,
    max: Infinity,
    usage: 'saved [add NAME QUERY | run NAME | remove NAME]',
  },
  rule: { options: [], min: 2, max: Infinity, usage: 'rule add TAG QUERY | rule remove TAG' },
  rules: { options: [], min: 0, max: 0, usage: 'rules' },
  watch: { options: [], min: 0, max: 2, usage: 'watch [add DIR | remove DIR | run]' },
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
  export: {
    options: ['format', 'out', 'tag', 'collection'],
    min: 0,
    max: Infinity,
    usage: 'export [QUERY] --format md|txt|jsonl|csv|opensearch --out PATH',
  },
  remove: { options: [], min: 1, max: Infinity, usage: 'remove ID...' },
  backup: { options: [], min: 1, max: 1, usage: 'backup FILE' },
  restore: {
    options: [],
    min: 1,
    max: Infinity,
    usage: 'restore ID... | restore FILE --library DIR',
  },
  'empty-trash': { options: [], min: 0, max: 0, usage: 'empty-trash' },
  reindex: { options: [], min: 0, max: 0, usage: 'reindex' },
  stats: { options: [], min: 0, max: 0, usage: 'stats' },
  check: { options: [], min: 0, max: 0, usage: 'check' },
  serve: { options: [], min: 0, max: 0, usage: 'serve' },
  help: { options: [], min: 0, max: 1, usage: 'help [COMMAND]' },
};

/** The usage line of a command, for help. */
export const usageOf = (command: CommandName): string => SPEC[command].usage;
