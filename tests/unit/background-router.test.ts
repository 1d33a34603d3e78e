// The background's message gate (lib/background/router.ts): schema and sender
// checks before any handler; everything else dropped, counted, never answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type SenderLike } from '../../lib/background/router';
import { createSender } from '../../lib/page/core/messaging';
import { fakeRuntime, libraryMessagingOver, removeFakeChrome } from '../support/fake-runtime';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

function setup() {
  let listener: ((m: unknown, s: SenderLike, r: (x: unknown) => void) => unknown) | null = null;
  const runtime = { id: ID, getURL: (p: string) => BASE + p.replace(/^\//, ''), onMessage: { addListener: (l: typeof listener) => (listener = l) } };
  const router = createRouter(runtime as never);
  const calls: unknown[] = [];
  router.on('getCards', (data) => (calls.push(data), data.ids.map(() => null)));
  router.on('getPanelData', (data) => (calls.push(data), { entities: [] }));
  router.on('getMatcher', () => (calls.push('matcher'), null));
  const send = (message: unknown, sender: SenderLike) =>
    new Promise<{ returned: unknown; reply: unknown }>((resolve) => {
      const returned = listener!(message, sender, (reply) => resolve({ returned, reply }));
      if (returned !== true) resolve({ returned, reply: undefined });
    });
  return { router, calls, send };
}

const tab: SenderLike = { id: ID, tab: { id: 4 }, frameId: 0, url: 'https://news.example/a' };
const subframe: SenderLike = { ...tab, frameId: 3 };
const panel: SenderLike = { id: ID, url: `${BASE}sidepanel.html` };
const other: SenderLike = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzz/x.html' };
// As Chrome delivers it: JSON, so an undefined `data` has no key at all.
const wire = (type: string, data?: unknown) => JSON.parse(JSON.stringify({ id: 1, type, data, timestamp: 1 })) as unknown;

describe('background router', () => {
  it('answers a valid message from an allowed sender in the wire format', async () => {
    const t = setup();
    expect((await t.send(wire('getCards', { ids: ['a', 'b'] }), tab)).reply).toEqual({ res: [null, null] });
    expect((await t.send(wire('getMatcher'), tab)).reply).toEqual({ res: null });
    expect((await t.send(wire('getPanelData', { entities: ['a'] }), panel)).reply).toEqual({ res: { entities: [] } });
    expect(t.router.stats).toEqual({ handled: 3, malformed: 0, refused: 0 });
  });

  it('refuses panel-only messages from content scripts, and content-script messages from subframes or other extensions', async () => {
    const t = setup();
    for (const [m, s] of [
      [wire('getPanelData', { entities: ['a'] }), tab],
      [wire('getMatcher'), subframe],
      [wire('getMatcher'), panel],
      [wire('getCards', { ids: [] }), other],
    ] as const) {
      const r = await t.send(m, s);
      expect(r.returned).toBeUndefined();
      expect(r.reply).toBeUndefined();
    }
    expect(t.calls).toEqual([]);
    expect(t.router.stats.refused).toBe(4);
  });

  it('drops malformed messages without an answer, and counts them', async () => {
    const t = setup();
    const bad: unknown[] = [null, 'getMatcher', { type: 'getMatcher' }, wire('nope'), wire('getCards', { ids: 'a' }), wire('getCards', { ids: ['a'], extra: 1 }), wire('getMatcher', { x: 1 }), wire('x'.repeat(100))];
    for (const m of bad) expect((await t.send(m, tab)).reply).toBeUndefined();
    expect(t.calls).toEqual([]);
    expect(t.router.stats).toEqual({ handled: 0, malformed: bad.length, refused: 0 });
  });

  it('ignores the protocol’s other messages (pageChanged reaches the background too) without counting them', async () => {
    const t = setup();
    expect((await t.send(wire('pageChanged', { url: 'x' }), tab)).reply).toBeUndefined();
    expect(t.router.stats).toEqual({ handled: 0, malformed: 0, refused: 0 });
  });
});

// The extension pages send with @webext-core/messaging (lib/shared/messages.ts),
// the content script with its wire-compatible sender (lib/page/core/messaging.ts):
// both reach the router and read its replies, and a refused message gets no
// reply at all, which the library reports as a failure.
describe('background router and @webext-core/messaging', () => {
  let from: SenderLike = panel;
  const runtime = fakeRuntime({ id: ID, sender: () => from });
  const router = createRouter(runtime as never);
  router.on('getPanelData', (data) => ({ entities: data.entities.map((id) => ({ id })) }));
  router.on('getCard', (data) => {
    throw new Error(`no card ${data.id}`);
  });
  router.on('getCards', (data) => data.ids.map(() => null));
  let lib: typeof import('../../lib/shared/messages');
  beforeAll(async () => {
    lib = await libraryMessagingOver(runtime);
  });
  afterAll(removeFakeChrome);

  it('the library’s sendMessage (an extension page) gets the router’s reply, and its error', async () => {
    from = panel;
    expect(await lib.sendMessage('getPanelData', { entities: ['a'] })).toEqual({ entities: [{ id: 'a' }] });
    await expect(lib.sendMessage('getCard', { id: 'x' })).rejects.toThrow('no card x');
  });

  it('the content script’s sender gets the router’s reply', async () => {
    from = tab;
    expect(await createSender(runtime)('getCards', { ids: ['a', 'b'] })).toEqual([null, null]);
  });

  it('a refused or malformed message is never answered: the library sees no response', async () => {
    from = tab;
    await expect(lib.sendMessage('getPanelData', { entities: ['a'] })).rejects.toThrow('No response');
    from = panel;
    await expect(lib.sendMessage('getPanelData', { entities: 'a' } as never)).rejects.toThrow('No response');
    expect(router.stats).toMatchObject({ refused: 1, malformed: 1 });
  });
});
