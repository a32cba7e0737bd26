import { getClient } from '../api/client';

/** Saves the original text of the given articles as one .txt download; returns how many. */
export async function exportArticles(ids: string[]): Promise<number> {
  const api = getClient();
  const parts: string[] = [];
  for (const id of ids) {
    const a = await api.call('getArticle', { id });
    parts.push(a.original.trimEnd());
  }
  const blob = new Blob([parts.join('\n\n\u2014\u2014\u2014\n\n') + '\n'], {
    type: 'text/plain;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = ids.length === 1 ? 'article.txt' : `articles-${ids.length}.txt`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return ids.length;
}
