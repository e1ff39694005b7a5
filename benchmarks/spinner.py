"""A text spinner for the dedup benchmark: copies of a paragraph with a chosen number of edits.

An edit is one of what republishers and content spinners do to a paragraph: a word swapped for
a synonym, an entity written another way ("US" as "U.S."), a word dropped, a word inserted, or
noise in case and punctuation. The synonym table below is small and hand-written; the entity
variants come from inverting cleaner's own gazetteer, so every variant the spinner writes is
one that ``entity-variant`` undoes.

Everything is driven by a ``random.Random`` the caller seeds: the same seed gives the same copies.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

# each group: words a rewriter swaps for one another
SYNONYM_GROUPS = """
said stated told remarked noted
says states tells notes
big large huge major
small little minor modest
new fresh recent
old former previous earlier
start begin launch
started began launched
end finish conclude
ended finished concluded
show reveal indicate
shows reveals indicates
showed revealed indicated
help assist aid support
helped assisted aided supported
buy purchase acquire
bought purchased acquired
rise increase climb grow
rose increased climbed grew
fall drop decline slide
fell dropped declined slid
fast quick rapid swift
slow gradual sluggish
important key crucial significant
people individuals persons
many numerous several
often frequently regularly
also additionally too
however but yet
about roughly around approximately
because since as
need require
needs requires
needed required
use utilize employ
used utilized employed
make create produce
made created produced
get obtain receive
got obtained received
plan proposal scheme
plans proposals schemes
company firm business
companies firms businesses
government administration authorities
officials authorities representatives
country nation
countries nations
city town
area region zone
job position role
jobs positions roles
money funds cash
problem issue difficulty
problems issues difficulties
result outcome
results outcomes
week seven-day
month period
year twelvemonth
children kids youngsters
women ladies
men gentlemen
house home residence
car vehicle automobile
road street route
main primary principal
high elevated
low reduced
hard difficult tough
easy simple straightforward
good fine positive
bad poor negative
best finest top
worst poorest
think believe reckon
thought believed reckoned
want wish desire
wanted wished desired
try attempt seek
tried attempted sought
ask request
asked requested
answer reply respond
answered replied responded
find discover
found discovered
keep retain maintain
kept retained maintained
leave depart exit
left departed exited
meet encounter
met encountered
move shift relocate
moved shifted relocated
pay compensate
paid compensated
stop halt cease
stopped halted ceased
win triumph prevail
won triumphed prevailed
lose forfeit
lost forfeited
work labor
worked labored
call phone
called phoned
expect anticipate
expected anticipated
allow permit let
allowed permitted let
include contain comprise
includes contains comprises
included contained comprised
report account
reported recounted
announced declared unveiled
warned cautioned alerted
claimed asserted alleged
agreed consented
despite notwithstanding
while whereas
almost nearly virtually
very extremely highly
recently lately
currently presently now
quickly rapidly swiftly
""".strip().splitlines()

# words a rewriter slips in
FILLERS = (
    "also",
    "still",
    "now",
    "reportedly",
    "actually",
    "really",
    "just",
    "even",
    "indeed",
    "meanwhile",
    "however",
    "further",
    "notably",
    "again",
    "already",
    "largely",
    "mostly",
    "apparently",
    "currently",
    "nonetheless",
    "certainly",
    "simply",
)
# words that stand in for a word the synonym table does not know
REPLACEMENTS = (
    "recent",
    "local",
    "several",
    "various",
    "important",
    "public",
    "official",
    "national",
    "other",
    "certain",
    "general",
    "specific",
    "current",
    "usual",
    "major",
    "broad",
)
PUNCTUATION = (",", ";", ":", "!", " -", "...")
LEVELS = ("exact", "2 edits", "5 edits", "1 in 6")
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"^(\W*)(\w+(?:[.'’]\w+)*\.?)(\W*)$")


def synonym_table(groups: Iterable[str] = SYNONYM_GROUPS) -> dict[str, tuple[str, ...]]:
    """Each word, lower case, to the other words of its group."""
    table: dict[str, tuple[str, ...]] = {}
    for group in groups:
        words = group.split()
        for word in words:
            table[word] = tuple(w for w in words if w != word)
    return table


def entity_variants(entities) -> dict[str, tuple[str, ...]]:
    """The gazetteer inverted: each canonical name to the variants that normalize to it."""
    return {e.canonical: tuple(e.variants) for e in entities if e.variants and " " not in e.canonical}


def edits_for(level: str, words: int) -> int:
    """How many edits a copy at ``level`` gets for a paragraph of ``words`` words."""
    fixed = {"exact": 0, "2 edits": 2, "5 edits": 5}
    return fixed[level] if level in fixed else max(1, round(words / 6))


class Spinner:
    """Makes edited copies of paragraphs."""

    def __init__(self, synonyms: dict[str, tuple[str, ...]], variants: dict[str, tuple[str, ...]]):
        self.synonyms = synonyms
        self.variants = variants

    def copy(self, text: str, level: str, rng: random.Random) -> str:
        tokens = _TOKEN.findall(text)
        for _ in range(edits_for(level, len(tokens))):
            self._edit(tokens, rng)
        return " ".join(tokens)

    def _edit(self, tokens: list[str], rng: random.Random) -> None:
        kind = rng.choices(("synonym", "drop", "insert", "noise"), (45, 20, 20, 15))[0]
        if kind == "drop" and len(tokens) > 3:
            del tokens[rng.randrange(len(tokens))]
        elif kind == "insert":
            tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(FILLERS))
        elif kind == "noise":
            self._noise(tokens, rng)
        else:
            self._swap(tokens, rng)

    def _swap(self, tokens: list[str], rng: random.Random) -> None:
        """A synonym or an entity variant where the paragraph has one, else another word."""
        places = [i for i, t in enumerate(tokens) if self._swappable(t)]
        index = rng.choice(places) if places else rng.randrange(len(tokens))
        match = _WORD.match(tokens[index])
        if match is None:
            tokens[index] = rng.choice(REPLACEMENTS)
            return
        before, word, after = match.groups()
        if word in self.variants:
            new = rng.choice(self.variants[word])
        elif word.lower() in self.synonyms:
            new = rng.choice(self.synonyms[word.lower()])
            new = new.capitalize() if word[0].isupper() else new
        else:
            new = rng.choice(REPLACEMENTS)
        tokens[index] = before + new + after

    def _swappable(self, token: str) -> bool:
        match = _WORD.match(token)
        return bool(match) and (match[2] in self.variants or match[2].lower() in self.synonyms)

    def _noise(self, tokens: list[str], rng: random.Random) -> None:
        index = rng.randrange(len(tokens))
        token = tokens[index]
        choice = rng.randrange(3)
        if choice == 0:
            tokens[index] = token.upper() if not token.isupper() else token.lower()
        elif choice == 1:
            tokens[index] = token.rstrip(".,;:!?") + rng.choice(PUNCTUATION)
        else:
            tokens[index] = token.capitalize() if token[:1].islower() else token.lower()
