// The classes the second held-out set (tests/fixtures/reports-heldout-2: a port
// concession in Sudan, a Dutch press release, a Korean interview transcript, a
// republished US report, an undated Hanoi wire brief, a self-contradicting mine
// report, a Peruvian impeachment) showed missing, each checked on a short text
// of its own for what is found and what is not; then the issue's targets on
// that whole set (`npx tsx scripts/kb-eval.ts tests/fixtures/reports-heldout-2 --verbose`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReports } from '../../lib/kb/extract';
import { HeldoutLabels, scoreHeldout } from '../../lib/kb/extract/eval';
import { parseInputs } from '../../lib/kb/inputs';
import { sentenceSpans } from '../../lib/kb/text';
import { readDataFiles } from '../../scripts/read-data';

const known = parseInputs(readDataFiles());
const BYLINE = 'By Test Writer | Test Gazette | 2 March 2026';

function run(body: string, headline = 'A report written for this test', byline: string | null = BYLINE) {
  const text = `${headline}\n\n${byline ? `${byline}\n\n` : ''}${body}\n`;
  const { kb, result } = extractReports([{ file: 'test.txt', text }], known);
  const fresh = result.entities.filter((e) => e.kbId === null);
  return {
    text,
    kb,
    result,
    names: fresh.map((e) => e.name),
    entity: (n: string) => fresh.find((e) => e.name === n || e.aliases.includes(n)),
    caveats: (kind: string) => kb.caveats.filter((c) => c.kind === kind),
  };
}

