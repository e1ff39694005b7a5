"""Properties over generated articles (hypothesis): cleaning is idempotent, what it records
rebuilds the input, normalizing is idempotent, nothing crashes on arbitrary text, and
duplicate clusters do not depend on the input order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean_document
from cleaner.core.model import Document, lines_from_text
from cleaner.core.settings import Settings
from cleaner.duplicates import Passage, cluster_passages
from cleaner.entities import Matcher, load_gazetteer
from cleaner.rules import make_context

CONTEXT = make_context(Settings())
MATCHER = Matcher(load_gazetteer(()))
EXAMPLES = 150

# lines of the kinds a scrape holds, written for these tests: boilerplate, and body sentences
# with entity variants in them
BOILERPLATE = [
    "Published: Mon, March 4, 2019",
    "By Jane Doe and Leo Brandt",
    "Markets | By Ana Ruiz",
    "Like this:",
    "Share this:",
    "ADVERTISEMENT",
    "More news: Ferry fares rise again",
    "Sign up for our newsletter to get updates",
    "© 2019 Harbour Courier. All rights reserved.",
    "Photo: Jane Doe/Reuters",
    "Listen: http://example.fm/ep12",
    "Related stories",
]
BODY = [
    "The USA delegation met the Russian Federation envoy on Tuesday.",
    "U.S. officials said the ferry would run again by the summer.",
    "The council voted to rebuild the harbour wall before winter.",
    "Residents of the United Kingdom of Great Britain and Northern Ireland were asked too.",
    "Work starts in March and should end by the autumn, the board said.",
    "Tell us what you think of the plan.",
]
LINE = st.one_of(st.sampled_from(BOILERPLATE), st.sampled_from(BODY), st.text(min_size=1, max_size=80))
ARTICLE = st.lists(LINE, min_size=1, max_size=25).map("\n".join)


def clean(text: str):
    return clean_document(Document("d", "d.txt", lines_from_text(text)), CONTEXT)


def rebuild(outcome) -> list[str]:
    """The input lines from the cleaned lines and the fixes applied, undone in reverse."""
    kept = {line.number: line.text for line in outcome.document.lines}
    for finding in reversed(outcome.applied):
        for edit in finding.fix.edits:
            if edit.removes_line:
                kept[edit.line] = finding.text
            else:
                text = kept[edit.line]
                assert text[edit.start : edit.start + len(edit.new)] == edit.new
                kept[edit.line] = text[: edit.start] + finding.text + text[edit.start + len(edit.new) :]
    return [kept[number] for number in sorted(kept)]


@settings(max_examples=EXAMPLES, deadline=None)
@given(ARTICLE)
def test_cleaning_is_idempotent(text):
    once = clean(text).document
    again = clean_document(once, CONTEXT)
    assert again.applied == () and again.document.text == once.text


@settings(max_examples=EXAMPLES, deadline=None)
@given(ARTICLE)
def test_what_cleaning_records_rebuilds_the_input(text):
    document = Document("d", "d.txt", lines_from_text(text))
    assert rebuild(clean_document(document, CONTEXT)) == [line.text for line in document.lines]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes_and_normalizing_is_idempotent(text):
    clean(text)
    once = MATCHER.normalize(text)
    assert MATCHER.normalize(once) == once


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(BODY + BOILERPLATE), min_size=2, max_size=30), st.randoms())
def test_clusters_do_not_depend_on_the_input_order(texts, random):
    passages = [Passage(f"d{i}", f"{i}.txt", None, 1, text) for i, text in enumerate(texts)]
    shuffled = passages[:]
    random.shuffle(shuffled)

    def groups(found) -> set[frozenset[str]]:
        return {frozenset([c.canonical.path, *(m.passage.path for m in c.members)]) for c in found}

    assert groups(cluster_passages(passages)) == groups(cluster_passages(shuffled))
