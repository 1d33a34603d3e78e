// The background's one message listener (issue #17, "no control channel").
// Speaks @webext-core/messaging's wire format (request { id, type, data,
// timestamp }, reply { res } or { err }), but before any handler runs:
// - the request and its data must pass the type's zod schema (lib/shared/messages.ts);
// - the sender must be of the type's class: a tab's top-frame content script
//   ('tab'), or one of our own extension pages ('extension').
// Anything else is dropped and counted: no reply, no error text, nothing echoed.
// Takes the runtime as a parameter so unit tests drive it without a browser.
// Why not @webext-core/messaging's own onMessage here (the extension pages send
// with it, lib/shared/messages.ts): in 2.3.0 it answers every message of a type
// that has a handler (a refusal could only be a `{ err }` reply with the error's
// text), and it throws on a message without `type`/`timestamp`, quoting the whole
// message in the error; "dropped, never answered" cannot be said with it.
// tests/unit/background-router.test.ts pins that the library's sendMessage and the
// content script's sender both read this router's replies.
import { MESSAGE_RULES, WIRE_MESSAGE, type MessageRule, type SenderClass } from '../shared/message-rules';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
  documentLifecycle?: string;
}

export interface RouterRuntime {
  id: string;
  getURL(path: string): string;
  onMessage: {
    addListener(listener: (message: unknown, sender: SenderLike, sendResponse: (response: unknown) => void) => unknown): void;
  };
}

export interface RouterStats {
  handled: number;
  /** Not a request at all, an unknown type, or data that fails the type's schema. */
  malformed: number;
  /** A valid request from a sender not allowed to send it. */
  refused: number;
}

type Handler = (data: never, sender: SenderLike) => unknown;

/** Is the sender one of our own extension pages (popup, side panel, options)? */
export function isExtensionPage(runtime: Pick<RouterRuntime, 'id' | 'getURL'>, sender: SenderLike): boolean {
  if (sender.id !== runtime.id || typeof sender.url !== 'string') return false;
  const base = runtime.getURL('/');
  return sender.url.startsWith(base);
}

/** Is the sender our content script in a tab's top frame (not a subframe, not an extension page)? */
export function isTopFrameContentScript(runtime: Pick<RouterRuntime, 'id' | 'getURL'>, sender: SenderLike): boolean {
  if (sender.id !== runtime.id || !sender.tab || sender.frameId !== 0) return false;
  return !isExtensionPage(runtime, sender);
}

function allowed(runtime: RouterRuntime, from: readonly SenderClass[], sender: SenderLike): boolean {
  return from.some((c) => (c === 'tab' ? isTopFrameContentScript(runtime, sender) : isExtensionPage(runtime, sender)));
}

export function createRouter(runtime: RouterRuntime) {
  const handlers = new Map<string, Handler>();
  const stats: RouterStats = { handled: 0, malformed: 0, refused: 0 };
  let listening = false;

  const listener = (message: unknown, sender: SenderLike, sendResponse: (response: unknown) => void): true | undefined => {
    const wire = WIRE_MESSAGE.safeParse(message);
    const rule: MessageRule | null | undefined = wire.success ? MESSAGE_RULES[wire.data.type as keyof typeof MESSAGE_RULES] : undefined;
    // Extension pages' own notifications (pageChanged) reach the background too: not ours, not an attack.
    if (wire.success && rule === null) return undefined;
    if (!wire.success || !rule) {
      stats.malformed++;
      return undefined;
    }
    const handler = handlers.get(wire.data.type);
    if (!handler) return undefined;
    if (!allowed(runtime, rule.from, sender)) {
      stats.refused++;
      return undefined;
    }
    const data = rule.data.safeParse(wire.data.data);
    if (!data.success) {
      stats.malformed++;
      return undefined;
    }
    stats.handled++;
    Promise.resolve()
      .then(() => handler(data.data as never, sender))
      .then(
        (res) => sendResponse({ res }),
        // A failed lookup says so, without echoing anything the sender sent.
        (error: unknown) => sendResponse({ err: { name: 'Error', message: error instanceof Error ? error.message : 'Failed' } }),
      );
    return true;
  };

  return {
    stats,
    on<K extends keyof typeof MESSAGE_RULES>(type: K, handler: (data: MessageData<K>, sender: SenderLike) => unknown): void {
      if (!listening) {
        listening = true;
        runtime.onMessage.addListener(listener);
      }
      handlers.set(type, handler as Handler);
    },
  };
}

type MessageData<K extends keyof typeof MESSAGE_RULES> = (typeof MESSAGE_RULES)[K] extends MessageRule<infer D> ? D : never;
