// A page object for a news page with Backstory running: open it, wait for the
// content script, hover a name, and read the marks and the card through the
// debug channel (`globalThis.__backstory` in the content script's own JS
// world: lib/page/core/app.ts, lib/page/core/debug.ts; the debug build carries it).
import type { Locator, Page } from 'playwright-core';
import type { MarkRecord } from '../../lib/page/core/app';
import type { DebugEvent } from '../../lib/page/core/debug';
import { pointAtInPage } from './browser';
import { inContentWorld, ready } from './content-world';

/** One mark, as the content script reports it. */
export type DebugMark = MarkRecord;

/** One event of the content script's debug timeline (hover intent, pointer, card paint). */
export type TimelineEvent = DebugEvent;

export class ReaderPage {
  constructor(readonly page: Page) {}

  /** Open `url` and wait until Backstory has read the page. */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.ready();
  }

  /** Wait until the content script runs and has finished reading the page. */
  ready(): Promise<void> {
    return ready(this.page);
  }

  /** Evaluate `expression` in the content script's world (e.g. '__backstory.stats()'). */
  debug<T>(expression: string): Promise<T> {
    return inContentWorld<T>(this.page, expression);
  }

  /** The marks, after the reader is idle. */
  async marks(): Promise<DebugMark[]> {
    await this.ready();
    return this.debug<DebugMark[]>('__backstory.marks()');
  }

  /** The card the content script has open, or null. */
  card(): Promise<{ text: string; entity: string | null; pinned: boolean } | null> {
    return this.debug('__backstory.card()');
  }

  /** The timeline's events (from index `since`). */
  timeline(since = 0): Promise<TimelineEvent[]> {
    return this.debug<TimelineEvent[]>(`__backstory.timeline(${since})`);
  }

  /** The card's dialog in our UI. */
  get dialog(): Locator {
    return this.page.locator('backstory-ui').locator('[role=dialog]');
  }

  /** Scroll the `nth` occurrence of `text` (inside `scope`) into view and return the centre of its first letters. */
  pointAt(text: string, scope = 'body', nth = 0): Promise<{ x: number; y: number }> {
    return this.page.evaluate(pointAtInPage, { text, scope, nth });
  }

  /** Rest the pointer on `text` and wait for its card's dialog. */
  async hover(text: string, scope = 'body'): Promise<Locator> {
    const p = await this.pointAt(text, scope);
    await this.page.mouse.move(p.x, p.y);
    await this.dialog.waitFor({ timeout: 15_000 });
    return this.dialog;
  }
}
