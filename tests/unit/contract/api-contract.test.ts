// The API table is the one list of calls and events: the method and event lists, the IPC
// channels, the argument checks and the handler types all come from it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  createHandlers,
  type ApiHandlers,
  type EngineServedMethod,
  type WrittenHandlers,
} from '../../../main/api/handlers';
import { PathGrants } from '../../../main/api/path-grants';
import { fakeEngine } from '../api/fake-engine';
import {
  API_EVENTS,
  API_METHODS,
  apiContract,
  apiEventContract,
  describeIssues,
  ipcChannel,
  ipcEventChannel,
  isApiMethod,
  type ApiArgs,
  type ApiResult,
} from '../../../main/contract/api-contract';
import { LIMITS } from '../../../main/contract/limits';
import { MAX_QUERY_LENGTH } from '../../../main/core/search/query/query-parser';
import type { LibraryStats, TagSnapshot } from '../../../main/contract/types';

describe('API contract table', () => {
  it('derives the method and event lists from its tables', () => {
    expect([...API_METHODS]).toEqual(Object.keys(apiContract));
    expect([...API_EVENTS]).toEqual(Object.keys(apiEventContract));
    expect(new Set(API_METHODS.map(ipcChannel)).size).toBe(API_METHODS.length);
    expect(new Set(API_EVENTS.map(ipcEventChannel)).size).toBe(API_EVENTS.length);
    for (const method of API_METHODS) {
      expect(apiContract[method].args).toBeInstanceOf(z.ZodType);
      expect(apiContract[method].result).toBeInstanceOf(z.ZodType);
    }
  });

  it('knows only its own methods, never prototype keys', () => {
    expect(API_METHODS.every(isApiMethod)).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'nope', 7]) {
      expect(isApiMethod(name)).toBe(false);
    }
  });

  it('names the field and the rule in one sentence', () => {
    const parsed = apiContract.setRead.args.safeParse({ ids: ['x'], read: 'yes', extra: 1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const sentence = describeIssues('setRead', parsed.error);
    expect(sentence).toMatch(/^Bad arguments for setRead: /);
    expect(sentence).toContain('ids.0 must be an article id');
    expect(sentence).toContain('read must be true or false');
    expect(sentence).toContain('unknown field extra');
  });

  it('has one query length, the one the query parser enforces', () => {
    expect(MAX_QUERY_LENGTH).toBe(LIMITS.queryLength);
    const longest = 'x'.repeat(LIMITS.queryLength);
    expect(apiContract.search.args.safeParse({ query: longest }).success).toBe(true);
    expect(apiContract.search.args.safeParse({ query: `${longest}x` }).success).toBe(false);
  });

  it('types handlers by the schemas, arguments and results alike', () => {
    expectTypeOf<ApiArgs<'addTags'>>().toEqualTypeOf<{ ids: string[]; tags: string[] }>();
    expectTypeOf<ApiResult<'removeTags'>>().toEqualTypeOf<TagSnapshot>();
    expectTypeOf<Parameters<ApiHandlers['renameTag']>[0]>().toEqualTypeOf<{
      from: string;
      to: string;
    }>();
    expectTypeOf<ReturnType<ApiHandlers['stats']>>().toEqualTypeOf<Promise<LibraryStats>>();
    const wrong: Pick<ApiHandlers, 'stats' | 'setRead'> = {
      // @ts-expect-error a handler whose result is not the schema's result does not compile
      stats: async () => ({ articles: 'many' }),
      // @ts-expect-error nor one that expects arguments the schema does not give
      setRead: async ({ ids }: { ids: number[] }) => (ids.length ? null : null),
    };
    expect(Object.keys(wrong)).toEqual(['stats', 'setRead']);
  });

  it('forwards a call to the engine method of the same name when no handler is written', async () => {
    expectTypeOf<
      'search' | 'stats' | 'listTags' | 'emptyTrash' | 'check'
    >().toExtend<EngineServedMethod>();
    // Calls whose arguments or result differ from the engine method's need a handler.
    expectTypeOf<'trash'>().not.toExtend<EngineServedMethod>();
    expectTypeOf<'deleteTag'>().not.toExtend<EngineServedMethod>();
    expectTypeOf<'restoreTags'>().not.toExtend<EngineServedMethod>();
    expectTypeOf<'listArticles'>().not.toExtend<EngineServedMethod>();
    // So the table must write a handler for those, and may leave out the engine-served ones.
    expectTypeOf<object>().not.toExtend<Pick<WrittenHandlers, 'trash'>>();
    expectTypeOf<object>().toExtend<Pick<WrittenHandlers, 'search' | 'stats'>>();

    const engine = fakeEngine();
    const handlers = createHandlers({
      getEngine: () => engine,
      settings: {
        get: () => Promise.reject(new Error('unused')),
        update: () => Promise.reject(new Error('unused')),
      },
      sampleDir: '/samples',
      emit: () => undefined,
      paths: new PathGrants([]),
    });
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
    await handlers.search({ query: 'harbour', limit: 3 }, { transport: 'test' });
    await handlers.stats({}, { transport: 'test' });
    expect(engine.calls.map((c) => c.method)).toEqual(['search', 'stats']);
    expect(engine.calls[0]!.args).toEqual([{ query: 'harbour', limit: 3 }]);
  });
});
