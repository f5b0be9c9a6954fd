/**
 * What the extension needs from its host beyond the VS Code API, in the desktop build (the Node
 * extension host). The browser build (build.mjs) takes `host.web.ts` in its place: the same
 * exports, written with web APIs only, so the rest of `src/vscode` never imports a Node module.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** Which extension host runs this build: `node` (desktop, remote) or `web` (browser worker). */
export const hostKind: 'node' | 'web' = 'node';

/** The content hash the result cache is keyed by (SHA-256, base64url). */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** A hash of the running bundle, so a rebuilt extension never reuses the previous build's results; '' when unknown. */
export function buildFingerprint(): string {
  try {
    return contentHash(readFileSync(__filename)).slice(0, 16);
  } catch {
    // Not a file on disk: the version alone.
    return '';
  }
}

/** The one-minute load average per core, at least 1 and at most 20 (see the CLI's `loadFactor`). */
export function loadFactor(): number {
  try {
    return Math.min(20, Math.max(1, loadavg()[0]! / Math.max(1, availableParallelism())));
  } catch {
    return 1;
  }
}

/** Resolves after the event loop has handled what is waiting (other events, messages). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
