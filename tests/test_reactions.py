"""Crisis reactions: actions, stances, timeline, history, the JSON contract, the HTML report, the CLI.

The documents in tests/fixtures/reactions/ are invented (a convoy bombing in 2031; parties ARM, AZE).
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from comity.reactions import Crisis, add_crisis, analyse, get_crisis, list_crises, remove_crisis
from comity.reactions.crises import CrisisNotFound, parse_phase
from comity.reactions.cues import CueError, load_cues
from comity.reactions.dating import date_sentence
from comity.reactions.report import render_html
from comity.reactions.sources import documents_from_store, rebuild_text
from comity.reactions.speakers import speaker_rules
from comity.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "reactions"
CONVOY = FIXTURES / "convoy-crisis.jsonl"
CRISIS = Crisis("convoy-2031", ("ARM", "AZE"), start="2031-03-01", trigger="Lachin convoy bombing")


def convoy_documents() -> list[Document]:
    rows = [json.loads(line) for line in CONVOY.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Document(r["id"], r["text"], r["date"], r["title"], r["url"]) for r in rows]


@pytest.fixture(scope="module")
def report():
    return analyse(convoy_documents(), CRISIS)


def actions_of(report, code: str) -> list[str]:
    actor = report.actor(code)
    return actor.actions if actor else []


# -- actions -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "actor, action",
    [
        ("JPN", "condemns-attack"),
        ("JPN", "condolences"),
        ("EU", "calls-restraint"),
        ("CAN", "calls-restraint"),  # speaker given by the heading "Canada" above the quote
        ("KAZ", "offers-mediation"),
        ("USA", "mediated"),
        ("DEU", "welcomes-ceasefire"),
        ("FRA", "backs-ARM"),
        ("USA", "backs-AZE"),
        ("IRN", "criticises-AZE"),
    ],
)
def test_each_action_is_found_for_its_speaker(report, actor, action):
    assert action in actions_of(report, actor)


def test_no_action_is_given_to_the_wrong_actor(report):
    assert "backs-ARM" not in actions_of(report, "JPN")
    assert "criticises-AZE" not in actions_of(report, "FRA")
    # the party named in a cue is its object, not its speaker
    assert not any(e.action.startswith("backs-") for e in report.actor("ARM").evidence)


def test_even_handed_appeal_is_neutral(report):
    eu = report.actor("EU")
    assert eu.stance == "neutral"
    assert any("both sides" in e.sentence for e in eu.evidence)


def test_condemning_the_attack_takes_no_side(report):
    japan = report.actor("JPN")
    assert set(japan.actions) == {"condemns-attack", "condolences"}
    assert japan.stance is None


def test_backing_or_criticising_takes_a_side(report):
    assert report.actor("FRA").stance == "pro-ARM"
    assert report.actor("IRN").stance == "pro-ARM"  # criticising AZE counts for ARM
    assert report.actor("KAZ").stance == "neutral"


def test_hedge_and_party_readout_lower_the_weight(report):
    russia = report.actor("RUS")
    assert "backs-ARM" in russia.actions
    hedged = [e for e in russia.evidence if e.action == "backs-ARM"]
    assert hedged and all(e.hedged for e in hedged)
    france = [e for e in report.actor("FRA").evidence if e.action == "backs-ARM"][0]
    assert hedged[0].confidence < france.confidence
    india = [e for e in report.actor("IND").evidence if e.action == "backs-ARM"]
    assert india and india[0].via_party_readout


def test_statement_known_only_from_a_party_is_flagged():
    report = analyse(["Chile backed Armenia's right to self-defence, the Armenian foreign ministry said.",
                      "Peru backed Armenia's right to self-defence."], CRISIS)
    chile, peru = report.actor("CHL").evidence[0], report.actor("PER").evidence[0]
    assert chile.via_party_readout and not peru.via_party_readout
    assert chile.confidence < peru.confidence


def test_stance_changes_over_time_and_as_of_cuts_the_evidence(report):
    usa = report.actor("USA")
    steps = [(t["date"], t["action"]) for t in usa.timeline]
    assert steps[0] == ("2031-03-02", "backs-AZE")
    assert ("2031-03-10", "mediated") in steps
    assert steps.index(("2031-03-10", "mediated")) > 0
    assert usa.stance == "neutral"  # mediation and an appeal to both sides outweigh the early backing
    early = analyse(convoy_documents(), CRISIS, as_of="2031-03-05")
    assert early.actor("USA").stance == "pro-AZE"
    assert early.actor("USA").actions == ["backs-AZE"]
    assert early.actor("DEU") is None  # welcomed the ceasefire on 10 March
    assert all(e.date <= "2031-03-05" for a in early.actors for e in a.evidence)


def test_historical_reaction_is_dated_and_not_counted(report):
    assert ("RUS", "mediated", "1994") in {(e.actor, e.action, e.date) for e in report.historical}
    assert "mediated" not in actions_of(report, "RUS")


def test_parties_are_listed_and_marked(report):
    parties = [a for a in report.actors if a.party]
    assert [a.actor for a in parties] == ["ARM", "AZE"]
    assert all(a.stance == f"pro-{a.actor}" for a in parties)


def test_coded_events_add_evidence_the_cues_missed():
    from comity.records import Event

    class FakeCoder:  # stands in for comity.coder.EventCoder: one "praise or endorse" event
        def code_document(self, doc):
            return [Event(doc.id, 0, doc.text, {"code": "SGP", "country": "SGP", "sector": "GOV", "text": "Singapore"},
                          {"code": "ARM", "country": "ARM", "sector": "GOV", "text": "Yerevan"}, "SUPPORT", None,
                          "051", "05", 1, 3.4, confidence=0.9)]

    doc = Document("ev", "Singapore praised Yerevan's handling of the crisis.", "2031-03-03")
    plain = analyse([doc], CRISIS)
    assert plain.actor("SGP") is None
    with_events = analyse([doc], CRISIS, coder=FakeCoder())
    assert with_events.actor("SGP").actions == ["backs-ARM"]
    assert with_events.actor("SGP").evidence[0].cue.startswith("event 051")


# -- JSON contract -------------------------------------------------------------------------------------

def test_json_contract_keys(report):
    data = json.loads(json.dumps(report.to_dict()))
    assert data["parties"] == ["ARM", "AZE"]
    assert data["crisis"]["name"] == "convoy-2031"
    assert data["actors"]
    for actor in data["actors"]:
        assert {"actor", "name", "party", "stance", "stance_score", "reasons", "actions", "evidence",
                "timeline"} <= set(actor)
        assert actor["stance"] in (None, "neutral", "pro-ARM", "pro-AZE")
        assert isinstance(actor["stance_score"], float)
        for e in actor["evidence"]:
            assert {"action", "doc_id", "sentence", "date", "title", "url", "confidence", "speaker",
                    "hedged"} <= set(e)
        for step in actor["timeline"]:
            assert {"date", "action", "stance"} <= set(step)
    france = next(a for a in data["actors"] if a["actor"] == "FRA")
    assert france["name"] == "France"
    assert france["evidence"][0]["url"] == "https://example.org/convoy-day1"


# -- HTML report ---------------------------------------------------------------------------------------

class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_and_names_every_actor(report):
    page = render_html(report)
    parser = _Collector()
    parser.feed(page)
    parser.close()
    text = " ".join(parser.text)
    for actor in report.actors:
        assert actor.actor in text and actor.name in text
    tags = [t for t, _ in parser.tags]
    assert "svg" in tags and "circle" in tags and "table" in tags
    assert "script" not in tags
    for tag, attrs in parser.tags:  # nothing is loaded from elsewhere
        assert not (tag in ("link", "img", "iframe") and re.match(r"https?:", attrs.get("href", attrs.get("src", ""))))
    assert "@import" not in page and "url(" not in page
    assert "Lachin convoy bombing" in text
    assert "1994" in text  # the historical mention is shown apart


# -- crisis store --------------------------------------------------------------------------------------

def test_crisis_store_round_trip(tmp_path):
    import duckdb

    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    crisis = Crisis("convoy-2031", ("ARM", "AZE"), "2031-03-01", None, "Lachin convoy bombing",
                    (("truce", "2031-03-10"),))
    add_crisis(con, crisis)
    add_crisis(con, Crisis("war-1994", ("ARM", "AZE"), "1992-01-01", "1994-05-12"))
    assert get_crisis(con, "convoy-2031") == crisis
    assert [c.name for c in list_crises(con)] == ["war-1994", "convoy-2031"]
    assert crisis.phase_of("2031-03-12") == "truce" and crisis.phase_of("2031-03-02") is None
    with pytest.raises(CrisisNotFound, match="war-1994"):
        get_crisis(con, "nope")
    assert remove_crisis(con, "war-1994") and not remove_crisis(con, "war-1994")


def test_crisis_validation():
    with pytest.raises(ValueError, match="two or more parties"):
        Crisis("x", ("ARM",))
    with pytest.raises(ValueError, match="not YYYY-MM-DD"):
        Crisis("x", ("ARM", "AZE"), start="March 2031")
    assert parse_phase("strikes:2031-03-04") == ("strikes", "2031-03-04")
    with pytest.raises(ValueError, match="NAME:YYYY-MM-DD"):
        parse_phase("strikes")


def test_bad_cue_file_names_file_and_entry(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("actions:\n  calls-restraint:\n    - 'urged (both'\n", encoding="utf-8")
    with pytest.raises(CueError, match=r"cues\.yaml: calls-restraint entry 1"):
        load_cues(bad)
    bad.write_text("actions:\n  cheers:\n    - 'hooray'\n", encoding="utf-8")
    with pytest.raises(CueError, match="unknown action 'cheers'"):
        load_cues(bad)


def test_historical_years_and_explicit_days():
    rules = speaker_rules()
    assert date_sentence("In 1971, Moscow sided with India.", "2025-05-10", "2025-04-22", rules).date == "1971"
    assert date_sentence("In the 1965 war, Russia mediated.", "2025-05-10", "2025-04-22", rules).historical
    later = date_sentence("In 2025 the talks resumed.", "2025-05-10", "2025-04-22", rules)
    assert not later.historical and later.date == "2025-05-10"
    assert date_sentence("On May 7, France spoke.", "2025-05-10", "2025-04-22", rules).date == "2025-05-07"


def test_rebuild_text_keeps_paragraphs_and_headings():
    assert rebuild_text([(0, 6, "Canada"), (8, 20, "We call, he said."), (21, 30, "Next one.")]) == \
        "Canada\nWe call, he said. Next one."
    assert rebuild_text([(0, 6, "Canada"), (7, 19, "We call, he said.")]) == "Canada\nWe call, he said."
    assert rebuild_text([(0, 9, "One more."), (12, 20, "Two.")]) == "One more.\nTwo."


def test_negated_and_refused_actions_are_not_counted():
    crisis = Crisis("t", ("ARM", "AZE"), start="2031-03-01", trigger="Lachin convoy bombing")
    report = analyse(["Brazil did not call for restraint.", "Chile refused to condemn the Lachin bombing.",
                      "Peru condemned the Lachin bombing."], crisis)
    assert report.actor("BRA") is None and report.actor("CHL") is None
    assert report.actor("PER").actions == ["condemns-attack"]


# -- store path and CLI --------------------------------------------------------------------------------

def _store_fixture_documents(db_path: Path) -> None:
    from comity.store import Store

    with Store(db_path) as store:
        for doc in convoy_documents():
            sentences, index = [], 0
            for m in re.finditer(r"[^\n]+", doc.text):
                sentences.append({"sentence_index": index, "start": m.start(), "end": m.end(), "text": m.group(0)})
                index += 1
            store.ingest(doc, sentences, [])


def test_documents_from_store_match_the_files(tmp_path):
    from comity.store import Store

    db = tmp_path / "s.duckdb"
    _store_fixture_documents(db)
    with Store(db) as store:
        docs = documents_from_store(store.con, CRISIS)
        assert [d.id for d in docs] == ["convoy-day1", "convoy-day4", "convoy-day9"]
        assert docs[0].date == "2031-03-02" and docs[0].url == "https://example.org/convoy-day1"
        late = documents_from_store(store.con, Crisis("late", ("ARM", "AZE"), start="2031-03-06"))
        assert [d.id for d in late] == ["convoy-day9"]
    from_store = analyse(docs, CRISIS).to_dict()
    from_files = analyse(convoy_documents(), CRISIS).to_dict()
    assert {(a["actor"], a["stance"], tuple(a["actions"])) for a in from_store["actors"]} == \
        {(a["actor"], a["stance"], tuple(a["actions"])) for a in from_files["actors"]}


@pytest.fixture(scope="module")
def cli():
    from typer.testing import CliRunner

    from comity import cli as cli_module

    cli_module._register_areas()
    return CliRunner(), cli_module.app


def test_cli_end_to_end(cli, tmp_path):
    runner, app = cli
    db = tmp_path / "my.duckdb"
    _store_fixture_documents(db)
    result = runner.invoke(app, ["crisis", "add", "convoy-2031", "--parties", "ARM,AZE", "--start", "2031-03-01",
                                 "--trigger", "Lachin convoy bombing", "--phase", "truce:2031-03-10", "--db", str(db)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["crisis", "list", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0 and "convoy-2031" in result.output and "truce:2031-03-10" in result.output

    result = runner.invoke(app, ["reactions", "--crisis", "convoy-2031", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {a["actor"]: a["stance"] for a in data["actors"]}["EU"] == "neutral"

    html = tmp_path / "report.html"
    result = runner.invoke(app, ["reactions", "--crisis", "convoy-2031", "--db", str(db), "--html", str(html),
                                 "--as-of", "2031-03-05", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "USA" in result.output and "pro-AZE" in result.output
    assert html.exists() and "<svg" in html.read_text(encoding="utf-8")

    result = runner.invoke(app, ["reactions", "--parties", "ARM,AZE", "--trigger", "Lachin convoy bombing",
                                 str(CONVOY), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "FRA" in {a["actor"] for a in json.loads(result.output)["actors"]}


def test_cli_errors_are_one_line(cli, tmp_path):
    runner, app = cli
    db = tmp_path / "e.duckdb"
    result = runner.invoke(app, ["reactions", "--crisis", "nope", "--db", str(db)])
    assert result.exit_code == 2 and "no crisis named 'nope'" in result.output
    result = runner.invoke(app, ["reactions", "--parties", "ARM", str(CONVOY)])
    assert result.exit_code == 2 and "two or more" in result.output
    result = runner.invoke(app, ["reactions", "--parties", "ARM,AZE", str(CONVOY), "--format", "xml"])
    assert result.exit_code == 2 and "unknown --format" in result.output
    result = runner.invoke(app, ["crisis", "add", "x", "--parties", "ARM,AZE", "--start", "soon", "--db", str(db)])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


# -- shared data: the seed article and the crisis corpus ----------------------------------------------

def test_seed_article(shared_dir):
    path = shared_dir / "corpus" / "seed" / "russia-reaction-op-sindoor.txt"
    text = path.read_text(encoding="utf-8")
    doc = Document("seed", text, date="2025-05-10", title=text.splitlines()[0])
    crisis = Crisis("sindoor-2025", ("IND", "PAK"), start="2025-04-22", trigger="Pahalgam terror attack")
    report = analyse([doc], crisis)
    for code in ("RUS", "SAU", "ARE", "EU"):
        assert report.actor(code).stance == "neutral", code
    assert "calls-restraint" in report.actor("RUS").actions
    usa = report.actor("USA")
    steps = [t["action"] for t in usa.timeline]
    assert steps.index("backs-IND") < steps.index("mediated")
    assert all(e.hedged for e in usa.evidence if e.action == "backs-IND")
    history = {(e.actor, e.action, e.date) for e in report.historical}
    assert ("RUS", "mediated", "1965") in history and ("RUS", "backs-IND", "1971") in history
    assert "backs-IND" not in report.actor("RUS").actions and "mediated" not in report.actor("RUS").actions


def test_crisis_corpus_scores(shared_dir):
    from comity.reactions.evaluate import evaluate

    result = evaluate(shared_dir / "corpus" / "crises")
    overall = result["overall"]
    assert {c["crisis"] for c in result["crises"]} == {"b", "c", "d1", "d2"}
    assert overall["stance_accuracy"] >= 0.9
    assert overall["precision"] >= 0.9
    assert overall["recall"] >= 0.85


# -- generalisation: speakers, negation, sided cues, list layouts (sentences written for these tests) ----

NK = Crisis("nk", ("ARM", "AZE"), start="2031-03-01", trigger="fighting over the Lachin corridor")


def pairs(report) -> set[tuple[str, str]]:
    return {(a.actor, act) for a in report.actors if not a.party for act in a.actions}


def test_parties_named_in_a_reported_clause_are_addressees_not_speakers():
    report = analyse(["Beijing hopes Armenia and Azerbaijan will exercise restraint, a Chinese spokesman said."], NK)
    assert pairs(report) == {("CHN", "calls-restraint")}
    assert not report.actor("ARM").evidence and not report.actor("AZE").evidence


def test_a_subject_naming_nobody_is_not_skipped_for_a_speaker_higher_up():
    report = analyse(["Washington tells Baku to pull back as the world urges restraint"], NK)
    assert ("USA", "calls-restraint") not in pairs(report)


def test_relative_clause_and_participle_speak_for_their_noun():
    report = analyse(["Kazakhstan, which has led mediation between the two neighbours, called for calm.",
                      "Italy, Spain and Greece also spoke, with Rome saying it mourned the victims."],
                     Crisis("t", ("ARM", "AZE"), start="2031-03-01", trigger="Lachin convoy bombing"))
    assert ("KAZ", "mediated") in pairs(report)
    assert ("ITA", "condolences") in pairs(report)
    assert ("ESP", "condolences") not in pairs(report)


def test_stopping_short_of_a_condemnation_is_no_condemnation():
    crisis = Crisis("t", ("ARM", "AZE"), start="2031-03-01", trigger="Lachin convoy bombing")
    report = analyse(["Brazil stopped short of condemning the bombing.", "Chile declined to take sides."], crisis)
    assert report.actor("BRA") is None or "condemns-attack" not in report.actor("BRA").actions
    assert report.actor("CHL").stance == "neutral" and report.actor("CHL").actions == []


def test_standing_with_a_party_backs_it_in_a_dispute_but_is_sympathy_after_a_terror_attack():
    text = "Greece stood firmly with Armenia."
    assert analyse([text], NK).actor("GRC").actions == ["backs-ARM"]
    bombing = Crisis("t", ("ARM", "AZE"), start="2031-03-01", trigger="Lachin convoy bombing")
    assert analyse([text], bombing).actor("GRC").actions == ["condolences"]


def test_a_party_that_is_only_the_object_of_a_preposition_is_not_criticised():
    report = analyse(["Peru said Azerbaijan's intimidation of Armenia was unacceptable."], NK)
    assert pairs(report) == {("PER", "criticises-AZE")}


def test_the_speaking_party_is_not_the_target_of_its_own_accusation():
    report = analyse(["Armenian Prime Minister Nikol Pashinyan accused Azerbaijan of unprovoked aggression."], NK)
    assert ("ARM", "criticises-AZE") in {(e.actor, e.action) for a in report.actors for e in a.evidence}
    assert not any(e.action == "criticises-ARM" for a in report.actors for e in a.evidence)


def test_halting_arms_sales_is_a_rebuke_not_support():
    report = analyse(["Germany announced that it would halt arms exports to Azerbaijan."], NK)
    assert report.actor("DEU").actions == ["criticises-AZE"]


def test_label_lines_name_the_speaker_and_datelines_do_not():
    report = analyse(["Saudi Arabia: The kingdom urged both sides to exercise restraint.\n"
                      "NATO – The alliance's chief said it supported Armenia's territorial integrity.\n"
                      "YEREVAN – The foreign ministry urged both sides to return to talks."], NK)
    assert {("SAU", "calls-restraint"), ("NATO", "backs-ARM")} <= pairs(report)
    assert not any(a.actor == "ARM" and a.actions for a in report.actors)


def test_a_headline_is_read_as_a_statement_and_names_the_speaker_below():
    report = analyse(["Brazil urges restraint\n\nThe foreign ministry said talks were the only way forward."], NK)
    assert pairs(report) == {("BRA", "calls-restraint")}
    report = analyse(["Peru\n\nThe foreign ministry urged both sides to show restraint."], NK)
    assert pairs(report) == {("PER", "calls-restraint")}


def test_passive_agent_inside_a_cue_is_the_mediator():
    report = analyse(["Armenia and Azerbaijan agreed to a truce after talks hosted by Qatar.",
                      "The meeting was co-organised by Switzerland."], NK)
    assert {("QAT", "mediated"), ("CHE", "mediated")} <= pairs(report)
    assert ("ARM", "mediated") not in {(e.actor, e.action) for a in report.actors for e in a.evidence}


# -- the development corpus and the evaluator on any corpus ------------------------------------------

DEV = FIXTURES / "dev"


def test_dev_corpus_scores_hold():
    """tests/fixtures/reactions/dev: 33 reaction reports on 30 crises, written for comity (measured
    stance 0.97, precision 0.97, recall 0.96); the floors catch regressions, not noise."""
    from comity.reactions.evaluate import evaluate

    result = evaluate(DEV)
    overall = result["overall"]
    assert len(result["crises"]) == 30
    assert overall["stance_accuracy"] >= 0.85
    assert overall["precision"] >= 0.9
    assert overall["recall"] >= 0.85
    assert all(c["precision"] >= 0.75 for c in result["crises"])


def test_crises_json_defines_trigger_and_start(tmp_path):
    from comity.reactions.evaluate import CorpusError, crisis_definitions

    good = tmp_path / "crises.json"
    good.write_text('{"x": {"parties": ["ARM", "AZE"], "start": "2031-03-01", "trigger": "Lachin bombing"}}')
    assert crisis_definitions(good) == {"x": {"parties": ["ARM", "AZE"], "start": "2031-03-01",
                                              "trigger": "Lachin bombing"}}
    assert crisis_definitions(tmp_path / "absent.json") == {}
    good.write_text('{"x": [1, 2]}')
    with pytest.raises(CorpusError, match="crises.json"):
        crisis_definitions(good)
    good.write_text('{"x": ')
    with pytest.raises(CorpusError, match=r"crises\.json:1"):
        crisis_definitions(good)


def test_cli_eval_reactions_scores_any_corpus_folder(cli, tmp_path):
    runner, app = cli
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "texts" / "01.txt").write_text(
        "Capitals react\nMarch 3, 2031\n\nJapan urged both sides to show restraint.\n"
        "Iran stood firmly with Armenia.\n", encoding="utf-8")
    rows = [{"crisis": "nk", "parties": ["ARM", "AZE"], "actor": "JPN", "action": "calls-restraint", "file": "01.txt",
             "evidence": "Japan urged both sides to show restraint."},
            {"crisis": "nk", "parties": ["ARM", "AZE"], "actor": "IRN", "action": "backs-ARM", "file": "01.txt",
             "evidence": "Iran stood firmly with Armenia."}]
    (corpus / "truth_exhaustive.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (corpus / "stance.json").write_text('{"nk": {"JPN": {"stance": "neutral"}, "IRN": {"stance": "pro-ARM"}}}')
    (corpus / "crises.json").write_text('{"nk": {"parties": ["ARM", "AZE"], "start": "2031-03-01", '
                                        '"trigger": "fighting over the Lachin corridor"}}')
    result = runner.invoke(app, ["eval", "reactions", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    overall = json.loads(result.output)["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"], overall["stance_correct"]) == (2, 0, 0, 2)
    (corpus / "crises.json").write_text('{"nk": {"parties": ["ARM"]}}')
    result = runner.invoke(app, ["eval", "reactions", str(corpus)])
    assert result.exit_code == 2 and "two or more parties" in result.output
