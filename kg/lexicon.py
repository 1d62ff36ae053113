"""General vocabulary the rules use: organisation words, job titles, name particles, cues.

Nothing here names a particular person, paper or organisation: only the words of the
language that articles use around them.
"""

from __future__ import annotations

import re

__all__ = [
    "ORG_KIND_WORDS",
    "ORG_NOUNS",
    "THING_NOUNS",
    "org_kind_of_noun",
    "is_membership_body",
    "org_kind_from_name",
    "NAME_PARTICLES",
    "NON_NAME_WORDS",
    "JOB_TITLES",
    "CLUB_NAME",
    "COMPANY_SUFFIX",
    "FOUNDER_TITLES",
    "STOP_OF_NAME",
    "HONORIFIC",
    "OCCUPATIONS",
    "DEGREE_ABBR",
    "VENUES",
    "ORG_ACTOR_VERBS",
    "is_name_token",
    "initials_of",
    "ROMAN",
    "ROLE_PREFIXES",
]

# Words in an organisation's name that give its kind; the first match wins.
ORG_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("school", re.compile(r"\b(high school|preparatory|prep school|grammar school|secondary school|"
                          r"academy|lyc[eé]e|gymnasium|school|escuela|colegio|liceo|gymnasi)\b",
                          re.I)),
    ("university", re.compile(r"\b(university|universit[éày]|universidad|universidade|universitat|"
                              r"universitet|universitetet|yliopisto|egyetem|üniversitesi|"
                              r"univerzita|univerzitet|"
                              r"universität|universiteit|uniwersytet|università|hochschule|"
                              r"faculdade|facultad|college|"
                              r"polytechnic|politécnic[oa]|politecnico|école|ecole|conservatory|"
                              r"conservatoire|conservatorio|seminary|"
                              r"institute\s+of\s+(?:[a-z]+\s+){0,2}(?:technology|education|music|"
                              r"arts?|design|theology|engineering|management))\b", re.I)),
    ("investor", re.compile(r"\b(ventures?|capital|partners|investments?|fund|angels?|equity)\b",
                            re.I)),
    ("accelerator", re.compile(r"\b(accelerator|incubator|combinator)\b", re.I)),
    ("media", re.compile(r"\b(times|globe|post|news|journal|herald|tribune|gazette|magazine|"
                         r"press|daily|weekly|review|guardian|telegraph|chronicle|broadcasting|"
                         r"radio|television|tv)\b", re.I)),
    ("lab", re.compile(r"\b(lab|labs|laboratory|laboratories|research|institute|centre|center|"
                       r"instituto|institut|istituto|centro|zentrum|laboratorio|laboratoire|"
                       r"laboratório)\b", re.I)),
    ("government", re.compile(r"\b(ministry|department|council|parliament|senate|congress|"
                              r"government|agency|commission|administration|bureau|army|navy|"
                              r"air force|police|court|ministerio|ministère|ministério|ministerium|"
                              r"comisión|comissão|commissione|consejo|conselho|conseil|consiglio|"
                              r"secretaría|secretaria|agencia|agência|agence)\b", re.I)),
    ("company", re.compile(r"\b(inc|corp|corporation|ltd|llc|plc|gmbh|co|company|group|"
                           r"technologies|systems|solutions|software|labs?|photonics|robotics|"
                           r"analytics|therapeutics|biosciences|pharmaceuticals|semiconductors?|"
                           r"dynamics|devices|instruments|industries|holdings|motors|"
                           r"biotech|genomics|diagnostics|b\.v|n\.v|ag|ab|oyj?)\b\.?", re.I)),
    ("other", re.compile(r"\b(foundation|society|association|union|party|movement|league|club|"
                         r"church|fc|afc|consortium|initiative|alliance|trust|bank|diocese|"
                         r"federation|organi[sz]ation|committee|orchestra|band|team|museum|"
                         r"hospital|library|fundación|fundação|fondation|fondazione|stiftung|"
                         r"stichting|fonds|fund|"
                         r"sociedad|sociedade|société|società|gesellschaft|asociación|associação|"
                         r"academia|académie|accademia|akademie|unión|união|banco|museo|museu|"
                         r"musée|hospital|hôpital|biblioteca|bibliothèque)\b", re.I)),
]


