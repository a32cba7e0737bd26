// What a backup holds in words, for the command line and the app's dialogs alike.
import type { BackupContents } from '../../contract/backup';

const grouped = new Intl.NumberFormat('en-US');
const count = (n: number, one: string, many = `${one}s`): string =>
  `${grouped.format(n)} ${n === 1 ? one : many}`;

/** "12 articles (1 in the trash), 3 tags, 5 highlights (2 with notes), 1 favourite, 4 read". */
export function describeContents(c: BackupContents): string {
  return [
    `${count(c.articles, 'article')}${c.trashed > 0 ? ` (${grouped.format(c.trashed)} in the trash)` : ''}`,
    count(c.tags, 'tag'),
    `${count(c.highlights, 'highlight')}${c.notes > 0 ? ` (${grouped.format(c.notes)} with notes)` : ''}`,
    count(c.favourites, 'favourite'),
    `${grouped.format(c.read)} read`,
  ].join(', ');
}
