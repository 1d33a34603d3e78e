// Pure parts of keyboard navigation (lib/page/core/keyboard.ts).
import { describe, expect, it } from 'vitest';
import { firstAtOrBelow, SHORTCUTS, stepIndex } from '../../lib/page/core/keyboard';

describe('keyboard navigation steps', () => {
  it('starts from the first mark at or below the viewport top', () => {
    expect(stepIndex(5, -1, 1, 2)).toBe(2);
    expect(stepIndex(5, -1, -1, 2)).toBe(1);
    expect(stepIndex(5, -1, 1, 5)).toBe(0); // all above: wrap to the first
    expect(stepIndex(5, -1, -1, 0)).toBe(4); // previous from the top: the last
  });

  it('moves one step and wraps around both ends', () => {
    expect(stepIndex(3, 0, 1, 0)).toBe(1);
    expect(stepIndex(3, 2, 1, 0)).toBe(0);
    expect(stepIndex(3, 0, -1, 0)).toBe(2);
    expect(stepIndex(0, -1, 1, 0)).toBe(-1);
  });

  it('finds the first item at or below a position by binary search', () => {
    const tops = [-300, -10, 0, 40, 900];
    expect(firstAtOrBelow(tops, (t) => t, 0)).toBe(2);
    expect(firstAtOrBelow(tops, (t) => t, 1000)).toBe(5);
    expect(firstAtOrBelow(tops, (t) => t, -1000)).toBe(0);
  });

  it('documents its shortcuts', () => {
    expect(SHORTCUTS.next.label).toBe('Alt+Shift+N');
    expect(SHORTCUTS.previous.label).toBe('Alt+Shift+P');
  });
});
