// Whose voice a sentence is in, read from its grammar (lib/kb/caveats/voice.ts), #15. Reports written for this
// test, not any held-out set's text; each class has controls a careful editor would leave alone.
import { describe, expect, it } from 'vitest';
import {
  anonymousQuotes as anonymous,
  denialQuotes as denial,
  hedgedQuotes as hedged,
  noCommentQuotes as noComment,
  unsourcedQuotes as unsourced,
  SOURCED_LEAD as SOURCED,
  caveatsOf,
  report,
} from '../support/report-caveats';

describe('unnamed speakers, read from the subject of any speech verb', () => {
  it.each([
    ['a group placed on a river', 'Boatmen on the Sava say the new weir has silted the channel.', 'Boatmen on the Sava say'],
    ['a counted group placed in two villages', 'About 120 households in Dobra and Kralj say they were never told of the plan.', 'About 120 households in Dobra and Kralj say'],
    ['a group with an aside before its verb', 'Beekeepers in the valley, many of whom lost whole colonies last spring, say the spraying began before dawn.', 'Beekeepers in the valley'],
    ['a group whose aside is an anonymity condition', 'Nurses at two clinics, who spoke on condition that their clinics not be identified, said shifts had been cut.', 'Nurses at two clinics'],
    ['a group placed by a relative clause', 'Managers at three banks that have lent to the port say they were never shown the audit.', 'Managers at three banks that have lent to the port say'],
    ['a group that blamed', 'Campaigners have blamed the quarry for the cracks in the school wall.', 'Campaigners have blamed'],
    ['one person by role and place', 'A ward chairman in Soroti told us the payments were made in cash.', 'A ward chairman in Soroti told'],
    ['the opening word capitalised', 'Seasonal pickers, who are paid by the crate, have long complained that the scales are rigged.', 'Seasonal pickers'],
    ['the tag after the claim', 'The gates were locked at noon, said one steward.', 'said one steward'],
    ['a question that puts what a group says', 'Q: Some tenants say the repairs were never done. Is that true?', 'Some tenants say'],
  ])('flags %s', (_, text, words) => {
    expect(anonymous(text).join(' | ')).toContain(words);
  });

  it.each([
    ['a named person by role', 'Ana Ruiz, a teacher in Dobra, said the school had no heating.'],
    ['a named person in apposition to the role', 'A teacher, Ana Ruiz, said the school had no heating.'],
    ['someone’s own people', 'The mayor’s advisers said the budget was balanced.'],
    ['a body named in apposition', 'A rival bidder, the Danish operator Nordhavn Terminal Services, said the tender had been rigged.'],
    ['a group already introduced', 'The boatmen said the channel had silted.'],
    ['people from a named body', 'Observers from the Regional Election Monitoring Group said the count was orderly.'],
    ['a group inside a named speaker’s reported speech', 'Ana Ruiz said workers had complained about the heat.'],
    ['a group whose complaint set off the story', 'The maker recalled the kettles after customers and shop staff reported that the lids came loose.'],
    ['a document’s account', 'An outside auditor told the council the server was out of date, according to internal emails seen by the Herald.'],
    ['a schedule', 'The envoy is due in Soroti on Monday, a mission official said.'],
    ['a noun that is not a speech verb', 'About 200 people gathered outside the insurer, most of them owners whose claims are still open.'],
    ['a byline line', 'Staff report | 3 December 2026'],
  ])('control: %s', (_, text) => {
    expect(anonymous(text)).toEqual([]);
  });

  it('an interview’s first-person answer: the people the one interviewed cites are their account, what they were told too', () => {
    const interview = [
      'What happened on the day?',
      'I saw the water turn brown. But parents believe it was the spill, and I agree with them.',
      'Did anyone warn you?',
      'Guards at the plant told me the valve had been leaking for weeks.',
      'What do you want now?',
      'We want the tests published.',
    ];
    const found = anonymous(...interview).join(' | ');
    expect(found).not.toContain('parents believe');
    expect(found).not.toContain('Guards at the plant told');
    // The interviewer's question is the outlet's: a group it cites there is an unnamed source.
    expect(anonymous('Q: Some tenants say the repairs were never done. Is that true?', 'A: I was not there myself.').join(' | ')).toContain('Some tenants say');
  });

  it('an explainer’s answers under question headings are the report’s own voice', () => {
    const explainer = ['What will it cost?', 'The plan is costed at $40 million.', 'Who pays?', 'Lenders in the capital say they have been asked for half of it.', 'When does it open?', 'Not before 2028.'];
    expect(anonymous(...explainer).join(' | ')).toContain('Lenders in the capital say');
  });
});

