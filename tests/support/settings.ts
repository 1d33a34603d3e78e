// A reader's settings that differ from the defaults in every preference (the
// site lists are each test's own): for tests that a change is kept or applied.
export const CHANGED_PREFERENCES = {
  entityTypes: ['person', 'place'],
  highlightStyle: 'background',
  markMode: 'first',
  hoverDelayMs: 900,
  trigger: 'click',
  showCaveats: false,
  theme: 'dark',
} as const;
