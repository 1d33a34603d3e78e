// A titled section of a card.
import type { ComponentChildren } from 'preact';

export function Section({ title, count, children }: { title: string; count?: number; children: ComponentChildren }) {
  return (
    <section class="bs-section">
      <h3 class="bs-h3">
        {title}
        {count !== undefined ? <span class="bs-h3-count">{count}</span> : null}
      </h3>
      {children}
    </section>
  );
}