#: The suffix of a company's name written after a comma: "Hale Co., Ltd.", "Vale Holdings, Inc.".
COMPANY_SUFFIX = r"(?:Ltd|Inc|LLC|Limited)\b"
#: A sports club: "Sekondi Harbour FC", "SV Rheinhafen 09", "KSV Oudenrode", "AC Lakemoor"
CLUB_NAME = re.compile(
    r"(?<![\w'’.-])(?:(?:[A-Z][\w'’-]+\s+){1,3}(?:A\.F\.C\.|F\.C\.|(?:AFC|FC)\b)|"
    r"(?-i:(?:FC|AFC|SV|KSV|TSV|VfB|VfL|FK|HNK|KRC)"
    r"(?:\s+[A-Z][\w'’-]+){1,3}(?:\s+\d{2,4}\b)?))")


def org_kind_from_name(name: str) -> str | None:
    """The kind an organisation's name itself says, or None.

    >>> org_kind_from_name("Cistercian Preparatory School"), org_kind_from_name("Acme Ventures")
    ('school', 'investor')
    >>> org_kind_from_name("University of Alberta"), org_kind_from_name("Acme") is None
    ('university', True)
    """
    for kind, pat in ORG_KIND_WORDS:
        if pat.search(name):
            return kind
    return "other" if CLUB_NAME.fullmatch(name) else None


#: Head nouns that say what kind of organisation a thing is ("a record label", "a school").
ORG_NOUNS: dict[str, str] = {
    **dict.fromkeys(("company", "firm", "corporation", "manufacturer", "label",
                     "retailer", "chain", "brand", "airline", "business", "conglomerate",
                     "studio", "startup", "carrier", "restaurant", "bank", "subsidiary"),
                    "company"),
    **dict.fromkeys(("school", "academy"), "school"),
    **dict.fromkeys(("university", "college", "conservatory", "seminary"), "university"),
    **dict.fromkeys(("institute", "laboratory", "lab", "observatory"), "lab"),
    **dict.fromkeys(("newspaper", "magazine", "broadcaster", "publication", "journal",
                     "network", "channel"), "media"),
    **dict.fromkeys(("ministry", "agency", "department", "court", "commission", "council",
                     "parliament", "legislature"), "government"),
    **dict.fromkeys(("band", "orchestra", "choir", "ensemble", "group", "foundation", "charity",
                     "organization", "organisation", "association", "society", "party", "club",
                     "team", "union", "league", "federation", "museum", "hospital", "church",
                     "institution", "fund", "trust", "order", "movement", "think tank",
                     "nonprofit", "non-profit", "cooperative", "festival", "troupe", "duo",
                     "trio", "quartet"), "other"),
}

#: Head nouns of pages about things that are neither people nor organisations.
THING_NOUNS = frozenset((
    "album", "song", "single", "film", "movie", "game", "programme", "program", "series", "show",
    "novel", "book", "doctrine", "discography", "soup", "dish", "building", "station", "river",
    "lake", "mountain", "village", "town", "city", "county", "district", "episode", "opera",
    "play", "musical", "painting", "poem", "language", "species", "genus", "ship", "aircraft",
    "car", "vehicle", "software", "method", "theory", "event", "tournament", "competition",
    "election", "war", "battle", "treaty", "law", "act", "route", "road", "highway", "railway",
    "line", "bridge", "park", "island", "region", "award", "prize", "list", "term", "concept",
))


def org_kind_of_noun(noun: str) -> str | None:
    """The organisation kind a head noun says, or None.

    >>> org_kind_of_noun("label"), org_kind_of_noun("orchestra"), org_kind_of_noun("director")
    ('company', 'other', None)
    """
    return ORG_NOUNS.get(noun.lower())


#: Bodies one is a member of rather than employed by: parties, armed forces, legislatures
#: ("joined the Christian Democrats", "served in the Norwegian Army", "elected to Congress").
MEMBERSHIP_BODY = re.compile(
    r"\b(?:party|movement|democrats|republicans|socialists|army|navy|air\s+force|"
    r"marine\s+corps|marines|"
    r"legion|regiment|armed\s+forces|national\s+guard|coast\s+guard|congress|parliament|senate|"
    r"house\s+of\s+(?:representatives|commons|lords|delegates)|assembly|legislature|riksdag|"
    r"bundestag|duma|knesset)\b", re.I)


def is_membership_body(name: str) -> bool:
    """Whether one belongs to ``name`` rather than works for it.

    >>> is_membership_body("Norwegian Army"), is_membership_body("Library of Congress")
    (True, False)
    """
    head = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0]
    if re.search(r"\b(?:library|office|service|bureau|department|ministry|university|college|"
                 r"school|academy|hospital|museum)\b", head, re.I):
        return False
    return bool(MEMBERSHIP_BODY.search(name))


#: A regnal or generational number after a name: "Louis XIII", "Benedict XVI".
ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")

