// Undo from anywhere: Ctrl/Cmd+Z undoes the latest undoable action (not inside text fields),
// each undo runs once, and notices render inside an open modal dialog so they stay on top.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Dialog } from '../dialogs/Dialog';
import { Toasts } from './Toasts';
import { useToasts } from './useToasts';

beforeAll(() => {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(cleanup);

let push: ReturnType<typeof useToasts>['push'];

function Harness({ dialog = false }: { dialog?: boolean }) {
  const toasts = useToasts();
  useEffect(() => {
    push = toasts.push;
  });
  const [open, setOpen] = useState(dialog);
  return (
    <>
      <input aria-label="Typing" />
      <input type="checkbox" aria-label="A box" />
      <input aria-label="Saved name" data-app-undo="" defaultValue="weekly" />
      {open && (
        <Dialog title="Manage tags" onClose={() => setOpen(false)}>
          <input aria-label="Tag name" />
        </Dialog>
      )}
      <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
    </>
  );
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const ctrlZ = (target: Element = document.body) =>
  fireEvent.keyDown(target, { key: 'z', ctrlKey: true });
const notices = () => [...document.querySelectorAll('.toast > span')].map((s) => s.textContent);

describe('undo', () => {
  it('Ctrl+Z undoes the latest undoable action, then the one before', async () => {
    render(<Harness />);
    const undone: string[] = [];
    act(() => {
      push('Deleted tag A', () => void undone.push('A'));
      push('Saved', undefined);
      push('Deleted tag B', () => void undone.push('B'));
    });
    ctrlZ();
    await settle();
    expect(undone).toEqual(['B']);
    expect(notices()).toContain('Undone: Deleted tag B');
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    await settle();
    expect(undone).toEqual(['B', 'A']);
    ctrlZ();
    await settle();
    expect(undone).toEqual(['B', 'A']);
    expect(notices()).toContain('Nothing to undo');
  });

  it('leaves Ctrl+Z to a text field, but not to a checkbox', async () => {
    render(<Harness />);
    let undone = 0;
    act(() => void push('Moved the article to the trash', () => void undone++));
    ctrlZ(screen.getByRole('textbox', { name: 'Typing' }));
    await settle();
    expect(undone).toBe(0);
    ctrlZ(screen.getByRole('checkbox', { name: 'A box' }));
    await settle();
    expect(undone).toBe(1);
    // A field that holds nothing typed (marked so) leaves Ctrl+Z to the app.
    act(() => void push('Renamed', () => void undone++));
    ctrlZ(screen.getByRole('textbox', { name: 'Saved name' }));
    await settle();
    expect(undone).toBe(2);
  });

  it('runs each undo once, whether by its button or by Ctrl+Z', async () => {
    render(<Harness />);
    const undone: string[] = [];
    act(() => {
      push('first', () => void undone.push('first'));
      push('second', () => void undone.push('second'));
    });
    fireEvent.click(
      within(screen.getByText('second').closest('.toast')!).getByRole('button', { name: 'Undo' }),
    );
    await settle();
    ctrlZ();
    await settle();
    expect(undone).toEqual(['second', 'first']);
  });

  it('says when an undo failed', async () => {
    render(<Harness />);
    act(() => void push('Renamed', () => Promise.reject(new Error('disk is full'))));
    ctrlZ();
    await settle();
    expect(notices()).toContain('Could not undo: disk is full');
  });
});

describe('notices over a modal dialog', () => {
  it('render inside the open dialog, and Ctrl+Z works from there', async () => {
    render(<Harness dialog />);
    const dialog = screen.getByRole('dialog', { name: 'Manage tags' });
    let undone = 0;
    act(() => void push('Deleted tag “x”', () => void undone++));
    const toast = screen.getByText('Deleted tag “x”').closest('.toasts')!;
    expect(dialog.contains(toast)).toBe(true);
    ctrlZ(within(dialog).getByRole('button', { name: 'Close' }));
    await settle();
    expect(undone).toBe(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    // With the dialog gone, the notices are back in the page.
    expect(document.querySelector('.toasts')?.closest('dialog')).toBeNull();
  });
});
