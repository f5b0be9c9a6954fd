/**
 * The browser build's `./lazy` (build.mjs swaps it in): a web worker cannot `require` a file
 * next to the bundle, so the engine is bundled in and `engine()` returns it.
 */
import * as Engine from './engine';

export function engine(): typeof Engine {
  return Engine;
}
