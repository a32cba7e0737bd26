// The per-article matcher must see an article exactly as the index stores it (analyzeDoc:
// terms, word positions, form codes, gaps between tags and notes, the tag: and has: marks),
// and judge the clause logic as query-eval does.
import { describe, expect, it } from 'vitest';
import { analyzeDoc, FIELDS, NO_POSITION } from '../../../main/core/search/analysis/analyzer';
import { DocQuery, DocView, Interest } from '../../../main/core/search/query/doc-matcher';
import type { IndexDoc } from '../../../main/core/search/types';

const doc = (over: Partial<IndexDoc> = {}): IndexDoc => ({
  id: 'a',
  rev: 1,
  title: 'Greene’s U.S. oil deal',
  body: 'Crude-oil prices rose; al-Sudani met Greene. Die Ölpreise steigen. ارتفعت أسعار النفط',
  tags: ['Middle East', 'energy'],
  place: 'London',
  language: 'en',
  notes: ['budget cuts', 'a second note'],
  highlights: ['Crude-oil prices'],
  ...over,
});

describe('DocView', () => {
  it('holds every term of every field at the positions and forms the index stores', () => {
    for (const d of [
      doc(),
      doc({ language: 'ar' }),
      doc({ tags: [], notes: [], highlights: [] }),
    ]) {
      const analysed = analyzeDoc(d);
      const view = new DocView(d, {});
      for (const field of FIELDS) {
        const terms = analysed.fields[field];
        expect(new Set(view.terms(field))).toEqual(new Set(terms));
        for (const term of new Set(terms)) {
          const at = terms.flatMap((t, i) =>
            t === term && analysed.positions[field][i] !== NO_POSITION ? [i] : [],
          );
          expect(view.positions(field, term, null)).toEqual(
            at.map((i) => analysed.positions[field][i]),
          );
          for (const i of at) {
            const form = analysed.forms[field][i]!;
            expect(view.positions(field, term, form)).toContain(analysed.positions[field][i]);
          }
        }
      }
    }
  });

  it('made from the analysis, holds what the text gives, and judges every query alike', () => {
    const queries = [
      'oil',
      '"crude oil"',
      'title:deal',
      'greene',
      '"Greene"',
      'tag:energy',
      'tags:east',
      '"middle east"',
      'has:notes',
      'note:budget',
      'highlight:"crude oil"',
      'ölpreise',
      'أسعار',
      'pric*',
      'goverment~1',
      'oil -london',
    ];
    for (const d of [doc(), doc({ language: 'ar' }), doc({ language: 'de', tags: [] })]) {
      const interest = new Interest();
      const parsed = queries.map((q) => DocQuery.parse(q));
      for (const q of parsed) q.addInterest(interest);
      const fromText = new DocView(d, {}, interest);
      const fromAnalysis = new DocView(analyzeDoc(d), {}, interest);
      for (const field of FIELDS) {
        const terms = [...fromText.terms(field)];
        expect([...fromAnalysis.terms(field)].sort()).toEqual([...terms].sort());
        for (const term of terms) {
          expect(fromAnalysis.positions(field, term, null)).toEqual(
            fromText.positions(field, term, null),
          );
        }
      }
      const languages = new Set(['en', 'de', 'ar']);
      const answers = parsed.map((q) => q.matches(fromAnalysis, languages));
      expect(answers).toEqual(parsed.map((q) => q.matches(fromText, languages)));
      // Not vacuous: some queries find the article and some do not.
      expect(answers).toContain(true);
      expect(answers).toContain(false);
    }
  });

  it('keeps only the terms of interest, and the marks a query asks for', () => {
    const interest = new Interest();
    DocQuery.parse('oil tag:energy has:notes').addInterest(interest);
    const view = new DocView(doc(), {}, interest);
    expect([...view.terms('body')]).toEqual(['oil']);
    expect(view.has('tags', '\u0001energy')).toBe(true);
    expect(view.has('note', '\u0001has:notes')).toBe(true);
    expect(view.has('highlight', '\u0001has:highlights')).toBe(false);
  });
});

describe('DocQuery', () => {
  const en = new Set(['en']);
  const matches = (query: string, d: IndexDoc = doc(), facts = {}) =>
    DocQuery.parse(query).matches(new DocView(d, facts), en);

  it('judges words, phrases, fields, alternatives and exclusions as a search does', () => {
    expect(matches('oil prices')).toBe(true);
    expect(matches('"oil prices"')).toBe(true);
    expect(matches('"prices oil"')).toBe(false);
    expect(matches('title:prices')).toBe(false);
    expect(matches('oil -greene')).toBe(false);
    expect(matches('-(wheat OR barley)')).toBe(true);
    expect(matches('(wheat OR crude) rose')).toBe(true);
    expect(matches('wheat OR barley')).toBe(false);
    expect(matches('"Greene"')).toBe(true);
    expect(matches('"Green"')).toBe(false);
    expect(matches('tag:"middle east" note:budget')).toBe(true);
    expect(matches('tag:middle')).toBe(false);
    expect(matches('أسعار')).toBe(true);
    expect(matches('sudani')).toBe(true);
    expect(matches('person:greene')).toBe(false);
    expect(matches('!!!')).toBe(false);
  });

  it('reads collection: and date: from the record', () => {
    const facts = { collection: 'Sport', articleDate: '2004-03-05' };
    expect(matches('collection:sport date:2004', doc(), facts)).toBe(true);
    expect(matches('collection:sport date:>2010', doc(), facts)).toBe(false);
    expect(matches('collection:sport', doc(), {})).toBe(false);
  });

  it('says which languages, once in the index, could change the answer', () => {
    // "economic" stems to "econom" in English: a French article holds "économistes" as that.
    const fr = doc({ title: 'Prix', body: 'selon les économistes', language: 'fr', tags: [] });
    const unsure = new Set<string>();
    const q = DocQuery.parse('economic');
    expect(q.matches(new DocView(fr, {}), new Set(['fr']), unsure)).toBe(false);
    expect(unsure.has('en')).toBe(true);
    expect(q.matches(new DocView(fr, {}), new Set(['fr', 'en']))).toBe(true);
    expect(q.exact).toBe(true);
    expect(DocQuery.parse('econ*').exact).toBe(false);
    expect(DocQuery.parse('economic~1').exact).toBe(false);
  });

  it('sent to another thread as data, judges alike and reports the same unsure languages', () => {
    const fr = doc({ title: 'Prix', body: 'selon les économistes', language: 'fr', tags: [] });
    const queries = ['economic', '"crude oil" -wheat', 'tag:energy OR pric*', 'goverment~1'];
    for (const text of queries) {
      const parsed = DocQuery.parse(text);
      // What a worker receives: a structured clone of the data, compiled here.
      const sent = DocQuery.from(structuredClone(parsed.data));
      expect(sent.exact).toBe(parsed.exact);
      for (const d of [doc(), fr]) {
        for (const languages of [new Set(['fr']), new Set(['en', 'fr'])]) {
          const [a, b] = [new Set<string>(), new Set<string>()];
          const view = new DocView(d, {});
          expect(sent.matches(view, languages, b)).toBe(parsed.matches(view, languages, a));
          expect([...b]).toEqual([...a]);
        }
      }
    }
    // Not vacuous: the French article is found by "economic" once English is in the index.
    const sent = DocQuery.from(structuredClone(DocQuery.parse('economic').data));
    expect(sent.matches(new DocView(fr, {}), new Set(['en', 'fr']))).toBe(true);
  });
});
