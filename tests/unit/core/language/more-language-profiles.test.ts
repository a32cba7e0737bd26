// The trigram profiles detection adds to franc-min's (main/core/text/more-language-profiles.ts)
// are franc's own, in franc's order, as tests/scripts/language-profiles-from-franc.ts writes
// them: nothing edited by hand.
import { data as all } from 'franc/data.js';
import { data as min } from 'franc-min/data.js';
import { describe, expect, it } from 'vitest';
import {
  MORE_LANGUAGE_PROFILES,
  PROFILE_ORDER,
} from '../../../../main/core/text/more-language-profiles';
import { MORE_LANGUAGES } from '../../../support/more-languages';

describe('the added language profiles', () => {
  it('are franc’s profiles of the added languages, none of them franc-min’s', () => {
    const added = Object.values(MORE_LANGUAGE_PROFILES).flatMap((p) => Object.keys(p));
    expect(added.sort()).toEqual([...MORE_LANGUAGES].sort());
    for (const [script, profiles] of Object.entries(MORE_LANGUAGE_PROFILES)) {
      for (const [language, trigrams] of Object.entries(profiles)) {
        expect(trigrams).toBe(all[script]![language]);
        expect(min[script]?.[language]).toBeUndefined();
      }
    }
  });

  it('are ordered as franc lists its languages, with every one of franc-min’s', () => {
    for (const [script, order] of Object.entries(PROFILE_ORDER)) {
      const kept = new Set(order);
      expect(order).toEqual(Object.keys(all[script]!).filter((l) => kept.has(l)));
      expect(order).toEqual(expect.arrayContaining(Object.keys(min[script]!)));
    }
  });
});
