// Names within one article: short forms go to the one full name they stand for.
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../../main/core/entities/classify-run';
import { normaliseNames } from '../../../../main/core/entities/normalise-names';
import { extractEntities } from '../../../../main/core/entities/extract-entities';

const person = (name: string, more: Partial<Mention> = {}): Mention => ({
  type: 'person',
  words: name.split(' '),
  ...more,
});

describe('normaliseNames', () => {
  it('"Mr Blair", "Blair" and "Tony Blair" are one person, counted three times', () => {
    const out = normaliseNames([
      person('Blair', { addressed: true }),
      person('Tony Blair'),
      person('Blair', { partial: true }),
    ]);
    expect(out).toEqual([{ type: 'person', name: 'Tony Blair', mentions: 3 }]);
  });

  it('leaves out a short form two people could be', () => {
    const out = normaliseNames([
      person('Gordon Brown'),
      person('Zoe Brown'),
      person('Brown', { addressed: true }),
    ]);
    expect(out.map((e) => e.name)).toEqual(['Gordon Brown', 'Zoe Brown']);
    expect(out.every((e) => e.mentions === 1)).toBe(true);
  });

  it('keeps "Mr X" when nobody is named in full, drops a lone unknown word', () => {
    const out = normaliseNames([
      person('Bewlay', { addressed: true }),
      person('Kinsey', { partial: true }),
    ]);
    expect(out).toEqual([{ type: 'person', name: 'Bewlay', mentions: 1 }]);
  });

  it('a first name alone goes to the one full name it begins', () => {
    const out = normaliseNames([person("Sonia O'Sullivan"), person('Sonia', { partial: true })]);
    expect(out).toEqual([{ type: 'person', name: "Sonia O'Sullivan", mentions: 2 }]);
  });

  it('an organisation: its first word alone, and its initials', () => {
    const org = (name: string): Mention => ({ type: 'organisation', words: name.split(' ') });
    const out = normaliseNames([
      org('Scottish National Party'),
      org('SNP'),
      org('Altria Group'),
      org('Altria'),
    ]);
    expect(out).toEqual([
      { type: 'organisation', name: 'Scottish National Party', mentions: 2 },
      { type: 'organisation', name: 'Altria Group', mentions: 2 },
    ]);
  });

  it('writes a place given in capitals in ordinary capitals', () => {
    const out = normaliseNames([{ type: 'place', words: ['NEW', 'YORK'] }]);
    expect(out[0]!.name).toBe('New York');
  });

  it('most mentioned first, then first named', () => {
    const out = normaliseNames([
      person('Ann Lee'),
      person('Bo Park'),
      person('Park', { partial: true }),
    ]);
    expect(out.map((e) => e.name)).toEqual(['Bo Park', 'Ann Lee']);
  });
});

describe('names normalised in running text', () => {
  it('"Mr Halvorsen", "Halvorsen\'s" and "Erik Halvorsen" are one person', () => {
    const e = extractEntities(
      "Erik Halvorsen resigned on Tuesday. Mr Halvorsen said the board knew. Halvorsen's lawyer declined to comment.",
      'en',
      null,
    );
    expect(e.people).toEqual(['Erik Halvorsen']);
  });
});

describe('ranks and party names', () => {
  it('"Sir Alan Marsh" is the Alan Marsh the article also names without the rank', () => {
    const out = normaliseNames([person('Alan Marsh'), person('Sir Alan Marsh')]);
    expect(out).toEqual([{ type: 'person', name: 'Alan Marsh', mentions: 2 }]);
  });

  it('a party opening a sentence after "The" is an organisation', () => {
    const e = extractEntities('The Lib Dems opposed the plan. The Tories did not.', 'en', null);
    expect(e.organisations).toEqual(['Lib Dems', 'Tories']);
    expect(e.people).toEqual([]);
  });
});