describe('new names: shapes the first held-out set did not have', () => {
  it('reads an Arabic name with bin and al- as one person, and a title with the first name as its short form', () => {
    const r = run("The port was awarded to a consortium led by Sheikh Hamad bin Rashid al-Nuaimi, the ministry said. Sheikh Hamad's office declined to comment. Gen. Abdel Karim al-Tayeb approved it.");
    expect(r.entity('Hamad bin Rashid al-Nuaimi')).toMatchObject({ type: 'person', aliases: expect.arrayContaining(['Hamad']) });
    expect(r.entity('Abdel Karim al-Tayeb')?.type).toBe('person');
    expect(r.names).not.toContain('Hamad bin Rashid');
    expect(r.names).not.toContain('Abdel Karim');
  });

  it('a name followed by “, the X Ministry said” is not typed by that attribution', () => {
    const r = run('The deal went to a group led by Sheikh Omar bin Saleh al-Amin, the Transport Ministry said on Tuesday.');
    expect(r.entity('Omar bin Saleh al-Amin')?.type).toBe('person');
    expect(r.entity('Transport Ministry')?.type).toBe('organisation');
  });

  it('keeps initials and dotted legal forms inside a name', () => {
    const r = run('Rep. J.K. Alvarez asked questions. Helios Nederland B.V. today announced a panel, and the chief executive of Helios Nederland praised it.');
    expect(r.entity('J.K. Alvarez')?.type).toBe('person');
    expect(r.entity('Helios Nederland B.V.')).toMatchObject({ type: 'organisation', aliases: expect.arrayContaining(['Helios Nederland']) });
    expect(r.names).not.toContain('Alvarez');
    expect(r.result.entities.filter((e) => e.type === 'person').map((e) => e.name)).not.toContain('Helios Nederland');
  });

  it('reads a title that opens a run, and a double surname as the short form of the full name', () => {
    const r = run('Congress opened an inquiry into Defence Minister Jorge Luis Castañeda Villanueva on Thursday. Castañeda Villanueva denied any wrongdoing.');
    expect(r.entity('Jorge Luis Castañeda Villanueva')).toMatchObject({ type: 'person', aliases: expect.arrayContaining(['Castañeda Villanueva']) });
    expect(r.names).not.toContain('Defence');
    expect(r.names).not.toContain('Castañeda Villanueva');
  });

  it('takes an acronym defined in parentheses as the organisation’s short form, whatever its letters', () => {
    const r = run('HANOI - Vietnam Electricity (EVN) said on Friday that demand was to blame. EVN denied mismanagement. Gen. Raúl Benavides, the head of the Joint Command of the Armed Forces (CCFFAA), said the army asked for it.');
    expect(r.entity('Vietnam Electricity')).toMatchObject({ type: 'organisation', aliases: expect.arrayContaining(['EVN']) });
    expect(r.entity('Joint Command of the Armed Forces')).toMatchObject({ type: 'organisation', aliases: expect.arrayContaining(['CCFFAA']) });
    expect(r.names).not.toContain('Joint Command');
    expect(r.names).not.toContain('EVN');
  });

  it('reads a lower-case role noun, or “, who”, before a four-word name as a person', () => {
    const r = run('Opposition lawmaker María José Quispe Huamán said the vehicles cost twice the market price. Later, Ana Lucía Torres Prado, who runs a shop, agreed.');
    expect(r.entity('María José Quispe Huamán')?.type).toBe('person');
    expect(r.entity('Ana Lucía Torres Prado')?.type).toBe('person');
  });

  it('splits “X of <city>” into the organisation and the place, but keeps a national body whole', () => {
    const r = run('The cargo plane was operated by Northstar Air Cargo of Saint Paul, Minnesota. The Football Association of Serbia said nothing.');
    expect(r.entity('Northstar Air Cargo')?.type).toBe('organisation');
    expect(r.entity('Saint Paul')?.type).toBe('place');
    expect(r.entity('Minnesota')?.type).toBe('place');
    expect(r.entity('Football Association of Serbia')?.type).toBe('organisation');
    expect(r.names).not.toContain('Northstar Air Cargo of Saint Paul');
  });

  it('knows countries that stand alone, and a possessive of a state institution as a place', () => {
    const r = run("LIMA - Peru's Congress voted on Thursday. Sudan's transitional government awarded the Sudan Ports Corporation (SPC) a contract, and a pilot site near Saint-Omer in northern France was used.", 'Vote in Congress');
    expect(r.entity('Peru')?.type).toBe('place');
    expect(r.entity('Congress')?.type).toBe('organisation');
    expect(r.entity('Sudan')?.type).toBe('place');
    expect(r.entity('France')?.type).toBe('place');
    expect(r.entity('Sudan Ports Corporation')?.aliases).not.toContain('Sudan');
    expect(r.names).not.toContain("Peru's Congress");
  });

  it('takes a known name in a capitalised dateline as the known name, not a new one', () => {
    const r = run('WASHINGTON - Two senators demanded answers from the Federal Aviation Administration (FAA) on Monday.');
    expect(r.names).not.toContain('WASHINGTON');
    expect(r.entity('Federal Aviation Administration')?.aliases).toContain('FAA');
  });

  it('types a single word that speaks as a body mid-sentence as an organisation, and a surname as its person', () => {
    const r = run('The platform froze withdrawals in 2024, and on Monday Lumen said it would cooperate. Investors sued Marta Quintela, the founder, and on Tuesday Quintela said she would fight the case.');
    expect(r.entity('Lumen')?.type).toBe('organisation');
    expect(r.entity('Marta Quintela')).toMatchObject({ type: 'person', aliases: expect.arrayContaining(['Quintela']) });
    expect(r.result.entities.filter((e) => e.type === 'organisation').map((e) => e.name)).not.toContain('Quintela');
  });

  it('reads "Shares of X" as X, a foreign bank word as an organisation, and an acronym that restores a trimmed first word', () => {
    const r = run("Shares of Minera Andina fell 3%, analysts at Banco Pacífico said. Rivals in the All Progressives Congress (APC) objected, and the Economic and Financial Crimes Commission (EFCC) opened an inquiry.");
    expect(r.entity('Minera Andina')?.type).toBe('organisation');
    expect(r.entity('Banco Pacífico')?.type).toBe('organisation');
    expect(r.entity('All Progressives Congress')).toMatchObject({ type: 'organisation', aliases: expect.arrayContaining(['APC']) });
    expect(r.names).not.toContain('Shares of Minera Andina');
    expect(r.names).not.toContain('Progressives Congress');
    // "Financial Crimes" inside a longer name is not a misspelling of a known outlet's name.
    expect(r.caveats('misspelling')).toEqual([]);
  });

  it('reads a British byline and dateline: a writer with a role, "Sir", an abbreviated month, no time zone as a name', () => {
    const r = run('Ministers were accused of hiding a report on defences in Hull and Great Yarmouth. Sir Michael O\'Brien, who chaired the review, confirmed the findings.', 'Ministers accused of hiding report', 'Helen McCarthy-Boateng Political correspondent\nThu 4 Sep 2025 18.02 BST');
    expect(r.entity('Helen McCarthy-Boateng')?.type).toBe('person');
    expect(r.entity('Michael O\'Brien')?.type).toBe('person');
    expect(r.entity('Great Yarmouth')?.type).toBe('place');
    expect(r.result.reports[0]!.date).toBe('2025-09-04');
    expect(r.names).not.toContain('BST');
    expect(r.names).not.toContain('Sir Michael O\'Brien');
    expect(r.names).not.toContain('Helen McCarthy-Boateng Political');
  });

  it('joins “Department for X” into one organisation and gives no other organisation its words', () => {
    const r = run('The Environment Agency commissioned the report. Officials at the Department for Environment raised concerns.');
    expect(r.entity('Department for Environment')?.type).toBe('organisation');
    expect(r.entity('Environment Agency')?.aliases).toEqual(['Environment Agency']);
    expect(r.names).not.toContain('Department');
  });

  it('reads an acronym opening a name as an organisation, "Prof" as a title, a school as an organisation, and no disease as a weapon', () => {
    const r = run('Hospitals across England are preparing for winter, NHS England said on Thursday, as Covid-19 cases rise. Prof Sarah Okafor-Lindqvist, of the London School of Hygiene and Tropical Medicine, said the season started early.');
    expect(r.entity('NHS England')?.type).toBe('organisation');
    expect(r.entity('England')?.type).toBe('place');
    expect(r.entity('Sarah Okafor-Lindqvist')?.type).toBe('person');
    expect(r.entity('London School of Hygiene and Tropical Medicine')?.type).toBe('organisation');
    expect(r.names).not.toContain('Covid-19');
    expect(r.names).not.toContain('Prof Sarah Okafor-Lindqvist');
  });

  it('reads brands, names joined by “&”, a title word inside a spelled-out acronym, and an airshow as an event', () => {
    const r = run('IndiGo Connect grounded six jets on Thursday. The Directorate General of Civil Aviation (DGCA) said it was examining the matter, and engine maker Pratt & Whitney said it was working with the carrier before the Farnborough Airshow. Its chief executive, Rahul McCarthy, said safety came first.');
    expect(r.entity('IndiGo Connect')?.type).toBe('organisation');
    expect(r.entity('Directorate General of Civil Aviation')).toMatchObject({ type: 'organisation', aliases: expect.arrayContaining(['DGCA']) });
    expect(r.entity('Pratt & Whitney')?.type).toBe('organisation');
    expect(r.entity('Farnborough Airshow')?.type).toBe('event');
    expect(r.entity('Rahul McCarthy')?.type).toBe('person');
    expect(r.names).not.toContain('Directorate');
    expect(r.names).not.toContain('Whitney');
  });

  it('reads military titles, an acronym before “summit” as the body, and no organisation’s first word where it only describes', () => {
    const r = run('A Chinese vessel collided with a Philippine supply boat on Tuesday, the Philippine Coast Guard said. Commodore Jay Tarriela-Bautista, a spokesman for the Philippine Coast Guard, said the ship rammed the boat. The issue will be raised at the ASEAN summit.');
    expect(r.entity('Philippine Coast Guard')?.aliases).toEqual(['Philippine Coast Guard']);
    expect(r.entity('Jay Tarriela-Bautista')?.type).toBe('person');
    expect(r.entity('ASEAN')?.type).toBe('organisation');
    // The spokesman is named: the apposition is no anonymous source.
    expect(r.caveats('anonymous-source')).toEqual([]);
  });

  it('types a word that does not answer a request for comment as a body, an outlet told something as an organisation, a place “through” X', () => {
    const r = run('Mediators will meet delegations from Hamas and Israel in Doha on Wednesday. Sheikh Mohammed bin Abdulrahman Al Thani told Al Jazeera that a deal was close. Hamas did not respond to a request for comment. Weapons went to the group through Abu Dhabi.');
    expect(r.entity('Hamas')?.type).toBe('organisation');
    expect(r.entity('Al Jazeera')?.type).toBe('organisation');
    expect(r.entity('Abu Dhabi')?.type).toBe('place');
    expect(r.entity('Mohammed bin Abdulrahman Al Thani')?.type).toBe('person');
    expect(r.entity('Israel')?.type).toBe('place');
  });

  it('reads US titles (Attorney General, U.S. District Judge), “The Justice Department”, and no type word opening a sentence as a name', () => {
    const r = run('AUSTIN, Texas — U.S. District Judge Elena Ramírez-Whitcomb blocked the law. Texas Attorney General Warren K. Pruitt said the state would appeal. The Justice Department declined to comment. Election officials in Harris County, who spoke on the condition that they not be named, said ballots were printed.');
    expect(r.entity('Warren K. Pruitt')?.type).toBe('person');
    expect(r.entity('Elena Ramírez-Whitcomb')?.type).toBe('person');
    expect(r.entity('Texas')?.type).toBe('place');
    expect(r.entity('Justice Department')?.type).toBe('organisation');
    expect(r.names).not.toContain('Texas Attorney');
    expect(r.names).not.toContain('Department');
    expect(r.names).not.toContain('Election');
    expect(r.caveats('anonymous-source').map((c) => c.quote)).toEqual([expect.stringContaining('on the condition that they not be named')]);
  });

  it('reads French names with d’ and de La, a short form opening a sentence, and “Le Monde” as an outlet', () => {
    const r = run("Labour Minister Hélène d'Aubigny resigned on Monday, dealing a blow to Prime Minister François-Xavier de La Roche. According to Le Monde, d'Aubigny had threatened to quit before. Her office did not respond to requests for comment. De La Roche told lawmakers the reform would go ahead.");
    expect(r.entity("Hélène d'Aubigny")).toMatchObject({ type: 'person', aliases: expect.arrayContaining(["d'Aubigny"]) });
    expect(r.entity('François-Xavier de La Roche')?.aliases).toContain('De La Roche');
    expect(r.entity('Le Monde')?.type).toBe('organisation');
    expect(r.names).not.toContain('Hélène');
    expect(r.names).not.toContain('De La Roche');
    expect(r.caveats('no-comment').flatMap((c) => c.entities.map((id) => r.kb.entities.find((e) => e.id === id)?.name))).toEqual(["Hélène d'Aubigny"]);
  });

  it('merges a transcript’s speaker labels with the speakers, and gives each turn to its speaker', () => {
    const r = run('The interview with Lee Soo-jin, a fellow at the Korea Development Institute (KDI), was conducted by Mark Jensen in Seoul.\n\nJENSEN: How serious is this?\n\nLEE: It is the most serious problem we face. Our projections at KDI show the workforce shrinking by a third.', 'Transcript: an economist on the workforce');
    expect(r.entity('Lee Soo-jin')?.aliases).toContain('LEE');
    expect(r.entity('Mark Jensen')?.aliases).toContain('JENSEN');
    expect(r.names).not.toContain('LEE');
    const second = r.result.claims.find((c) => c.quote.startsWith('Our projections'));
    expect(second?.speaker).toMatchObject({ kind: 'named', name: 'Lee Soo-jin' });
  });
});

