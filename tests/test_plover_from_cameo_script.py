"""scripts/plover_from_cameo.py: PLOVER events from the CAMEO codes of a gold file."""
import json

from repo_scripts import load_script


def test_cameo_codes_give_plover_events_and_statements_are_dropped(tmp_path):
    records = [{"id": "a", "cameo": "1712", "event": "TBD", "text": "x"},
               {"id": "b", "cameo": "176", "event": "TBD", "text": "y"},  # newer than the table: its parent's
               {"id": "c", "cameo": "010", "event": "TBD", "text": "z"},  # a statement: no PLOVER event
               {"id": "d", "event": "AID", "text": "w"}]  # no code: left as it is
    path = tmp_path / "set.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert load_script("plover_from_cameo").main([str(path)]) == 0
    out = json.loads(path.read_text(encoding="utf-8"))
    assert [(r["id"], r["event"]) for r in out] == [("a", "ASSAULT"), ("b", "COERCE"), ("d", "AID")]
