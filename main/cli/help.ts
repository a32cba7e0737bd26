// Help text. Kept beside the parser so the two are read and changed together.
// It loads no schema (zod): `--help` starts in little more than Node's own time.
import { COMMANDS, usageOf, type CommandName } from './command-specs';
import { DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS } from '../contract/highlight-colors';
import { LIMITS } from '../contract/limits';
import { DEFAULT_RELATED_LIMIT } from '../contract/related-limit';
import { formatCount } from './format/numbers';

const COLORS = HIGHLIGHT_COLORS.map((c) => (c === DEFAULT_HIGHLIGHT_COLOR ? `${c} (default)` : c));

const SUMMARIES: Record<CommandName, string> = {
  import: 'Import .txt/.text/.md files and folders (recursively)',
  search: 'Full-text search: all the words; OR, -word, "phrases", title:word, tag:name',
  related: 'The articles most like one (by their weighted words), most similar first',
  versions: 'List the groups of articles that are versions of the same story',
  entities: 'List the people, organisations and places articles name, with article counts',
  list: 'List articles',
  show: 'Show one article (clean text, or --original)',
  tag: 'Add tags to an article',
  untag: 'Remove tags from an article',
  tags: 'List tags with their article counts',
  saved: 'List saved searches with their counts; add, run or remove one (shared with the app)',
  rule: 'Add a tagging rule (tags every match now and at every import) or remove one',
  rules: 'List tagging rules with how many articles each matches',
  watch: 'List watched folders; add or remove one; run watches them, importing new files',
  highlight: "Highlight a passage of an article; prints the new highlight's id",
  highlights: 'List highlights and their notes, newest first (of one article, or all)',
  note: 'Set the note of a highlight (an empty NOTE clears it)',
  unhighlight: 'Remove a highlight',
  'export-highlights': 'Write every highlight as Markdown, grouped by article',
  export: 'Export articles (a search, or the whole library) as Markdown, text, JSON Lines, CSV',
  remove: 'Move articles to the trash',
  backup: 'Write the whole library to one zip file (works while the app is open)',
  restore: 'Take articles out of the trash; or restore a backup FILE into --library DIR',
  'empty-trash': 'Delete the articles in the trash for good (their files too)',
  reindex: 'Rebuild the search index from the articles',
  stats: 'Show library statistics',
  check: 'Verify every article and cache; exit 1 if anything is wrong',
  serve: 'Keep the library open and answer list and search at once (for launchers), until Ctrl-C',
  help: 'Show help for a command',
};

