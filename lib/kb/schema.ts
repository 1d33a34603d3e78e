// Schemas for the hand-edited data in `data/` and for the KB document the
// build produces. Pure: no Node or extension APIs, so the same validation runs
// at build time, in tests, and in the background when the bundled KB is loaded.
import { z } from 'zod';

export const ENTITY_TYPES = ['person', 'organisation', 'place', 'weapon', 'event', 'agreement'] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const reportId = z.string().regex(/^\d{3}_[0-9a-f]{16}$/, 'must look like 000_0123456789abcdef');
const entityId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. xi-jinping');
const isoDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** A quote that must be an exact substring of a report's text (checked by the build). */
export const QuoteRef = z.object({ report: reportId, quote: nonEmpty });
export type QuoteRef = z.infer<typeof QuoteRef>;

// ---------- data/reports/<id>.meta.json ----------

export const ReportDate = z.object({
  value: isoDate,
  /** true when the report does not state its own date and we worked it out. */
  inferred: z.boolean(),
  /** Why this date: the quote that states it, or the reasoning behind the inference. */
  reason: nonEmpty,
});

export const ReportNoteKind = z.enum([
  'republished',
  'tells-story-twice',
  'page-furniture',
  'machine-translated',
  'headline-overreach',
  'other',
]);

export const ReportMeta = z
  .object({
    id: reportId,
    headline: nonEmpty,
    /** Publisher or site as the text shows it, or "unknown". */
    publisher: nonEmpty,
    /** Why we name this publisher (a quote or reasoning), or why it is unknown. */
    publisherReason: nonEmpty,
    url: z.url().nullable(),
    date: ReportDate,
    /** The original when this text is a republication ("Read more at …"). */
    republishedFrom: z.object({ publisher: nonEmpty, url: z.url().nullable(), quote: nonEmpty }).nullable(),
    /**
     * Exact substrings of the text where page furniture begins (comment forms,
     * "Related items", keyword lists). Text from the first occurrence of each
     * marker to the end of its block is not part of the report and yields no claims.
     */
    furniture: z.array(z.object({ from: nonEmpty, until: z.string().nullable(), reason: nonEmpty })).default([]),
    notes: z.array(z.object({ kind: ReportNoteKind, text: nonEmpty, quote: z.string().nullable() })).default([]),
  })
  .strict();
export type ReportMeta = z.infer<typeof ReportMeta>;

// ---------- data/entities.json ----------

export const Alias = z
  .object({
    text: nonEmpty,
    /**
     * Short or ambiguous aliases ("Xi", "Bingo", "Kremlin", "US") link only with
     * supporting context on the page: the entity's full name earlier, or other KB
     * entities nearby.
     */
    needsContext: z.boolean().default(false),
    /** Case-sensitive match; defaults to true for acronyms and aliases of 3 characters or fewer. */
    caseSensitive: z.boolean().optional(),
    /** A spelling the reports use that is wrong or nonstandard ("Shaheed-136"). */
    nonstandard: z.boolean().default(false),
    /** Why it is nonstandard, or what it means. */
    note: z.string().optional(),
    /**
     * Too generic to link on an arbitrary web page ("arrest warrant", "SCO
     * summit" — there are many): used to find the entity in the reports only.
     */
    reportsOnly: z.boolean().default(false),
    /**
     * How a page must write it to be this name (lib/link): 'exact' as here
     * ("US", not "us"); 'capitalised' with a capital first letter or in
     * capitals ("China", not "china"; lower case only in a dateline); 'any'.
     * Default: 'exact' for case-sensitive aliases, else 'capitalised'.
     */
    case: z.enum(['exact', 'capitalised', 'any']).optional(),
    /** A surname or short form ("Putin", "Bingo"): links only once the page introduced the entity or is about it. */
    shortForm: z.boolean().default(false),
    /** Other people, places or things are widely called this ("Moscow", "Washington", "Wang Yi"): links only with other KB evidence on the page. */
    shared: z.boolean().default(false),
    /** Names that may follow a comma and still mean this place ("Washington, D.C."); any other region there means another place. */
    qualifiers: z.array(nonEmpty).default([]),
  })
  .strict();
export type Alias = z.infer<typeof Alias>;

export const Entity = z
  .object({
    id: entityId,
    type: EntityType,
    name: nonEmpty,
    aliases: z.array(Alias),
    /** One line, grounded in the reports. */
    description: nonEmpty,
    /** The report passage the description rests on. */
    descriptionSource: QuoteRef,
  })
  .strict();
export type Entity = z.infer<typeof Entity>;

export const EntityFile = z.object({ entities: z.array(Entity).min(1) }).strict();

// ---------- data/linking.json ----------