#: Role words that the tagger glues to the front of a name ("Drummer Lars Ulrich").
ROLE_PREFIXES = {
    "drummer", "guitarist", "bassist", "singer", "vocalist", "pianist", "composer", "conductor",
    "actor", "actress", "director", "producer", "writer", "author", "poet", "painter", "artist",
    "gov", "gov.", "governor", "senator", "sen.", "rep.", "representative", "president",
    "chairman", "chancellor", "minister", "mayor", "judge", "justice", "coach", "manager",
    "striker", "goalkeeper", "quarterback", "pitcher", "head", "captain", "professor", "prof.",
    "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "general", "gen.",
    "professors", "drs", "drs.", "doctors",
    "lt.", "colonel", "col.", "commander", "reverend", "rev.", "father", "brother", "sister",
    "host", "presenter", "interviewer", "moderator", "guest",
}

NAME_PARTICLES = {
    "van", "von", "de", "der", "den", "da", "das", "do", "dos", "du", "del", "della", "di",
    "la", "le", "ter", "ten", "bin", "binti", "ibn", "al", "el", "y", "e", "i", "st.", "mac",
    "las", "los", "lo", "dei", "degli", "delle", "zu", "af", "av", "op", "vom", "zum",
}

# Capitalised words that are not parts of people's names (title words, generic nouns).
NON_NAME_WORDS = {
    w.lower()
    for w in """
    The A An Of And For In On At To With From By Via Is Are Be Was Were Its It This That These
    Learning Language Languages Model Models Network Networks Neural Deep Generative Training
    Transformer Transformers Pretraining Pre-Training Pre-Trained Representation Representations
    Unsupervised Supervised Supervision Visual Vision Speech Recognition Image Images Text Music
    Large Small Tiny Base Medium Version Release System Systems Data Dataset Corpus Benchmark
    Award Prize Medal Fellowship Lecture Professor Dr Doctor Sir Lord Lady Mr Mrs Ms Prof
    University College School Institute Company Corporation Inc Ltd Foundation Society Council
    Party Ministry Department Committee Association Center Centre Laboratory Lab Labs Research
    Press Journal Times News Review Conference Proceedings Workshop Symposium
    North South East West Northern Southern Eastern Western New Old Great Saint Mount Lake River
    January February March April June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter Fall
    American British English French German Chinese Japanese Indian Canadian Australian Russian
    Prime Minister President Chairman Chief Executive Officer Director Secretary General Senator
    Governor Mayor King Queen Prince Princess Pope Bishop Emperor Captain Colonel Admiral
    Writer Producer Editor Composer Manager
    Faculty Affiliate Scientist Fellow Student Students Postdoc Postdoctoral Researcher Engineer
    Lecturer Candidate Intern Technician Assistant Visiting Graduate Undergraduate Staff
    Street Road Avenue Square Bridge Station Airport Hospital Church Cathedral Museum
    Glacier Cemetery Island Islands Valley Bay Coast County Province District Region Highway
    Railway Railroad Airlines Records Studios Pictures Films Entertainment Communications Motors
    Books Publishing Publishers Racing Fund Ventures Capital Partners Philharmonic Orchestra
    Band Battalion Battalions Army
    Navy Regiment Division Club Team League Catholic Orthodox Orthodoxy Star Cross
    Formerly Twitter GitHub
    """.split()
}

JOB_TITLES = (
    r"(?:chief executive(?: officer)?|ceo|cto|cfo|coo|chief [a-z]+ officer|chief scientist|"
    r"president|vice[- ]president|chair(?:man|woman|person)?|(?:managing |executive |research |"
    r"technical |scientific |founding )?director|head(?: of [a-z]+)?|(?:senior |principal |staff |"
    r"lead )?(?:research )?(?:scientist|researcher|engineer)|professor|lecturer|editor|"
    r"spokes(?:man|woman|person)|partner|manager|employee|analyst|fellow|advisor|adviser|"
    r"reporter|journalist|columnist|correspondent|executive|official|chancellor|dean|"
    r"rector|vice-rector|vice-chancellor|"
    r"provost|secretary|treasurer|minister|governor|general manager|coach|captain|"
    r"(?:principal |clinical |senior )?investigator|physician|surgeon|curator|librarian|instructor|"
    r"consultant|(?:postdoctoral |senior )?research associate)"
)
FOUNDER_TITLES = r"(?:co-?founder|founder|cofounder|founding (?:member|partner))"
#: A name whose closing full stop is its own, an abbreviation's ("Acme Inc.", "Quillon
#: Materials B.V.", "John Roe Jr."), matched on the name with its stop.
STOP_OF_NAME = re.compile(r"(?:\s(?:Jr|Sr|Inc|Ltd|Co|Corp|Bros|Pty|Ltda)|(?:\b[A-Z]\.)+[A-Z])\.$")
#: Nouns for a person's occupation, the kind that stands before a name ("the economist X").
OCCUPATIONS = (r"(?:[a-z]+(?:ist|ian)|engineer|scientist|researcher|professor|physician|surgeon|"
               r"lawyer|writer|designer|architect|entrepreneur|banker|journalist|economist|"
               r"historian|novelist|poet|composer|painter|sociologist)")
