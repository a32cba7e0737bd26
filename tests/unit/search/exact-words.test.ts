// Quoted words and phrases match the words as written: case and accents folded, Arabic
// letters unified, but not stemmed ("Greene" is not "Green", "talks" is not "talk").
import { describe, expect, it } from 'vitest';
import { doc, ids } from './helpers';
import { indexOver } from './index-over';

const corpus = [
  doc('greene', { title: 'A novel by Graham Greene', body: 'GREENE wrote it in Vietnam.' }),
  doc('green', { title: 'Green energy', body: 'The green party talks about energy.' }),
  doc('greener', { title: 'Greener cities', body: 'Cities grow greener each year.' }),
  doc('talk', { title: 'A talk', body: 'She gave a talk on nuclear power.' }),
  doc('cafe', { title: 'Le Café', body: 'Un café au coin de la rue.', language: 'fr' }),
  doc('cafes', { title: 'Les cafés', body: 'Des cafés partout.', language: 'fr' }),
  doc('arabic', { title: 'إلى المدرسة', body: 'ذهب أحمد إلى المدرسة', language: 'ar' }),
  doc('arabic2', { title: 'المدارس', body: 'مدارس كثيرة', language: 'ar' }),
];

describe('quotes mean exact', () => {
  const index = indexOver(corpus);
  const set = async (query: string): Promise<string[]> => ids(await index().search(query)).sort();

  it('matches a quoted word as written, an unquoted one by its stem', async () => {
    expect(await set('greene')).toEqual(['green', 'greene']);
    expect(await set('"Greene"')).toEqual(['greene']);
    expect(await set('"green"')).toEqual(['green']);
    expect(await set('"greener"')).toEqual(['greener']);
    expect(await set('"talks"')).toEqual(['green']);
    expect(await set('"talk"')).toEqual(['talk']);
    expect(await set('talk')).toEqual(['green', 'talk']);
  });

  it('folds case, accents and Arabic letter forms, but does not stem', async () => {
    expect(await set('"GREENE"')).toEqual(['greene']);
    expect(await set('"cafe"')).toEqual(['cafe']);
    expect(await set('"CAFÉS"')).toEqual(['cafes']);
    expect(await set('cafe')).toEqual(['cafe', 'cafes']);
    expect(await set('"احمد"')).toEqual(['arabic']);
    expect(await set('"المدرسه"')).toEqual(['arabic']);
  });

  it('keeps phrases exact word by word, in fields too', async () => {
    expect(await set('"green energy"')).toEqual(['green']);
    expect(await set('"greener cities"')).toEqual(['greener']);
    expect(await set('"green cities"')).toEqual([]);
    expect(await set('title:"Greene"')).toEqual(['greene']);
    expect(await set('body:"green"')).toEqual(['green']);
  });

  it('marks only the written form in snippets, titles and the reader', async () => {
    const query = '"Greene" OR "green"';
    expect(await set(query)).toEqual(['green', 'greene']);
    // From the stored positions, and (a limit of 0 lookups) from the texts: the same marks.
    for (const limit of [Infinity, 0]) {
      const shown = ['greene', 'green', 'greener'].flatMap((id) => {
        const d = corpus.find((x) => x.id === id)!;
        const texts = { title: d.title, body: d.body };
        const r = index().matchedRanges(query, id, texts, limit)!;
        return [
          ...r.title.map((m) => texts.title.slice(m.start, m.end)),
          ...r.body.map((m) => texts.body.slice(m.start, m.end)),
        ];
      });
      expect(shown, `limit ${limit}`).toEqual(['Greene', 'GREENE', 'Green', 'green']);
    }
    const text = 'Greene and green and greener';
    const marked = index()
      .highlight('"green"', text, 'en')
      .map((r) => text.slice(r.start, r.end));
    expect(marked).toEqual(['green']);
    const stemmed = index()
      .highlight('green', text, 'en')
      .map((r) => text.slice(r.start, r.end));
    expect(stemmed).toEqual(['Greene', 'green']);
  });
});
