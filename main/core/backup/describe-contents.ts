// What a backup holds in words, for the command line and the app's dialogs alike.
import type { BackupContents } from '../../contract/backup';

// Made on first use: a fresh process pays ~20 ms for its first NumberFormat (ICU's data), and
// this module loads with the engine, which most calls use without describing a backup.
let formatter: Intl.NumberFormat | undefined;
const grouped = (n: number): string => (formatter ??= new Intl.NumberFormat('en-US')).format(n);
const count = (n: number, one: string, many = `${one}s`): string =>
  `${grouped(n)} ${n === 1 ? one : many}`;

/** "12 articles (1 in the trash), 3 tags, 5 highlights (2 with notes), 1 favourite, 4 read". */
export function describeContents(c: BackupContents): string {
  return [
    `${count(c.articles, 'article')}${c.trashed > 0 ? ` (${grouped(c.trashed)} in the trash)` : ''}`,
    count(c.tags, 'tag'),
    `${count(c.highlights, 'highlight')}${c.notes > 0 ? ` (${grouped(c.notes)} with notes)` : ''}`,
    count(c.favourites, 'favourite'),
    `${grouped(c.read)} read`,
  ].join(', ');
}
