"""Fixes apply in passes: overlapping edits wait, and the result is checked until stable."""

from __future__ import annotations

from cleaner.core.fixes import apply_once, fix_until_stable
from cleaner.core.model import Edit, Finding, Fix
from tests.conftest import document


def finding(line, *edits, safe=True, **metadata):
    return Finding("X001", "test", line, "m", "t", fix=Fix(tuple(edits), safe), metadata=metadata)


def test_removal_and_span_edits_apply_in_one_pass():
    doc = document("keep one\ndrop me\nUSA and USA")
    fixes = [finding(2, Edit(2)), finding(3, Edit(3, 0, 3, "US")), finding(3, Edit(3, 8, 11, "US"))]
    result, applied = apply_once(doc, fixes)
    assert result.text == "keep one\nUS and US"
    assert len(applied) == 3
    assert [line.number for line in result.lines] == [1, 3]


def test_overlapping_edits_wait_for_the_next_pass():
    doc = document("abc")
    result, applied = apply_once(doc, [finding(1, Edit(1, 0, 2, "X")), finding(1, Edit(1, 1, 3, "Y"))])
    assert (result.text, len(applied)) == ("Xc", 1)
    result, applied = apply_once(doc, [finding(1, Edit(1)), finding(1, Edit(1, 0, 1, "Z"))])
    assert (result.text, len(applied)) == ("", 1)


def test_metadata_moves_without_overriding_known_values():
    doc = document("By Jane Doe\nBody.", author="Known Author")
    result, _ = apply_once(doc, [finding(1, Edit(1), author="Jane Doe", section="Local")])
    assert dict(result.metadata) == {"author": "Known Author", "section": "Local"}


def test_fixing_repeats_until_no_finding_is_left():
    doc = document("x\nx\nx\nbody")

    def check(d):  # flags the first of two equal neighbours, one at a time
        for a, b in zip(d.lines, d.lines[1:]):
            if a.text == b.text:
                return [finding(b.number, Edit(b.number))]
        return []

    outcome = fix_until_stable(doc, check, max_passes=10)
    assert outcome.document.text == "x\nbody"
    assert [f.line for f in outcome.applied] == [2, 3]
    assert outcome.remaining == ()


def test_unsafe_fixes_need_permission():
    doc = document("a\nb")
    outcome = fix_until_stable(doc, lambda d: [finding(1, Edit(1), safe=False)] if len(d.lines) == 2 else [], 5)
    assert outcome.document.text == "a\nb" and len(outcome.remaining) == 1
    outcome = fix_until_stable(
        doc, lambda d: [finding(1, Edit(1), safe=False)] if len(d.lines) == 2 else [], 5, unsafe=True
    )
    assert outcome.document.text == "b"


def test_overlaps_are_found_as_by_comparing_every_pair():
    import random

    from cleaner.core.fixes import _Taken
    from cleaner.core.model import Edit

    def brute(edit, chosen):
        for other in chosen:
            if edit.removes_line or other.removes_line:
                return True
            end = 1 << 30 if edit.end is None else edit.end
            other_end = 1 << 30 if other.end is None else other.end
            if edit.start < other_end and other.start < end:
                return True
        return False

    rng = random.Random(7)
    for _ in range(300):
        taken, chosen = _Taken(), []
        for _ in range(12):
            start = rng.randrange(20)
            kind = rng.random()
            if kind < 0.05:
                edit = Edit(1)
            elif kind < 0.15:
                edit = Edit(1, start, None, "x")
            else:
                edit = Edit(1, start, start + rng.randrange(4), "x")
            assert taken.overlaps(edit) == brute(edit, chosen)
            if not brute(edit, chosen):
                taken.add(edit)
                chosen.append(edit)


def test_thousands_of_edits_on_one_line_are_made_in_one_pass():
    from cleaner.core.fixes import apply_once
    from cleaner.core.model import Document, Edit, Finding, Fix, Line

    text = "USA and " * 20_000
    findings = [
        Finding("N001", "entity-variant", 1, "m", "USA", at + 1, at + 4, Fix((Edit(1, at, at + 3, "US"),)))
        for at in range(0, len(text), 8)
    ]
    document, done = apply_once(Document("d", "d", (Line(1, text),)), findings)
    assert len(done) == 20_000 and document.lines[0].text == "US and " * 20_000
