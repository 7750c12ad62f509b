"""comity's own gold sentences (benchmarks/gold/): they load cleanly and are split as documented."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from comity.evaluate.gsr import PLOVER_EVENTS, load_gsr

GOLD = Path(__file__).resolve().parent.parent / "benchmarks" / "gold"
SETS = ["written_events_a.json", "written_events_b.json", "plover_modes.json", "written_events_c.json",
        "written_events_e.json", "news_probes.json", "written_events_f.json", "written_events_g.json",
        "written_events_h.json", "written_events_i.json", "written_events_j.json", "written_events_k.json",
        "written_events_l.json", "written_events_m.json", "written_events_n.json", "written_events_o.json",
        "written_events_p.json", "written_events_q.json", "written_events_r.json", "written_events_s.json",
        "written_events_t.json", "written_events_u.json", "written_events_v.json", "written_events_w.json",
        "written_events_x.json", "written_events_y.json", "written_events_z.json",
        "written_events_aa.json", "written_events_ab.json", "written_events_ac.json", "written_events_ad.json",
        "written_events_ae.json", "written_events_af.json"]


@pytest.mark.parametrize("name", SETS)
def test_gold_set_loads_without_problems_and_covers_every_event_type(name):
    items, problems = load_gsr(GOLD / name)
    assert problems == []
    assert {i.event for i in items} == set(PLOVER_EVENTS)
    assert len({i.id for i in items}) == len(items)  # ids are unique
    for item in items:
        assert item.sources, item.id
        for actor in (*item.sources, *(item.targets or ())):
            assert actor.text in item.text, (item.id, actor.text)  # labels point into the sentence


@pytest.mark.parametrize("name", SETS[:2])
def test_written_sets_alternate_dev_and_test_within_each_event_type(name):
    records = json.loads((GOLD / name).read_text(encoding="utf-8"))
    by_type: dict[str, list[str]] = {}
    for r in records:
        by_type.setdefault(r["event"], []).append(r["split"])
    for event, splits in by_type.items():
        assert splits == ["dev", "test"] * (len(splits) // 2) + ["dev"] * (len(splits) % 2), event
    counts = Counter(r["split"] for r in records)
    dev, _ = load_gsr(GOLD / name, split="dev")
    test, _ = load_gsr(GOLD / name, split="test")
    assert (len(dev), len(test)) == (counts["dev"], counts["test"])


@pytest.mark.parametrize("name,split,per_type", [("written_events_c.json", "test", 7), ("written_events_e.json", "test", 8),
                                                     ("written_events_g.json", "test", 8), ("written_events_f.json", "dev", 8),
                                                     ("written_events_h.json", "dev", 8), ("written_events_i.json", "dev", 8),
                                                     ("written_events_j.json", "dev", 8), ("written_events_k.json", "dev", 8),
                                                     ("written_events_l.json", "dev", 8), ("written_events_m.json", "dev", 8),
                                                     ("written_events_n.json", "dev", 8), ("written_events_o.json", "dev", 8),
                                                     ("written_events_p.json", "dev", 8), ("written_events_q.json", "dev", 8),
                                                     ("written_events_r.json", "test", 8),
                                                     ("news_probes.json", "dev", 10)])
def test_single_split_sets_hold_one_half_and_even_types(name, split, per_type):
    # C, E, G and R are held out whole (only ever scored); F, H-Q and the news probes are development data whole
    records = json.loads((GOLD / name).read_text(encoding="utf-8"))
    assert {r["split"] for r in records} == {split}
    assert set(Counter(r["event"] for r in records).values()) == {per_type}


HELD_OUT_CAMEO_SETS = ("written_events_y.json", "written_events_z.json")


@pytest.mark.parametrize("name", ["written_events_s.json", "written_events_t.json", "written_events_u.json",
                                  "written_events_v.json", "written_events_w.json", "written_events_x.json",
                                  "written_events_aa.json", "written_events_ab.json", "written_events_ac.json",
                                  "written_events_ad.json", "written_events_ae.json", "written_events_af.json",
                                  *HELD_OUT_CAMEO_SETS])
def test_cameo_labelled_sets_take_their_plover_event_from_the_cameo_table(name):
    # these sets were labelled with CAMEO codes; each record's PLOVER event is its code's in comity's table
    from comity.coder.ontology import cameo_info

    records = json.loads((GOLD / name).read_text(encoding="utf-8"))
    # S-X and AA-AF are development data whole, Y and Z held out whole
    assert {r["split"] for r in records} == ({"test"} if name in HELD_OUT_CAMEO_SETS else {"dev"})
    for r in records:
        code = r["cameo"]
        while True:  # a code newer than the table (176 cyber) takes its parent's event
            try:
                info = cameo_info(code)
                break
            except Exception:
                code = code[:-1]
        assert r["event"] == info["plover_event"], r["id"]
