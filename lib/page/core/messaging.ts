// A small typed sender for the content script, speaking the wire format of
// @webext-core/messaging 2.x (lib/shared/messages.ts defines the protocol with it):
// request { id, type, data, timestamp }, reply { res } or { err }. The
// library itself (with its own copy of webextension-polyfill and
// serialize-error) is kept out of the content script bundle: measured with the
// library's sendMessage/onMessage in its place, the content script is 58,733 B
// against 45,157 B (`npm run build:chrome && wc -c
// .output/chrome-mv3/content-scripts/content.js`), over the 50,000 B budget.
// tests/unit/page-messaging.test.ts pins wire compatibility with the library in
// both directions; the background answers through lib/background/router.ts.
import type { ProtocolMap } from '../../shared/messages';

export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}

export type MessageData<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
export type MessageReply<K extends keyof ProtocolMap> = Awaited<ReturnType<ProtocolMap[K]>>;

/** The request as @webext-core/messaging sends it. */
export interface WireMessage {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}

export class MessageError extends Error {
  constructor(message: string, readonly remoteName?: string) {
    super(message);
    this.name = 'MessageError';
  }
}

export function createSender(runtime: RuntimeLike) {
  let seq = Math.floor(Math.random() * 1e4);
  return async function send<K extends keyof ProtocolMap>(type: K, ...args: Parameters<ProtocolMap[K]>): Promise<MessageReply<K>> {
    const message: WireMessage = { id: seq++, type, data: args[0], timestamp: Date.now() };
    const reply = (await runtime.sendMessage(message)) as
      | { res?: unknown; err?: { message?: string; name?: string } | null; __mozWebExtensionPolyfillReject__?: boolean; message?: string }
      | undefined
      | null;
    if (reply == null) throw new MessageError('No response');
    // A handler that threw synchronously, as webextension-polyfill reports it to an unwrapped runtime.
    if (reply.__mozWebExtensionPolyfillReject__) throw new MessageError(reply.message ?? 'Error');
    if (reply.err != null) throw new MessageError(reply.err.message ?? 'Error', reply.err.name);
    return reply.res as MessageReply<K>;
  };
}

export interface RuntimeEventsLike {
  onMessage: {
    addListener(listener: (message: unknown, sender: unknown, sendResponse?: (response: unknown) => void) => unknown): void;
    removeListener(listener: (message: unknown, sender: unknown, sendResponse?: (response: unknown) => void) => unknown): void;
  };
}

type Handler = (message: WireMessage & { sender: unknown }) => unknown;

/**
 * The receiving side, wire-compatible with @webext-core/messaging's
 * `onMessage`: one handler per type; replies `{ res }` or `{ err }`; messages
 * of other types (or other formats) are left to other listeners.
 * The reply goes through `sendResponse` (and the listener returns `true`)
 * when the runtime passes one: that is what every browser's own
 * `runtime.onMessage` understands (Chrome's does not take a returned
 * promise), with or without webextension-polyfill in between.
 */
export function createListener(runtime: RuntimeEventsLike) {
  const handlers = new Map<string, Handler>();
  const root = (message: unknown, sender: unknown, sendResponse?: (response: unknown) => void): Promise<unknown> | true | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const m = message as WireMessage;
    if (typeof m.type !== 'string' || typeof m.timestamp !== 'number') return undefined;
    const handler = handlers.get(m.type);
    if (!handler) return undefined;
    const reply = Promise.resolve()
      .then(() => handler({ ...m, sender }))
      .then(
        (res) => ({ res }),
        (error: unknown) => ({ err: { name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error) } }),
      );
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true;
  };
  return function onMessage<K extends keyof ProtocolMap>(
    type: K,
    handler: (message: { data: MessageData<K>; sender: unknown }) => MessageReply<K> | Promise<MessageReply<K>>,
  ): () => void {
    if (handlers.size === 0) runtime.onMessage.addListener(root);
    handlers.set(type, handler as unknown as Handler);
    return () => {
      if (handlers.get(type) !== (handler as unknown as Handler)) return;
      handlers.delete(type);
      if (handlers.size === 0) runtime.onMessage.removeListener(root);
    };
  };
}
