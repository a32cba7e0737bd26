// A required word that no article holds is searched by its nearest spellings, and says so.
import { describe, expect, it } from 'vitest';
import { doc, ids } from './helpers';
import { indexOver } from './index-over';

const corpus = [
  doc('p1', { title: 'Mobile phones sold', body: 'Sales of mobile phones rose in spring.' }),
  doc('p2', { title: 'Phone makers', body: 'A phone maker cut prices of its phones.' }),
  doc('t1', { title: 'Tablets', body: 'Tablet sales fell; mobile makers worried.' }),
];

describe('misspelt words', () => {
  const ix = indexOver(corpus);

  it('searches a word no article holds by its nearest spellings, and names them', async () => {
    const r = await ix().search('mobile phnoes');
    expect(ids(r).sort()).toEqual(['p1']);
    expect(r.corrected).toEqual([{ from: 'phnoes', to: 'phones' }]);
  });

  it('marks the corrected word in snippets as the search matched it', () => {
    const body = 'Sales of mobile phones rose in spring.';
    const ranges = ix().matchedRanges('mobile phnoes', 'p1', { title: '', body });
    expect(ranges?.body.map((m) => body.slice(m.start, m.end))).toEqual(['mobile', 'phones']);
  });

  it('leaves words alone when asked for the exact words, or when quoted', async () => {
    const exact = await ix().search('mobile phnoes', undefined, { exact: true });
    expect(exact.hits).toEqual([]);
    expect(exact.corrected).toEqual([]);
    expect((await ix().search('mobile "phnoes"')).hits).toEqual([]);
  });

  it('corrects nothing when every word is in the index', async () => {
    expect((await ix().search('mobile phones')).corrected).toEqual([]);
    expect((await ix().search('mobile phones')).ignored).toEqual([]);
    // Alternatives and left-out words are not required, so not corrected either.
    expect((await ix().search('mobile -phnoes')).corrected).toEqual([]);
  });

  it('searches without a word that nothing is spelt near, and says so', async () => {
    const far = await ix().search('mobile xqzvkw');
    expect(ids(far)).toEqual(['p1', 't1']);
    expect(far.corrected).toEqual([]);
    expect(far.ignored).toEqual(['xqzvkw']);
    expect((await ix().search('mobile xqzvkw', undefined, { exact: true })).hits).toEqual([]);
  });
});

describe('a typo a few articles share', () => {
  // "goverment" in one article, "government" in 40: the one is the same typo made before.
  const many = Array.from({ length: 40 }, (_, i) =>
    doc(`g${i}`, { title: `Report ${i}`, body: 'The government spoke about budget plans.' }),
  );
  const typo = doc('typo', { title: 'Typo', body: 'The goverment spoke about budget plans.' });
  const name = doc('name', { title: 'Greene', body: 'Mr Greene spoke about budget plans.' });
  const ix = indexOver([...many, typo, name]);

  it('widens it to the common spelling, keeping the articles that hold it', async () => {
    const r = await ix().search('goverment budget');
    expect(r.corrected).toEqual([{ from: 'goverment', to: 'government' }]);
    expect(r.hits).toHaveLength(41);
    expect(r.hits.map((h) => h.id)).toContain('typo');
  });

  it('leaves a rare word alone when no spelling near it is far more common', async () => {
    const r = await ix().search('greene budget');
    expect(r.corrected).toEqual([]);
    expect(ids(r)).toEqual(['name']);
  });
});

describe('spellings reached from a short stem', () => {
  // Portuguese stems "prcies" to "prc": two edits from it reach "ar", "pc", "or", "mr".
  const corpus = [
    doc('prices', { title: 'Market prices', body: 'Market prices rose again.' }),
    doc('short', { title: 'Market notes', body: 'The market: ar pc or mr.' }),
    doc('pt', { title: 'Mercado', body: 'Os preços subiram no mercado.', language: 'pt' }),
  ];
  const ix = indexOver(corpus);

  it('takes a spelling only within the distance its stem’s own length allows', async () => {
    const r = await ix().search('market prcies');
    expect(ids(r)).toEqual(['prices']);
    expect(r.corrected).toEqual([{ from: 'prcies', to: 'prices' }]);
  });
});

describe('spellings nobody writes', () => {
  // "overment" is one delete from "goverment" and stems to "over", which 30 articles hold;
  // nobody writes "overment", so it is no spelling: "government" is.
  const corpus = [
    ...Array.from({ length: 30 }, (_, i) =>
      doc(`o${i}`, { title: `Match ${i}`, body: 'The game was over before half time.' }),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      doc(`g${i}`, { title: `Policy ${i}`, body: 'The government spoke about the plans.' }),
    ),
  ];
  const index = indexOver(corpus);

  it('takes only spellings that articles write', async () => {
    const r = await index().search('goverment');
    expect(r.corrected).toEqual([{ from: 'goverment', to: 'government' }]);
    expect(ids(r).sort()).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
  });
});
