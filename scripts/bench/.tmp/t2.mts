import { Window } from 'happy-dom';
import { generatePage, syntheticAliases } from '/work/main/scripts/bench/gen';
import { compileMatcher, hydrateMatcher } from '/work/main/lib/match/compile';
import { collectTextBlocks } from '/work/main/lib/page/text-blocks';
import { spotBlocks } from '/work/main/lib/page/spot';
import { scan } from '/work/main/lib/match/scan';
const syn = syntheticAliases(1000);
const pool = syn.slice(0,100).filter(a=>!a.needsContext).map(a=>a.text);
const page = generatePage({ chars: 20*1024, synthetic: pool, real: [], density: 600, seed: 20480 });
const m = hydrateMatcher(compileMatcher(syn.slice(0,100)));
const window = new Window();
const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
const blocks = collectTextBlocks(doc.body, doc);
const found = spotBlocks(m, blocks);
console.log('injected', page.injected, 'found', found.length);
// raw scan over the whole text
const all = blocks.map(b=>b.text).join('\n');
console.log('raw', scan(m, all).length);
// count occurrences of pool aliases in text
let occ = 0; for (const a of pool) { let i=-1; while((i=all.indexOf(a,i+1))>=0) occ++; }
console.log('occurrences', occ);
for (const a of pool.slice(0,10)) { const hits = all.split(a).length-1; const f = found.filter(x=>x.surface===a).length; if (hits!==f) console.log(a, hits, f); }
