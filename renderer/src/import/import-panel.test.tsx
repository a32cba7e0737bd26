// The import summary: articles taken out of the trash by a re-import are named, each title
// bidi-isolated inside its quotes, and each opens the article.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../main/contract/types';
import { ImportPanel } from './ImportPanel';

afterEach(cleanup);

const id = (n: number) => n.toString(16).padStart(16, '0');
const entry = (n: number, title: string) => ({ id: id(n), title, path: `/in/${n}.txt` });

function renderSummary(patch: Partial<ImportSummary>) {
  const opened: string[] = [];
  const summary: ImportSummary = {
    imported: [],
    duplicates: [],
    failed: [],
    skipped: 0,
    cancelled: false,
    ...patch,
  };
  render(
    <ImportPanel
      state={{ phase: 'done', done: 1, total: 1, current: '', summary }}
      onCancel={() => undefined}
      onDismiss={() => undefined}
      onOpen={(x) => opened.push(x)}
    />,
  );
  return opened;
}

describe('import summary', () => {
  it('says which articles were restored from the trash, and each opens', () => {
    const opened = renderSummary({ restored: [entry(1, 'مقال عن الطقس'), entry(2, 'Weather')] });
    const panel = screen.getByRole('status', { name: 'Import summary' });
    expect(panel.textContent).toContain('2 restored');
    const line = panel.querySelector('.import-restored')!;
    expect(line.textContent).toBe('Restored from the trash: “مقال عن الطقس”, “Weather”.');
    // The titles sit in <bdi>, inside the quotes, so the quotes stay around Arabic text.
    expect([...line.querySelectorAll('button > bdi')].map((b) => b.textContent)).toEqual([
      'مقال عن الطقس',
      'Weather',
    ]);
    fireEvent.click(within(line as HTMLElement).getByRole('button', { name: '“مقال عن الطقس”' }));
    expect(opened).toEqual([id(1)]);
  });

  it('names the first few and lists the rest under the details', () => {
    renderSummary({ restored: [1, 2, 3, 4, 5, 6, 7].map((n) => entry(n, `Story ${n}`)) });
    const line = document.querySelector('.import-restored')!;
    expect(line.textContent).toMatch(/“Story 5” and 2 more\.$/);
    fireEvent.click(screen.getByRole('button', { name: 'Show details' }));
    expect(screen.getByRole('heading', { name: 'Restored from the trash' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^open “Story/ })).toHaveLength(7);
  });

  it('isolates the titles of duplicates too', () => {
    renderSummary({ duplicates: [{ path: '/in/x.txt', id: id(3), title: 'خبر' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Show details' }));
    const link = screen.getByRole('button', { name: 'open “خبر”' });
    expect(link.querySelector('bdi')?.textContent).toBe('خبر');
  });
});
