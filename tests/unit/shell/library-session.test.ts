// The library session's flows with stand-ins for the dialogs and the engine worker: startup
// with recovery, switching with Choose Library…, remembering the choice, closing.
import { describe, expect, it } from 'vitest';
import { EngineSlot } from '../../../main/api/engine-slot';
import { ImportRegistry } from '../../../main/api/import-registry';
import { PathGrants } from '../../../main/api/path-grants';
import { ArchiveError } from '../../../main/core/errors';
import type { OpenFailureChoice } from '../../../main/shell/error-dialogs';
import { LibrarySession } from '../../../main/shell/library-session';
import { fakeEngine, type FakeEngine } from '../api/fake-engine';

interface Script {
  /** Folders that fail to open, with the error. */
  failing?: Record<string, Error>;
  choices?: OpenFailureChoice[];
  picks?: (string | null)[];
  saveFails?: boolean;
}

function setup(initial: string, script: Script = {}) {
  const events: { event: string; payload: unknown }[] = [];
  const emit = (event: string, payload: unknown) => events.push({ event, payload });
  const slot = new EngineSlot(emit as never);
  const grants = new PathGrants([], { realpath: (p) => p });
  const imports = new ImportRegistry();
  const opened: string[] = [];
  const engines = new Map<string, FakeEngine>();
  const asked: string[] = [];
  const warnings: string[] = [];
  const saved: string[] = [];
  const errors: string[] = [];
  const choices = [...(script.choices ?? [])];
  const picks = [...(script.picks ?? [])];
  const session = new LibrarySession(
    {
      slot,
      grants,
      imports,
      emit: emit as never,
      log: { error: (event) => errors.push(event) },
      open: async (dir) => {
        opened.push(dir);
        const failure = script.failing?.[dir];
        if (failure) throw failure;
        const engine = fakeEngine(dir);
        engines.set(dir, engine);
        return engine;
      },
      askAfterFailure: async (d) => {
        asked.push(d.title);
        return choices.shift() ?? 'quit';
      },
      pickDir: async () => picks.shift() ?? null,
      warn: async (message) => {
        warnings.push(message);
      },
      saveChoice: async (dir) => {
        if (script.saveFails) throw new Error('disk full');
        saved.push(dir);
      },
    },
    initial,
  );
  return {
    session,
    slot,
    grants,
    imports,
    opened,
    engines,
    asked,
    warnings,
    saved,
    errors,
    events,
  };
}

describe('library session', () => {
  it('opens the startup library and grants its folder', async () => {
    const s = setup('/lib/a');
    expect(await s.session.openAtStart()).toBe(true);
    expect(s.slot.peek()?.path).toBe('/lib/a');
    expect(s.session.dir).toBe('/lib/a');
    expect(s.grants.isAllowed('/lib/a/articles')).toBe(true);
    expect(s.asked).toEqual([]);
  });

  it('asks after a failed open: Retry, then Choose Another Library…', async () => {
    const s = setup('/lib/locked', {
      failing: { '/lib/locked': new ArchiveError('LOCKED', 'held by pid 7') },
      choices: ['retry', 'choose'],
      picks: ['/lib/b'],
    });
    expect(await s.session.openAtStart()).toBe(true);
    expect(s.opened).toEqual(['/lib/locked', '/lib/locked', '/lib/b']);
    expect(s.asked).toEqual(['Library in use', 'Library in use']);
    expect(s.session.dir).toBe('/lib/b');
    expect(s.errors).toEqual(['library-open-failed', 'library-open-failed']);
  });

  it('resolves false when the user chooses Quit, having opened nothing', async () => {
    const s = setup('/lib/broken', {
      failing: { '/lib/broken': new Error('boom') },
      choices: ['choose', 'quit'],
      picks: [null],
    });
    expect(await s.session.openAtStart()).toBe(false);
    expect(s.slot.peek()).toBeNull();
    expect(s.opened).toEqual(['/lib/broken', '/lib/broken']);
  });

  it('switches libraries, remembers the choice and tells the page', async () => {
    const s = setup('/lib/a', { picks: ['/lib/b'] });
    await s.session.openAtStart();
    await s.session.choose();
    expect(s.session.dir).toBe('/lib/b');
    expect(s.slot.peek()?.path).toBe('/lib/b');
    expect(s.engines.get('/lib/a')?.closed).toBe(true);
    expect(s.saved).toEqual(['/lib/b']);
    expect(s.grants.isAllowed('/lib/b/x')).toBe(true);
    expect(s.events.map((e) => e.event)).toContain('libraryChanged');
  });

  it('keeps the current library when the new one fails to open', async () => {
    const s = setup('/lib/a', {
      picks: ['/lib/bad'],
      failing: { '/lib/bad': new ArchiveError('LIBRARY_VERSION', 'format 9') },
    });
    await s.session.openAtStart();
    await s.session.choose();
    expect(s.session.dir).toBe('/lib/a');
    expect(s.slot.peek()?.path).toBe('/lib/a');
    expect(s.engines.get('/lib/a')?.closed).toBe(false);
    expect(s.warnings).toEqual(['That library could not be opened.']);
    expect(s.saved).toEqual([]);
  });

  it('does nothing when the pick is cancelled or names the open library', async () => {
    const s = setup('/lib/a', { picks: [null, '/lib/a'] });
    await s.session.openAtStart();
    await s.session.choose();
    await s.session.choose();
    expect(s.opened).toEqual(['/lib/a']);
  });

  it('says so when the choice cannot be remembered, with the new library open', async () => {
    const s = setup('/lib/a', { picks: ['/lib/b'], saveFails: true });
    await s.session.openAtStart();
    await s.session.choose();
    expect(s.session.dir).toBe('/lib/b');
    expect(s.errors).toContain('save-choice-failed');
    expect(s.warnings).toEqual([
      'The library is open, but it could not be remembered for the next start.',
    ]);
  });

  it('closes the library and cancels imports on quit', async () => {
    const s = setup('/lib/a');
    await s.session.openAtStart();
    const signal = s.imports.start('i1').signal;
    await s.session.close();
    expect(signal.aborted).toBe(true);
    expect(s.engines.get('/lib/a')?.closed).toBe(true);
    expect(s.slot.peek()).toBeNull();
  });
});
