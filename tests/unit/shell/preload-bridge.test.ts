import { describe, expect, it } from 'vitest';
import { API_EVENTS, API_METHODS, type ApiMethod } from '../../../main/contract/api-contract';
import { PathGrants } from '../../../main/api/path-grants';
import { buildBridge } from '../../../preload/bridge';

function setup() {
  const invoked: { method: ApiMethod; args: unknown }[] = [];
  const granted: string[][] = [];
  const paths = new Map<object, string>();
  const bridge = buildBridge({
    methods: API_METHODS,
    events: API_EVENTS,
    invoke: async (method, args) => {
      invoked.push({ method, args });
      return { ok: true, value: null };
    },
    subscribe: () => () => {},
    pathForFile: (file) => {
      if (!paths.has(file)) throw new TypeError('not a File');
      return paths.get(file)!;
    },
    grant: (p) => granted.push(p),
  });
  return { bridge, invoked, granted, paths };
}

describe('preload bridge', () => {
  it('exposes one function per API method that invokes its channel', async () => {
    const { bridge, invoked } = setup();
    for (const m of API_METHODS) expect(typeof bridge[m]).toBe('function');
    await bridge.search({ query: 'x' });
    expect(invoked).toEqual([{ method: 'search', args: { query: 'x' } }]);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('refuses unknown events', () => {
    const { bridge } = setup();
    expect(() => bridge.on('nope' as never, () => {})).toThrow(/Unknown event/);
    expect(typeof bridge.on('importProgress', () => {})).toBe('function');
  });

  it('pathsForFiles grants real drop paths only; the grant makes importPaths allowed', () => {
    const { bridge, granted, paths } = setup();
    const onDisk = {} as File;
    const pasted = {} as File;
    const forged = { name: '/etc/passwd' } as unknown as File;
    paths.set(onDisk, '/home/u/drop/a.txt');
    paths.set(pasted, '');
    expect(bridge.pathsForFiles([onDisk, pasted, forged])).toEqual(['/home/u/drop/a.txt', '', '']);
    expect(granted).toEqual([['/home/u/drop/a.txt']]);

    // Main's side of the grant channel (no disk here: paths "exist" as written).
    const grants = new PathGrants([], { realpath: (p) => p });
    for (const g of granted) grants.grantAll(g);
    expect(grants.isAllowed('/home/u/drop/a.txt')).toBe(true);
    expect(grants.isAllowed('/etc/passwd')).toBe(false);
  });

  it('sends no grant when nothing dropped has a path', () => {
    const { bridge, granted, paths } = setup();
    const f = {} as File;
    paths.set(f, '');
    expect(bridge.pathsForFiles([f])).toEqual(['']);
    expect(granted).toEqual([]);
  });
});
