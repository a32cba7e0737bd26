// The single gate every call passes: method check, argument validation, the handler, and
// error mapping. IPC and the HTTP bridge share it, so both refuse the same inputs with the
// same messages, and neither ever sends a stack trace to the page.
import { isArchiveError } from '../core/errors';
import {
  apiContract,
  describeIssues,
  isApiMethod,
  type ApiResponse,
} from '../contract/api-contract';
import type { ApiHandlers, CallInfo } from './handlers';

/** Where dispatch reports calls; it receives names, codes and timings, never arguments. */
export interface DispatchLog {
  call?(entry: { method: string; ms: number; ok: boolean; code?: string }): void;
  /** An unexpected failure; `error` carries the stack for the log file only. */
  internal?(method: string, error: unknown): void;
}

let defaultLog: DispatchLog = {
  internal: (method, error) => {
    console.error(`[api] ${method} failed unexpectedly:`, error);
  },
};

/** Replaces where dispatch logs by default (the shell points it at the log file). */
export function setDispatchLog(log: DispatchLog): void {
  defaultLog = log;
}

/** Validates `rawArgs` for `method`, runs the handler and maps every outcome to ApiResponse. */
export async function dispatch(
  handlers: ApiHandlers,
  method: string,
  rawArgs: unknown,
  call: CallInfo,
  log: DispatchLog = defaultLog,
): Promise<ApiResponse<unknown>> {
  const started = performance.now();
  const done = (response: ApiResponse<unknown>): ApiResponse<unknown> => {
    log.call?.({
      method: isApiMethod(method) ? method : '(unknown)',
      ms: Math.round(performance.now() - started),
      ok: response.ok,
      ...(response.ok ? {} : { code: response.error.code }),
    });
    return response;
  };

  if (!isApiMethod(method)) {
    return done({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `There is no API call named ${JSON.stringify(String(method)).slice(0, 80)}.`,
      },
    });
  }
  // Calls without arguments may arrive as undefined (IPC) or null (JSON).
  const parsed = apiContract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return done({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: describeIssues(method, parsed.error) },
    });
  }
  try {
    const handler = handlers[method] as (args: unknown, call: CallInfo) => Promise<unknown>;
    const value = await handler(parsed.data, call);
    return done({ ok: true, value });
  } catch (error) {
    if (isArchiveError(error)) {
      return done({ ok: false, error: { code: error.code, message: error.message } });
    }
    log.internal?.(method, error);
    return done({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `Something went wrong in ${method}. The details are in the log file.`,
      },
    });
  }
}
