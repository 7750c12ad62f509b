"""scripts/diff_events.py: events only one side has, grouped by sentence."""
from repo_scripts import load_script


def _module():
    return load_script("diff_events")


def _event(doc, index, code, source, target=None, sentence="S."):
    return {"doc": doc, "sentence_index": index, "sentence": sentence, "code": code, "source": source,
            "target": target}


def test_diff_groups_lost_and_gained_events_by_sentence():
    diff = _module().diff
    base = [_event("a", 0, "111", "FRA", "IND"), _event("a", 1, "040", "USA", "IND"), _event("b", 0, "190", "RUS", "UKR")]
    new = [_event("a", 0, "111", "FRA", "IND"), _event("a", 1, "040", "USA", "CHN"), _event("b", 0, "190", "RUS")]
    result = diff(base, new)
    assert (result["lost"], result["gained"]) == (2, 2)
    by_sentence = {(s["doc"], s["sentence_index"]): s for s in result["sentences"]}
    assert set(by_sentence) == {("a", 1), ("b", 0)}  # the unchanged sentence is not listed
    assert by_sentence[("a", 1)]["lost"] == [{"code": "040", "source": "USA", "target": "IND"}]
    assert by_sentence[("a", 1)]["gained"] == [{"code": "040", "source": "USA", "target": "CHN"}]
    assert by_sentence[("b", 0)]["gained"][0]["target"] is None


def test_identical_codings_differ_in_nothing():
    diff = _module().diff
    events = [_event("a", 0, "111", "FRA", "IND")]
    assert diff(events, list(events)) == {"base_events": 1, "new_events": 1, "lost": 0, "gained": 0, "sentences": []}
