// Version groups: articles whose near-duplicate signatures (text/near-signature.ts) say they
// are versions of one story. Candidates come from LSH banding (two signatures that agree on
// every byte of some band); a candidate pair is linked when the estimated similarity reaches
// the threshold, and groups are the connected components of links. Kept in memory, updated
// one article at a time. Parameters and their measurements: docs/versions.md.
import { signatureContainment, signatureSimilarity } from '../text/near-signature';

export interface GroupParams {
  /** Bytes per band (at most 4: a band's key is one 32-bit number). */
  rows: number;
  /** Estimated containment (of the shorter body in the other) from which a pair is linked. */
  containment: number;
  /** And the estimated Jaccard similarity it needs at least (a short text in a long one). */
  jaccard: number;
}

/** The parameters docs/versions.md chose from measurements. */
export const GROUP_PARAMS: GroupParams = { rows: 2, containment: 0.7, jaccard: 0.15 };

/** Links and groups over the signatures of the articles added. */
export class VersionGroups {
  private readonly sigs = new Map<string, Uint8Array>();
  private readonly bands: Map<number, string[]>[] = [];
  /** Each member of a group of two or more, to the group's shared set. */
  private readonly groupOf = new Map<string, Set<string>>();

  constructor(private readonly params: GroupParams = GROUP_PARAMS) {}

  /** How many articles are in the index. */
  get size(): number {
    return this.sigs.size;
  }

  /** The articles in the index. */
  ids(): IterableIterator<string> {
    return this.sigs.keys();
  }

  /** True when this article is in the index. */
  has(id: string): boolean {
    return this.sigs.has(id);
  }

  /** Adds an article (again: its old signature is replaced) and links it to its versions. */
  add(id: string, sig: Uint8Array): void {
    if (this.sigs.has(id)) this.remove(id);
    this.sigs.set(id, sig);
    const linked = new Set<string>();
    this.eachBand(sig, (bucket, key) => {
      const members = bucket.get(key);
      if (!members) {
        bucket.set(key, [id]);
        return;
      }
      for (const other of members) {
        if (!linked.has(other) && this.similar(sig, this.sigs.get(other)!)) linked.add(other);
      }
      members.push(id);
    });
    if (linked.size > 0) this.join(id, linked);
  }

  /** Takes an article out; its group splits where it was the only link. */
  remove(id: string): void {
    const sig = this.sigs.get(id);
    if (!sig) return;
    this.eachBand(sig, (bucket, key) => {
      const members = bucket.get(key);
      if (!members) return;
      const at = members.indexOf(id);
      if (at >= 0) members.splice(at, 1);
      if (members.length === 0) bucket.delete(key);
    });
    this.sigs.delete(id);
    const group = this.groupOf.get(id);
    if (!group) return;
    this.groupOf.delete(id);
    group.delete(id);
    for (const member of group) this.groupOf.delete(member);
    for (const part of this.components([...group])) {
      if (part.length < 2) continue;
      const set = new Set(part);
      for (const member of part) this.groupOf.set(member, set);
    }
  }

  /** The other members of this article's group, sorted; empty when it has none. */
  versionsOf(id: string): string[] {
    const group = this.groupOf.get(id);
    return group ? [...group].filter((m) => m !== id).sort() : [];
  }

  /** How many articles this article's group holds, itself included; 0 when it has none. */
  groupSize(id: string): number {
    return this.groupOf.get(id)?.size ?? 0;
  }

  /** Calls `visit` once per group of two or more (members unsorted; not to be changed). */
  forEachGroup(visit: (members: ReadonlySet<string>) => void): void {
    const seen = new Set<Set<string>>();
    for (const group of this.groupOf.values()) {
      if (seen.has(group)) continue;
      seen.add(group);
      visit(group);
    }
  }

  /** Every group of two or more, each sorted, in the order of their first member. */
  groups(): string[][] {
    const seen = new Set<Set<string>>();
    const out: string[][] = [];
    for (const group of this.groupOf.values()) {
      if (seen.has(group)) continue;
      seen.add(group);
      out.push([...group].sort());
    }
    return out.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  }

  private similar(a: Uint8Array, b: Uint8Array): boolean {
    return (
      signatureSimilarity(a, b) >= this.params.jaccard &&
      signatureContainment(a, b) >= this.params.containment
    );
  }

  /** Linked: the pair is a candidate (agrees on a whole band) and similar enough. */
  private linked(a: Uint8Array, b: Uint8Array): boolean {
    const { rows } = this.params;
    let band = false;
    for (let start = 0; start + rows <= a.length - 2 && !band; start += rows) {
      let same = true;
      for (let i = start; i < start + rows && same; i++) same = a[i] === b[i];
      band = same;
    }
    return band && this.similar(a, b);
  }

  private eachBand(sig: Uint8Array, visit: (bucket: Map<number, string[]>, key: number) => void) {
    const { rows } = this.params;
    // The last two bytes are the shingle count, not bins.
    for (let band = 0; (band + 1) * rows <= sig.length - 2; band++) {
      let key = 0;
      for (let i = band * rows; i < (band + 1) * rows; i++) key = ((key << 8) | sig[i]!) >>> 0;
      let bucket = this.bands[band];
      if (!bucket) {
        bucket = new Map();
        this.bands[band] = bucket;
      }
      visit(bucket, key);
    }
  }

  private join(id: string, linked: Set<string>): void {
    // The largest group absorbs the others, so a long run of imports stays near-linear.
    let target: Set<string> | undefined;
    for (const other of linked) {
      const g = this.groupOf.get(other);
      if (g && (!target || g.size > target.size)) target = g;
    }
    target ??= new Set<string>();
    const absorb = (member: string) => {
      target.add(member);
      this.groupOf.set(member, target);
    };
    absorb(id);
    for (const other of linked) {
      const g = this.groupOf.get(other);
      if (g === target) continue;
      if (g) for (const member of g) absorb(member);
      else absorb(other);
    }
  }

  /** Connected components of the link relation among these articles. */
  private components(ids: string[]): string[][] {
    const left = new Set(ids);
    const out: string[][] = [];
    for (const start of ids) {
      if (!left.has(start)) continue;
      left.delete(start);
      const part = [start];
      for (let i = 0; i < part.length; i++) {
        const sig = this.sigs.get(part[i]!)!;
        for (const other of left) {
          if (this.linked(sig, this.sigs.get(other)!)) {
            left.delete(other);
            part.push(other);
          }
        }
      }
      out.push(part);
    }
    return out;
  }
}