describe('sweeping claims in the report’s own voice', () => {
  it.each([
    ['a class of firms with a long habit', 'Timber exporters in the region have long leaned on forest guards to look away.', 'Timber exporters in the region have long leaned on forest guards'],
    ['a mass noun that always favoured', 'Licensing in the fisheries sector has always favoured well-connected owners.', 'Licensing in the fisheries sector has always favoured'],
    ['a scheme open to abuse for years', 'Subsidy schemes like this one have been open to abuse for years.', 'Subsidy schemes like this one'],
    ['a record of spending on everything except', 'Coastal councils have a long record of raising fees and spending the money on everything except the harbours.', 'Coastal councils have a long record'],
    ['a group consistently harassed', 'Local press freedom groups have consistently been harassed for reporting on the mines.', 'Local press freedom groups have consistently been harassed'],
  ])('flags %s', (_, text, words) => {
    expect(unsourced(SOURCED, text).join(' | ')).toContain(words);
  });

  it.each([
    ['a neutral habit', 'Farmers in the valley have long grown barley on the terraces.'],
    ['one body the report introduced', 'The company has long denied polluting the river.'],
    ['the same words credited to a speaker', 'Ana Ruiz said timber exporters had long leaned on forest guards.'],
    ['in a named speaker’s quotation', 'Ana Ruiz said: "Coastal councils have always spent the money on everything except the harbours."'],
  ])('control: %s', (_, text) => {
    expect(unsourced(SOURCED, text)).toEqual([]);
  });

  it('asks whose view a group’s conviction is, stated as fact', () => {
    expect(unsourced(SOURCED, 'Many families on the estate remain convinced that the survey was rigged.').join(' | ')).toContain('Many families on the estate remain convinced');
    expect(unsourced(SOURCED, 'Ana Ruiz said many families remain convinced that the survey was rigged.')).toEqual([]);
  });
});

describe('first-person answers, and refusals and denials in more words', () => {
  it('an interview answer that rejects what the question put', () => {
    const qa = ['Q: Residents say you paid below the agreed rate.', 'A: I reject that. Every payment was made at the current rate.'];
    expect(denial(...qa).join(' | ')).toContain('I reject that');
  });

  it('a quoted “We deny these allegations” is a denial; “We reject that plan” is a policy view', () => {
    expect(denial('"We firmly deny these allegations," the director, Ana Ruiz, said.').join(' | ')).toContain('We firmly deny these');
    expect(denial('"We reject that plan," the director, Ana Ruiz, said, "because it costs too much."')).toEqual([]);
  });

  it('a first-person refusal in an answer; not a refusal to say more after answering', () => {
    expect(noComment('Q: Will you settle the cases?', 'A: They are before the court, so I cannot comment on them.').join(' | ')).toContain('I cannot comment');
    expect(noComment('"The pumps were checked every week. I cannot comment further," the manager, Ana Ruiz, said.')).toEqual([]);
  });

  it.each([
    ['nobody could be reached', 'None of the three owners could be reached for comment on Friday.', 'None of the three owners could be reached'],
    ['neither confirm nor deny', 'The port police said they could not confirm or deny whether a complaint had been filed.', 'could not confirm or deny'],
  ])('no comment: %s', (_, text, words) => {
    expect(noComment(SOURCED, text).join(' | ')).toContain(words);
  });

  it('rejecting a finding by name is a denial', () => {
    expect(denial(SOURCED, 'The developer rejected the alliance’s review as "campaigning, not science".').join(' | ')).toContain('rejected the alliance’s review as');
    expect(denial(SOURCED, 'The council rejected the bid as too late.')).toEqual([]);
  });

  it('talk nobody is named for is an anonymous source', () => {
    expect(anonymous(SOURCED, 'Word around the market is that the biggest growers have already sold their crop.').join(' | ')).toContain('Word around the market is that');
    expect(anonymous(SOURCED, 'The word "harbour" appears twice in the order.')).toEqual([]);
  });
});

