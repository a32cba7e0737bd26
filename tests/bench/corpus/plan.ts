// Chooses which texts make up a benchmark corpus of a given size: originals first (in a
// seeded interleaved order), then as many deterministic variants as the size needs.
import { seededRng, shuffled } from './prng';
import { varyText, type BenchDoc } from './vary';

export const CORPUS_SEED = 20_261_201;

/** `size` documents from `base`: a seeded sample when enough, else all plus variants. */
export function planCorpus(
  base: readonly BenchDoc[],
  size: number,
  seed = CORPUS_SEED,
): BenchDoc[] {
  if (base.length === 0) throw new Error('no source texts to build a corpus from');
  const order = shuffled(base, seededRng(seed));
  if (size <= order.length) return order.slice(0, size);
  const out = order.slice();
  for (let k = 0; out.length < size; k++) {
    const source = order[k % order.length]!;
    // A donor far from the source in the shuffled order, usually another topic or language.
    const donor = order[(k * 7919 + 13) % order.length]!;
    const serial = `V${String(k).padStart(7, '0')}`;
    out.push({
      name: `variants/${serial.slice(1, 5)}/${serial}.txt`,
      text: varyText(source.text, donor.text, seed + k, serial),
    });
  }
  return out;
}
