// A fake `chrome.runtime` for unit tests of messaging: sendMessage delivers a
// JSON copy (as Chrome serialises messages) to every onMessage listener, with
// the sender the test chose, and resolves with the first reply (sendResponse or a
// returned promise), or undefined when no listener answers, as Chrome does.
// Not WXT's fakeBrowser (@webext-core/fake-browser 'runtime'): it passes every
// listener an empty sender and no sendResponse, and throws when none listens,
// so neither the background's sender gate nor Chrome's sendResponse/`return
// true` contract (the router's, the content script's listener's) can be tested with it.
export type RuntimeListener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => unknown;

const json = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export function fakeRuntime(options: { id?: string; sender?: () => unknown } = {}) {
  const id = options.id ?? 'backstory-test';
  const sender = options.sender ?? (() => ({ id }));
  const listeners = new Set<RuntimeListener>();
  const deliver = (message: unknown): Promise<unknown> =>
    new Promise((resolve) => {
      let waiting = false;
      for (const listener of listeners) {
        const returned = listener(json(message), sender(), (response) => resolve(json(response ?? null)));
        if (returned instanceof Promise) {
          void returned.then((v) => resolve(json(v ?? null)));
          waiting = true;
        } else if (returned === true) waiting = true;
        if (waiting) return;
      }
      resolve(undefined);
    });
  return {
    id,
    getURL: (path: string) => `chrome-extension://${id}/${path.replace(/^\//, '')}`,
    sendMessage: (message: unknown, callback?: (r: unknown) => void) => {
      const reply = deliver(message);
      if (callback) void reply.then(callback);
      return reply;
    },
    onMessage: {
      addListener: (l: RuntimeListener) => void listeners.add(l),
      removeListener: (l: RuntimeListener) => void listeners.delete(l),
      hasListener: (l: RuntimeListener) => listeners.has(l),
      hasListeners: () => listeners.size > 0,
    },
    lastError: undefined,
    getManifest: () => ({ manifest_version: 3 }),
  };
}

/**
 * Load lib/shared/messages.ts (@webext-core/messaging with webextension-polyfill)
 * over a fake runtime: the polyfill wraps `globalThis.chrome` when first imported.
 */
export async function libraryMessagingOver(runtime: ReturnType<typeof fakeRuntime>) {
  (globalThis as unknown as { chrome: unknown }).chrome = { runtime };
  return import('../../lib/shared/messages');
}

export function removeFakeChrome(): void {
  delete (globalThis as unknown as { chrome?: unknown }).chrome;
}
