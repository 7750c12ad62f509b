"""Tests for the event coder (comity.coder). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from comity.coder import EventCoder
from comity.coder.sentences import split_sentences
from comity.records import Document
from stand_in_actors import PhraseActors


class TinyActors(PhraseActors):
    """The stand-in actor dictionary of these tests (see tests/stand_in_actors.py)."""

    PHRASES = {
        "russian foreign ministry spokesperson maria zakharova": ("RUS", "RUS", "GOV", "Russia"),
        "maria zakharova": ("RUS", "RUS", "GOV", "Russia"),
        "zakharova": ("RUS", "RUS", "GOV", "Russia"),
        "russian foreign ministry": ("RUS", "RUS", "GOV", "Russia"),
        "russia": ("RUS", "RUS", None, "Russia"), "russian": ("RUS", "RUS", None, "Russia"),
        "moscow": ("RUS", "RUS", "GOV", "Russia"), "the kremlin": ("RUS", "RUS", "GOV", "Russia"),
        "india": ("IND", "IND", None, "India"), "indian": ("IND", "IND", None, "India"),
        "new delhi": ("IND", "IND", "GOV", "India"), "indian army": ("IND", "IND", "MIL", "India"),
        "pakistan": ("PAK", "PAK", None, "Pakistan"), "pakistani": ("PAK", "PAK", None, "Pakistan"),
        "islamabad": ("PAK", "PAK", "GOV", "Pakistan"),
        "the united states": ("USA", "USA", None, "United States"), "the us": ("USA", "USA", None, "United States"),
        "washington": ("USA", "USA", "GOV", "United States"),
        "china": ("CHN", "CHN", None, "China"), "chinese": ("CHN", "CHN", None, "China"), "beijing": ("CHN", "CHN", "GOV", "China"),
        "france": ("FRA", "FRA", None, "France"), "japan": ("JPN", "JPN", None, "Japan"),
        "south korea": ("KOR", "KOR", None, "South Korea"), "ukraine": ("UKR", "UKR", None, "Ukraine"),
        "the european union": ("EU", None, "IGO", "European Union"), "nato": ("NATO", None, "IGO", "NATO"),
        "the united nations": ("UN", None, "IGO", "United Nations"),
        "tehrik-i-taliban pakistan": ("TTP", "PAK", "REB", "Tehrik-i-Taliban Pakistan"),
        "prime minister narendra modi": ("IND", "IND", "GOV", "India"),
        "narendra modi": ("IND", "IND", "GOV", "India"),
    }
    ROLES = {"ministry": "GOV", "spokesperson": "GOV", "government": "GOV", "army": "MIL",
             "military": "MIL", "minister": "GOV", "president": "GOV"}


@pytest.fixture(scope="module")
def coder(nlp):
    return EventCoder(nlp=nlp, actors=TinyActors(), classifier=None)  # the rules alone


def code(coder, text):
    return coder.code_text(text, date="2025-05-10", doc_id="t")


def triples(events):
    return {(e.source["code"], e.target["code"] if e.target else None, e.cameo_code) for e in events}


# One sentence per CAMEO family: (sentence, source, target, expected CAMEO code prefix)
FAMILIES = [
    ("Pakistan declined to comment on the report.", "PAK", None, "011"),
    ("Narendra Modi expressed condolences to Pakistan over the floods.", "IND", "PAK", "018"),
    ("The United Nations appealed to India for a ceasefire.", "UN", "IND", "02"),
    ("Russia offered to mediate between India and Pakistan.", "RUS", "IND", "039"),
    ("The Indian foreign secretary met with Chinese officials in Beijing.", "IND", "CHN", "04"),
    ("France praised India for its restraint.", "FRA", "IND", "051"),
    ("India and France signed a defence agreement on Monday.", "IND", "FRA", "057"),
    ("Russia held joint military exercises with Pakistan.", "RUS", "PAK", "062"),
    ("Moscow supplied fighter jets and tanks to New Delhi.", "RUS", "IND", "072"),
    ("Pakistan released the captured Indian pilot.", "PAK", "IND", "084"),
    ("The United Nations will investigate war crimes in Ukraine.", "UN", "UKR", "09"),
    ("Islamabad demanded that New Delhi withdraw its troops.", "PAK", "IND", "10"),
    ("Pakistan accused India of aggression.", "PAK", "IND", "112"),
    ("The US condemned China.", "USA", "CHN", "111"),
    ("Beijing rejected the proposal for talks with India.", "CHN", None, "12"),
    ("Pakistan threatened to attack India.", "PAK", "IND", "13"),
    ("Protesters from Pakistan staged demonstrations against India.", "PAK", "IND", "14"),
    ("Pakistan mobilized troops along the border with India.", "PAK", "IND", "15"),
    ("Washington imposed sanctions on Russia.", "USA", "RUS", "163"),
    ("The Indian army arrested Pakistani fishermen.", "IND", "PAK", "173"),
    ("The Indian army shelled Pakistani positions.", "IND", "PAK", "19"),
    ("Indian jets carried out airstrikes on Pakistan.", "IND", "PAK", "195"),
]


@pytest.mark.parametrize("sentence,source,target,prefix", FAMILIES, ids=[f[3] for f in FAMILIES])
def test_event_families(coder, sentence, source, target, prefix):
    events = code(coder, sentence)
    hits = [e for e in events if e.cameo_code.startswith(prefix) and e.source["code"] == source]
    assert hits, f"no {prefix} event by {source} in {sentence!r}: {triples(events)}"
    if target is not None:
        assert target in {e.target["code"] for e in hits if e.target}, triples(events)


def test_request_with_two_targets_shares_event_group(coder):
    events = code(coder, "Russian Foreign Ministry spokesperson Maria Zakharova urged both India and "
                         "Pakistan to exercise restraint.")
    req = [e for e in events if e.plover_event == "REQUEST"]
    assert {(e.source["code"], e.source["sector"], e.target["code"]) for e in req} == {
        ("RUS", "GOV", "IND"), ("RUS", "GOV", "PAK")}
    assert {e.cameo_code for e in req} == {"0256"}
    assert len({e.event_group for e in req}) == 1 and req[0].event_group
    assert all(e.quad_class == 1 and e.goldstein == -0.3 and e.plover_mode == "yield" for e in req)


def test_condemned_attack_targets_its_perpetrator(coder):
    events = code(coder, "France and the United States condemned the attack carried out by the "
                         "Tehrik-i-Taliban Pakistan.")
    assert {("FRA", "TTP", "111"), ("USA", "TTP", "111")} <= triples(events)
    assert triples(code(coder, "France condemned the attack on India.")) == {("FRA", None, "111")}


def test_sources_listed_after_including(coder):
    events = code(coder, "Several nations, including France and Japan, praised India.")
    assert {("FRA", "IND", "051"), ("JPN", "IND", "051")} == triples(events)


def test_two_sources(coder):
    events = code(coder, "The US and France condemned India's strikes on Pakistan.")
    assert {("USA", "IND", "111"), ("FRA", "IND", "111")} <= triples(events)


def test_reported_speech_inner_subject_is_source(coder):
    events = code(coder, "The ministry said Russia would send weapons to India.")
    assert [(e.source["code"], e.target["code"]) for e in events] == [("RUS", "IND")]
    # a promised act is CAMEO 03 "express intent": 0332 intent to provide military aid
    assert events[0].modality == "future" and events[0].cameo_code == "0332"
    assert events[0].extra["asserted_code"] == "072" and events[0].plover_event == "AGREE"


def test_reported_demand_recodes_the_inner_act(coder):
    events = code(coder, "France said Russia must withdraw its troops from Ukraine.")
    assert {(e.source["code"], e.target["code"], e.cameo_root) for e in events} == {("FRA", "RUS", "10")}


def test_reported_request_from_modal_clause(coder):
    events = code(coder, "France said India and Pakistan should return to dialogue.")
    assert {("FRA", "IND"), ("FRA", "PAK")} == {(e.source["code"], e.target["code"]) for e in events}
    assert all(e.plover_event == "REQUEST" and e.cameo_code == "026" for e in events)
    assert all(e.extra["reported_speech"] for e in events)


def test_speaker_is_source_of_subjectless_clause(coder):
    events = code(coder, "Maria Zakharova spoke to reporters on Thursday. She urged India to show restraint.")
    assert [(e.source["code"], e.target["code"], e.cameo_code) for e in events] == [("RUS", "IND", "0256")]
    assert events[0].extra["source_via"] == ["coref"]
    assert events[0].confidence < 0.9
    assert events[0].sentence_index == 1


def test_pair_coreference(coder):
    events = code(coder, "India and Pakistan exchanged fire on Friday. The United Nations called on "
                         "the two countries to show restraint.")
    req = [e for e in events if e.plover_event == "REQUEST"]
    assert {(e.source["code"], e.target["code"]) for e in req} == {("UN", "IND"), ("UN", "PAK")}


def test_role_noun_coreference(coder):
    events = code(coder, "Pakistan closed its airspace. The ministry condemned India.")
    acc = [e for e in events if e.cameo_code == "111"]
    assert [(e.source["code"], e.source["sector"], e.target["code"]) for e in acc] == [("PAK", "GOV", "IND")]


def test_passive_voice(coder):
    events = code(coder, "Pakistan was attacked by India on Wednesday.")
    assert triples(events) == {("IND", "PAK", "190")}


def test_negation(coder):
    (e,) = code(coder, "China did not condemn India.")
    assert e.negated and e.cameo_code == "111"
    (e,) = code(coder, "Beijing refused to back Islamabad.")
    # by default a refused cooperative act is a REJECT, as CAMEO codes it; the act is kept in extra
    assert (e.plover_event, e.negated, e.extra["negated_code"]) == ("REJECT", False, "051")
    assert e.target["code"] == "PAK"
    (e,) = code(coder, "Russia never criticized India.")
    assert e.negated


def test_negation_flag_option_keeps_the_act(nlp):
    flagging = EventCoder(nlp=nlp, actors=TinyActors(), classifier=None, negation="flag")
    (e,) = flagging.code_text("Beijing refused to back Islamabad.")
    assert e.negated and e.plover_event == "SUPPORT" and e.target["code"] == "PAK"


def test_modality(coder):
    (hedged,) = code(coder, "The US appeared to back India.")
    assert hedged.modality == "hedged" and hedged.confidence < 0.9
    (future,) = code(coder, "Washington will impose sanctions on Russia.")
    # an announced sanction is a threat (CAMEO 1312); the act itself is kept in extra
    assert future.modality == "future" and future.cameo_code == "1312" and future.extra["asserted_code"] == "163"
    (intent,) = code(coder, "France plans to visit India next month.")
    assert intent.modality == "intent" and intent.cameo_code == "036"
    conditional = code(coder, "Russia said it would supply weapons to India if Pakistan attacked.")
    assert {e.modality for e in conditional} == {"conditional"}
    (asserted,) = code(coder, "France praised India.")
    assert asserted.modality is None and not asserted.negated


def test_negation_as_rejection_option(nlp):
    gdelt_style = EventCoder(nlp=nlp, actors=TinyActors(), classifier=None, negation="reject")
    (e,) = gdelt_style.code_text("Washington refused to lift sanctions on Russia.")
    assert (e.cameo_code, e.plover_event, e.negated) == ("1244", "REJECT", False)
    assert e.extra["negated_code"] == "085"
    (flagged,) = EventCoder(nlp=nlp, actors=TinyActors(), classifier=None, negation="flag").code_text("Washington refused to lift sanctions on Russia.")
    assert (flagged.cameo_code, flagged.negated) == ("085", True)
    with pytest.raises(ValueError, match="negation"):
        EventCoder(nlp=nlp, actors=TinyActors(), negation="ignore")


def test_listed_non_event_use(coder):
    assert code(coder, "France will fight the epidemic with India.") == []
    assert triples(code(coder, "France will fight India.")) == {("FRA", "IND", "1384")}


def test_no_actor_no_event(coder):
    assert code(coder, "Big powers reward alignment, not independence.") == []
    assert code(coder, "The talks were held in Geneva and the strikes continued.") == []
    assert code(coder, "") == []


def test_self_directed_event_dropped(coder):
    assert code(coder, "India praised Indian soldiers.") == []


def test_spans_point_at_trigger(coder):
    text = ("Officials met on Monday.\nIn a statement, Moscow urged New Delhi to show restraint. "
            "Later, Islamabad accused India of aggression.")
    events = code(coder, text)
    assert events
    for e in events:
        assert text[e.char_start:e.char_end] == e.trigger
        assert text[e.sentence_start:].startswith(e.sentence)
        assert e.sentence_start <= e.char_start < e.char_end <= e.sentence_start + len(e.sentence)
        assert e.date == "2025-05-10" and e.doc_id == "t"
    assert {e.trigger for e in events} == {"urged", "accused"}


def test_code_documents_records_sentences_and_skips(coder):
    docs = [Document("a", "The weather was mild. France praised India. It was late.", "2025-01-01"),
            Document("b", "Nothing happened here. Nor here.", None)]
    out = list(coder.code_documents(docs, batch_size=2))
    assert [c.document.id for c in out] == ["a", "b"]
    a, b = out
    assert [s.has_actor for s in a.sentences] == [False, True, False]
    assert a.skipped_sentences == 1  # "It was late." may refer back, so only the first is skipped
    assert [(e.source["code"], e.target["code"]) for e in a.events] == [("FRA", "IND")]
    assert b.events == [] and b.skipped_sentences == 2
    s = a.sentences[1]
    assert a.document.text[s.start:s.end] == s.text == "France praised India."


class FixedClassifier:
    """A stand-in with only the old text interface: .predict(text)."""

    def __init__(self, root, prob):
        self.root, self.prob = root, prob
        self.seen = []

    def predict(self, text):
        self.seen.append(text)
        return self.root, self.prob


class SpanClassifier(FixedClassifier):
    """A stand-in with the parsed-sentence interface, which the coder prefers."""

    def predict(self, text):
        raise AssertionError("the coder must use predict_span when it exists")

    def predict_span(self, sdoc):
        self.seen.append(sdoc.text)
        return self.root, self.prob


def test_classifier_fills_a_sentence_without_pattern(nlp):
    text = "Pakistan pummelled India overnight."  # no dictionary verb
    sure = EventCoder(nlp=nlp, actors=TinyActors(), classifier=FixedClassifier("19", 0.95)).code_text(text)
    assert [(e.source["code"], e.target["code"], e.cameo_code) for e in sure] == [("PAK", "IND", "190")]
    assert sure[0].confidence < 0.6 and sure[0].extra["pattern"] == "classifier"
    unsure = EventCoder(nlp=nlp, actors=TinyActors(), classifier=FixedClassifier("19", 0.3)).code_text(text)
    assert unsure == []
    assert EventCoder(nlp=nlp, actors=TinyActors(), classifier=None).code_text(text) == []


def test_fill_threshold_is_a_parameter(nlp):
    text = "Pakistan pummelled India overnight."
    model = SpanClassifier("19", 0.55)
    assert EventCoder(nlp=nlp, actors=TinyActors(), classifier=model, fill_threshold=0.6).code_text(text) == []
    low = EventCoder(nlp=nlp, actors=TinyActors(), classifier=model, fill_threshold=0.5).code_text(text)
    assert [e.cameo_root for e in low] == ["19"]
    assert model.seen == [text, text]  # one call per sentence, on the coder's own parse


def test_fill_takes_the_first_actor_when_no_argument_is_found(nlp):
    text = "Under pressure from India, no change followed."  # no verb with an actor argument
    events = EventCoder(nlp=nlp, actors=TinyActors(), classifier=SpanClassifier("04", 0.9)).code_text(text)
    assert [(e.source["code"], e.cameo_root, e.extra["pattern"]) for e in events] == [("IND", "04", "classifier")]


def test_classifier_overrides_a_pattern_of_another_quad_class(nlp):
    text = "France praised India."  # the pattern says 051 (verbal cooperation)
    rules = EventCoder(nlp=nlp, actors=TinyActors(), classifier=None).code_text(text)
    assert [(e.cameo_code, e.confidence > 0.6) for e in rules] == [("051", True)]
    sure = EventCoder(nlp=nlp, actors=TinyActors(), classifier=SpanClassifier("11", 0.9)).code_text(text)
    (e,) = sure
    assert (e.source["code"], e.target["code"], e.cameo_code) == ("FRA", "IND", "110")
    assert e.extra["pattern_code"] == "051" and e.extra["pattern"].startswith("classifier")
    assert e.confidence < rules[0].confidence
    # below the override threshold, or in the pattern's own quad class, the pattern stands
    for model, kwargs in ((SpanClassifier("11", 0.7), {}), (SpanClassifier("11", 0.9), {"override_threshold": 0.95}),
                          (SpanClassifier("04", 0.99), {})):
        (kept,) = EventCoder(nlp=nlp, actors=TinyActors(), classifier=model, **kwargs).code_text(text)
        assert kept.cameo_code == "051" and "pattern_code" not in kept.extra


def test_classifier_is_not_asked_about_sentences_without_actors(nlp):
    model = SpanClassifier("19", 0.99)
    coder = EventCoder(nlp=nlp, actors=TinyActors(), classifier=model)
    assert coder.code_text("The weather was mild and the markets were calm.") == []
    assert model.seen == []


def test_default_classifier_is_loaded_lazily(nlp):
    coder = EventCoder(nlp=nlp, actors=TinyActors())
    assert coder._classifier == "default"
    assert coder.code_text("Nothing happened.") == [] and coder._classifier == "default"
    from comity.learn import default_classifier

    assert coder.classifier is default_classifier()
    with pytest.raises(ValueError):
        EventCoder(nlp=nlp, actors=TinyActors(), classifier="bogus").classifier


def test_sentence_splitter_abbreviations():
    text = "The U.S. envoy met Gen. Munir. Mr. Lavrov spoke later.\nNew line here"
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["The U.S. envoy met Gen. Munir.", "Mr. Lavrov spoke later.", "New line here"]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_sentence_splitter_keeps_joined_initials():
    text = "President F.W. de Klerk met the Kenyan envoy. Opposition leader J.B. Okello spoke later."
    assert [s.text for s in split_sentences(text)] == [
        "President F.W. de Klerk met the Kenyan envoy.", "Opposition leader J.B. Okello spoke later."]


# ---------------------------------------------------------------- acceptance on the seed article
def test_seed_article_events(shared_dir, nlp):
    from comity.actors import default_dictionary

    path = shared_dir / "corpus" / "seed" / "russia-reaction-op-sindoor.txt"
    text = path.read_text(encoding="utf-8")
    coder = EventCoder(nlp=nlp, actors=default_dictionary())
    (coded,) = coder.code_documents([Document("seed", text, "2025-05-10")])
    events = coded.events
    assert coded.skipped_sentences > 0

    def find(source, event, target=None):
        return [e for e in events if e.source["code"] == source and e.plover_event == event
                and (target is None or (e.target or {}).get("code") == target)]

    # Zakharova: one REQUEST per target, sharing an event group, source Russia's government
    urged = [e for e in find("RUS", "REQUEST") if e.trigger == "urged"]
    assert {e.target["code"] for e in urged} == {"IND", "PAK"}
    assert {e.source["sector"] for e in urged} == {"GOV"} and {e.cameo_code for e in urged} == {"0256"}
    assert len({e.event_group for e in urged}) == 1
    # the US: hedged support for India, then a mediator
    support = find("USA", "SUPPORT", "IND")
    assert support and all(e.modality == "hedged" and e.confidence < 0.7 for e in support)
    assert any(e.cameo_code == "045" for e in find("USA", "CONSULT"))
    # Russia–Pakistan cooperation; the TTP's campaign against Pakistan
    assert find("RUS", "COOPERATE", "PAK")
    assert find("TTP", "ASSAULT", "PAK")
    # sentences of pure argument hold no event
    argument = [s.index for s in coded.sentences if "reward alignment" in s.text or "Big powers often" in s.text]
    assert argument and not [e for e in events if e.sentence_index in argument]
    for e in events:
        assert text[e.char_start:e.char_end] == e.trigger


def test_run_on_text_is_cut_into_bounded_pieces():
    text = "word " * 1000 + "France praised India."
    spans = split_sentences(text)
    assert all(len(s.text) <= 1000 for s in spans)
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert spans[-1].text.endswith("France praised India.")


def test_odd_documents_do_not_break_the_batch(coder):
    docs = [Document("empty", ""), Document("spaces", "   \n\n  "), Document("symbols", "€€€ ### \x00 ..."),
            Document("ok", "France praised India.")]
    out = list(coder.code_documents(docs))
    assert [c.document.id for c in out] == ["empty", "spaces", "symbols", "ok"]
    assert [len(c.events) for c in out] == [0, 0, 0, 1]


# ---------------------------------------------------------------- with the shipped actor dictionary
@pytest.fixture(scope="module")
def full_coder(nlp):
    return EventCoder(nlp=nlp)


def parties(events):
    return {((e.source["code"], e.source["country"], e.source["sector"]),
             (e.target["code"], e.target["country"], e.target["sector"]) if e.target else None, e.cameo_code)
            for e in events}


def test_generic_actors_take_the_sentence_country(full_coder):
    events = code(full_coder, "Police detained scores of demonstrators in Nairobi on Friday.")
    assert parties(events) == {(("KEN", "KEN", "COP"), ("KEN", "KEN", "CVL"), "173")}
    # "in X" on the noun itself gives the country and keeps the role's sector
    events = code(full_coder, "Soldiers in Mali fired on rebels.")
    assert {(e.source["country"], e.source["sector"]) for e in events} == {("MLI", "MIL")}
    assert {(e.target["country"], e.target["sector"]) for e in events} == {("MLI", "REB")}


def test_generic_actor_without_a_country_is_sector_only(full_coder):
    events = code(full_coder, "Rebels ambushed an army convoy on the highway.")
    assert events, "a sentence with only generic actors is still parsed and coded"
    assert {(e.source["code"], e.source["country"], e.source["sector"]) for e in events} == {("REB", None, "REB")}


def test_untitled_office_holder_does_not_become_the_other_party(full_coder):
    # the only country named is the target's: the speaker is a sector-only GOV actor, not Norway
    events = code(full_coder, "Interior Minister Tomas Lindqvist condemned Norway.")
    assert parties(events) == {(("GOV", None, "GOV"), ("NOR", "NOR", "GOV"), "111")}


def test_conjoined_subjects_are_not_each_others_targets(full_coder):
    events = code(full_coder, "Brazil and Argentina welcomed the agreement.")
    assert {e.source["code"] for e in events} == {"BRA", "ARG"}
    assert all(e.target is None for e in events)
    # a reciprocal act still pairs them
    events = code(full_coder, "Brazil and Argentina held talks in Montevideo.")
    assert {(e.source["code"], e.target["code"]) for e in events} == {("BRA", "ARG"), ("ARG", "BRA")}


def test_both_sides_means_the_pair_in_conflict_not_the_last_two_countries(full_coder):
    text = ("Armenian artillery shelled positions in Azerbaijan overnight. Turkey urged both sides to show "
            "restraint. Iran also called on the two countries to return to talks.")
    events = code(full_coder, text)
    for index, speaker in ((1, "TUR"), (2, "IRN")):
        asked = {e.target["code"] for e in events if e.sentence_index == index and e.source["code"] == speaker}
        assert asked == {"ARM", "AZE"}, (index, asked)


def test_border_closure_aid_cuts_and_emergencies(full_coder):
    def codes(text):
        return {e.cameo_code for e in code(full_coder, text)}
    assert codes("Ghana closed its border with Togo.") == {"172"}
    assert codes("Chile reopened its border with Bolivia.") == {"081"}
    assert codes("Canada reduced humanitarian aid to Haiti.") == {"1623"}
    assert codes("Peru declared a state of emergency in its southern provinces.") == {"1724"}
    assert codes("German prosecutors opened an investigation into Austria's central bank.") & {"090", "092"}


def test_event_noun_behind_a_quantity_or_coordination(full_coder):
    def pairs(text):
        return {(e.source["code"], e.target["code"] if e.target else None, e.cameo_root) for e in code(full_coder, text)}
    assert ("FRA", "MLI", "19") in pairs("French jets carried out a wave of air strikes on rebels in Mali.")
    assert pairs("The Chilean and Peruvian navies began a new round of joint naval exercises.") >= \
        {("CHL", "PER", "06"), ("PER", "CHL", "06")}
    assert ("USA", "SYR", "19") in pairs("The US military launched air and missile strikes on Syrian army positions.")


def test_role_shared_by_coordinated_countries(full_coder):
    events = code(full_coder, "The armies of Chile and Peru staged joint war games near the border.")
    assert {(e.source["code"], e.source["sector"], e.target["code"]) for e in events} == \
        {("CHL", "MIL", "PER"), ("PER", "MIL", "CHL")}


def test_object_pronoun_is_the_latest_actor(full_coder):
    events = code(full_coder, "The Turkish president phoned Emmanuel Macron of France and urged him to show restraint.")
    urged = [e for e in events if e.cameo_root == "02" and e.trigger.startswith("urged")]
    assert [(e.source["code"], e.target["code"]) for e in urged] == [("TUR", "FRA")]


def test_opened_fire_attitudes_and_multiword_roles(full_coder):
    fire = code(full_coder, "Kenyan police opened fire on protesters in Mombasa.")
    assert {(e.source["code"], e.source["sector"], e.cameo_root) for e in fire} == {("KEN", "COP", "19")}
    assert all(e.target["sector"] == "CVL" for e in fire)
    doubt = code(full_coder, "Japan said it was skeptical about the proposal.")
    assert {(e.source["code"], e.cameo_code) for e in doubt} == {("JPN", "012")}
    council = code(full_coder, "The National Security Council rejected the demands of the opposition in Nepal.")
    assert {(e.source["sector"], e.target["sector"], e.cameo_root) for e in council} == {("GOV", "OPP", "12")}


def test_generic_sentences_can_be_left_unparsed(nlp):
    text = "Rebels ambushed an army convoy on the highway."
    assert EventCoder(nlp=nlp).code_text(text)
    assert EventCoder(nlp=nlp, generic_sentences=False).code_text(text) == []


def test_weapons_given_are_not_a_party():
    from comity.coder import EventCoder

    events = EventCoder(classifier=None).code_text("China quietly shipped drones to Pakistan last month.", date="2025-05-10")
    assert {(e.source["code"], e.target["code"], e.cameo_root) for e in events} == {("CHN", "PAK", "07")}


class WardenRoleActors(TinyActors):
    """A multi-word role the shipped roles.tsv lacks, and no word lists of its own."""

    ROLES = {**TinyActors.ROLES, "border wardens": "MIL"}


class WardenActors(WardenRoleActors):
    """The same role, with the dictionary saying which words end a multi-word role."""

    def multiword_role_heads(self):
        return frozenset({"wardens"})

    def word_list(self, name):
        return frozenset({"catapults"}) if name == "weapon" else frozenset()


def test_argument_finder_uses_the_dictionarys_own_role_words(nlp):
    text = "The border wardens detained two Pakistani traders."
    (event,) = EventCoder(nlp=nlp, actors=WardenActors(), classifier=None).code_text(text)
    assert (event.source["sector"], event.target["code"]) == ("MIL", "PAK")
    assert event.cameo_code == "173" and event.source["text"] == "The border wardens"
    # falling back to the shipped lists, "wardens" is no role head, so the role is never looked up
    assert EventCoder(nlp=nlp, actors=WardenRoleActors(), classifier=None).code_text(text) == []
