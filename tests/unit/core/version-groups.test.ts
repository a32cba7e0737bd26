// Version groups over signatures, and the cache file they are kept in.
import { describe, expect, it } from 'vitest';
import { VersionGroups } from '../../../main/core/library/version-groups';
import {
  decodeSignatureCache,
  encodeSignatureCache,
} from '../../../main/core/store/signature-cache';
import { nearSignature, SIGNATURE_BYTES } from '../../../main/core/text/near-signature';
import { cleanArticle } from '../../../main/core/text/parse-article';
import { seeded, story, VERSIONS, vocabulary } from '../../support/stories';

const rand = seeded(23);
const vocab = vocabulary(3000, rand);
const sig = (text: string) => nearSignature(cleanArticle(text).body)!;

describe('VersionGroups', () => {
  it('groups the versions of each story and never two stories', () => {
    const groups = new VersionGroups();
    const expected = new Map<string, string>();
    for (let s = 0; s < 30; s++) {
      const text = story(rand, vocab);
      groups.add(`s${s}`, sig(text));
      expected.set(`s${s}`, `s${s}`);
      const version = VERSIONS.dateline(VERSIONS.wordsSubstituted(text, rand, vocab));
      groups.add(`s${s}v`, sig(version));
      expected.set(`s${s}v`, `s${s}`);
    }
    const found = groups.groups();
    for (const group of found) {
      expect(new Set(group.map((id) => expected.get(id))).size, group.join()).toBe(1);
    }
    expect(found.length).toBeGreaterThanOrEqual(27);
    expect(groups.versionsOf('s0')).toEqual(found.some((g) => g.includes('s0')) ? ['s0v'] : []);
  });

  it('splits a group when the article linking it leaves, and joins it again when it returns', () => {
    const groups = new VersionGroups();
    const text = story(rand, vocab, 8);
    const paras = text.trimEnd().split('\n\n');
    // a = paragraphs 1-4, c = 5-8: nothing shared; b, the whole story, contains both.
    const a = [paras[0], ...paras.slice(1, 5)].join('\n\n');
    const c = [paras[0], ...paras.slice(5)].join('\n\n');
    groups.add('a', sig(a));
    groups.add('c', sig(c));
    expect(groups.groups()).toEqual([]);
    groups.add('b', sig(text));
    expect(groups.groups()).toEqual([['a', 'b', 'c']]);
    expect(groups.versionsOf('a')).toEqual(['b', 'c']);
    groups.remove('b');
    expect(groups.groups()).toEqual([]);
    expect(groups.versionsOf('a')).toEqual([]);
    groups.add('b', sig(text));
    expect(groups.versionsOf('c')).toEqual(['a', 'b']);
    groups.remove('a');
    expect(groups.groups()).toEqual([['b', 'c']]);
    expect(groups.size).toBe(2);
  });

  it('gives the same groups whatever the order of adding', () => {
    const texts = Array.from({ length: 6 }, () => story(rand, vocab));
    const items: [string, Uint8Array][] = [];
    texts.forEach((t, i) => {
      items.push([`t${i}`, sig(t)], [`t${i}h`, sig(VERSIONS.headline(t))]);
      items.push([`t${i}l`, sig(VERSIONS.lastParagraphCut(t))]);
    });
    const forward = new VersionGroups();
    for (const [id, s] of items) forward.add(id, s);
    const backward = new VersionGroups();
    for (const [id, s] of [...items].reverse()) backward.add(id, s);
    expect(backward.groups()).toEqual(forward.groups());
    expect(forward.groups()).toHaveLength(6);
  });
});

describe('the signature cache file', () => {
  const key = { shingleWords: 3, bins: 38, cleanerVersion: 2, bytes: SIGNATURE_BYTES };
  const sigs = new Map([
    ['0123456789abcdef', sig(story(rand, vocab))],
    ['fedcba9876543210', sig(story(rand, vocab))],
  ]);

  it('reads back what it wrote', () => {
    expect(decodeSignatureCache(encodeSignatureCache(sigs, key), key)).toEqual(sigs);
  });

  it('is ignored when damaged, cut short or made with other parameters', () => {
    const bytes = encodeSignatureCache(sigs, key);
    expect(decodeSignatureCache(bytes.subarray(0, bytes.length - 1), key)).toBeNull();
    expect(decodeSignatureCache(Buffer.from('garbage'), key)).toBeNull();
    expect(decodeSignatureCache(bytes, { ...key, shingleWords: 4 })).toBeNull();
    expect(decodeSignatureCache(bytes, { ...key, cleanerVersion: 3 })).toBeNull();
  });
});
