// The content script's own lifecycle (lib/page/core/lifecycle.ts): it ends when the
// extension context is gone (checked when the page comes back or a message
// fails), and a page cannot end it with events of its own. (That nothing is
// posted to the page is checked in real Chromium: tests/browser/page-silence.test.ts.)
import { describe, expect, it } from 'vitest';
import { watchLifecycle } from '../../lib/page/core/lifecycle';

describe('watchLifecycle', () => {
  it('aborts once the extension context is gone, at the next check', () => {
    let alive = true;
    const life = watchLifecycle({ win: window, doc: document, runtimeAlive: () => alive });
    document.dispatchEvent(new Event('visibilitychange'));
    life.check();
    expect(life.signal.aborted).toBe(false);
    alive = false;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(life.signal.aborted).toBe(true);
  });

  it('a failed message checks at once', () => {
    let alive = true;
    const life = watchLifecycle({ win: window, doc: document, runtimeAlive: () => alive });
    alive = false;
    life.check();
    expect(life.signal.aborted).toBe(true);
  });

  it('ignores a pagehide the page dispatches itself (not trusted)', () => {
    const life = watchLifecycle({ win: window, doc: document, runtimeAlive: () => true });
    window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: false }));
    expect(life.signal.aborted).toBe(false);
  });
});