describe('the report saying it could not check, and hedges that are not its own', () => {
  it('the outlet by its short name was not able to verify', () => {
    const text = report('Cash payments for pipeline land', 'The Lakeside Observer | 2 June 2026 | By Ana Test', 'A ward chairman said the payments were made in cash. The Observer was not able to verify his account independently.');
    expect(caveatsOf(text).filter((c) => c.kind === 'hedged').map((c) => c.quote).join(' | ')).toContain('The Observer was not able to verify');
  });

  it('a body other than the outlet not able to verify is not the report’s doubt', () => {
    expect(hedged(SOURCED, 'The Harbour Authority was not able to verify the ship’s papers before it sailed.').filter((q) => q.includes('not able to verify'))).toEqual([]);
  });

  it('a forecast credited to a named assessment is the document’s, a guess at the past is still the report’s', () => {
    expect(hedged(SOURCED, 'Stocks of hake in the gulf are likely to be overfished, according to the latest assessment by the regional science council.')).toEqual([]);
    expect(hedged(SOURCED, 'The scheme may have been used more widely than officials admit, according to the permit data.').join(' | ')).toContain('may');
  });

  it('a report made to a body is not hearsay', () => {
    expect(hedged(SOURCED, 'The first fault was reported to the Consumer Safety Agency in March.')).toEqual([]);
    expect(hedged(SOURCED, 'The owner is reported to have left the country.').join(' | ')).toContain('is reported to');
  });

  it('a hedge on the claim an unnamed source makes is one caveat with it', () => {
    const text = 'An official at the ministry, who asked not to be named, said at least 40 boats were believed to be owned by one family.';
    expect(hedged(text)).toEqual([]);
    expect(anonymous(text).length).toBe(1);
  });
});

describe('figures the report does not assert itself', () => {
  it('a figure a named document shows; an earlier year’s toll', () => {
    expect(unsourced(SOURCED, 'A shareholder register seen by the Wire shows that 49% of the operator is held by a holding company in Cyprus.')).toEqual([]);
    expect(unsourced(SOURCED, 'In 2018, more than 160 people died when an overloaded ferry sank on the lake.')).toEqual([]);
  });

  it('control: a figure in the report’s own voice still needs a source', () => {
    expect(unsourced(SOURCED, 'The operator lost $48 million on the route last year.').length).toBeGreaterThan(0);
  });
});

describe('more unnamed speakers: cited, met, counted', () => {
  it.each([
    ['according to a counted group', 'The plant has cut output by half, according to two customers and a notice seen by the Wire.', 'according to two customers'],
    ['according to a bare plural', 'Prices are expected to open higher this season, according to traders, after a poor harvest.', 'according to traders'],
    ['according to people placed in a sector', 'Three things explain the delay, according to people in the sector.', 'according to people in the sector'],
    ['people the reporter met', 'Farmers I spoke to in the hills were holding back part of their crop.', 'Farmers I spoke to'],
    ['a group’s characterisation', 'The stoppage followed what drivers describe as a campaign of extortion.', 'what drivers describe as'],
    ['the counted people, continued', 'The Desk interviewed 23 workers employed by the subcontractor. All but two said their wages had not been paid.', 'All but two said'],
    ['people involved in something', 'Two people involved in the financing said a lender had asked for a new review.', 'Two people involved in the financing said'],
    ['a group that disputes', 'The board says the tariff is fair. Critics dispute that.', 'Critics dispute'],
    ['a group’s members by a plural possessive', 'Growers’ representatives have said the mill will refuse to raise its price.', 'representatives have said'],
    ['people a “who” clause describes', 'Two scouts who work the east of the island told me a second certificate was passing between clubs.', 'Two scouts who work the east of the island told'],
  ])('flags %s', (_, text, words) => {
    expect(anonymous(SOURCED, text).join(' | ')).toContain(words);
  });

  it.each([
    ['according to a named document', 'Output fell by half, according to internal emails seen by the Wire.'],
    ['according to plan', 'The works went ahead according to plan.'],
    ['a mood the reporter saw', 'Voters we spoke to in the square were divided.'],
    ['a circumstance, not a source', 'Prosecutors raided the silo company on Monday, as growers warned they could lose a season.'],
    ['a complaint made at a meeting', 'The suspension follows a meeting at which sheep farmers complained about fuel drums left on the hill.'],
    ['a hedge, not a speaker', 'Health workers in the district are said to go months without pay.'],
  ])('control: %s', (_, text) => {
    expect(anonymous(SOURCED, text)).toEqual([]);
  });
});

