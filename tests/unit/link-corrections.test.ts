// "Not this": the reader's corrections, per site and per surface, applied to
// the linker's output at once; undo brings the link back; stored data that is
// damaged loses only the damaged entries.
import { describe, expect, it } from 'vitest';
import { addCorrection, applyCorrections, EMPTY_CORRECTIONS, foldSurface, parseCorrections, removeCorrection, siteOf } from '../../lib/link/corrections';

const putin = { surface: 'Putin', entityId: 'vladimir-putin', candidates: ['vladimir-putin'] };
const putinCaps = { surface: 'PUTIN’S', entityId: 'vladimir-putin', candidates: ['vladimir-putin'] };
const moscow = { surface: 'Moscow', entityId: 'moscow', candidates: ['moscow'] };
const alder = { surface: 'Alder', entityId: null, candidates: ['alder-town', 'alder-corp'] };

describe('Not this', () => {
  it('drops that entity for those words on that site only, and undo brings it back', () => {
    const file = addCorrection(EMPTY_CORRECTIONS, { site: siteOf('https://www.example.com/news/1'), surface: 'Putin', entity: 'vladimir-putin', at: 1 });
    expect(applyCorrections([putin, moscow], file, 'example.com')).toEqual({ kept: [moscow], dropped: [putin] });
    // Another site keeps its marks.
    expect(applyCorrections([putin, moscow], file, 'other.org').kept).toEqual([putin, moscow]);
    // Other words for the same entity stay linked: the correction is per surface.
    expect(applyCorrections([{ ...putin, surface: 'Vladimir Putin' }], file, 'example.com').kept).toHaveLength(1);
    const undone = removeCorrection(file, { site: 'example.com', surface: 'PUTIN', entity: 'vladimir-putin' });
    expect(undone.corrections).toEqual([]);
    expect(applyCorrections([putin], undone, 'example.com').kept).toEqual([putin]);
  });

  it('matches the surface however the page writes it (case, curly apostrophe, soft hyphen, spaces)', () => {
    expect(foldSurface('PUTIN’S')).toBe("putin's");
    expect(foldSurface('Pu\u00adtin\u00a0 ')).toBe('putin');
    const file = addCorrection(EMPTY_CORRECTIONS, { site: 'example.com', surface: "Putin's", entity: 'vladimir-putin', at: 1 });
    expect(applyCorrections([putinCaps], file, 'example.com').dropped).toEqual([putinCaps]);
  });

  it('an ambiguous mention loses the rejected candidate and goes when none is left; saying it twice keeps one entry', () => {
    let file = addCorrection(EMPTY_CORRECTIONS, { site: 'example.com', surface: 'Alder', entity: 'alder-corp', at: 1 });
    file = addCorrection(file, { site: 'example.com', surface: 'alder', entity: 'alder-corp', at: 2 });
    expect(file.corrections).toEqual([{ site: 'example.com', surface: 'alder', entity: 'alder-corp', at: 2 }]);
    expect(applyCorrections([alder], file, 'example.com').kept).toEqual([{ ...alder, candidates: ['alder-town'] }]);
    file = addCorrection(file, { site: 'example.com', surface: 'Alder', entity: 'alder-town', at: 3 });
    expect(applyCorrections([alder], file, 'example.com')).toEqual({ kept: [], dropped: [alder] });
  });

  it('reads stored corrections, keeping the valid entries and naming the bad ones; never throws', () => {
    const good = { site: 'example.com', surface: 'putin', entity: 'vladimir-putin', at: 5 };
    const { file, errors } = parseCorrections({ version: 1, corrections: [good, { site: '', surface: 'x', entity: 'y', at: 1 }, 'junk'] });
    expect(file.corrections).toEqual([good]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^correction 1: site/);
    expect(parseCorrections('nonsense')).toEqual({ file: EMPTY_CORRECTIONS, errors: [expect.stringMatching(/not a version-1 corrections list/)] });
    expect(parseCorrections(undefined)).toEqual({ file: EMPTY_CORRECTIONS, errors: [] });
    expect(siteOf('not a url')).toBe('');
  });
});