const DETAILS: Partial<Record<CommandName, string[]>> = {
  search: [
    '  --limit N        at most N hits (default 20)',
    '  --tag T          only articles tagged T (repeatable)',
    '  --sort S         relevance (default), date, imported or title',
    '  --order O        asc or desc (default: best match, newest first; titles A to Z)',
    "  date:2004, date:2004-03..2004-06, date:>2010 in QUERY: by the article's own date",
    '  Put queries that start with "-" after "--": search -- -oil +gas',
  ],
  list: [
    '  --sort S         imported (default), date or title; undated articles last by date',
    '  --order O        asc or desc (default: newest first; titles A to Z)',
    '  --view V         all (default), unread, favourites or trash',
    '  --tag T          only articles tagged T (repeatable)',
    '  --limit N        at most N rows (default 50)',
    '  --collection C   only articles of collection C (the first folder below an imported one)',
    '  --from DATE      only articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)',
    '  --to DATE        only articles dated on or before DATE (the whole year or month given);',
    '                   undated articles are left out when either is given',
  ],
  saved: [
    '  saved                      every saved search, its query and how many articles it finds',
    '  saved add NAME QUERY       save a search (names are unique regardless of case)',
    '  saved run NAME [--limit N] run it; prints what `search` prints',
    '  saved remove NAME          forget it',
  ],
  rule: [
    '  rule add TAG QUERY   every article QUERY finds gets TAG, now and at every import;',
    '                       prints how many articles got the tag',
    '  rule remove TAG      remove the rule; TAG comes off only the articles the rule tagged',
  ],
  watch: [
    '  watch                 every watched folder: watching, there (not watched now) or missing',
    '  watch add DIR         watch DIR (an existing folder; stored as an absolute path)',
    '  watch remove DIR      stop watching DIR; its articles stay in the library',
    '  watch run             import what was added while nothing watched, then new and changed',
    '                        .txt/.text/.md files once they stop changing, one line per batch',
    '                        (--json: one JSON object per line); Ctrl-C or SIGTERM stops (exit 0)',
    '  The app watches the same folders while it has the library open (Library → Watch Folder…)',
  ],
  show: ['  --original       print the original text instead of the clean body'],
  export: [
    '  --format F       md, txt (one file per article in a new folder), jsonl, csv (one file)',
    '                   or opensearch (bulk.ndjson and mapping.json in a new folder)',
    '  --out PATH       the file or the new (or empty) folder to write; whole or not at all',
    '  --tag T          only articles tagged T (repeatable)',
    '  --collection C   only articles of collection C',
    '  Without QUERY: the whole library (a JSON Lines export takes the trash too);',
    '  `import FILE.jsonl` restores a JSON Lines export',
  ],
  related: [
    `  --limit N        at most N articles (default ${DEFAULT_RELATED_LIMIT}, at most ${LIMITS.relatedLimit})`,
    "  The article's own versions and articles in the trash are left out",
  ],
  entities: [
    '  --type T         only person, organisation or place',
    '  People and organisations come from English articles only; places from any language',
    '  (datelines and a gazetteer). Search them with person:NAME, org:NAME and place:NAME',
  ],
  versions: [
    '  Versions: near-duplicate bodies (a headline, a paragraph or a few words changed);',
    '  `show ID --json` lists the versions of one article. Articles in the trash are left out',
    '  versions main ID  makes ID the main version of its story (the one the app shows when',
    '                    other versions are hidden)',
  ],
  highlight: [
    `  --note NOTE      a note on the highlight (up to ${formatCount(LIMITS.noteLength)} characters)`,
    `  --color C        ${COLORS.slice(0, -1).join(', ')} or ${COLORS.at(-1)}`,
    '  --occurrence N   the N-th occurrence of TEXT in the article (default 1)',
    '  TEXT is matched exactly in the clean text (as `show ID` prints it): quote it;',
    '  put a TEXT that starts with "-" after "--": highlight ID -- "-40 degrees"',
  ],
  note: ['  HID is a highlight id, as `highlight` and `highlights` print it'],
  unhighlight: ['  HID is a highlight id, as `highlight` and `highlights` print it'],
  'export-highlights': ['  --out FILE       write the Markdown to FILE instead of stdout'],
  backup: [
    '  FILE is written whole or not at all (a zip any OS opens, with a manifest of SHA-256s);',
    '  the search index and catalogue are left out (rebuilt on restore). See docs/backup.md',
  ],
  serve: [
    '  While it runs, `list` and `search` on this library (from any shell or script) are',
    '  answered by it: no engine to load, no library to open. It notices changes other',
    '  processes make. Not on Windows. ARCHIVE_READER_SERVICE=0 makes a command answer itself',
  ],
  restore: [
    '  restore ID...                  take these articles out of the trash',
    '  restore FILE --library DIR     restore a backup into DIR, an empty or new folder:',
    '                                 every checksum is verified first; a damaged backup',
    '                                 restores nothing and names its damaged entries',
    '  An argument of 16 hex digits is an article id; write ./NAME for such a backup file',
  ],
};

const GLOBAL = [
  'Global options:',
  '  --library DIR    library folder (else $ARCHIVE_READER_LIBRARY, else the one the app uses)',
  '  --json           machine-readable output on stdout',
  '  -h, --help       help',
  '  -v, --version    version',
  '',
  'Exit codes: 0 ok, 1 import or reindex finished with files it could not read, or check',
  'found problems, 2 bad usage or bad query, 3 other failures (library locked, not found,',
  'damaged, disk full, I/O), 130 interrupted.',
];

/** The general help, or the help of one command. */
export function helpText(command?: CommandName): string {
  if (command) {
    return [
      `Usage: archive-reader ${usageOf(command)} [options]`,
      '',
      SUMMARIES[command],
      ...(DETAILS[command] ? ['', ...DETAILS[command]] : []),
      '',
      ...GLOBAL,
      '',
    ].join('\n');
  }
  const width = Math.max(...COMMANDS.map((c) => usageOf(c).length)) + 2;
  return [
    'Usage: archive-reader COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${usageOf(c).padEnd(width)}${SUMMARIES[c]}`),
    '',
    ...GLOBAL,
    '',
    "Run 'archive-reader help COMMAND' for a command's options.",
    '',
  ].join('\n');
}
