"""Tests for the CAMEO/PLOVER fact table and the verb dictionary loader."""
from __future__ import annotations

from importlib import resources

import pytest

from comity.coder.ontology import PLOVER_EVENTS, UnknownCameoCode, cameo_info, cameo_table, plover_for_cameo
from comity.coder.patterns import (PatternError, build_lexicon, default_lexicon, noun_forms,
                                   parse_patterns, verb_forms)


def test_cameo_info_fields():
    info = cameo_info("0256")
    assert info == {"code": "0256", "name": "Appeal for de-escalation of military engagement", "root": "02",
                    "quad_class": 1, "goldstein": -0.3, "plover_event": "REQUEST", "plover_mode": "yield"}


def test_every_root_and_quad_class():
    table = cameo_table()
    roots = {f"{r:02d}" for r in range(1, 21)}
    assert roots <= set(table)
    expected = {**{r: 1 for r in ("01", "02", "03", "04", "05")}, **{r: 2 for r in ("06", "07", "08")},
                **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}
    for code, info in table.items():
        assert info["root"] == code[:2]
        assert info["quad_class"] == expected[code[:2]], code
        assert -10 <= info["goldstein"] <= 10
    assert len(table) > 300
    assert {"010", "0256", "1823", "195", "2042"} <= set(table)


def test_plover_mapping():
    events = {info["plover_event"] for info in cameo_table().values()} - {None}
    assert events == set(PLOVER_EVENTS)  # all 16 PLOVER event types are reachable
    assert plover_for_cameo("010") == (None, None)  # PLOVER drops CAMEO 01 statements
    assert plover_for_cameo("163") == ("SANCTION", "discontinue")
    assert plover_for_cameo("195") == ("ASSAULT", "aerial")
    assert plover_for_cameo("045")[0] == "CONSULT"
    assert plover_for_cameo("1056") == plover_for_cameo("0256")  # appeals mirror demands
    assert plover_for_cameo("0871") == ("CONCEDE", None)  # a declared ceasefire: the manual says CONCEDE
    assert plover_for_cameo("081")[0] == "CONCEDE"
    # the PLOVER 2.0 manual puts apologies and pardons under CONCEDE, the 2021 mapping under SUPPORT
    assert plover_for_cameo("055")[0] == plover_for_cameo("056")[0] == "CONCEDE"
    assert plover_for_cameo("116") == ("SANCTION", "convict")  # the codebook's verdicts and sentences
    assert cameo_info("14")["quad_class"] == 4


def test_unknown_code():
    with pytest.raises(UnknownCameoCode, match="999"):
        cameo_info("999")


def test_table_header_documents_decisions():
    text = resources.files("comity").joinpath("data", "cameo", "cameo_codes.tsv").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "SANCTION" in header and "ACCUSE" in header


def test_packaged_dictionary_covers_all_roots():
    lex = default_lexicon()
    roots = {r.code[:2] for triggers in (*lex.verbs.values(), *lex.nouns.values()) for t in triggers for r in t.rules}
    assert roots == {f"{r:02d}" for r in range(1, 21)} | {""}  # "" : listed non-event uses
    assert lex.recode["intent"]["07"] == "033" and lex.recode["threat"]["163"] == "1312"
    lemmas = {t.lemma for triggers in lex.verbs.values() for t in triggers}
    assert len(lemmas) > 300
    assert {t.lemma for t in lex.verbs["condemned"]} == {"condemn"}
    assert lex.verbs["held"][0].lemma == "hold" and lex.verbs["struck"][0].lemma == "strike"
    assert lex.nouns["airstrikes"][0].lemma in ("airstrike", "airstrikes")
    assert lex.nouns["fire"][0].before == ("cease", "-")  # "cease-fire" is three spaCy tokens


def test_inflections():
    assert {"bans", "banned", "banning"} <= verb_forms("ban", {})
    assert {"urges", "urged", "urging"} <= verb_forms("urge", {})
    assert {"supplies", "supplied", "supplying"} <= verb_forms("supply", {})
    assert {"criticised", "criticized"} <= verb_forms("criticize", {})
    assert "met" in verb_forms("meet", {"meet": ["met"]})
    assert noun_forms("strike") == {"strike", "strikes"}


@pytest.mark.parametrize("text,message", [
    ("- {verb: [praise], code: '999'}", "entry 1 .*not a CAMEO code"),
    ("- {verb: [praise], rules: [{code: '051', words: '@nosuchset'}]}", "entry 1 .*unknown wordset"),
    ("- {verb: [call], rules: [{code: '020', prep: [on]}]}", "quote words"),
    ("- {praise: 1, code: '051'}", "unknown key"),
    ("- {verb: praise}", "needs 'code' or 'rules'"),
    ("- {verb: x, code: '051'}\n- [oops", "not valid YAML"),
    ("- {verb: [hack], code: '170', plover: HACK cyber}", "entry 1 .*PLOVER event"),
])
def test_bad_pattern_entries_name_file_and_entry(text, message):
    with pytest.raises(PatternError, match=message) as err:
        parse_patterns(text, {})
    assert "patterns.yaml" in str(err.value)


def test_build_lexicon_from_small_files():
    lex = build_lexicon("- {verb: [hail], code: '051'}\n- {noun: [salvo], code: '190'}",
                        "x: [y]", "light_verbs: [fire]\nnegating_governors: []", "lemma\tforms\n")
    assert lex.verbs["hailed"][0].rules[0].code == "051"
    assert lex.nouns["salvos"][0].lemma == "salvo" and "hailed" not in lex.nouns
    assert lex.is_("fired", "light_verbs")


def test_multi_token_verbs_inflect_and_come_first_and_rules_may_name_a_plover_mode():
    lex = build_lexicon("- {verb: [fire], code: '194'}\n- {verb: [test-fire], code: '150'}\n"
                        "- {verb: [hack], code: '170', plover: COERCE cyber}",
                        "x: [y]", "light_verbs: [launch]\nnegating_governors: []", "lemma\tforms\n")
    assert [t.lemma for t in lex.verbs["fired"]] == ["test-fire", "fire"]  # the longer one first
    assert lex.lemma_of["fired"] == "fire"
    assert lex.verbs["hacked"][0].rules[0].plover == ("COERCE", "cyber")


def test_wordset_stems_match_word_starts_whole_words_and_the_object():
    from comity.coder.patterns import compile_stems

    stems = compile_stems(["attack", "war$", "^fighting"])
    assert stems.search("counter-attacks on the port") and not stems.search("counterattacks")
    assert stems.search("a war of words") and not stems.search("warships")
    # "^" keeps a stem to the first three words, where a verb's object stands
    assert stems.search("the fighting in the north") and stems.search("all their fighting")
    assert not stems.search("economic aid to serbia in line with efforts to end the fighting")


def test_a_wordset_named_with_a_caret_keeps_every_stem_near_the_object():
    from comity.coder.patterns import _words

    sets = {"units": ["carrier", "^destroyer"], "plain": ["carrier", "^destroyer"]}
    near = _words("^@units", sets, "test")
    assert near.search("a carrier strike group to the gulf") and not near.search("ships and then a big carrier")
    plain = _words("@plain", sets, "test")
    assert plain.search("ships and then a big carrier") and not plain.search("ships and then a big destroyer")