describe('more refusals, denials, hedges and views credited to nobody', () => {
  it.each([
    ['attempts to reach', 'Attempts to reach the company’s chief executive, Rosa Kline, were unsuccessful.', 'Attempts to reach'],
    ['declined to provide', 'The company declined to provide payment records.', 'declined to provide'],
    ['would “not speculate”', 'A spokesperson said the operator would "not speculate while the inquiry continues".', 'not speculate'],
    ['neither replied', 'Letters were sent to the minister and his deputy; neither replied to questions.', 'neither replied to'],
    ['a policy of silence', 'The regulator said it "does not discuss internal deliberations".', 'does not discuss internal'],
    ['not spoken publicly', 'The player’s family have not spoken publicly since the hearing.', 'have not spoken publicly'],
  ])('no comment: %s', (_, text, words) => {
    expect(noComment(SOURCED, text).join(' | ')).toContain(words);
  });

  it.each([
    ['called the suggestion false', 'The firm’s spokeswoman, Mireille Adjovi, called the suggestion "completely false".', 'called the suggestion'],
    ['said the figure was not accurate', 'The manager, Hsu Wen, said that figure was "not accurate" but gave no other.', 'said that figure was'],
    ['nothing to do with', 'The commissioner, Clovis Guidry, said his brother-in-law "had nothing to do with" the bid.', 'had nothing to do with'],
    ['denied in a statement that', 'The country manager, Daniel Kiap, denied in a statement that any blasting had taken place.', 'denied in a statement that'],
    ['a rebuttal in an unlabelled interview answer', 'What do you say to the rumour of payments?\n\nI have heard this story too. It is not true. Nobody has offered me anything.\n\nWill the strike go on?\n\nI cannot say.\n\nWhat next?\n\nWe wait.', 'It is not true'],
  ])('denial: %s', (_, text, words) => {
    expect(denial(SOURCED, text).join(' | ')).toContain(words);
  });

  it('control: “has nothing to do with them” about a fight is no denial', () => {
    expect(denial(SOURCED, 'Ana Ruiz said passengers were "the hostages in a fight that has nothing to do with them".')).toEqual([]);
  });

  it.each([
    ['it is not clear whether', 'It is not clear whether those invoices were paid.', 'It is not clear whether'],
    ['is estimated to', 'Extortion is estimated to cost bus operators millions a year.', 'is estimated to'],
    ['seem designed', 'The rules seem designed to help the largest exporters.', 'seem designed'],
    ['the outlet named only above the body', 'The packs were traced to a wholesaler. Harbour Reports could not establish how many cartons had left the store.', 'Harbour Reports could not establish'],
  ])('hedged: %s', (_, text, words) => {
    const body = words.startsWith('Harbour') ? report('Medicines for sale', 'By Ana Test', 'Harbour Reports, Freetown', text) : null;
    const quotes = body ? caveatsOf(body).filter((c) => c.kind === 'hedged').map((c) => c.quote) : hedged(SOURCED, text);
    expect(quotes.join(' | ')).toContain(words);
  });

  it.each([
    ['a permission', 'Under the new rule each boat may land a quarter less sardine.'],
    ['a report made to a body', 'The first fire was reported to the Consumer Safety Agency in March.'],
    ['a named speaker’s forecast by surname', 'Tudor Grosu, a lawyer for the farmers, spoke on Monday. Grosu said the receipts may now be worthless.'],
  ])('not hedged: %s', (_, text) => {
    expect(hedged(SOURCED, text).filter((q) => /may|reported/.test(q))).toEqual([]);
  });

  it.each([
    ['few believe', 'Few in the village believe a buyer will come before spring.', 'Few in the village believe'],
    ['a group wary, after an aside', 'Many in Philipsburg, a former silver town, are wary of the mine’s plans.', 'Many in Philipsburg'],
    ['wide support credited to nobody', 'The strike has wide support in the town.', 'has wide support in'],
    ['mixed opinion credited to nobody', 'Local opinion is mixed.', 'Local opinion is mixed'],
    ['rarely lower', 'Trust between the growers and the board has rarely been lower.', 'has rarely been lower'],
  ])('whose view: %s', (_, text, words) => {
    expect(unsourced(SOURCED, text).join(' | ')).toContain(words);
  });
});

