// Plain words for the linker's decisions: the card's "Why this link" line, the
// panel's "Not linked" reasons, the CLI. Not in the content script (the
// linker there yields codes; the card chunk and the panel render them).
import type { Matcher } from '../match/compile';
import type { Mention } from '../match/types';
import type { Rejected } from './linker';

/** The KB's display name of an entity (its id when the matcher carries no names). */
export function nameOf(matcher: Matcher, id: string): string {
  const i = matcher.compiled.entities.indexOf(id);
  return (i >= 0 && matcher.compiled.link?.names[i]) || id;
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** One plain line: why this mention is linked ("Full name on this page"). */
export function whyLinked(matcher: Matcher, m: Pick<Mention, 'entityId' | 'candidates' | 'why' | 'alternatives'>): string {
  if (m.entityId === null) return `Could be ${list(m.candidates.map((id) => nameOf(matcher, id)))}: the page does not say which`;
  const [code, ...args] = m.why ?? ['named'];
  const name = nameOf(matcher, m.entityId);
  const line = ((): string => {
    switch (code) {
      case 'full':
        return 'Full name on this page';
      case 'short':
        return `Short for ${name}, named earlier on this page`;
      case 'title':
        return `Introduced with a title: “${args[0]}”`;
      case 'bracket':
        return `${name}’s full name is on this page, split by brackets`;
      case 'related':
        return `Linked because the page also mentions ${list(args.map((id) => nameOf(matcher, id)))}`;
      case 'headline':
        return `The page title names ${name}`;
      case 'words':
        return `The words around it are about ${name}’s world`;
      case 'again':
        return `${name} is linked earlier on this page`;
      case 'dateline':
        return `The dateline: the story was filed in ${name}`;
      case 'qualifier':
        return `“${args[0]}” names ${name}`;
      default:
        return 'Named on this page';
    }
  })();
  return m.alternatives?.length ? `${line} (not ${list(m.alternatives.map((id) => nameOf(matcher, id)))})` : line;
}

/** One plain line: why this candidate is not linked ("Could be another Washington: …"). */
export function whyNotLinked(matcher: Matcher, r: Rejected): string {
  const id = r.candidates[0] ?? '';
  const name = nameOf(matcher, id);
  const other = r.name ?? '';
  switch (r.reason) {
    case 'case':
      return `Written “${r.surface}”: an ordinary word here, not the name ${name}`;
    case 'capitals':
      return `In text set in capitals, “${r.surface}” may be an ordinary word`;
    case 'longer-name':
      return `Part of a longer name, “${other}”`;
    case 'other-person':
      return `“${other}” is another person`;
    case 'other-place':
      return `“${other}” is another place`;
    case 'named-thing':
      return `“${other}” names something else, not ${name}`;
    case 'regnal-number':
      return `“${other}” is a regnal name, not ${name}`;
    case 'claimed':
      return matcher.compiled.entities.includes(other) ? `“${r.surface}” here is ${nameOf(matcher, other)}` : `“${r.surface}” here is most likely ${other}, named earlier on this page`;
    case 'no-introduction':
      return `“${r.surface}” alone: this page never introduces ${name}`;
    case 'corrected':
      return `You said “${r.surface}” on this site is not ${name} (undo in Backstory’s settings)`;
    case 'needs-context':
      return `“${r.surface}” alone: no other name from the KB near it`;
    default: {
      // 'no-context': a shared name with nothing of its world on the page.
      const i = matcher.compiled.entities.indexOf(id);
      const related = (matcher.compiled.link?.related[i] ?? []).slice(0, 2).map((k) => nameOf(matcher, matcher.compiled.entities[k]!));
      return `Could be another ${r.surface}: too little else on this page is about ${name}’s world${related.length ? ` (such as ${related.join(' or ')})` : ''}`;
    }
  }
}
