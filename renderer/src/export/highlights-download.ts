import type { HighlightQuery } from '../../../main/contract/highlights';
import { getClient } from '../api/client';

/** Offers `text` as a download named `name` (the browser's and Electron's save path). */
export function saveText(text: string, name: string, type = 'text/markdown;charset=utf-8'): void {
  const blob = new Blob([text.endsWith('\n') ? text : `${text}\n`], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the highlights `query` chooses as one Markdown download; returns how many. */
export async function exportHighlights(query: HighlightQuery): Promise<number> {
  const { markdown, count } = await getClient().call('exportHighlights', query);
  if (count > 0) saveText(markdown, 'highlights.md');
  return count;
}
