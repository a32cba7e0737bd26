// The near-duplicate signature: exact 64-bit arithmetic, and what it tells apart.
import { describe, expect, it } from 'vitest';
import { fmix64, mul64, mulHigh32, wordHash64 } from '../../../main/core/text/hash64';
import {
  nearSignature,
  signatureContainment,
  signatureShingles,
  signatureSimilarity,
  SIGNATURE_BYTES,
} from '../../../main/core/text/near-signature';
import { cleanArticle } from '../../../main/core/text/parse-article';
import { seeded, story, VERSIONS, vocabulary } from '../../support/stories';

const MASK = (1n << 64n) - 1n;
const big = (hi: number, lo: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
const halves = (v: bigint) => ({
  hi: Number((v >> 32n) & 0xffffffffn),
  lo: Number(v & 0xffffffffn),
});

function fmixRef(k: bigint): bigint {
  k ^= k >> 33n;
  k = (k * 0xff51afd7ed558ccdn) & MASK;
  k ^= k >> 33n;
  k = (k * 0xc4ceb9fe1a85ec53n) & MASK;
  return k ^ (k >> 33n);
}

describe('64-bit arithmetic on 32-bit halves', () => {
  const rand = seeded(7);
  const u32 = () => Math.floor(rand() * 2 ** 32) >>> 0;
  // Edge values first: products whose high bits a double would round away.
  const values = [0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff];
  for (let i = 0; i < 200; i++) values.push(u32());

  it('multiplies exactly, as BigInt does', () => {
    for (let i = 0; i < values.length; i++) {
      const a = values[i]!;
      const b = values[(i * 7 + 3) % values.length]!;
      const c = values[(i * 5 + 1) % values.length]!;
      const d = values[(i * 3 + 2) % values.length]!;
      expect(mulHigh32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
      const out = mul64({ hi: a, lo: b }, c, d, { hi: 0, lo: 0 });
      expect(big(out.hi, out.lo)).toBe((big(a, b) * big(c, d)) & MASK);
    }
  });

  it('a double product of two 32-bit numbers would not be exact (why the halves)', () => {
    const a = 0xffffffff;
    expect(BigInt(a * a)).not.toBe(BigInt(a) * BigInt(a));
  });

  it('fmix64 matches its BigInt definition', () => {
    for (let i = 0; i < values.length; i += 2) {
      const v = big(values[i]!, values[i + 1] ?? 0);
      const k = halves(v);
      fmix64(k);
      expect(big(k.hi, k.lo)).toBe(fmixRef(v));
    }
  });
});

describe('wordHash64', () => {
  it('gives 15,000 distinct words 15,000 distinct 64-bit hashes, the same each time', () => {
    const rand = seeded(3);
    const words = new Set(vocabulary(15_000, rand));
    for (const w of ['', 'a', 'harbour', 'ميناء', 'bandar-e abbās', '👩‍👩‍👧']) words.add(w);
    const seen = new Set<bigint>();
    for (const w of words) {
      const h = wordHash64(w);
      expect(h.hi >>> 0).toBe(h.hi);
      expect(h.lo >>> 0).toBe(h.lo);
      seen.add(big(h.hi, h.lo));
      expect(wordHash64(w)).toEqual(h);
    }
    expect(seen.size).toBe(words.size);
  });
});

describe('nearSignature', () => {
  const rand = seeded(11);
  const vocab = vocabulary(3000, rand);
  const stories = Array.from({ length: 40 }, () => story(rand, vocab));
  const sig = (text: string) => nearSignature(cleanArticle(text).body)!;

  it('keeps the signatures libraries have cached, in any script', () => {
    // Written by the first version (words by a regular expression, a string per word): the
    // cache in versions.bin holds signatures made so, and new ones must agree with them.
    const cached: [string, string][] = [
      [
        'Oil prices rose on Tuesday, the third rise in a week, as OPEC met in Vienna.',
        'a7096bcc2e6814b2e3fec7324ae80dbdd7aaa10b30cff4d15e0c14b23b1577d9903133adba450e00',
      ],
      [
        'قال رئيس الوزراء العراقي محمد شياع السوداني إن الحكومة ستعمل على ١٢٣ مشروعاً.',
        '32991198fa1c489bfd5f545e00623caa7e1dc96705fb9989eb4da10264c6197bdd1c9cb45f9c0b00',
      ],
      [
        'İstanbul’da 𝒜𝒷𝒸 ΟΔΥΣΣΕΥΣ 東京都の人口 ภาษาไทย 😀 x\ud800y 42-43 l’état e-mail',
        'bccb69f99735d4801ebdbb2dcc6a138927b755f3913edc7a7b2f9c9b52774d92307bed8ab54a0d00',
      ],
      ['one', 'b553781667052ac8df7ea34158f71cbad16f9533832147e5fc9ac05e751338d7ee8cb18dff9e0100'],
      [
        'Ａｂｃ ＤＥＦ ǅemal Straße ĲSSEL',
        'c022fd5f47a984e6cf300b6d56b792f4a406e0422b8d67c9b214ee50399b76927513381d1dff0300',
      ],
    ];
    for (const [text, hex] of cached) {
      expect(Buffer.from(nearSignature(text)!).toString('hex')).toBe(hex);
    }
  });

  it('is 40 bytes, the same for the same body, null for no words', () => {
    const a = sig(stories[0]!);
    expect(a).toHaveLength(SIGNATURE_BYTES);
    expect(SIGNATURE_BYTES).toBeLessThanOrEqual(40);
    expect(sig(stories[0]!)).toEqual(a);
    expect(signatureShingles(a)).toBeGreaterThan(100);
    expect(nearSignature('')).toBeNull();
    expect(nearSignature(' — … ')).toBeNull();
    expect(nearSignature('one')).toHaveLength(SIGNATURE_BYTES);
  });

  it('finds each kind of version close to its story', () => {
    for (const [kind, version] of Object.entries(VERSIONS)) {
      const close = stories.filter((s) => {
        const a = sig(s);
        const b = sig(version(s, rand, vocab));
        return signatureContainment(a, b) >= 0.7 && signatureSimilarity(a, b) >= 0.15;
      });
      expect(close.length, kind).toBeGreaterThanOrEqual(36);
    }
  });

  it('finds different stories far apart', () => {
    const sigs = stories.map(sig);
    let max = 0;
    for (let i = 0; i < sigs.length; i++) {
      for (let j = i + 1; j < sigs.length; j++) {
        max = Math.max(max, signatureContainment(sigs[i]!, sigs[j]!));
      }
    }
    expect(max).toBeLessThan(0.3);
  });

  it('estimates containment of a shortened version near 1 and similarity near the length ratio', () => {
    const long = stories[1]!;
    const half = long.trimEnd().split('\n\n').slice(0, 4).join('\n\n');
    const a = sig(long);
    const b = sig(half);
    const ratio = signatureShingles(b) / signatureShingles(a);
    expect(signatureContainment(a, b)).toBeGreaterThan(0.75);
    expect(Math.abs(signatureSimilarity(a, b) - ratio)).toBeLessThan(0.25);
  });
});
