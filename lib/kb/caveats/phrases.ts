// The words the sourcing rules read, from data/sourcing-phrases.json
// (zod-validated when the module loads, so a bad file fails the build with a
// message naming the key). The rules are code; the genre's words are data.
import { z } from 'zod';
import raw from '../../../data/sourcing-phrases.json';

const phrase = z.string().trim().min(1, 'must not be empty');
const phrases = z.array(phrase).min(1);
const pattern = phrase.superRefine((src, ctx) => {
  try {
    new RegExp(src, 'iu');
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}` });
  }
});

export const SourcingPhrasesFile = z
  .object({
    $comment: z.string().optional(),
    /** Plural nouns for people who can speak as an unnamed group ("Shipping agents said"). */
    groupNouns: phrases,
    /** Singular nouns for an ordinary person who can speak without a name ("a fisherman in Teluk Kemang said"). */
    personNouns: phrases,
    /** Endings of plural nouns for people ("insurers", "captains", "economists"): a lower-case plural with one of them is a group of people. */
    groupNounEndings: phrases,
    /** Plurals with those endings that are not people ("documents", "figures"), and institutions that speak on the record ("prosecutors"). */
    notGroupNouns: phrases,
    /** Someone placed only by whom they know ("a relative of the victim said", "an ally of the minister told …"). */
    relationNouns: phrases,
    /** Groups who publish under their employer's name ("analysts at X Research"): not anonymous once the employer is named. */
    publishingGroupNouns: phrases,
    /** Common nouns for a spot a named place puts people at ("Traders at Gikomba market"), unlike an employer ("analysts at X Research"). */
    namedSpotNouns: phrases,
    /** Reporting verbs an unnamed group uses besides "said" ("officials are quick to point out"). */
    groupVerbs: phrases,
    /** Prepositions that place an unnamed group inside a body without naming anyone ("Sources within the department"). */
    groupPlaces: phrases,
    /** Phrases that say a source is not named ("quoted without his name"). */
    anonymityPhrases: phrases,
    /** A named speaker relaying what unnamed others told them ("she had been told that"). */
    hearsayPatterns: z.array(pattern).min(1),
    /** Nouns a denial rejects ("denies the Commission's finding"). */
    denialNouns: phrases,
    /** What a party denies outright ("denied involvement"). */
    denialObjects: phrases,
    denialAdverbs: phrases,
    /** What a party calls an allegation it rejects ("false and defamatory"). */
    denialVerdicts: phrases,
    /** A speaker's own rebuttal opening a sentence in a quotation or an interview answer ("That's not true"). */
    rebuttals: phrases,
    /** What a party did not answer ("did not respond to phone calls and emails"). */
    noCommentObjects: phrases,
    /** What a body says it never discusses ("did not discuss personnel matters"): a refusal to comment by policy. */
    silencePolicyTopics: phrases,
    /** "is reported to have": passive reporting verbs that make a claim hearsay. */
    hedgeReportedVerbs: phrases,
    /** Adverbs that present a claim as unconfirmed ("supposedly"). */
    hedgeWords: phrases,
    /** "is widely regarded as": a judgement credited to nobody. */
    weaselViews: z.object({ adverbs: phrases, verbs: phrases }).strict(),
    /** A view or a charge in the report's own voice that names no one who holds or makes it ("It is an open secret … that", "has been accused for years of"). */
    unattributedViews: z.array(pattern).min(1),
    /** Assertions of wrongdoing or its cause that need a source when the report states them as fact. */
    wrongdoingPatterns: z.array(pattern).min(1),
    /** A figure that is a public target, not a finding ("has promised to cut emissions by 67% by 2035"). */
    pledgeVerbs: phrases,
    /** A party's position in a negotiation ("has offered 3.5 percent", "is demanding a 7 percent rise"): its stated offer, not a finding. */
    positionVerbs: phrases,
    communityNouns: phrases,
    speakingBodyKinds: phrases,
    stakeVerbs: phrases,
    requestVerbs: phrases,
    /** Wholes a share is a background statistic of ("roughly 6 percent of Chile's output"). */
    shareWholes: phrases,
    /** A market move is public and checkable: its subject and its verb. */
    marketSubjects: phrases,
    marketMoves: phrases,
    /** How a press release opens in its issuer's voice ("X today issued the following statement", "is pleased to announce"). */
    releaseLeads: phrases,
    /** The report saying a contract, tender or concession went to a bidder ("The contract went to a consortium led by X"). */
    awardCues: phrases,
    /** Speech-tag words of a government speaker ("The energy minister, X, said"): the chooser of a bidder, not an independent judge of it. */
    governmentTitles: phrases,
    /** What a side calls its opponent's act in its own quoted words ("irresponsible", "an attack on families"). */
    pejoratives: phrases,
    /** The parts of a sentence that say whose voice it is (lib/kb/caveats/voice.ts). */
    voice: z
      .object({
        $comment: z.string().optional(),
        /** Verbs that put a claim in someone's mouth ("say", "complained", "have blamed"). */
        speechVerbs: phrases,
        /** Plural heads for people besides the group lists above ("households", "anglers"). */
        groupHeads: phrases,
        /** Heads whose people speak for the body named with them ("Observers from the X Group", "analysts at X"), unlike its employees. */
        bodyVoiceHeads: phrases,
        /** Singular heads for one person by role or place ("a village chairman"). */
        personHeads: phrases,
        /** Endings of a singular noun for a person ("chairman", "teacher"), read only after "a", "an", "one", "another". */
        personEndings: phrases,
        /** Nouns with those endings that are things or bodies ("a letter", "the committee"). */
        notPeople: phrases,
        /** The report withholding who its source is, in shapes the phrase list does not hold. */
        anonymityGrantPatterns: z.array(pattern).min(1),
        /** A habit or a record ("have long", "a history of", "have been … for years"). */
        sweepingMarkers: z.array(pattern).min(1),
        /** A judgement a sweeping claim passes ("silence critics", "open to abuse"). */
        sweepingJudgements: z.array(pattern).min(1),
        /** Endings of a mass noun that can be a generic subject ("procurement", "regulation"). */
        massNounEndings: phrases,
        firstPersonDenials: z.array(pattern).min(1),
        firstPersonNoComment: z.array(pattern).min(1),
        /** How a report names itself as a subject ("We", "This newspaper"); its own name is read from its publisher. */
        outletSubjects: z.array(pattern).min(1),
        /** "was not able to verify", "could not confirm". */
        couldNotCheck: z.array(pattern).min(1),
        /** Refusals to comment in shapes the no-comment rule does not read ("None of them could be reached", "could not confirm or deny"). */
        noCommentPatterns: z.array(pattern).min(1),
        /** A party rejecting a finding or charge by name ("rejected the alliance's review as …"). */
        denialPatterns: z.array(pattern).min(1),
        /** A denial only when the report credits it to a speaker ("said his brother-in-law 'had nothing to do with' the bid"). */
        attributedDenialPatterns: z.array(pattern).min(1),
        /** Talk nobody is named for ("Word around Griffith is that"). */
        rumourPatterns: z.array(pattern).min(1),
        /** A group's conviction stated as fact in the report's voice ("Many people in the valley remain convinced that"). */
        groupMoodPatterns: z.array(pattern).min(1),
      })
      .strict(),
  })
  .strict();
export type SourcingPhrases = z.infer<typeof SourcingPhrasesFile>;

export const PHRASES: SourcingPhrases = SourcingPhrasesFile.parse(raw);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One alternation for a RegExp: longest first, spaces match any white space,
 * straight and curly apostrophes alike, a leading letter in either case.
 */
export function alternation(list: readonly string[]): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = escape(p).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
      const first = body.charAt(0);
      return /\p{L}/u.test(first) && first.toLowerCase() !== first.toUpperCase() ? `[${first.toLowerCase()}${first.toUpperCase()}]${body.slice(1)}` : body;
    })
    .join('|');
}
