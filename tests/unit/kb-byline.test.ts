// Who published a report, read from its byline (lib/kb/extract/meta.ts): a
// comma byline names its outlet only when the middle part reads as an outlet's
// name; a role or a place there is not a publisher, and the report then gets
// the "Publisher unknown" caveat rather than a made-up publisher.
import { describe, expect, it } from 'vitest';
import { metaFromText } from '../../lib/kb/extract/meta';

const withByline = (line: string) => metaFromText('900_x', `A headline\n\n${line}\n\nThe body says something.`);

describe('publisher from a comma byline', () => {
  it('an outlet between the writer and the date is the publisher, and says where it was read', () => {
    const m = withByline('By Mina Park, Harbour Wire, 2 May 2026');
    expect(m.publisher).toBe('Harbour Wire');
    expect(m.publisherReason).toBe('The byline names it: “By Mina Park, Harbour Wire, 2 May 2026”');
    expect(withByline('By Ana Ruiz, AFP, May 2, 2026').publisher).toBe('AFP');
    expect(withByline('By Ana Ruiz, The Coastal Times, 2 May 2026').publisher).toBe('The Coastal Times');
  });

  it('a role or a place in that slot is not a publisher', () => {
    expect(withByline('By Mina Park, Staff Writer, 2 May 2026').publisher).toBe('unknown');
    expect(withByline('By Mina Park, Seoul, 2 May 2026').publisher).toBe('unknown');
  });

  it('the pipe byline still reads as before', () => {
    expect(withByline('By Ana Ruiz | The Ledger | 2 May 2026').publisher).toBe('The Ledger');
  });
});