const words = z.array(nonEmpty);
/** Word classes of the page linker (lib/link): generic English, never a KB entity. */
export const LinkLexicon = z
  .object({
    about: z.string().optional(),
    /** Office titles that introduce a person ("President", "Foreign Minister"). */
    titles: words,
    /** Courtesy titles ("Mr", "Dr"): a person, but they do not say which one. */
    honorifics: words,
    /** Capitalised words that are not part of a name (sentence starts, days, months). */
    ordinaryWords: words,
    /** Words before a name that describe it but are not part of it ("Russian", "Former"). */
    modifiers: words,
    /** Words after a name that make it the name of another thing in headlines ("Post", "Mule", "Fleet"). */
    nameHeads: words,
    /** Words after an organisation's name that still name it ("Alibaba Group", "Bloomberg News"). */
    orgSuffixes: words,
    /** Words after a person's name that make it another person ("Jr.", "III"). */
    nameSuffixes: words,
    /** Lower-case words after a place name that make it another place ("Washington state"). */
    placeDesignators: words,
    /** Regions that, after a comma, put a place name elsewhere ("Toledo, Ohio"). */
    regions: words,
    /** Lower-case words right before a name that say it names a thing, not the place or person ("the rock band Europe", "the racehorse Moscow"). */
    thingNouns: words.default([]),
    /** Lower-case words right after a place name that make the name of a thing named after it ("Kyiv cake", "Brussels sprouts", "Moscow time"). */
    namedAfterNouns: words.default([]),
    /** Lower-case words right before a surname that point to a relative of the person, not the person ("the elder Biden", "the younger Xi"). */
    relativeWords: words.default([]),
    /** Lower-case nouns that say the name after "of" is the place itself ("the city of Astana", "the port of Singapore"). */
    placeNouns: words.default([]),
    /** Function words, never context words of an entity ("their", "would"). */
    stopWords: words,
  })
  .strict();
export type LinkLexicon = z.infer<typeof LinkLexicon>;

// ---------- data/ignore-names.json ----------

export const IgnoreFile = z
  .object({
    names: z.array(z.object({ text: nonEmpty, reason: nonEmpty }).strict()),
  })
  .strict();

// ---------- data/editor-notes.json ----------

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const CaveatKind = z.enum([
  'anonymous-source',
  'unsourced',
  'hedged',
  'denial',
  'no-comment',
  'conflict',
  'internal-inconsistency',
  'repetition',
  'republished',
  'headline-overreach',
  'misspelling',
  'misnaming',
  'wrong-date',
  'factual-error',
  'missing-context',
  'self-serving',
  'interested-party',
  'undated',
  'no-publisher',
]);
export type CaveatKind = z.infer<typeof CaveatKind>;

export const EditorNote = z
  .object({
    id: entityId,
    kind: CaveatKind,
    severity: Severity,
    /** Short label shown as the badge. */
    label: nonEmpty,
    report: reportId,
    /** Exact text from the report that the note is about. */
    quote: nonEmpty,
    /** What is wrong, in one or two sentences a reader understands. */
    explanation: nonEmpty,
    /** The editor's reasoning and the outside knowledge it rests on. */
    reasoning: nonEmpty,
    entities: z.array(entityId),
    /** Other exact quotes that bear on it (in any report). */
    related: z.array(QuoteRef).default([]),
    /** About the report as a whole (its page furniture, its byline) rather than a claim: shown once per report, on no single entity. */
    scope: z.enum(['claim', 'report']).optional(),
  })
  .strict();
export type EditorNote = z.infer<typeof EditorNote>;

export const EditorNotesFile = z.object({ notes: z.array(EditorNote) }).strict();

// ---------- data/name-rules.json ----------

