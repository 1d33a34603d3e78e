// Hover intent (lib/page/card/hover.ts) with fake timers: dwell, grace, card, pin.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GRACE_MS, HoverIntent } from '../../lib/page/card/hover';

function setup(delay = 500) {
  const state = { open: null as string | null, pinned: false, log: [] as string[] };
  const intent = new HoverIntent<string>({
    delay: () => delay,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    open: (m) => {
      state.open = m;
      state.pinned = false;
      state.log.push(`open ${m}`);
    },
    close: () => {
      state.log.push(`close ${state.open}`);
      state.open = null;
    },
    openFor: () => state.open,
    pinned: () => state.pinned,
  });
  return { intent, state };
}

describe('hover intent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens after the dwell, not before', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    vi.advanceTimersByTime(499);
    expect(state.open).toBeNull();
    vi.advanceTimersByTime(1);
    expect(state.open).toBe('xi');
  });

  it('a pointer that passes over a name without stopping opens nothing', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    vi.advanceTimersByTime(200);
    intent.pointer(null);
    vi.advanceTimersByTime(1000);
    expect(state.log).toEqual([]);
  });

  it('moving within the same mention does not restart the dwell', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    vi.advanceTimersByTime(300);
    intent.pointer('xi');
    vi.advanceTimersByTime(200);
    expect(state.open).toBe('xi');
  });

  it('closes after the grace period once the pointer leaves the mention', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    vi.advanceTimersByTime(500);
    intent.pointer(null);
    vi.advanceTimersByTime(GRACE_MS - 1);
    expect(state.open).toBe('xi');
    vi.advanceTimersByTime(1);
    expect(state.open).toBeNull();
  });

  it('stays open while the pointer is in the card, and closes after leaving it', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    vi.advanceTimersByTime(500);
    intent.pointer(null);
    vi.advanceTimersByTime(150);
    intent.enterCard();
    vi.advanceTimersByTime(5000);
    expect(state.open).toBe('xi');
    intent.leaveCard();
    vi.advanceTimersByTime(GRACE_MS);
    expect(state.open).toBeNull();
  });

  it('returning to the mention within the grace period keeps it open', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    vi.advanceTimersByTime(500);
    intent.pointer(null);
    vi.advanceTimersByTime(200);
    intent.pointer('xi');
    vi.advanceTimersByTime(2000);
    expect(state.open).toBe('xi');
  });

  it('a pinned card is not closed by the pointer leaving', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    vi.advanceTimersByTime(500);
    state.pinned = true;
    intent.pointer(null);
    vi.advanceTimersByTime(5000);
    expect(state.open).toBe('xi');
  });

  it('dwelling on another name replaces the card', () => {
    const { intent, state } = setup(200);
    intent.pointer('xi');
    vi.advanceTimersByTime(200);
    intent.pointer('putin');
    vi.advanceTimersByTime(200);
    expect(state.log).toEqual(['open xi', 'open putin']);
  });

  it('reset cancels everything pending', () => {
    const { intent, state } = setup();
    intent.pointer('xi');
    intent.reset();
    vi.advanceTimersByTime(5000);
    expect(state.log).toEqual([]);
  });
});