describe('on the record, and figures that are not the report’s own', () => {
  it('a bare spokesperson speaks for the body just named', () => {
    expect(anonymous('Dilmun Build Holding said it had paid every invoice. "The subcontractor alone is responsible," a spokesman said.')).toEqual([]);
    expect(anonymous('"The pay was late," a spokesman said, speaking on condition of anonymity.').length).toBeGreaterThan(0);
  });

  it.each([
    ['a decree’s terms', 'The decree raised the export duty on soybeans to 33% from 26%.'],
    ['a filed notice’s proposal', 'The notice, which the company filed with the exchange, proposes cutting the annual coupon from 6.5% to 4%.'],
    ['a party’s stated proposal', 'The water board wants to raise the charge for canal water by about 40 percent over two years.'],
    ['an unnamed group’s own figure', 'Biomass traders say chip prices have risen by closer to 15%.'],
  ])('not a figure with no source: %s', (_, text) => {
    expect(unsourced(SOURCED, text)).toEqual([]);
  });
});

describe('groups that are a body’s name or employees it names', () => {
  it.each([
    ['a group noun inside a body’s name', 'The Union of Port and Dock Workers, which represents some of the stevedores, said it had asked for an inquiry.'],
    ['analysts at an employer named with its kind', 'Analysts at the brokerage Ocean Harbour Capital said the sale would let the group pay off its debt.'],
  ])('control: %s', (_, text) => {
    expect(anonymous(SOURCED, text)).toEqual([]);
  });

  it('a place name that only starts the phrase leaves the group unnamed', () => {
    expect(anonymous(SOURCED, 'The plant in Pubnico will close in March. Some of the Pubnico workers said they could not drive that far each day.').join(' | ')).toContain('workers said');
  });
});

describe('figures of record are not the report’s unsourced figures', () => {
  it.each([
    ['the size of a thing', 'Work began this month on a $38 million seawall along the southern shore.'],
    ['what was received', 'The coalition received about $6 million this year to feed people driven from their homes.'],
    ['a project’s cost', 'The project will cost about $320 million.'],
    ['a stake kept', 'Under the deal the state kept 39 per cent of the airline.'],
    ['a public body’s directive', 'The water agency has asked industrial users in the area to cut use by 15%.'],
  ])('%s', (_, text) => {
    expect(unsourced(SOURCED, text)).toEqual([]);
  });

  it('controls: what a party lost, and what a deal is worth, still need a source', () => {
    expect(unsourced(SOURCED, 'The operator lost $48 million on the route last year.').length).toBeGreaterThan(0);
    expect(unsourced(SOURCED, 'The deal is worth $2 billion.').length).toBeGreaterThan(0);
  });
});

describe('set 22 and 25 shapes', () => {
  it.each([
    ['according to unnamed groups', 'Dozens of rivers are now affected, according to environmental groups.', 'according to environmental groups'],
    ['according to someone placed by what they know', 'The plant is likely to be sold first, according to someone familiar with the company’s plans.', 'according to someone familiar with'],
    ['unnamed businesses', 'Salmon farms in the harbour say they have cut fish numbers.', 'Salmon farms in the harbour say'],
    ['an industry', 'Industry says the decline has other causes.', 'Industry says'],
    ['the writer’s own unnamed sources', 'I hear from two people at the brewery that staff were told of a sale.', 'I hear from two people'],
    ['a group led to a view', 'The losses have led some economists to argue that the country does not need an airline.', 'led some economists to argue'],
    ['people met, after “and”', 'Prices have been soft, and growers I spoke to at the open day were gloomy about renewals.', 'growers I spoke to'],
  ])('anonymous: %s', (_, text, words) => {
    expect(anonymous(SOURCED, text).join(' | ')).toContain(words);
  });

  it.each([
    ['not available for an interview', 'The chief executive, Brian Kessler, was not available for an interview on Wednesday.', 'was not available for an interview'],
    ['asked and not given', 'The Ledger asked the company for a list of its shareholders; the company did not provide one.', 'did not provide one'],
  ])('no comment: %s', (_, text, words) => {
    expect(noComment(SOURCED, text).join(' | ')).toContain(words);
  });

  it.each([
    ['stopped trusting', 'Many families in the west have stopped trusting that the lights will stay on.', 'have stopped trusting'],
    ['resigned to it', 'Many older residents are resigned to the resort being built.', 'are resigned to'],
  ])('whose view: %s', (_, text, words) => {
    expect(unsourced(SOURCED, text).join(' | ')).toContain(words);
  });

  it('a mood the report reads in a group is hedged: “appear divided”', () => {
    expect(hedged(SOURCED, 'Residents of the village appear divided along generational lines.').join(' | ')).toContain('appear divided');
  });
});

