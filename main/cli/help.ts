// Help text. Kept beside the parser so the two are read and changed together.
import { COMMANDS, usageOf, type CommandName } from './args';
import { DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS } from '../contract/highlights';
import { LIMITS } from '../contract/limits';
import { DEFAULT_RELATED_LIMIT } from '../contract/related';
import { formatCount } from './format/numbers';

const COLORS = HIGHLIGHT_COLORS.map((c) => (c === DEFAULT_HIGHLIGHT_COLOR ? `${c} (default)` : c));

const SUMMARIES: Record<CommandName, string> = {
  import: 'Import .txt/.text/.md files and folders (recursively)',
  search: 'Full-text search: all the words; OR, -word, "phrases", title:word, tag:name',
  related: 'The articles most like one (by their weighted words), most similar first',
  versions: 'List the groups of articles that are versions of the same story',
  list: 'List articles',
  show: 'Show one article (clean text, or --original)',
  tag: 'Add tags to an article',
  untag: 'Remove tags from an article',
  tags: 'List tags with their article counts',
  highlight: "Highlight a passage of an article; prints the new highlight's id",
  highlights: 'List highlights and their notes, newest first (of one article, or all)',
  note: 'Set the note of a highlight (an empty NOTE clears it)',
  unhighlight: 'Remove a highlight',
  'export-highlights': 'Write every highlight as Markdown, grouped by article',
  remove: 'Move articles to the trash',
  restore: 'Take articles out of the trash',
  'empty-trash': 'Delete the articles in the trash for good (their files too)',
  reindex: 'Rebuild the search index from the article files',
  stats: 'Show library statistics',
  check: 'Verify every article file and cache; exit 1 if anything is wrong',
  help: 'Show help for a command',
};

const DETAILS: Partial<Record<CommandName, string[]>> = {
  search: [
    '  --limit N        at most N hits (default 20)',
    '  --tag T          only articles tagged T (repeatable)',
    '  --sort S         relevance (default), date, imported or title',
    '  --order O        asc or desc (default: best match, newest first; titles A to Z)',
    '  Put queries that start with "-" after "--": search -- -oil +gas',
  ],
  list: [
    '  --sort S         imported (default), date or title; undated articles last by date',
    '  --order O        asc or desc (default: newest first; titles A to Z)',
    '  --view V         all (default), unread, favourites or trash',
    '  --tag T          only articles tagged T (repeatable)',
    '  --limit N        at most N rows (default 50)',
  ],
  show: ['  --original       print the original text instead of the clean body'],
  related: [
    `  --limit N        at most N articles (default ${DEFAULT_RELATED_LIMIT}, at most ${LIMITS.relatedLimit})`,
    "  The article's own versions and articles in the trash are left out",
  ],
  versions: [
    '  Versions: near-duplicate bodies (a headline, a paragraph or a few words changed);',
    '  `show ID --json` lists the versions of one article. Articles in the trash are left out',
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
