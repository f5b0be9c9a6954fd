// Types of what build.mjs exports, for the tests that build in memory.
import type { BuildOptions } from 'esbuild';

/** esbuild's options for the browser extension (dist/web/extension.js), with `overrides` on top. */
export function webExtensionOptions(overrides?: BuildOptions): BuildOptions;
