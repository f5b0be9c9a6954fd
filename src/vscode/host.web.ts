/**
 * The browser build's host (see `host.ts`, whose exports this mirrors): the web worker extension
 * host of vscode.dev, github.dev or a VS Code server has no Node modules, only web APIs.
 */

/** Set by build.mjs: a hash of this bundle's own text. */
declare const STATUS_DOCS_WEB_BUILD: string;

export const hostKind: 'node' | 'web' = 'web';

/**
 * The content hash the result cache is keyed by: two 53-bit hashes of the bytes (cyrb53, with
 * different seeds), synchronous like the desktop's SHA-256 (the web's `crypto.subtle` is async).
 */
export function contentHash(bytes: Uint8Array): string {
  return `${cyrb53(bytes, 0x9e3779b9).toString(36)}.${cyrb53(bytes, 0x85ebca6b).toString(36)}.${bytes.length.toString(36)}`;
}

function cyrb53(bytes: Uint8Array, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function buildFingerprint(): string {
  return typeof STATUS_DOCS_WEB_BUILD === 'string' ? STATUS_DOCS_WEB_BUILD : '';
}

/** A browser tells nothing of the machine's load: the time budget runs at face value. */
export function loadFactor(): number {
  return 1;
}

/** A macrotask (a worker has no `setImmediate`): the extension host's messages go first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
