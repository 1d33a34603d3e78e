// A titled section of a card.
import type { ComponentChildren, Ref } from 'preact';

export function Section({ title, count, children, sectionRef }: { title: string; count?: number; children: ComponentChildren; sectionRef?: Ref<HTMLElement> }) {
  return (
    <section class="bs-section" ref={sectionRef}>
      <h3 class="bs-h3">
        {title}
        {count !== undefined ? <span class="bs-h3-count">{count}</span> : null}
      </h3>
      {children}
    </section>
  );
}