describe('set 26 and 27 shapes', () => {
  it.each([
    ['a group placed by what they are doing', 'Tourists staying at lakeside resorts said the boats had been crowded.', 'Tourists staying at lakeside resorts said'],
    ['one placed by who reached them, an acronym in the role', 'One UK importer contacted by the Bulletin, which asked not to be named, said it was looking elsewhere.', 'One UK importer contacted by the Bulletin'],
    ['staff interviewed for the article', 'Hospital staff interviewed for this article said many deliveries never arrived.', 'Hospital staff interviewed for this article said'],
    ['“According to” opening the sentence', 'According to growers’ groups, the price has fallen by a third.', 'According to growers’ groups'],
    ['some of a group, met by the reporter', 'Some of the skiers we spoke to said the lift had kept running.', 'Some of the skiers we spoke to'],
    ['“One, a visitor from X, said” after them', 'Some of the skiers we spoke to said the lift kept running. One, a visitor from Sapporo, said she heard the attendant.', 'One, a visitor from Sapporo,'],
    ['employees of a named company', 'Two employees of Kirpa Seeds Ltd said the warehouse repacked seed at night.', 'Two employees of Kirpa Seeds Ltd said'],
    ['businesses that report', 'Resorts around Niseko report bookings above last year.', 'Resorts around Niseko report'],
    ['members who criticised, in a question', 'Q: Some of your members have criticised the board for that. Is that fair?', 'Some of your members have criticised'],
  ])('anonymous: %s', (_, text, words) => {
    expect(anonymous(SOURCED, text).join(' | ')).toContain(words);
  });

  it('control: observers from a named group speak for it', () => {
    expect(anonymous(SOURCED, 'Observers from the Regional Election Monitoring Group said the count was orderly.')).toEqual([]);
  });

  it.each([
    ['did not say whether', 'The resort did not say whether the backup motor had been tested.', 'did not say whether'],
    ['did not provide details', 'The ministry said it had opened an inquiry but did not provide details.', 'did not provide details'],
    ['would not discuss it', 'The directorate confirmed the inquiry but would not discuss it while it is under way.', 'would not discuss it'],
  ])('no comment: %s', (_, text, words) => {
    expect(noComment(SOURCED, text).join(' | ')).toContain(words);
  });

  it('control: a report that did not say how is no refusal', () => {
    expect(noComment(SOURCED, 'The audit did not say how the money was spent.')).toEqual([]);
  });

  it.each([
    ['rejected the audit’s method', 'The finance chief, Jeanine Mwamba, rejected the audit’s sampling method.', 'rejected the audit’s sampling method'],
    ['reject the idea that', 'Hotel owners reject the idea that they are to blame.', 'reject the idea that'],
    ['rejected any suggestion', 'The airline rejected "any suggestion that our crews are pressured to land".', 'rejected "any suggestion that'],
  ])('denial: %s', (_, text, words) => {
    expect(denial(SOURCED, text).join(' | ')).toContain(words);
  });

  it('hedged: “as far as this newsletter can tell”', () => {
    expect(hedged(SOURCED, 'The buyer, as far as this newsletter can tell, was registered only in March.').join(' | ')).toContain('as far as this newsletter can tell');
  });

  it('whose view: “Many in the city still do not trust”', () => {
    expect(unsourced(SOURCED, 'Many in the city still do not trust that the diesel will come.').join(' | ')).toContain('still do not trust');
  });
});