describe('sentences', () => {
  it('do not end at a title or an initial, only at a real full stop', () => {
    const text = 'In a letter, Sen. Margaret Reyes and Sen. Thomas J. Whitaker said the agency ignored warnings. Rep. Choi spoke next. It ended at No. 2 mine.';
    const spans = sentenceSpans(text).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(['In a letter, Sen. Margaret Reyes and Sen. Thomas J. Whitaker said the agency ignored warnings.', 'Rep. Choi spoke next.', 'It ended at No. 2 mine.']);
  });
});

describe('caveats: classes the first held-out set did not have', () => {
  it('flags unnamed groups with a place or “there” between noun and verb, and more group nouns', () => {
    const r = run('Officials there told me privately that they doubt it. Factory owners in the Dinh Vu industrial zone said they had no warning. Rep. Alvarez said controllers had told her office the tower was understaffed.');
    const quotes = r.caveats('anonymous-source').map((c) => c.quote);
    expect(quotes).toEqual(expect.arrayContaining(['Officials there told', 'Factory owners in the Dinh Vu industrial zone said', 'controllers had told']));
  });

  it('does not flag a group whose employer is named, nor a named speaker', () => {
    const r = run('Analysts at Bloomberg Intelligence estimate the cost at $250 million. Tran Thi Mai said she lost three days of production.');
    expect(r.caveats('anonymous-source')).toEqual([]);
  });

  it('keeps the plural of “according to two … aides” and what follows it', () => {
    const r = run('According to two congressional aides who were not authorised to speak publicly, auditors found irregularities.');
    expect(r.caveats('anonymous-source').map((c) => c.quote)).toContain('According to two congressional aides who were not authorised to speak publicly');
  });

  it('reads “is also said to”, “is understood to” as hearsay, and a plain “said” as none', () => {
    const r = run('The minister is also said to be under investigation. The deal is understood to be worth $5 million. The minister said he would appear.');
    const hedged = r.caveats('hedged').map((c) => c.quote);
    expect(hedged.some((q) => q.includes('is also said to'))).toBe(true);
    expect(hedged.some((q) => q.includes('is understood to'))).toBe(true);
    expect(hedged.some((q) => q.includes('said he would appear'))).toBe(false);
  });

  it('flags “This article was originally published by …” as republished, once, naming the outlet', () => {
    const r = run('This article was originally published by the Cape Standard and is republished here with permission.\n\nWASHINGTON - Two senators demanded answers on Monday.');
    const rep = r.caveats('republished');
    expect(rep).toHaveLength(1);
    expect(rep[0]!.explanation).toContain('Cape Standard');
    expect(rep[0]!.explanation).not.toContain('permission');
    expect(run('The senators said the article was published by the agency last year.').caveats('republished')).toEqual([]);
  });

  it('flags a press release once, as the publisher’s own account resting on its self-praise', () => {
    const r = run(
      'EINDHOVEN - Helios Nederland B.V. today announced a panel.\n\n"No competitor comes close to its performance," said Annelies van der Berg, chief executive.\n\nAbout Helios Nederland\nHelios Nederland B.V. is a leading manufacturer of solar panels.',
      'Helios Nederland unveils a solar panel',
      'PRESS RELEASE | Helios Nederland B.V. | 3 March 2026',
    );
    expect(r.result.reports[0]!.publisher).toBe('Helios Nederland B.V.');
    const own = r.kb.caveats.filter((c) => c.rule === 'own-release');
    expect(own).toHaveLength(1);
    const evidence = own[0]!.appearances.map((a) => a.quote).join(' | ');
    expect(evidence).toContain('No competitor comes close');
    expect(evidence).toContain('is a leading manufacturer');
    expect(r.names).not.toContain('PRESS RELEASE');
    // A news report that mentions a press release is not one.
    expect(run('The company said in a press release that the panel was the best on the market.').kb.caveats.filter((c) => c.rule === 'own-release')).toEqual([]);
  });

  it('reads a wire-distributed press release: the label is not the headline, the dateline gives the date, the issuer is the publisher', () => {
    const text = 'FOR IMMEDIATE RELEASE\n\nNordvik Batteries opens Europe\'s largest cell plant\n\nSKELLEFTEÅ, Sweden, May 5, 2026 /PRNewswire/ -- Nordvik Batteries AB today opened the largest battery cell plant in Europe. "This is a world-leading facility," said CEO Ingrid Halvorsen-Berg.\n\nAbout Nordvik Batteries\nNordvik Batteries AB is the industry-leading maker of battery cells.\n';
    const { kb, result } = extractReports([{ file: 'pr.txt', text }], known);
    expect(result.reports[0]).toMatchObject({ title: "Nordvik Batteries opens Europe's largest cell plant", publisher: 'Nordvik Batteries', date: '2026-05-05' });
    const names = result.entities.filter((e) => e.kbId === null);
    expect(names.find((e) => e.name === 'Nordvik Batteries AB')).toMatchObject({ type: 'organisation', aliases: expect.arrayContaining(['Nordvik Batteries']) });
    expect(names.find((e) => e.name === 'Ingrid Halvorsen-Berg')?.type).toBe('person');
    expect(names.map((e) => e.name)).not.toContain('IMMEDIATE RELEASE');
    const own = kb.caveats.filter((c) => c.rule === 'own-release');
    expect(own).toHaveLength(1);
    expect(own[0]!.appearances.map((a) => a.quote).join(' ')).toContain('world-leading');
    expect(kb.caveats.map((c) => c.kind)).not.toContain('no-publisher');
  });

  it('reads “This article is republished from The Conversation” as republished, and not as a missing publisher', () => {
    const r = run('This article is republished from The Conversation under a Creative Commons license.\n\nCoral reefs off Queensland are bleaching faster than models predicted, according to a study led by Dr Hannah Whitfield-Ng.', 'Why coral reefs are bleaching', null);
    expect(r.caveats('republished')).toHaveLength(1);
    expect(r.caveats('no-publisher')).toEqual([]);
    expect(r.entity('Creative Commons')?.type).toBe('organisation');
  });

  it('flags an organisation praising its own product, not a third party praising it', () => {
    const own = run('Tecnoblindados do Brasil said in a statement that its vehicles were "the best value on the continent".');
    expect(own.caveats('self-serving').map((c) => c.quote).join(' ')).toContain('the best value on the continent');
    const other = run('Maria Souza, an analyst, said the vehicles sold by Tecnoblindados do Brasil were the best value on the continent.');
    expect(other.caveats('self-serving')).toEqual([]);
  });

  it('puts a denial by “a spokesman for X” on X, not on the person the sentence before was about', () => {
    const r = run('The concession went to Al Bahar Logistics, led by Sheikh Hamad bin Rashid al-Nuaimi. A spokesman for Al Bahar Logistics denied that the company had received any special treatment.');
    const denial = r.caveats('denial');
    expect(denial).toHaveLength(1);
    const about = denial[0]!.entities.map((id) => r.kb.entities.find((e) => e.id === id)?.name);
    expect(about).toEqual(['Al Bahar Logistics']);
  });

  it('flags a report that gives two different totals of the dead, not a bound or a part of the total', () => {
    const r = run('A gas explosion killed 12 miners on Wednesday, state media reported. Rescuers pulled 31 workers out alive. The nine miners who died were all from Hebei province.');
    const inconsistent = r.caveats('internal-inconsistency');
    expect(inconsistent).toHaveLength(1);
    expect(inconsistent[0]!.appearances.map((a) => a.quote)).toEqual(expect.arrayContaining(['The nine miners who died', 'killed 12 miners']));
    expect(run('A gas explosion killed at least 12 miners on Wednesday. Nine of the miners who died were from Hebei.').caveats('internal-inconsistency')).toEqual([]);
    expect(run('Floods killed 40 people in the north. In the south, 12 people died on Sunday, officials said, and the toll rose to 52 people killed.').caveats('internal-inconsistency')).toEqual([]);
  });

  it('puts “His office declined to comment” on the person named before, not on a transcript’s speaker', () => {
    const r = run('The interview was with Lee Soo-jin.\n\nJENSEN: Rep. Choi Dong-hyun said last week that immigration would hurt.\n\nLEE: He has said that many times. His office declined to comment on our research.');
    const refusal = r.caveats('no-comment');
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.entities.map((id) => r.kb.entities.find((e) => e.id === id)?.name)).toEqual(['Choi Dong-hyun']);
    expect(refusal[0]!.explanation).toContain('Choi Dong-hyun');
  });

  it('reads a wire’s “did not immediately respond to an email seeking comment” as no comment, on the company named before', () => {
    const r = run('Shares of Cobre Global Holdings fell 3%. A company spokesperson did not immediately respond to an email seeking comment.');
    const refusal = r.caveats('no-comment');
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.entities.map((id) => r.kb.entities.find((e) => e.id === id)?.name)).toEqual(['Cobre Global Holdings']);
    expect(run('The company responded to an email seeking comment with a statement.').caveats('no-comment')).toEqual([]);
  });

  it('puts a silence on the person who keeps it, not the country in the possessive before them', () => {
    const r = run("Nigeria's President Bola Tinubu has not commented on the case.");
    expect(r.caveats('no-comment').flatMap((c) => c.entities.map((id) => r.kb.entities.find((e) => e.id === id)?.name))).toEqual(['Bola Tinubu']);
  });

  it('reads “It is understood that” as hearsay and “the most generous in the industry” from the company itself as its own account', () => {
    const r = run('It is understood that investigators visited the offices on Monday. Minera Andina said in a statement that its offer was "the most generous in the industry".');
    expect(r.caveats('hedged').some((c) => c.quote.startsWith('It is understood that'))).toBe(true);
    expect(r.caveats('self-serving').map((c) => c.quote).join(' ')).toContain('the most generous in the industry');
  });

  it('reads “X denied this” as a denial by X', () => {
    const r = run('Two sources close to the agency said it had been shelved. Downing Street denied this, saying the report was still being finalised.');
    const denial = r.caveats('denial');
    expect(denial.map((c) => c.quote)).toEqual([expect.stringContaining('Downing Street denied this')]);
  });

  it('takes an institution’s spokesperson as on the record, and an unnamed official who asked not to be named as anonymous', () => {
    const onRecord = run('A government spokesperson said the report was still being finalised. A Treasury spokesman said no decision had been made.');
    expect(onRecord.caveats('anonymous-source')).toEqual([]);
    const anonymous = run('A senior official in the presidency, who asked not to be named, said the process would run its course.');
    expect(anonymous.caveats('anonymous-source')).toHaveLength(1);
  });

  it('flags sources the report says disagree, and a competing toll, but not one toll told once', () => {
    const r = run('At least 30 people were killed in the attack, local officials said, though a civil society group put the toll at 52. Accounts of the attack differed. There were conflicting reports about whether the health centre was burned.');
    const quotes = r.caveats('conflict').map((c) => c.quote);
    expect(quotes).toEqual(expect.arrayContaining([expect.stringContaining('put the toll at 52'), 'Accounts of the attack differed.', expect.stringContaining('There were conflicting reports')]));
    expect(run('At least 30 people were killed in the attack, local officials said. A civil society group put the toll at 30 as well.').caveats('conflict')).toEqual([]);
  });

  it('reads “rejected that account” as a denial and “who did not want to be identified” as anonymity', () => {
    const r = run('Residents said soldiers arrived late. The army rejected that account, saying its units had been there since dawn. A nurse, who did not want to be identified for fear of reprisals, said the centre was destroyed.');
    expect(r.caveats('denial').map((c) => c.quote)).toEqual([expect.stringContaining('rejected that account')]);
    expect(r.caveats('anonymous-source').map((c) => c.quote)).toEqual(expect.arrayContaining([expect.stringContaining('who did not want to be identified')]));
  });

  it('reads “denied any plan”, “disputed the figures” as denials, and “an analyst at X” as X an organisation', () => {
    const r = run('Deutsche Schienen AG said the strike cost it 410 million euros. The union disputed the figures. Deutsche Schienen denied any plan to close the depots. Tanaka Hiroshi, an analyst at Nomura Securities in Tokyo, said the figure looked high.');
    // Two denials in one report may merge into one caveat: both stay as its evidence.
    const quotes = r.caveats('denial').flatMap((c) => c.appearances.map((a) => a.quote));
    expect(quotes).toEqual(expect.arrayContaining([expect.stringContaining('disputed the figures'), expect.stringContaining('denied any plan to close the depots')]));
    expect(r.entity('Nomura Securities')?.type).toBe('organisation');
    expect(r.entity('Tokyo')?.type).toBe('place');
    expect(run('Deutsche Schienen said it had a plan to close the depots.').caveats('denial')).toEqual([]);
  });

  it('flags “reports that …” with no outlet named, not an outlet’s own report; and a company saying it “fully cooperated” as its own account', () => {
    const r = run('Li Wei, a spokeswoman for the embassy, declined to comment on reports that the hackers were based in Shenyang. Hanwon Semiconductor said in a statement that it had "fully cooperated" with investigators.');
    expect(r.caveats('anonymous-source').map((c) => c.quote)).toEqual([expect.stringContaining('reports that the hackers were based in Shenyang')]);
    expect(r.entity('Hanwon Semiconductor')?.type).toBe('organisation');
    expect(r.caveats('self-serving').map((c) => c.quote).join(' ')).toContain('fully cooperated');
    expect(run("Li Wei declined to comment on Reuters reports that the hackers were based in Shenyang.").caveats('anonymous-source')).toEqual([]);
  });

  it('does not call a name with a word before it a misspelling of that name', () => {
    const r = run('A Ministry of Industry and Trade official, who asked not to be identified, said two plants were offline. The Ministry of Industry and Trade declined to comment.');
    expect(r.caveats('misspelling')).toEqual([]);
  });
});

describe('the second held-out set as a whole', () => {
  it('meets the issue’s targets for new names and sourcing caveats', () => {
    const dir = new URL('../fixtures/reports-heldout-2/', import.meta.url);
    const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
    const score = scoreHeldout(HeldoutLabels.parse(JSON.parse(read('labels.json'))), read, known);
    expect(score.names.precision).toBeGreaterThanOrEqual(0.85);
    expect(score.names.recall).toBeGreaterThanOrEqual(0.85);
    expect(score.names.typed).toBeGreaterThanOrEqual(0.9);
    expect(score.caveats.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.caveats.recall).toBeGreaterThanOrEqual(0.85);
  });
});
