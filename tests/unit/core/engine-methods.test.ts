// The engine method table matches LibraryEngine: the compiler refuses a table that misses a
// method or names one the interface lacks (the @ts-expect-error lines fail the typecheck if
// it ever stops), and every name is a function of a real engine.
import { describe, expect, it } from 'vitest';
import {
  ENGINE_METHODS,
  ENGINE_METHOD_NAMES,
  isEngineMethod,
  type EngineMethodTable,
} from '../../../main/core/engine-methods';
import { Library } from '../../../main/core/library';
import { tempDir } from './tmp-dir';

describe('ENGINE_METHODS', () => {
  it('is checked against the interface at compile time', () => {
    const { close: _close, ...missingOne } = ENGINE_METHODS;
    // @ts-expect-error a table without one of the interface's methods does not compile
    const short: EngineMethodTable = missingOne;
    // @ts-expect-error nor does one naming a method the interface lacks
    const long: EngineMethodTable = { ...ENGINE_METHODS, frobnicate: true };
    // @ts-expect-error nor one listing a property that is not a method
    const withPath: EngineMethodTable = { ...ENGINE_METHODS, path: true };
    expect(Object.keys(short)).not.toContain('close');
    expect(Object.keys(long)).toContain('frobnicate');
    expect(Object.keys(withPath)).toContain('path');
  });

  it('names every forwarded method of a real engine, and only those', async () => {
    const engine = await Library.open(tempDir());
    try {
      for (const name of ENGINE_METHOD_NAMES) expect(typeof engine[name]).toBe('function');
      expect(ENGINE_METHOD_NAMES).toContain('close');
      expect(ENGINE_METHOD_NAMES).not.toContain('onChange');
      expect(isEngineMethod('search')).toBe(true);
      expect(isEngineMethod('onChange')).toBe(false);
      expect(isEngineMethod('toString')).toBe(false);
    } finally {
      await engine.close();
    }
  });
});