describe('set 32 and 33 shapes', () => {
  it.each([
    ['a continued group after a group, not a count', 'Workers who left the meeting were less convinced. Several said they had been told in June that the plant had two more years.', 'Several said'],
    ['a quantifier placed somewhere', 'Several in the valley area say the frost hit only the lower slopes.', 'Several in the valley area say'],
    ['shops that expect', 'Shops near the plant expect to lose trade.', 'Shops near the plant expect'],
    ['a group in a relative clause', 'The lagoon suffers from the runoff that scientists blame for repeated fish die-offs.', 'scientists blame'],
    ['leaders speaking privately', 'Several cooperative leaders, speaking privately because they feared losing their posts, told us part of the money went to a loan.', 'Several cooperative leaders'],
    ['brewers who questioned', 'Several brewers also questioned how the council would verify the rice’s origin.', 'Several brewers also questioned'],
    ['architects placed', 'Architects in the area say approvals routinely take a year.', 'Architects in the area say'],
  ])('anonymous: %s', (_, text, words) => {
    expect(anonymous(SOURCED, text).join(' | ')).toContain(words);
  });

  it.each([
    ['forecasters of a named institute', 'Forecasters at the National Institute of Meteorology expect more rain next week.'],
    ['a bare spokesperson', 'A spokesperson said the company would look at every case individually.'],
    ['people counted as an object', 'The industry employs tens of thousands of people in the state, many of them from abroad.'],
    ['an association of owners', 'An association of owners who hold licences under the current system says the auction is unfair.'],
  ])('control: %s', (_, text) => {
    expect(anonymous(SOURCED, text)).toEqual([]);
  });

  it('a grant standing alone is about the claim just before it', () => {
    const text = '"We were told the file was closed," one clerk said. He asked not to be named because he still works there.';
    expect(anonymous(SOURCED, text).join(' | ')).toContain('We were told the file was closed');
  });

  it('an explainer’s answer is the report’s own voice; an interview addresses “you”', () => {
    const explainer = ['Is the auction legal?', 'That depends on whom we ask. Critics say any round should consult the people first.', 'Who decides?', 'The ministry.', 'When?', 'In May.'];
    expect(anonymous(...explainer).join(' | ')).toContain('Critics say');
  });

  it('no comment, denial: “declined to discuss its findings”, “Mr Liburd denied this.”', () => {
    expect(noComment(SOURCED, 'The water board declined to discuss its findings.').join(' | ')).toContain('declined to discuss its findings');
    expect(denial(SOURCED, 'Critics said the ferry had failed an inspection. The owner, Mr Liburd, denied this.').join(' | ')).toContain('denied this');
    expect(denial(SOURCED, 'The council rejected that plan in May.')).toEqual([]);
  });

  it('a claim the report hedges is not also asserted as fact', () => {
    expect(unsourced(SOURCED, 'Timber exporters in the region are understood to have long leaned on forest guards to look away.')).toEqual([]);
  });
});

describe('set 35 shapes', () => {
  it.each([
    ['people the outlet interviewed, whatever their role', 'Clan leaders interviewed by the Ledger said they had received only small cash handouts.', 'Clan leaders interviewed by the Ledger said'],
    ['a group in its own relative clause', 'The plan is opposed by some residents of Blue Hills, who say the resort would block beach access.', 'some residents of Blue Hills, who say'],
    ['analysts placed by what they follow', 'Analysts following the company said it may need to sell part of its stake.', 'Analysts following the company said'],
  ])('anonymous: %s', (_, text, words) => {
    expect(anonymous(SOURCED, text).join(' | ')).toContain(words);
  });

  it('no comment: declined an interview request', () => {
    expect(noComment(SOURCED, 'The terminal’s president, Hiroshi Tanabe, declined an interview request.').join(' | ')).toContain('declined an interview request');
  });

  it('an interview whose questions rarely say “you”: a first-person answer is still the interviewee’s', () => {
    const interview = ['How many jobs are at stake?', 'About 300.', 'Has the company talked to the union?', 'Not yet.', 'Is there a risk of a strike?', 'That is what they say. Younger workers at the terminal have told me the company is hiring fewer people.'];
    expect(anonymous(...interview).join(' | ')).not.toContain('Younger workers');
  });
});
