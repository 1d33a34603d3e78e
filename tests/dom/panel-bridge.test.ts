// The content script's side of the side panel, with fake messaging.
import { describe, expect, it, vi } from 'vitest';
import {
  connectPageToPanel,
  foldForSearch,
  notifyPageChanged,
  pageHasQuotes,
  registerPanelBridge,
  summarizeMentions,
  textHasQuotes,
  type BridgeMessaging,
  type PageSummary,
} from '../../lib/page/core/panel-bridge';

// The real messaging needs an extension; the bridge takes its messaging as a parameter.
vi.mock('../../lib/shared/messages', () => ({ onMessage: vi.fn(), sendMessage: vi.fn() }));

type Handler = (message: { data: unknown; sender: object }) => unknown;

function fakeMessaging() {
  const handlers = new Map<string, Handler>();
  const sent: [string, unknown][] = [];
  const messaging = {
    onMessage: (type: string, handler: Handler) => {
      handlers.set(type, handler);
      return () => handlers.delete(type);
    },
    sendMessage: async (type: string, data: unknown) => {
      sent.push([type, data]);
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
  } as unknown as BridgeMessaging;
  return { messaging, handlers, sent, call: (type: string, data?: unknown) => handlers.get(type)!({ data, sender: {} }) };
}

const summary: PageSummary = { url: 'https://example.com/a', title: 'A', active: true, mentions: [{ entity: 'xi-jinping', count: 2 }] };

describe('registerPanelBridge', () => {
  it('answers pageSummary, revealMention and pageHasText from its environment', () => {
    const f = fakeMessaging();
    const reveal = vi.fn((e: string) => e === 'xi-jinping');
    registerPanelBridge({ getSummary: () => summary, reveal, hasText: (q) => q.map((x) => x === 'yes') }, f.messaging);
    expect(f.call('pageSummary')).toEqual(summary);
    expect(f.call('revealMention', { entity: 'xi-jinping' })).toBe(true);
    expect(f.call('revealMention', { entity: 'nobody' })).toBe(false);
    expect(f.call('pageHasText', { quotes: ['yes', 'no'] })).toEqual([true, false]);
  });

  it('broadcasts a change once, debounced, only when the summary differs, and swallows "no receiver"', async () => {
    vi.useFakeTimers();
    const f = fakeMessaging();
    let current = summary;
    const bridge = registerPanelBridge({ getSummary: () => current, reveal: () => false, hasText: () => [], debounceMs: 100 }, f.messaging);
    bridge.changed();
    bridge.changed();
    await vi.advanceTimersByTimeAsync(150);
    expect(f.sent).toEqual([['pageChanged', summary]]);
    bridge.changed();
    await vi.advanceTimersByTimeAsync(150);
    expect(f.sent.length).toBe(1);
    current = { ...summary, mentions: [{ entity: 'xi-jinping', count: 3 }] };
    bridge.changed();
    await vi.advanceTimersByTimeAsync(150);
    expect(f.sent.length).toBe(2);
    vi.useRealTimers();
  });

  it('stops answering when its signal aborts', () => {
    const f = fakeMessaging();
    const controller = new AbortController();
    registerPanelBridge({ getSummary: () => summary, reveal: () => true, hasText: () => [], signal: controller.signal }, f.messaging);
    expect(f.handlers.size).toBe(4);
    controller.abort();
    expect(f.handlers.size).toBe(0);
  });

  it('notifyPageChanged never throws, even with the extension context gone', () => {
    expect(() =>
      notifyPageChanged(summary, {
        sendMessage: (() => {
          throw new Error('Extension context invalidated.');
        }) as unknown as BridgeMessaging['sendMessage'],
      }),
    ).not.toThrow();
  });
});

describe('page text search', () => {
  it('folds case, quote and dash styles and spacing', () => {
    expect(foldForSearch('“We have not seen  actual\u00a0delivery” — Stoltenberg’s')).toBe('we have not seen actual delivery - stoltenbergs');
    expect(textHasQuotes('He said: “We have NOT seen\nactual delivery of lethal aid,” adding', ['‘We have not seen actual delivery of lethal aid', 'never said', ''])).toEqual([true, false, false]);
  });

  it('reads the page as the scanner does: no scripts, form fields or editable text', () => {
    const doc = new DOMParser().parseFromString(
      '<body><article><p>Ukrainian soldiers said they shot down a <b>China-made</b> Mugin-5 drone.</p></article><textarea>secret quote here</textarea><script>var x = "script quote"</script></body>',
      'text/html',
    );
    expect(pageHasQuotes(doc, ['shot down a China-made Mugin-5 drone', 'secret quote here', 'script quote'])).toEqual([true, false, false]);
    expect(pageHasQuotes(doc, [])).toEqual([]);
  });

  it('counts linked mentions per entity in order of first mention, and ambiguous ones apart', () => {
    expect(summarizeMentions([{ entityId: 'b' }, { entityId: 'a' }, { entityId: null }, { entityId: 'b' }])).toEqual({
      mentions: [
        { entity: 'b', count: 2 },
        { entity: 'a', count: 1 },
      ],
      ambiguous: 1,
    });
  });
});

describe('connectPageToPanel', () => {
  function page() {
    const doc = new DOMParser().parseFromString('<body><p id="a">Xi Jinping met Putin.</p><p id="b">Later, Putin spoke.</p></body>', 'text/html');
    const text = (id: string) => doc.getElementById(id)!.firstChild!;
    const mentions = [
      { entityId: 'xi-jinping', paintedAs: 'backstory-person', startNode: text('a') },
      { entityId: 'vladimir-putin', paintedAs: null, startNode: text('a') },
      { entityId: 'vladimir-putin', paintedAs: 'backstory-person', startNode: text('b') },
      { entityId: null, paintedAs: 'backstory-ambiguous', startNode: text('b') },
    ];
    return { doc, mentions };
  }

  it('summarises the page reader’s mentions and reveals the first marked mention', () => {
    const f = fakeMessaging();
    const { doc, mentions } = page();
    const opened: unknown[] = [];
    let active = true;
    const win = { location: { href: 'https://example.com/a' }, matchMedia: () => ({ matches: true }) } as unknown as Window;
    connectPageToPanel({ doc, win, signal: new AbortController().signal, active: () => active, mentions: () => mentions, openCard: (m) => opened.push(m) }, f.messaging);
    expect(f.call('pageSummary')).toEqual({
      url: 'https://example.com/a',
      title: '',
      active: true,
      mentions: [
        { entity: 'xi-jinping', count: 1 },
        { entity: 'vladimir-putin', count: 2 },
      ],
      ambiguous: 1,
      scanning: false,
    });
    expect(f.call('revealMention', { entity: 'vladimir-putin' })).toBe(true);
    expect(opened).toEqual([mentions[2]]);
    expect(f.call('revealMention', { entity: 'nobody' })).toBe(false);
    expect(f.call('pageHasText', { quotes: ['Putin spoke', 'Biden'] })).toEqual([true, false]);
    active = false;
    expect(f.call('pageSummary')).toMatchObject({ active: false, mentions: [] });
    expect(f.call('revealMention', { entity: 'xi-jinping' })).toBe(false);
  });
});
