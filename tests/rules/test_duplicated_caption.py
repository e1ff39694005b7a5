from cleaner.rules import duplicated_caption
from tests.rules.cases import flagged

CAPTION = "Volunteers fill sandbags outside the town hall"
BODY = "The river rose overnight."


def test_both_copies_of_a_caption_pair_go(context):
    assert flagged(duplicated_caption, context, f"{BODY}\n{CAPTION}\n{CAPTION}\n{BODY} Again.") == [
        CAPTION,
        CAPTION,
    ]


def test_copies_one_paragraph_apart_go(context):
    text = f"{BODY}\n{CAPTION}\nPhoto: Jane Doe\n{CAPTION}"
    assert flagged(duplicated_caption, context, text) == [CAPTION, CAPTION]


def test_repeated_sentence_keeps_its_first_copy(context):
    sentence = "Water reached the first floor of the school."
    assert flagged(duplicated_caption, context, f"{BODY}\n{sentence}\n{sentence}") == [sentence]


def test_copies_far_apart_stay(context):
    middle = "\n".join(f"Paragraph {n} of the story." for n in range(3))
    assert flagged(duplicated_caption, context, f"{BODY}\n{CAPTION}\n{middle}\n{CAPTION}") == []


def test_single_caption_stays(context):
    assert flagged(duplicated_caption, context, f"{BODY}\n{CAPTION}\n{BODY} Again.") == []


def test_repeated_headline_is_left_to_its_rule(context):
    headline = "Floods close the coast road"
    assert flagged(duplicated_caption, context, f"{headline}\n{headline}\n{BODY}") == []


def test_copies_differing_in_case_and_ending_punctuation_go(context):
    text = f"{BODY}\n{CAPTION}\n  {CAPTION.upper()}. \n{BODY} Again."
    assert flagged(duplicated_caption, context, text) == [CAPTION, f"  {CAPTION.upper()}. "]


def test_a_third_copy_far_away_makes_it_no_caption_pair(context):
    middle = "\n".join(f"Paragraph {n} of the story." for n in range(3))
    text = f"{BODY}\n{CAPTION}\n{CAPTION}\n{middle}\n{CAPTION.lower()}."
    assert flagged(duplicated_caption, context, text) == []


def test_a_word_alone_or_a_list_item_twice_stays(context):
    # a dictionary's part of speech, a step listed twice: the article's own, not a caption
    assert flagged(duplicated_caption, context, f"{BODY}\nnoun\nnoun\n{BODY} Again.") == []
    item = "- Let the dough rest for one hour"
    assert flagged(duplicated_caption, context, f"{BODY}\n{item}\n{item}\n{BODY} Again.") == []
