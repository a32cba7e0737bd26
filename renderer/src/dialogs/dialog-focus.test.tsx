// Focus in dialogs: it goes back to the control that opened a dialog, and renaming or
// deleting a tag in the tag manager keeps it inside the dialog.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TagCount } from '../../../main/contract/types';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';
import { TagManager } from '../tags/TagManager';

afterEach(cleanup);

// jsdom has no modal dialogs: open and close only toggle the attribute here, which is all
// these tests need (the browser's focus trap is covered by the e2e suite).
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

function Opener({ keepOpener = true }: { keepOpener?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="fallback">
        Fallback
      </button>
      {(keepOpener || !open) && (
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
      )}
      {open && (
        <Dialog
          title="Example"
          onClose={() => setOpen(false)}
          fallbackFocus={() => screen.getByTestId('fallback')}
        >
          <input aria-label="Inside" />
        </Dialog>
      )}
    </>
  );
}

const renames: [string, string, boolean][] = [];

/** Tags held like the app holds them: a rename lands later, as a new list. */
function TagHarness({ initial }: { initial: TagCount[] }) {
  const [tags, setTags] = useState(initial);
  const later = (next: TagCount[]) => setTimeout(() => setTags(next), 0);
  return (
    <TagManager
      tags={tags}
      onRename={(from, to, merge) => {
        renames.push([from, to, merge]);
        later(tags.map((t) => (t.name === from ? { ...t, name: to } : t)).sort(byName));
      }}
      onDelete={(name) => later(tags.filter((t) => t.name !== name))}
      onClose={() => undefined}
    />
  );
}
const byName = (a: TagCount, b: TagCount) => a.name.localeCompare(b.name);

/** The tag manager over `other` (1 article) and "weekly" (2); the field to rename weekly. */
function renderWithWeekly(other: string): HTMLInputElement {
  render(
    <TagHarness
      initial={[
        { name: other, count: 1 },
        { name: 'weekly', count: 2 },
      ]}
    />,
  );
  return screen.getByRole<HTMLInputElement>('textbox', { name: 'New name for tag weekly' });
}
const flush = () => act(() => new Promise((r) => setTimeout(r, 5)));

describe('dialog focus', () => {
  it('returns focus to the control that opened the dialog when it closes', () => {
    render(<Opener />);
    const open = screen.getByRole('button', { name: 'Open' });
    open.focus();
    fireEvent.click(open);
    screen.getByRole('textbox', { name: 'Inside' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('textbox', { name: 'Inside' })).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('falls back when the opener is gone', () => {
    render(<Opener keepOpener={false} />);
    const open = screen.getByRole('button', { name: 'Open' });
    open.focus();
    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(screen.getByTestId('fallback'));
  });

  it('a confirmation starts on Cancel, so Enter does nothing harmful', () => {
    let confirmed = 0;
    render(
      <ConfirmDialog
        title="Empty the trash?"
        message="Gone for good."
        confirmLabel="Delete for good"
        onConfirm={() => confirmed++}
        onCancel={() => undefined}
      />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(confirmed).toBe(1);
  });

  it('after a rename, focus is on the renamed tag’s row, not the page', async () => {
    const input = renderWithWeekly('alpha');
    input.focus();
    fireEvent.change(input, { target: { value: 'digest' } });
    fireEvent.submit(input.closest('form')!);
    await flush();
    expect(screen.queryByRole('textbox', { name: 'New name for tag weekly' })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('textbox', { name: 'New name for tag digest' }),
    );
  });

  it('right after a rename is sent, Ctrl+Z in its field is the app’s undo, not the field’s', () => {
    const input = renderWithWeekly('alpha');
    fireEvent.change(input, { target: { value: 'digest' } });
    // Typing: the field's own undo.
    expect(input.dataset.appUndo).toBeUndefined();
    fireEvent.submit(input.closest('form')!);
    // Sent, the list not read again yet: the app's (useToasts reads this mark).
    expect(input.dataset.appUndo).toBe('');
    fireEvent.change(input, { target: { value: 'digests' } });
    expect(input.dataset.appUndo).toBeUndefined();
  });

  it('after a merge into an existing tag, focus is on that tag’s row', async () => {
    const input = renderWithWeekly('Gadgets');
    input.focus();
    fireEvent.change(input, { target: { value: 'gadgets' } });
    fireEvent.submit(input.closest('form')!);
    await flush();
    // The harness does not merge, so both rows exist; the one named like the target wins.
    expect(document.activeElement?.getAttribute('data-tag')?.toLowerCase()).toBe('gadgets');
    expect(document.activeElement?.tagName).toBe('INPUT');
  });

  it('after a delete, focus moves to the row that took its place, then to Close', async () => {
    render(
      <TagHarness
        initial={[
          { name: 'alpha', count: 1 },
          { name: 'beta', count: 2 },
        ]}
      />,
    );
    const confirmDelete = () =>
      fireEvent.click(
        within(screen.getByRole('dialog', { name: 'Delete this tag?' })).getByRole('button', {
          name: 'Delete tag',
        }),
      );
    const del = screen.getByRole('button', { name: 'Delete tag alpha' });
    del.focus();
    fireEvent.click(del);
    confirmDelete();
    await flush();
    expect(document.activeElement).toBe(
      screen.getByRole('textbox', { name: 'New name for tag beta' }),
    );
    const last = screen.getByRole('button', { name: 'Delete tag beta' });
    last.focus();
    fireEvent.click(last);
    confirmDelete();
    await flush();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });
});

describe('tag manager', () => {
  it('deleting a tag asks first, naming how many articles carry it; Cancel keeps it', async () => {
    render(
      <TagHarness
        initial={[
          { name: 'alpha', count: 1 },
          { name: 'سياسة', count: 12 },
        ]}
      />,
    );
    const del = screen.getByRole('button', { name: 'Delete tag سياسة' });
    del.focus();
    fireEvent.click(del);
    const confirm = screen.getByRole('dialog', { name: 'Delete this tag?' });
    expect(confirm.textContent).toMatch(/removed from 12 articles/);
    expect(confirm.querySelector('bdi')?.textContent).toBe('سياسة');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await flush();
    expect(screen.queryByRole('dialog', { name: 'Delete this tag?' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'New name for tag سياسة' })).toBeTruthy();
    // Focus went back to the Delete button that asked.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete tag سياسة' }));
  });

  it('Esc in the confirmation closes only the confirmation', () => {
    let closed = 0;
    render(
      <TagManager
        tags={[{ name: 'alpha', count: 1 }]}
        onRename={() => undefined}
        onDelete={() => undefined}
        onClose={() => closed++}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete tag alpha' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete this tag?' });
    fireEvent(confirm, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog', { name: 'Delete this tag?' })).toBeNull();
    expect(closed).toBe(0);
    expect(screen.getByRole('dialog', { name: 'Manage tags' })).toBeTruthy();
  });

  it('a new name that is another tag’s offers Merge, and the rename is flagged a merge', async () => {
    renames.length = 0;
    const input = renderWithWeekly('Gadgets');
    fireEvent.change(input, { target: { value: 'digest' } });
    expect(within(input.closest('form')!).getByRole('button', { name: 'Rename' })).toBeTruthy();
    fireEvent.change(input, { target: { value: 'GADGETS' } });
    fireEvent.submit(input.closest('form')!, {});
    expect(within(input.closest('form')!).getByRole('button', { name: 'Merge' })).toBeTruthy();
    // Merged under the existing spelling.
    expect(renames).toEqual([['weekly', 'Gadgets', true]]);
    await flush();
  });
});
