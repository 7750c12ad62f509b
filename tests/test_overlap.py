"""The coder's overlapped parse: same results, in order, one group ahead, errors at their group."""
import sys
import threading

import pytest

from comity.coder.overlap import overlapped, short_switch_interval


def test_results_come_in_order_and_match_the_inline_parse():
    groups = [[1, 2], [3], [4, 5, 6], [7]]
    pairs = list(overlapped(iter(groups), lambda g: [x * 10 for x in g]))
    assert pairs == [(g, [x * 10 for x in g]) for g in groups]


def test_parse_runs_off_the_calling_thread_at_most_one_group_ahead():
    started: list[int] = []
    threads: set[str] = set()

    def parse(group):
        started.append(group)
        threads.add(threading.current_thread().name)
        return group

    seen_ahead = []
    for group, _ in overlapped(iter(range(5)), parse):
        # when group k reaches the caller, group k+1 may have been handed to the parser, never k+2
        seen_ahead.append(max(started) - group)
    assert max(seen_ahead) <= 1
    assert threading.current_thread().name not in threads


def test_a_parse_error_is_raised_at_its_group_after_the_earlier_ones():
    def parse(group):
        if group == 2:
            raise ValueError("bad group")
        return group

    got = []
    with pytest.raises(ValueError, match="bad group"):
        for group, parsed in overlapped(iter(range(5)), parse):
            got.append(parsed)
    assert got == [0, 1]


def test_switch_interval_is_restored_when_coding_ends_or_is_abandoned():
    before = sys.getswitchinterval()
    with short_switch_interval(0.0001):
        assert sys.getswitchinterval() == pytest.approx(0.0001)
        with short_switch_interval(0.0001):  # nested users share it; the outer one restores
            pass
        assert sys.getswitchinterval() == pytest.approx(0.0001)
    assert sys.getswitchinterval() == before
    pairs = overlapped(iter(range(10)), lambda g: g)
    assert next(pairs) == (0, 0)
    pairs.close()  # a caller that stops early
    assert sys.getswitchinterval() == before


def test_overlapped_coder_gives_the_same_events_as_the_inline_one():
    from comity.coder import EventCoder
    from comity.evaluate.bench import actor_sentences, as_documents
    from comity.records import Document

    texts = as_documents(actor_sentences(120), per_document=6)
    inline = EventCoder(classifier=None, overlap=False)
    overlapping = EventCoder(nlp=inline.nlp, actors=inline.actors, classifier=None, overlap=True)

    def events(coder):
        docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
        # small groups so that several are parsed ahead
        return [e.to_dict() for coded in coder.code_documents(docs, batch_size=16) for e in coded.events]

    expected = events(inline)
    assert expected and events(overlapping) == expected
    assert overlapping.stage_seconds["parse"] > 0