#: A title before a person's name ("Dr", "Prof.", "Dame"), with the space after it.
HONORIFIC = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+"
#: Abbreviated degrees, as written in capitals with or without dots: "Ph.D.", "MSc", "B.A.".
DEGREE_ABBR = (r"(?:Ph\.?\s?D|D\.?\s?Phil|Sc\.?\s?D|M\.?\s?D|M\.?\s?S\.?\s?E|M\.?\s?Sc?|M\.?\s?A|"
               r"M\.?\s?Phil|M\.?\s?Eng|MBA|B\.?\s?Sc?|B\.?\s?A|B\.?\s?E(?:ng)?|B\.?\s?Tech|"
               r"LL\.?\s?[BM]|J\.?\s?D|A\.?\s?B|S\.?\s?B|Dipl|Habil)\.?")

# Venue names: general vocabulary of the scholarly world.
VENUES = [
    "NeurIPS", "NIPS", "ICML", "ICLR", "CVPR", "ICCV", "ECCV", "ACL", "EMNLP", "NAACL", "COLING",
    "AAAI", "IJCAI", "KDD", "WWW", "SIGIR", "SIGGRAPH", "CHI", "UIST", "ICRA", "IROS", "RSS",
    "CoRL", "Interspeech", "ICASSP", "AISTATS", "UAI", "COLT", "JMLR", "TPAMI", "TACL",
    "Nature", "Science", "Cell", "PNAS", "The Lancet", "NEJM", "Physical Review Letters",
    "Econometrica", "American Economic Review", "ISMB", "RECOMB", "MICCAI", "STOC", "FOCS",
    "SODA", "OSDI", "SOSP", "NSDI", "SIGCOMM", "SIGMOD", "VLDB", "ICDE", "PLDI", "POPL",
]

# Verbs whose subject is an actor (a company, an outlet), used to tell organisations from
# the products and methods the small model also tags ORG.
ORG_ACTOR_VERBS = {
    "report", "announce", "publish", "release", "raise", "acquire", "hire", "employ", "found",
    "invest", "fund", "launch", "say", "state", "sue", "partner", "sign", "buy", "sell",
    "operate", "continue", "describe", "break", "quote", "credit", "award", "grant", "open",
}


def is_name_token(tok: str) -> bool:
    """Whether a word can be part of a person's name.

    >>> [is_name_token(t) for t in ["Jong", "B.", "O'Neil", "van", "Transformer", "GPT-2"]]
    [True, True, True, True, False, False]
    """
    if tok.lower() in NAME_PARTICLES:
        return True
    if tok.lower() in NON_NAME_WORDS:
        return False
    if re.fullmatch(r"[^\W\d_]\.(?:-?[^\W\d_]\.)*", tok) and tok[:1].isupper():
        return True  # initials, in any script's capitals ("B.", "Ö.", "J.-P.")
    if ROMAN.fullmatch(tok):  # "George V", "John D. Rockefeller III" (checked by position)
        return True
    if re.fullmatch(r"(?:al|el|ad|as|ibn|bin|ben|abu|ul)-[^\W\d_]+", tok) and tok[3:4].isupper():
        return True  # "al-Rashidi"
    # any script's capital, then letters; hyphenated parts in either case ("Sten-Åke",
    # "Min-jung", "Phạm", "Nguyễn")
    parts = re.split(r"[-‐]", tok)
    if len(parts) <= 2 and parts[0][:1].isupper() and len(parts[0]) > 1 and all(
            p and all(ch.isalpha() or ch in "'’" for ch in p) and not any(
                ch.isupper() for ch in p[1:]) for p in parts):
        return True
    return bool(re.fullmatch(r"[A-Z][a-z]*[A-Z][a-z]+|[A-Z]['’][A-Z][a-z]+", tok))


def initials_of(name: str) -> str:
    """The capitals of a name's words, small words left out: an organisation's short form.

    >>> initials_of("University of California, San Francisco"), initials_of("The Acme Lab")
    ('UCSF', 'AL')
    """
    return "".join(w[0] for w in re.findall(r"[\w'’-]+", name)
                   if w.lower() not in ("of", "the", "and", "for", "at", "in", "de", "la")
                   and w[0].isupper())
