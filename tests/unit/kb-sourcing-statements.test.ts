// Refusals to comment and hedges in the shapes real reports use (#15), on
// reports written for this test; and what is not one: "declined to be named"
// is anonymity, a hedge in a named source's own quoted words is theirs, and a
// hedge on the very text an unnamed source's caveat covers is one caveat, not two.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('no comment', () => {
  const text = report(
    'Hospital parking contract under review',
    'GHENT, March 3 (Scheldt Post) - The city hospital of Ghent is reviewing its parking contract after fees doubled, its board said on Monday.',
    'The operator, ParkLine, did not comment on the fee rise. The health department does not comment on contracts under review. The mayor would not comment while the audit was under way.',
    'ParkLine’s owner did not respond to phone calls and text messages. The board chair did not respond to Scheldt Post when asked about the audit. A former manager did not return calls. The auditor could not be reached.',
    'A nurse, who declined to be named, said staff now pay more than patients.',
  );
  const found = caveatsOf(text);

  it.each([
    'did not comment on the fee rise',
    'does not comment on contracts under review',
    'would not comment while the audit was under way',
    'did not respond to phone calls and text messages',
    'did not respond to Scheldt Post when asked',
    'did not return calls',
    'could not be reached',
  ])('flags “%s” as no comment', (words) => {
    expect(at(found, text, 'no-comment', words)).toHaveLength(1);
  });

  it('reads “declined to be named” as anonymity, not as a refusal to comment', () => {
    expect(at(found, text, 'no-comment', 'declined to be named')).toEqual([]);
    expect(at(found, text, 'anonymous-source', 'who declined to be named')).toHaveLength(1);
  });
});

describe('hedges', () => {
  const text = report(
    'Mine flooding: pumps failed',
    'KATOWICE, Oct 9 (Silesia Wire) - Water flooded the lower levels of the Bielsko coal mine on Sunday, the mine’s operator said.',
    'The operator is reported to have delayed the evacuation by an hour. Early readings appeared to show a pump failure. The pumps were supposedly replaced last year. The operator gives its own pump logs, but its figures could not be checked.',
    '"Some shafts may stay closed for weeks," said Anna Kowal, the operator’s safety director. "We cannot rule anything out," she added.',
    'Local miners say the pumps were old and may have been failing for months.',
  );
  const found = caveatsOf(text);

  it.each(['is reported to have delayed the evacuation', 'appeared to show a pump failure', 'supposedly replaced', 'its figures could not be checked'])('flags “%s” as hedged', (words) => {
    expect(at(found, text, 'hedged', words)).toHaveLength(1);
  });

  it('does not flag a hedge inside a named source’s own quoted words', () => {
    expect(at(found, text, 'hedged', 'Some shafts may stay closed')).toEqual([]);
  });

  it('folds a hedge on an unnamed source’s text into that one caveat', () => {
    expect(at(found, text, 'hedged', 'may have been failing for months')).toEqual([]);
    const anon = at(found, text, 'anonymous-source', 'Local miners say');
    expect(anon).toHaveLength(1);
    expect(anon[0]!.explanation).toContain('hedged as well');
  });

  it('keeps a hedge in a clause of its own next to an unnamed source', () => {
    const t = report('Dam release', 'A dam upstream may have released water at night, some farmers said.');
    const f = caveatsOf(t);
    expect(at(f, t, 'hedged', 'may have released water')).toHaveLength(1);
    expect(at(f, t, 'anonymous-source', 'some farmers said')).toHaveLength(1);
  });
});

describe('a quotation standing alone after its speaker', () => {
  it('reads “We may need another week.” after “…, she told reporters.” as her words, not the report’s doubt', () => {
    const t = report('Vote delayed', 'Senator Rosa Quint said the delay would be short. "The bill is nearly ready," she told reporters. "We may need another week."');
    expect(at(caveatsOf(t), t, 'hedged', 'We may need another week')).toEqual([]);
  });
});
