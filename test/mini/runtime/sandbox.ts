import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Globals a mini-program engine does not have. Node's vm gives a context ES built-ins only, but V8
 * adds a few of its own that the engines lack; those are removed from the context.
 */
export const ABSENT_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'fetch',
  'XMLHttpRequest',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'structuredClone',
  'queueMicrotask',
  'AbortController',
  'AbortSignal',
  'Blob',
  'FormData',
  'FileReader',
  'process',
  'Buffer',
  'global',
  'self',
  'WebAssembly',
  'requestAnimationFrame',
  'setImmediate',
  'MessageChannel',
  'performance',
  'crypto',
] as const;

/** One lookup of a global the engine lacks: its name and where in the built code it happened. */
export interface AbsentLookup {
  name: string;
  /** `file:line:column` in the dist folder (the first frame inside it). */
  at: string;
}

export interface Sandbox {
  /** The context's global object: the platform shim and lifecycle functions are set on it. */
  global: Record<string, unknown>;
  /** Loads a dist file the way the engine does: once, with `require`, `module` and `exports`. */
  requireFile: (file: string) => unknown;
  /** Every lookup of an absent global so far (guarded `typeof` checks included). */
  absentLookups: AbsentLookup[];
  /** Runs source in the context (for a test to reach into it, e.g. to build data there). */
  run: (source: string) => unknown;
}

// The file's own bindings, given by the wrapper function (the spy sits inside it).
const MODULE_SCOPE = new Set(['module', 'exports', 'require']);

function callerInDist(stack: string | undefined, distDir: string): string {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const index = line.indexOf(distDir);
    if (index >= 0) return path.relative(distDir, line.slice(index).replace(/\)$/, ''));
  }
  return 'outside dist';
}

/**
 * A vm context that imitates a mini-program engine's JavaScript environment: ES built-ins, the
 * globals given, nothing of Node or the browser. Free identifiers of the built code are resolved
 * through a spy (a `with` scope around each file) that records every lookup of a name the context
 * does not define, `typeof window` included, before letting the engine answer as it would
 * (`undefined` under typeof, ReferenceError otherwise).
 */
export function createSandbox(distDir: string, globals: Record<string, unknown>): Sandbox {
  const context = vm.createContext({});
  const contextGlobal = vm.runInContext('globalThis', context) as Record<string, unknown>;
  // V8 gives every context WebAssembly; the mini-program engines (iOS's above all) do not.
  delete contextGlobal.WebAssembly;
  // V8's inspector console writes nowhere; the platform's console is the one given.
  delete contextGlobal.console;
  Object.assign(contextGlobal, globals);

  const absentLookups: AbsentLookup[] = [];
  const spy = new Proxy(Object.create(null) as object, {
    has(_target, key) {
      if (typeof key === 'string' && !(key in contextGlobal) && !MODULE_SCOPE.has(key)) {
        absentLookups.push({ name: key, at: callerInDist(new Error().stack, distDir) });
      }
      // Never claim a name: the lookup goes on to the real global scope.
      return false;
    },
  });
  contextGlobal.__absentGlobalSpy = spy;

  const cache = new Map<string, { exports: unknown }>();
  const requireFrom =
    (fromDir: string) =>
    (request: string): unknown => {
      let file = path.resolve(fromDir, request);
      if (!file.endsWith('.js')) file += '.js';
      return requireFile(file);
    };

  function requireFile(file: string): unknown {
    const resolved = path.resolve(distDir, file);
    if (!resolved.startsWith(distDir + path.sep)) throw new Error(`require outside the dist folder: ${file}`);
    const cached = cache.get(resolved);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(resolved, module);
    const source = readFileSync(resolved, 'utf8');
    // Sloppy outer function for `with`; the file's own "use strict" still applies inside.
    const wrapped = `(function (module, exports, require) { with (__absentGlobalSpy) { return (function () {\n${source}\n}).call(this); } })`;
    const fn = vm.runInContext(wrapped, context, { filename: resolved, lineOffset: -1 }) as (
      this: unknown,
      m: unknown,
      e: unknown,
      r: unknown,
    ) => void;
    fn.call(contextGlobal, module, module.exports, requireFrom(path.dirname(resolved)));
    return module.exports;
  }

  return {
    global: contextGlobal,
    requireFile,
    absentLookups,
    run: (source) => vm.runInContext(source, context),
  };
}
