import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TagEditor } from './TagEditor';

function Harness({ initial, suggestions }: { initial: string[]; suggestions: string[] }) {
  const [tags, setTags] = useState(initial);
  return (
    <TagEditor
      tags={tags}
      suggestions={suggestions}
      onAdd={(t) => setTags((x) => [...x, t])}
      onRemove={(t) => setTags((x) => x.filter((y) => y !== t))}
    />
  );
}

const chips = () => [...document.querySelectorAll('.chip span')].map((c) => c.textContent);

afterEach(cleanup);

describe('TagEditor', () => {
  it('Enter adds the typed tag (trimmed) and clears the input', () => {
    render(<Harness initial={[]} suggestions={[]} />);
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: '  climate   policy ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual(['climate policy']);
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('does not add a tag the article already has, whatever its case', () => {
    render(<Harness initial={['Energy']} suggestions={[]} />);
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'energy' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual(['Energy']);
  });

  it('Backspace on an empty input removes the last chip', () => {
    render(<Harness initial={['a', 'b']} suggestions={[]} />);
    const input = screen.getByRole('combobox');
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(chips()).toEqual(['a']);
    fireEvent.change(input, { target: { value: 'x' } });
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(chips()).toEqual(['a']);
  });

  it('suggests existing tags, without the ones already on the article', () => {
    render(<Harness initial={['Iran']} suggestions={['Iran', 'Iraq', 'trade', 'Irish']} />);
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'ir' } });
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Iraq', 'Irish']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual(['Iran', 'Irish']);
  });

  it('the remove button on a chip removes that tag', () => {
    render(<Harness initial={['one', 'two']} suggestions={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag one' }));
    expect(chips()).toEqual(['two']);
  });
});
