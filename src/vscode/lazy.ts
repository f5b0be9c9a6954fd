/**
 * Loads the engine (`dist/engine.js`: the parser, the rules, zod) the first time something needs
 * it — an analysis, a settings read, a command — instead of at activation.
 */
import type * as Engine from './engine';

let loaded: typeof Engine | undefined;

export function engine(): typeof Engine {
  // A separate bundle next to dist/extension.js (see build.mjs); `require` keeps it out of this one.
  loaded ??= require('./engine.js') as typeof Engine;
  return loaded;
}
