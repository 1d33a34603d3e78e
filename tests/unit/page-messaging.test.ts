// The content script's small sender/listener (lib/page/core/messaging.ts) speaks
// @webext-core/messaging's wire format: checked against the real library
// (lib/shared/messages.ts) over a fake `chrome.runtime`, in both directions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListener, createSender, MessageError } from '../../lib/page/core/messaging';
import { fakeRuntime, libraryMessagingOver, removeFakeChrome } from '../support/fake-runtime';

describe('content script messaging is wire-compatible with @webext-core/messaging', () => {
  const runtime = fakeRuntime();
  let lib: typeof import('../../lib/shared/messages');
  beforeAll(async () => {
    lib = await libraryMessagingOver(runtime);
  });
  afterAll(removeFakeChrome);

  it('our sender → the library’s onMessage (the background): replies and errors', async () => {
    const offCards = lib.onMessage('getCards', ({ data }) => data.ids.map(() => null));
    const offMatcher = lib.onMessage('getMatcher', async () => {
      throw new Error('KB not loaded');
    });
    const offStatus = lib.onMessage('kbStatus', () => {
      throw new Error('thrown synchronously');
    });
    const send = createSender(runtime);
    expect(await send('getCards', { ids: ['a', 'b'] })).toEqual([null, null]);
    await expect(send('getMatcher')).rejects.toThrow('KB not loaded');
    await expect(send('getMatcher')).rejects.toBeInstanceOf(MessageError);
    await expect(send('kbStatus')).rejects.toThrow('thrown synchronously');
    offCards();
    offMatcher();
    offStatus();
  });

  it('the library’s sendMessage (the side panel) → our listener (the content script)', async () => {
    const onMessage = createListener(runtime);
    const off = onMessage('pageHasText', ({ data }) => data.quotes.map((q) => q === 'yes'));
    const offFail = onMessage('revealMention', () => {
      throw new Error('no such mention');
    });
    expect(await lib.sendMessage('pageHasText', { quotes: ['yes', 'no'] })).toEqual([true, false]);
    await expect(lib.sendMessage('revealMention', { entity: 'x' })).rejects.toThrow('no such mention');
    off();
    offFail();
  });

  it('a sender with no one answering fails cleanly', async () => {
    const send = createSender({ sendMessage: async () => undefined });
    await expect(send('kbStatus')).rejects.toThrow('No response');
  });

  it('the listener leaves other messages to other listeners', () => {
    const added: unknown[] = [];
    const onMessage = createListener({ onMessage: { addListener: (l) => added.push(l), removeListener: () => undefined } });
    onMessage('pageSummary', () => null);
    const root = added[0] as (m: unknown, s: unknown) => unknown;
    expect(root({ type: 'other', timestamp: 1 }, {})).toBeUndefined();
    expect(root('not an object', {})).toBeUndefined();
    expect(root({ type: 'pageSummary' }, {})).toBeUndefined(); // no timestamp: not this protocol
    expect(root({ type: 'pageSummary', timestamp: 1, id: 1, data: undefined }, {})).toBeInstanceOf(Promise);
  });
});
