// The first-run page (issue #16): a marked paragraph and the card one of its
// names opens, what the two mark styles mean, the keyboard, how hover and
// click behave, and how to turn Backstory off on a site. Pure props.
import { CardPopover } from '../card/CardPopover';
import { CARD_CSS } from '../card/styles';
import { pageText } from '../../lib/shared/page-claims';
import type { EntityCard } from '../../lib/kb/card';
import { MarkLegend, Shortcuts } from '../popup/Legend';

/** The name whose card the page shows (a KB entity the sample paragraph repeats a caveated claim about). */
export const WELCOME_ENTITY = 'shahed-136';

/** The sample paragraph: the repeated claim is a report's sentence, so its caveat applies. */
export const SAMPLE = {
  before: 'According to a Bloomberg report, officials who requested anonymity stated that Chinese and Russian companies engaged in discussions last year about collaborating on copying Iran’s ',
  caveated: 'Shahed drone',
  middle: '. The talks came as ',
  quiet: 'Moscow',
  after: ' stepped up its drone attacks on Ukraine’s power grid.',
};

export interface WelcomeProps {
  /** The sample card: undefined while loading, null when the KB is not ready. */
  card: EntityCard | null | undefined;
  dark: boolean;
  onOptions: () => void;
}

export function Welcome({ card, dark, onOptions }: WelcomeProps) {
  const text = SAMPLE.before + SAMPLE.caveated + SAMPLE.middle + SAMPLE.quiet + SAMPLE.after;
  return (
    <main class="wl">
      <header class="wl-head">
        <span class="bp-logo" aria-hidden="true">
          B
        </span>
        <h1>Welcome to Backstory</h1>
      </header>
      <p class="wl-lead">
        Backstory marks people, places and organisations that its news reports know about, and shows what those reports say: who or what it is, how well a fact is
        supported, and whose doubts there are. It reads pages on your computer; nothing is sent anywhere.
      </p>

      <section class="wl-demo" aria-label="An example">
        <p class="wl-article" data-testid="sample-paragraph">
          {SAMPLE.before}
          <span class="wl-mark-caveat">{SAMPLE.caveated}</span>
          {SAMPLE.middle}
          <span class="wl-mark">{SAMPLE.quiet}</span>
          {SAMPLE.after}
        </p>
        <div class="wl-card" data-testid="sample-card">
          <style>{CARD_CSS}</style>
          {card ? (
            <div class="bs-popover">
              <CardPopover state={{ kind: 'entity', card, mention: null }} titleId="wl-card-title" theme={dark ? 'dark' : 'light'} showCaveats page={pageText([text])} />
            </div>
          ) : (
            <p class="wl-fine">{card === null ? 'The sample card appears once Backstory has loaded its reports.' : 'Loading the sample card…'}</p>
          )}
        </div>
      </section>

      <section>
        <h2>The two marks</h2>
        <MarkLegend />
        <p class="wl-fine">
          Only the first mention of each name in the article is marked; very common places (the country a story is about, “Moscow said”) are left plain. Settings can mark
          every mention, or none, per kind of name.
        </p>
      </section>

      <section>
        <h2>Opening a card</h2>
        <ul class="wl-list">
          <li>Rest the pointer on a marked name: the card opens after a short pause, and closes when you move away.</li>
          <li>Click a name to pin its card open. Esc closes it, and focus goes back where it was.</li>
          <li>“More in the side panel” shows everything: every fact with its quotes, every caveat and whose it is.</li>
        </ul>
        <h3>From the keyboard</h3>
        <Shortcuts />
      </section>

      <section>
        <h2>Turning it off</h2>
        <p>
          Click the Backstory button in the toolbar: the first switch turns it off on the site you are on, and it stays off there. The second turns it off everywhere.
          Sites can also be listed in the{' '}
          <button type="button" class="wl-link" onClick={onOptions}>
            settings
          </button>
          .
        </p>
      </section>
    </main>
  );
}