/** Words the new-name finder reads names by (lib/kb/extract/names.ts). */
export const NameRulesFile = z
  .object({
    $comment: z.string().optional(),
    personTitles: words,
    roleNouns: words,
    connectors: words,
    typeWords: z.object({ agreement: words, event: words, weapon: words, organisation: words, place: words }).strict(),
    /** Lower-case nouns that, right after a capitalised word, say what it names ("the Emilia-Romagna region", "the G7 summit"). */
    followerNouns: z.object({ place: words, organisation: words, event: words }).strict(),
    /** Words that begin a place name ("Port", "Lake", "Mount"). */
    placeFirstWords: words,
    notNames: words,
    /** Words that are a name only as part of a longer one ("South China Sea", not "South"). */
    notAlone: words,
    /** Acronyms of countries and unions ("US", "UK"), typed as places. */
    placeAcronyms: words,
    /** Nouns right before a name that make it an organisation ("the dredging company X", "the humanitarian agency X"). */
    organisationBefore: words.default([]),
    /** Plural nouns an enumeration of organisations follows ("two clubs, X and Y"). */
    organisationPlural: words.default([]),
    /** Phrases after which a single capitalised word is an organisation, not a place ("wanted by X", "played for X"). */
    organisationAgentBefore: words.default([]),
    /** Nouns whose "of X" names a place ("residents of X", "the Y division of X"). */
    placeOfNouns: words.default([]),
    /** Lower-case particles that open a surname with a hyphen ("al-Nuaimi", "el-Sisi"). */
    surnamePrefixes: words.default([]),
    /** Nouns after a possessive that make the possessor a place ("Peru's Congress", "Sudan's transitional government"). */
    statePossessions: words.default([]),
    /** A gazetteer (facts): sovereign states, their common short forms and the fifty US states; typed as places where they stand alone. */
    placeNames: words.default([]),
    /** Nouns that end a facility's name after its own name and a few lower-case words ("the X oil terminal", "the Y air base", "the Z No. 2 mine"). */
    facilityNouns: words.default([]),
    /** Lower-case words that may stand between a facility's name and its noun ("oil", "power", "chemical"). */
    facilityModifiers: words.default([]),
    /** Plural nouns whose "of X" makes a single word X an armed group or party ("fighters of X", "members of X"). */
    groupMemberNouns: words.default([]),
    /** Nouns of an armed group or party: "X, the ruling party", "the militia known as X". */
    groupNouns: words.default([]),
    /** Nouns whose "of X" is the name, not part of it ("Shares of Minera Andina", "Supporters of X"). */
    nounsBeforeOf: words.default([]),
    /** Legal forms a company's name ends in ("Ltd", "Kft.", "S.A."): the name without it is the company's short form. */
    legalForms: words.default([]),
    /** Last words of an organisation's name that keep a leading demonym as part of it ("Portuguese Cardiology Society", "Maltese Sporting Herald"; not "Chinese Foreign Ministry"). */
    demonymKeptBefore: words.default([]),
    /** Heads of a name that may run over a comma list of portfolios ("Department of Rural Affairs, Fisheries and Tourism"). */
    listNameHeads: words.default([]),
    /** Demonyms that do not end like one ("Soviet", "Arab", "Thai", "Dutch"): an adjective, not a name. */
    demonyms: words.default([]),
    /** Qualifiers after a hyphen that make the word before it a body acting ("Perindo-backed", "Hamas-led"). */
    agentQualifiers: words.default([]),
    /** Nouns before a letters-and-digits code that make it a molecule's, a gene's or a strain's, not a weapon's ("a protein called KRT-17"). */
    notWeaponCodeBefore: words.default([]),
    /** Nouns of a ship before its name ("the tanker X", "the bulk carrier Y"): the ship is typed a place, as the held-out labels type it. */
    shipNouns: words.default([]),
    /** Prefixes that open a ship's name ("MV", "HMS"): the ship is typed a place, as shipNouns. */
    shipPrefixes: words.default([]),
    /** Nouns of a work before its title in quotes ("the film, “X”", "the documentary “X”"): the title names no one. */
    workNouns: words.default([]),
    /** Words that open a document's code ("Form-12", "Article-9", "Section 144"): a form or a clause, not a weapon. */
    documentCodeWords: words.default([]),
    /** Last words of a news outlet's name ("Post", "Times"): its first word is most often the city it is named after, not its short form. */
    outletWords: words.default([]),
    /** Names in placeNames that are also people's names ("Jordan", "Georgia"): a name ending in one may be a person's. */
    placeNamesAlsoPersonal: words.default([]),
    /** Abbreviated given names that open a person's name ("Ma. Carmen dela Rosa", "Md. Rahman"). */
    givenNameAbbreviations: words.default([]),
    /** Nouns of a company's sites after "its X" ("its Galway headquarters", "their Ohio plant"): X is where the site is. */
    possessivePlaceNouns: words.default([]),
    /** Words that open a named storm's name ("Typhoon Haikui", "Hurricane Ada"): an event. */
    eventTitles: words.default([]),
    /** Letters after a person's name ("Helen Marsh KC", "Jane Doe MP"): no part of the name. */
    postNominals: words.default([]),
    /** Plural nouns of people whose possessive opens a body's name ("People's Democratic Party", "Women's Equality Party"): not an owner and its thing. */
    possessiveOpeners: words.default([]),
  })
  .strict();
export type NameRules = z.infer<typeof NameRulesFile>;

// ---------- data/parties.json ----------

export const PartiesFile = z
  .object({
    $comment: z.string().optional(),
    parties: z.array(
      z
        .object({
          name: nonEmpty,
          demonym: nonEmpty.nullable(),
          entities: z.array(entityId),
          words: z.array(nonEmpty).min(1),
          /** Seats of power that speak for the party ("Kremlin"): a claimant named so is an official. */
          seats: z.array(nonEmpty).default([]),
        })
        .strict(),
    ),
    adversaries: z.array(z.tuple([nonEmpty, nonEmpty])),
  })
  .strict()
  .superRefine((f, ctx) => {
    const names = new Set(f.parties.map((p) => p.name));
    f.adversaries.forEach((pair, i) =>
      pair.forEach((n, j) => {
        if (!names.has(n)) ctx.addIssue({ code: 'custom', path: ['adversaries', i, j], message: `'${n}' is not a party in this file` });
      }),
    );
  });
