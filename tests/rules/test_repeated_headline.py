from cleaner.rules import repeated_headline, run_rule
from tests.conftest import document
from tests.rules.cases import flagged

HEADLINE = "Floods close the coast road"


def test_second_copy_goes_first_stays(context):
    text = f"Published: May 2, 2024\n{HEADLINE}\n{HEADLINE}\nThe road reopened on Monday."
    findings = list(run_rule(repeated_headline, document(text), context))
    assert [(f.line, f.text) for f in findings] == [(3, HEADLINE)]


def test_line_equal_to_the_metadata_title_goes(context):
    assert flagged(repeated_headline, context, f"{HEADLINE}\nThe road reopened.", title=HEADLINE) == [HEADLINE]


def test_title_with_site_name_still_matches(context):
    title = f"{HEADLINE} | Coast Gazette"
    assert flagged(repeated_headline, context, f"{HEADLINE}\nThe road reopened.", title=title) == [HEADLINE]


def test_case_and_punctuation_are_ignored(context):
    text = f"{HEADLINE.upper()}!\nThe road reopened."
    assert flagged(repeated_headline, context, text, title=HEADLINE) == [f"{HEADLINE.upper()}!"]


def test_body_line_sharing_words_stays(context):
    text = f"{HEADLINE}\nThe coast road floods close to the harbour every winter."
    assert flagged(repeated_headline, context, text) == []
    assert flagged(repeated_headline, context, text.split("\n")[1], title=HEADLINE) == []


def test_repeat_after_the_story_has_begun_is_not_the_headline(context):
    text = f"The river rose overnight.\n{HEADLINE}\n{HEADLINE}"
    assert flagged(repeated_headline, context, text) == []


def test_part_of_title_deep_in_the_text_stays(context):
    body = "\n".join(f"Paragraph {n} of the story." for n in range(8))
    text = f"{body}\nCoast Gazette"
    assert flagged(repeated_headline, context, text, title=f"{HEADLINE} | Coast Gazette") == []


def test_line_equal_to_the_page_title_element_goes_when_the_headline_differs(context):
    text = f"{HEADLINE}\nThe road reopened on Monday."
    metadata = {"title": "Coast road reopens after storm", "page_title": f"{HEADLINE} | Coast Gazette"}
    assert flagged(repeated_headline, context, text, **metadata) == [HEADLINE]
