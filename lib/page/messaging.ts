// A small typed sender for the content script, speaking the wire format of
// @webext-core/messaging 2.x (lib/messages.ts defines the protocol with it):
// request { id, type, data, timestamp }, reply { res } or { err }. The
// library itself (with its own copy of webextension-polyfill and
// serialize-error, ~14 KB minified) is kept out of the content script bundle;
// the background still answers with the library's `onMessage`.
import type { ProtocolMap } from '../messages';

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
    const reply = (await runtime.sendMessage(message)) as { res?: unknown; err?: { message?: string; name?: string } | null } | undefined | null;
    if (reply == null) throw new MessageError('No response');
    if (reply.err != null) throw new MessageError(reply.err.message ?? 'Error', reply.err.name);
    return reply.res as MessageReply<K>;
  };
}
