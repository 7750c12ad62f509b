"""Verb/noun patterns and modality rules for PLOVER event types (mostly ones the GSR DEV errors showed missing).

Every sentence here is written for these tests. A small stand-in actor dictionary keeps the tests
about event types, not about actor resolution.
"""
from __future__ import annotations

import pytest

from comity.coder import EventCoder
from comity.coder.patterns import build_lexicon, default_lexicon

from stand_in_actors import PhraseActors


class FewActors(PhraseActors):
    """The stand-in actor dictionary of these tests (see tests/stand_in_actors.py)."""

    PHRASES = {
        "india": ("IND", "IND", None), "indian": ("IND", "IND", None), "indian army": ("IND", "IND", "MIL"),
        "pakistan": ("PAK", "PAK", None), "pakistani": ("PAK", "PAK", None),
        "china": ("CHN", "CHN", None), "chinese": ("CHN", "CHN", None),
        "russia": ("RUS", "RUS", None), "france": ("FRA", "FRA", None), "french": ("FRA", "FRA", None),
        "kenya": ("KEN", "KEN", None), "kenyan": ("KEN", "KEN", None), "kenyan police": ("KEN", "KEN", "COP"),
        "the kenyan government": ("KEN", "KEN", "GOV"),
        "uganda": ("UGA", "UGA", None), "ugandan": ("UGA", "UGA", None),
        "uzbekistan": ("UZB", "UZB", None), "afghanistan": ("AFG", "AFG", None),
        "ghana": ("GHA", "GHA", None), "ghanaian": ("GHA", "GHA", None),
        "the united states": ("USA", "USA", None), "nato": ("NATO", None, "IGO"),
        "the european union": ("EU", None, "IGO"), "the united nations": ("UN", None, "IGO"),
        "the un": ("UN", None, "IGO"), "the unhcr": ("UN", None, "IGO"), "the imf": ("IMF", None, "IGO"),
    }
    ROLES = {"government": "GOV", "army": "MIL", "police": "COP", "minister": "GOV", "unions": "LAB"}


@pytest.fixture(scope="module")
def coder(nlp):
    return EventCoder(nlp=nlp, actors=FewActors(), classifier=None)  # the rules alone


def code(coder, text):
    return coder.code_text(text, date="2024-03-01", doc_id="t")


def summary(events):
    return sorted((e.source["code"], e.target["code"] if e.target else "-", e.cameo_code, e.plover_event)
                  for e in events)


def has_event(events, source, target, cameo) -> bool:
    """An event whose CAMEO code starts with `cameo`, from `source` to `target` (None: any)."""
    return any(e.cameo_code.startswith(cameo) and source in (None, e.source["code"]) and
               target in (None, (e.target or {}).get("code")) for e in events)


# (sentence, source, CAMEO code prefix the source's event must have, PLOVER event of that code)
CASES = [
    # evacuating people is relief, evacuating settlements a pull-back (promised: intent)
    ("French helicopters evacuated the wounded from the besieged Ugandan town.", "FRA", "073", "AID"),
    ("India will evacuate its army posts along the border with China.", "IND", "0356", "AGREE"),
    # hosting: "gave X a warm welcome"; no aid delivery
    ("The Kenyan president gave a warm welcome to the Ugandan president on Monday.", "KEN", "043", "CONSULT"),
    # sending investigators is investigating
    ("The United Nations dispatched inspectors to Kenya to examine the damaged dam.", "UN", "090", "ACCUSE"),
    ("France sent a team to Uganda to investigate the massacre.", "FRA", "090", "ACCUSE"),
    # permission given or refused
    ("The Kenyan government allowed the opposition to hold a rally in Nairobi.", "KEN", "082", "CONCEDE"),
    ("Uganda denied the application for a new mosque.", "UGA", "120", "REJECT"),
    ("Kenya refused to respond to a demand from Uganda to close the camps.", "KEN", "120", "REJECT"),
    ("The Kenyan government allowed opposition leader Raila Odinga to stand for president.", "KEN", "0812", "CONCEDE"),
    ("Uzbekistan opened the bridge to allow the delivery of grain to Afghanistan.", "UZB", "0863", "RETREAT"),
    ("Pakistan has reneged on its promise to hold talks with India.", "PAK", "120", "REJECT"),
    ("Pakistan rejected an invitation from India to attend a meeting.", "PAK", "12", "REJECT"),
    # demands met
    ("The Kenyan government said it would not meet the kidnappers' demands.", "KEN", "123", "REJECT"),
    # appeals and pressure
    ("The Indian army has been pressuring Pakistan to cancel the exercises.", "IND", "10", "REQUEST"),
    ("France called for sanctions against Uganda after the executions.", "FRA", "111", "ACCUSE"),
    # investigating nouns
    ("The Indian Supreme Court opened a hearing into the deaths of Pakistani prisoners.", "IND", "090", "ACCUSE"),
    # agreement short of a signed text
    ("India and Pakistan reached a consensus to share river data.", "IND", "030", "AGREE"),
    # force
    ("Ugandan rebels wounded three Kenyan soldiers in a bomb attack.", "UGA", "183", "ASSAULT"),
    ("Pakistani rebels blew up a railway bridge in India.", "PAK", "1712", "ASSAULT"),
    ("The Chinese army engaged in ethnic cleansing against Uighur villagers, Russia said.", "CHN", "203", "ASSAULT"),
    ("Kenya forced the UNHCR out of the country.", "KEN", "1663", "SANCTION"),
    ("Kenyan police prevented a demonstration by Ugandan students.", "KEN", "1721", "COERCE"),
    ("Kenyan police dispersed Ugandan demonstrators with batons.", "KEN", "175", "ASSAULT"),
    ("The Kenyan government ordered the Ugandan newspaper to suspend publication.", "KEN", "1721", "COERCE"),
    ("The Kenyan government ordered patrols by police along the border.", "KEN", "15", "MOBILIZE"),
    # protests: purpose clauses of a protest action
    ("Ugandan teachers began a hunger strike to protest against Kenya's decision.", "UGA", "14", "PROTEST"),
    ("Kenyan workers shunned work on Monday to protest at new taxes.", "KEN", "14", "PROTEST"),
    ("Kenyan students blocked roads in Nairobi to press their demands for cheaper fees.", "KEN", "14", "PROTEST"),
    # joint exercise behind a measure of time
    ("France and India launched five days of war games in the Arabian Sea.", "FRA", "062", "COOPERATE"),
    # a withdrawal of links
    ("France announced a suspension of air links with Uganda.", "FRA", "160", "SANCTION"),
    # prohibiting aid stops it
    ("The United States prohibited all aid to Ugandan rebels.", "USA", "162", "SANCTION"),
    # conceding an election
    ("The Kenyan government recognised the Ugandan opposition's victory.", "KEN", "080", "CONCEDE"),
    # reduce tariffs: easing a sanction
    ("China reduced tariffs on Indian goods.", "CHN", "085", "RETREAT"),
    # irregular forms and new verbs
    ("A Kenyan court found the Ugandan activist guilty of spying.", "KEN", "116", "SANCTION"),  # PLOVER 2.0 convict
    ("The Indian army destroyed several militant camps in Pakistan.", "IND", "190", "ASSAULT"),
    ("Kenyan troops drove Ugandan rebels out of the border town.", "KEN", "190", "ASSAULT"),
    ("France destroyed its chemical weapons stockpile.", "FRA", "0873", "RETREAT"),
    ("Kenyan troops destroyed three Ugandan villages.", "KEN", "1712", "ASSAULT"),
    ("The European Union has launched legal action against France.", "EU", "115", "ACCUSE"),
    ("Ugandan rebels used Kenyan villagers as human shields.", "UGA", "184", "ASSAULT"),
    ("Kenyan police used tear gas against Ugandan students.", "KEN", "175", "ASSAULT"),
    ("Kenya extradited the Ugandan businessman to Uganda.", "KEN", "063", "COOPERATE"),
    ("France donated ten ambulances to Kenya.", "FRA", "070", "AID"),
    ("Pakistan gave China permission to use its airspace.", "PAK", "080", "CONCEDE"),
    ("Ugandan rebels said they will release the Kenyan sergeant.", "UGA", "0353", "AGREE"),
    ("Pakistan gave an ultimatum to India.", "PAK", "139", "THREATEN"),
    ("India called the Pakistani prime minister on Monday to congratulate him.", "IND", "041", "CONSULT"),
    ("The United Nations was seeking aid for refugees in Kenya.", "UN", "023", "REQUEST"),
    # protesters ending (or refusing to end) their own action
    ("Kenyan teachers said they will not end the strike until Uganda pays.", "KEN", "1242", "REJECT"),
    ("Ugandan rebels said they will hand over their weapons to the United Nations.", "UGA", "0356", "AGREE"),
    ("The Kenyan president resigned on Sunday after weeks of protests.", "KEN", "0831", "RETREAT"),
    # moving forces, strikes, concessions, clemency, expulsion, air drops (our written dev set)
    ("The Indian army moved more troops and tanks to the border with China.", "IND", "154", "MOBILIZE"),
    ("Ugandan rebels sent reinforcements toward the Kenyan border.", "UGA", "154", "MOBILIZE"),
    ("Kenyan teachers walked off the job on Monday.", "KEN", "143", "PROTEST"),
    ("The Kenyan government withdrew the disputed tax bill after two days of protests.", "KEN", "0832", "CONCEDE"),
    ("The Ugandan president granted an amnesty to hundreds of jailed students.", "UGA", "056", "CONCEDE"),
    ("Russia ordered the French reporter to leave the country within a week.", "RUS", "174", "COERCE"),
    ("The United Nations airdropped food to villages cut off by floods in Uganda.", "UN", "073", "AID"),
    # an invitation to visit is an offer to meet; resumed talks are talks
    ("The Kenyan president invited his Ugandan counterpart to Nairobi for a state visit.", "KEN", "036", "AGREE"),
    ("India and Pakistan resumed talks on the water treaty on Monday.", "IND", "04", "CONSULT"),
    # a promised act of conflict is a threat, even when the promise matched an aid word later on
    ("Ugandan rebels vowed to attack any convoy carrying aid to Kenya.", "UGA", "13", "THREATEN"),
    ("Kenya vowed to cut ties with Uganda.", "KEN", "13", "THREATEN"),
    # leaving a court or treaty reduces relations; cutting the internet restricts freedoms
    ("Kenya and Uganda announced they were quitting the regional trade bloc.", "KEN", "160", "SANCTION"),
    ("Russia withdrew from the arms control treaty with the United States.", "RUS", "160", "SANCTION"),
    ("Uganda cut mobile internet access in three districts before the vote.", "UGA", "1721", "COERCE"),
    # seeking to act is intending to: the act, recoded by its modality, not an appeal
    ("Kenya will seek to expel the Ugandan envoy.", "KEN", "13", "THREATEN"),
    # selling energy is trade, sending relief is aid
    ("Uganda began supplying electricity to Kenya under a new contract.", "UGA", "061", "COOPERATE"),
    ("Kenya supplied food and medicine to Uganda after the floods.", "KEN", "073", "AID"),
    # withdrawals from places, of police; reopened embassies; an organisation meeting as one body
    ("Ugandan rebels withdrew from the town of Kasese.", "UGA", "0872", "RETREAT"),
    ("Kenya withdrew its police officers from Uganda.", "KEN", "0872", "RETREAT"),
    ("Kenya and Uganda reopened their embassies.", "KEN", "050", "SUPPORT"),
    ("NATO defence ministers met in Brussels.", "NATO", "04", "CONSULT"),
    # from the PLOVER codebook probes: ending a war, trade resumed, debt relief, rescues, peacekeepers
    # let in, court rulings that strike nothing, leaving a community, alerts, weapons tests, police
    # raids and searches, cordons, bombs planted, chemical weapons
    ("Kenya and Uganda said they were ready to end their conflict.", "KEN", "03", "AGREE"),
    ("Uganda resumed beef exports to Kenya.", "UGA", "061", "COOPERATE"),
    ("China cancelled part of Uganda's debt.", "CHN", "071", "AID"),
    ("The Kenyan army rescued 40 kidnapped students.", "KEN", "073", "AID"),
    ("The Kenyan government allowed United Nations peacekeepers into the border towns.", "KEN", "0861", "RETREAT"),
    ("Uganda withdrew from the East African Community.", "UGA", "160", "SANCTION"),
    ("Uganda placed its air defence units on alert.", "UGA", "152", "MOBILIZE"),
    ("Pakistan test-fired a ballistic missile.", "PAK", "150", "MOBILIZE"),
    ("Kenyan police searched the home of an opposition leader.", "KEN", "171", "COERCE"),
    ("Indian police raided the offices of a news website.", "IND", "171", "COERCE"),
    ("Kenyan police cordoned off the main square in Nairobi.", "KEN", "172", "COERCE"),
    ("Ugandan rebels planted a roadside bomb that killed five Kenyan soldiers.", "UGA", "183", "ASSAULT"),
    ("Russia used chloropicrin gas against Ukrainian soldiers.", "RUS", "2041", "ASSAULT"),
    ("The Kenyan president gave his approval to Uganda's reform plan.", "KEN", "051", "SUPPORT"),
    ("The Kenyan president extended an invitation to the Ugandan president to visit Nairobi.", "KEN", "036", "AGREE"),
    ("Kenya put three Ugandan soldiers on trial over the killings.", "KEN", "115", "ACCUSE"),
    ("The Kenyan minister lashed out at Uganda.", "KEN", "111", "ACCUSE"),
    ("The Kenyan minister stepped down on Monday.", "KEN", "0831", "RETREAT"),
    ("Kenya opened an inquiry into the killings in Uganda.", "KEN", "090", "ACCUSE"),
    ("Kenya is prepared to work with Uganda on a joint border mechanism.", "KEN", "03", "AGREE"),
    ("The Ugandan government is open to talks with Kenya on the border.", "UGA", "036", "AGREE"),
    ("Ugandan rebels abandoned the border town of Kasese overnight.", "UGA", "0872", "RETREAT"),
    ("The Kenyan government granted United Nations agencies access to the flooded districts.", "KEN", "0863", "RETREAT"),
    ("The Kenyan government handed back two seized farms to Ugandan nationals.", "KEN", "084", "RETREAT"),
    ("Kenya will suspend its security cooperation with Uganda unless the raids stop.", "KEN", "13", "THREATEN"),
    ("Ugandan rebels vowed fresh attacks on Kenyan army bases.", "UGA", "13", "THREATEN"),
    ("The Ugandan government barred women from entering football stadiums.", "UGA", "172", "COERCE"),
    ("The Kenyan government blocked twenty news websites.", "KEN", "1721", "COERCE"),
    ("The Ugandan government hanged a 24-year-old protester.", "UGA", "1823", "ASSAULT"),
    ("Kenyan students were converging on Nairobi for a rally against the new taxes.", "KEN", "141", "PROTEST"),
    # halting talks, calling up troops, joint ventures (seen missing in the synthetic stories)
    ("Ugandan rebels quit the peace talks with Kenya.", "UGA", "164", "SANCTION"),
    ("Ugandan rebels broke off peace talks with the government on Monday.", "UGA", "164", "SANCTION"),
    ("The Kenyan army called up thousands of reservists.", "KEN", "154", "MOBILIZE"),
    ("Uganda will create a joint venture with a Chinese company.", "UGA", "03", "AGREE"),
]


# Uses of trigger words that are no event of that kind
NON_EVENTS = [
    ("The Kenyan president gave a warm welcome to the Ugandan president.", "07"),  # no aid
    ("Kenyan police fired tear gas at Ugandan students.", "204"),  # tear gas is no chemical weapon
    ("India and China engaged in talks on the border.", "19"),  # engaged in talks: no fighting
    ("India sent a letter to China about the dam.", "07"),  # a letter is no aid
    ("The Indian minister is ending a four-day visit to France.", "16"),  # ending a visit cuts nothing
    ("China protested the Indian decision.", "14"),  # a verbal protest, no demonstration
    ("Russia abused its position in the United Nations.", "18"),
    ("The Indian prime minister gave a speech to French business leaders.", "07"),
    ("The Indian army pressed its offensive against Pakistan.", "02"),
    ("The Kenyan government is allowing farmers to plant maize on Ugandan land.", "08"),  # no concession
    ("Kenya released a statement about the Ugandan hostages.", "084"),  # publishing, no release
    ("India destroyed the records of the Pakistani firm.", "17"),
    ("Kenyans searched the rubble of a house destroyed in Ugandan strikes.", "17"),  # no destroyer named
    ("India ended its strikes on Pakistan.", "08"),  # military strikes are no protest
    ("The Kenyan government said it has suspended protests in Nairobi.", "08"),  # a ban, not a concession
    ("The United States will hand over weapons to Ukraine.", "087"),  # giving arms is no disarming
]


def test_killing_outweighs_wounding(coder):
    events = code(coder, "Ugandan rebels killed two Kenyan soldiers and wounded five others.")
    main = max(events, key=lambda e: e.confidence)
    assert main.plover_event == "ASSAULT" and main.trigger == "killed", summary(events)
    assert any(e.trigger == "wounded" for e in events), summary(events)


def test_engaged_in_talks_is_a_consultation(coder):
    events = code(coder, "India and China engaged in talks on the border.")
    assert {e.cameo_code[:2] for e in events} == {"04"}, summary(events)


def test_verbal_protest_stays_disapproval(coder):
    events = code(coder, "China protested the Indian decision.")
    assert {e.cameo_code for e in events} == {"111"}, summary(events)


def test_rejected_allegations_is_a_denial(coder):
    events = code(coder, "Pakistan rejected the allegations that it had requested weapons.")
    assert "016" in {e.cameo_code for e in events if e.source["code"] == "PAK"}, summary(events)


# ------------------------------------------------------------------ modality
def test_condition_governed_by_the_act_makes_a_threat(coder):
    events = code(coder, "The European Union may halt its mediation between Kenya and Uganda if the fighting continues.")
    halt = [e for e in events if e.trigger.startswith("halt")]
    assert halt and {e.cameo_code for e in halt} == {"135"}, summary(events)
    assert {e.modality for e in halt} == {"conditional"}


def test_even_if_sets_no_condition(coder):
    events = code(coder, "India imposed sanctions on Pakistan even if China objected.")
    assert "163" in {e.cameo_code for e in events}, summary(events)


def test_preparing_an_attack_is_force_posture(coder):
    events = code(coder, "The Indian army prepared to resume shelling Pakistani positions.")
    assert [e.cameo_code for e in events if e.source["code"] == "IND"] == ["150"], summary(events)
    assert events[0].extra.get("asserted_code", "").startswith("19")


def test_being_prepared_to_attack_is_a_threat(coder):
    events = code(coder, "India is prepared to strike Pakistan.")
    assert {e.plover_event for e in events} == {"THREATEN"}, summary(events)


def test_sworn_to_fight_is_a_threat(coder):
    events = code(coder, "Ugandan rebels have sworn to fight Kenya.")
    assert {e.plover_event for e in events} == {"THREATEN"}, summary(events)


def test_threatened_offensive_is_a_threat(coder):
    events = code(coder, "India threatened to launch a new offensive against Pakistan.")
    assert {e.plover_event for e in events} == {"THREATEN"}, summary(events)


def test_confirmed_it_would_is_future(coder):
    events = code(coder, "NATO confirmed it would tighten the naval blockade of Russia.")
    assert {(e.cameo_code, e.modality) for e in events} == {("1381", "future")}, summary(events)


def test_without_negates(coder):
    events = code(coder, "The Kenyan government acted without consulting Uganda.")
    assert all(e.cameo_code[:2] != "04" for e in events), summary(events)


# ------------------------------------------------------------------ loader
def test_governor_lemmas_get_inflected_forms():
    lex = default_lexicon()
    assert lex.lemma_of["stayed"] == "stay"
    assert lex.lemma_of["demonstrators"] == "demonstrator"
    assert lex.lemma_of["blew"] == "blow"


def test_governor_forms_come_from_the_patterns():
    lex = build_lexicon(
        '- noun: [welcome]\n  rules:\n    - {code: "043", governor: [accord]}\n', "", "x: [say]\n", "", "")
    assert lex.lemma_of["accorded"] == "accord"
    assert "accorded" not in lex.verbs


# ------------------------------------------------------------------ round 2 (helper G1b)
ROUND2_CASES = [
    # a labour strike is a protest, not a military strike
    ("Kenyan teachers went on strike for better pay.", "KEN", "143", "PROTEST"),
    ("Ugandan dock workers staged a 48-hour strike in the port.", "UGA", "143", "PROTEST"),
    # air strikes without a preposition are still aerial
    ("Indian air strikes hit the Pakistani camps.", "IND", "195", "ASSAULT"),
    # "announced a suspension of ...": the noun codes it, a truce named elsewhere does not
    ("France announced a suspension of flights to Uganda after a jet carrying truce monitors was hit.",
     "FRA", "16", "SANCTION"),
    # the purpose of a road block is the protest
    ("Ugandan farmers blocked the highway to press their demands for land.", "UGA", "14", "PROTEST"),
    # "turned down" rejects
    ("Kenya turned down the Ugandan offer of aid.", "KEN", "122", "REJECT"),
    # defacing web sites is a cyber attack
    ("Pakistani hackers defaced hundreds of Indian government websites.", "PAK", "170", "COERCE"),
]


ROUND2_NON_EVENTS = [
    # defending ground is no verbal support of anyone
    ("The Indian army moved in to defend the disputed border villages.", "052"),
    ("The French president described an operation aimed at defending the Ugandan territories.", "05"),
    # nouns spelt like trigger verbs
    ("Kenya accused Uganda of misusing public funds.", "07"),
    ("Ugandan rebels freed prisoners from a jail in Kenya.", "173"),
    ("The Kenyan president censored the press and jailed Ugandan activists.", "02"),
    ("France stands by India's side in the fight against terrorism.", "19"),
    ("The French envoy appealed to India and Pakistan to pull back from the brink.", "05"),
    # ending a labour strike is no use of force
    ("Kenyan nurses will not end the strike until their pay is raised.", "19"),
    # pressing demands by blocking a road is the protest, no appeal
    ("Ugandan farmers blocked the highway to press their demands for land.", "02"),
    # the air strike killed workers: still no labour strike
    ("An Indian air strike on the Pakistani factory killed five workers.", "14"),
]


@pytest.mark.parametrize("sentence,source,prefix,plover", CASES + ROUND2_CASES,
                         ids=[c[0][:40] for c in CASES + ROUND2_CASES])
def test_new_patterns(coder, sentence, source, prefix, plover):
    events = code(coder, sentence)
    hits = [e for e in events if e.source["code"] == source and e.cameo_code.startswith(prefix)]
    assert hits, f"no {prefix} event by {source} in {sentence!r}: {summary(events)}"
    assert {e.plover_event for e in hits} == {plover}


@pytest.mark.parametrize("sentence,prefix", NON_EVENTS + ROUND2_NON_EVENTS,
                         ids=[n[0][:40] for n in NON_EVENTS + ROUND2_NON_EVENTS])
def test_non_events(coder, sentence, prefix):
    events = code(coder, sentence)
    assert not [e for e in events if e.cameo_code.startswith(prefix)], summary(events)


def test_ruled_out_act_is_a_rejection(coder):
    events = code(coder, "The United States said that lifting the sanctions on Uganda is out of the question.")
    assert {e.plover_event for e in events} == {"REJECT"}, summary(events)
    assert not [e for e in events if e.cameo_code.startswith("11")], summary(events)  # no "question" criticism


def test_ruled_out_needs_the_copula_subject(coder):
    events = code(coder, "The United States lifted the sanctions on Uganda, and other options are off the table.")
    assert [e for e in events if e.cameo_code == "085"], summary(events)


# a trigger noun that only classifies a unit or weapon, and a noun filling the clause of an appeal
# or a rejection, are no events of their own (comity/coder/extract.py)
CLAUSE_AND_UNIT_NON_EVENTS = [
    ("Kenyan riot police arrested Ugandan students.", "14"),  # "riot police": no riot
    ("Uganda rejected an invitation to attend a meeting with Kenya.", "04"),  # no meeting took place
    ("Uganda declined an invitation to hold talks with Kenya.", "04"),
    ("France urged Kenya to attend talks with Uganda.", "04"),
    # a clause on an accusation or demand noun is its content, not an act of the sentence's subject
    ("Pakistan rejected India's allegation that it sheltered the gunmen.", "07"),
    ("The United States said it would not meet the hijackers' demands to release prisoners held by Kenya.", "08"),
]


@pytest.mark.parametrize("sentence,prefix", CLAUSE_AND_UNIT_NON_EVENTS, ids=[n[0][:40] for n in CLAUSE_AND_UNIT_NON_EVENTS])
def test_clause_and_unit_non_events(coder, sentence, prefix):
    events = code(coder, sentence)
    assert events, "the main act is still coded"
    assert not [e for e in events if e.cameo_code.startswith(prefix)], summary(events)


def test_committing_crimes_and_fighting_charges_are_no_pledge_or_battle(coder):
    events = code(coder, "Kenya opened an investigation into crimes committed by Ugandan soldiers.")
    assert not [e for e in events if e.cameo_code.startswith("03")], summary(events)
    events = code(coder, "The Ugandan businessman is fighting extradition to Kenya.")
    assert not [e for e in events if e.cameo_code.startswith("19")], summary(events)
    events = code(coder, "India and France vowed to fight terrorism together.")
    assert not [e for e in events if e.cameo_code.startswith("19")], summary(events)
    # a pledge is still a pledge, and a fight with a named enemy still a fight
    assert [e for e in code(coder, "France is committed to dialogue with India.") if e.cameo_code == "030"]
    assert [e for e in code(coder, "Indian troops fought Pakistani soldiers at the border.") if e.cameo_code.startswith("19")]


def test_clause_describing_an_event_noun_is_an_act(coder):
    # "brokered" describes the talks, which are no appeal or offer: the mediation stands
    events = code(coder, "India and Pakistan agreed to a ceasefire after talks brokered by the United States.")
    assert [e for e in events if e.source["code"] == "USA" and e.cameo_code.startswith("04")], summary(events)


def test_a_law_struck_down_is_no_attack(coder):
    assert not [e for e in code(coder, "Kenya's Supreme Court struck down the government's tax law.")
                if e.cameo_code.startswith("19")]


# PLOVER 2.0 modes CAMEO has no code for: (sentence, source, PLOVER event, PLOVER mode)
PLOVER_MODES = [
    ("Ugandan hackers hacked the Kenyan central bank's servers.", "UGA", "COERCE", "cyber"),
    ("The Kenyan army blocked food convoys to the northern towns.", "KEN", "COERCE", "withhold"),
    ("A Kenyan court sentenced a Ugandan journalist to five years in prison.", "KEN", "SANCTION", "convict"),
    ("The ruling party in Kenya expelled three lawmakers from the party.", "KEN", "SANCTION", "expel"),
    ("Kenyan and Ugandan troops observed the ceasefire along the border.", "KEN", "RETREAT", "ceasefire"),
    ("Russia ran a disinformation campaign targeting Uganda's election.", "RUS", "COERCE", "misinformation"),
]


@pytest.mark.parametrize("sentence,source,plover,mode", PLOVER_MODES, ids=[m[0][:40] for m in PLOVER_MODES])
def test_plover_modes_without_a_cameo_code(coder, sentence, source, plover, mode):
    events = code(coder, sentence)
    assert [e for e in events if e.source["code"] == source and (e.plover_event, e.plover_mode) == (plover, mode)], \
        [(e.source["code"], e.cameo_code, e.plover_event, e.plover_mode) for e in events]


# Freezing assets is a sanction; what is frozen or seized falls on whoever owns it
OWNED_THINGS = [
    ("Kenya froze assets belonging to a Ugandan businessman.", "KEN", "UGA", "163"),
    ("Bank accounts belonging to Ugandan opposition leaders were frozen by Kenya.", "KEN", "UGA", "163"),
    ("A cargo ship owned by a Ugandan company was seized by Kenyan police.", "KEN", "UGA", "1711"),
    ("Kenya announced a freeze on the assets of Ugandan banks.", "KEN", "UGA", "163"),
]


@pytest.mark.parametrize("sentence,source,target,prefix", OWNED_THINGS, ids=[o[0][:40] for o in OWNED_THINGS])
def test_owner_of_what_is_frozen_or_seized_is_the_target(coder, sentence, source, target, prefix):
    events = code(coder, sentence)
    assert [e for e in events if e.source["code"] == source and e.target and e.target["code"] == target
            and e.cameo_code.startswith(prefix)], summary(events)


# Common wire phrasings: sanctions lists and import bans, diplomats told to leave, drills and
# warships as shows of force, crowds rioting, riot weapons
ROUND3_CASES = [
    ("The European Union added ten Ugandan officials to its sanctions list.", "EU", "163", "SANCTION"),
    ("The United States blacklisted three Chinese companies.", "USA", "163", "SANCTION"),
    ("India banned imports of Chinese steel.", "IND", "163", "SANCTION"),
    ("The Kenyan government ordered the Ugandan ambassador to leave the country.", "KEN", "166", "SANCTION"),
    ("China staged large-scale military drills near the border.", "CHN", "150", "MOBILIZE"),
    ("The United States dispatched an aircraft carrier strike group to the region.", "USA", "154", "MOBILIZE"),
    ("Kenyan protesters stormed the parliament building.", "KEN", "145", "PROTEST"),
    ("Ugandan rioters torched cars overnight.", "UGA", "145", "PROTEST"),
    ("Kenyan police fired tear gas at Ugandan students.", "KEN", "175", "ASSAULT"),
    ("Kenya and Uganda spoke by phone about the floods.", "KEN", "041", "CONSULT"),
    ("The European Union approved a $2 billion loan to Kenya.", "EU", "071", "AID"),
    ("The United Nations approved a bailout for Uganda.", "UN", "071", "AID"),
    ("The European Union signed a migration partnership with Kenya.", "EU", "057", "SUPPORT"),
]


def test_drills_and_armed_attacks_keep_their_codes(coder):
    # a partner makes drills cooperation; armed men are no crowd; "exercise restraint" is no drill
    assert [e for e in code(coder, "Kenya held joint military drills with Uganda.") if e.cameo_code == "062"]
    assert [e for e in code(coder, "Ugandan rebels attacked a Kenyan army base.") if e.cameo_code.startswith("19")]
    assert not [e for e in code(coder, "India urged Pakistan to exercise restraint.") if e.cameo_code == "150"]


def test_a_reported_atrocity_is_an_accusation_by_the_speaker(coder):
    events = code(coder, "The United Nations said Ugandan rebels committed war crimes in Kenya.")
    assert [(e.source["code"], e.target["code"], e.cameo_code) for e in events] == [("UN", "UGA", "112")]
    # what is alleged is no event of its own; without atrocity words a report stays a report
    events = code(coder, "Kenya said Ugandan troops carried out genocide against civilians.")
    assert {(e.source["code"], e.target["code"], e.cameo_code) for e in events} == {("KEN", "UGA", "112")}
    assert not [e for e in code(coder, "Kenya said Ugandan troops carried out a joint patrol.")
                if e.cameo_code == "112"]


# From the news-phrasing probes (development data): ten wire phrasings per event type
ROUND4_CASES = [
    ("Uganda vowed a crushing response to any Kenyan attack.", "UGA", "138", "THREATEN"),
    ("Kenyan traders launched a boycott of Ugandan goods.", "KEN", "143", "PROTEST"),
    ("The European Union suspended Uganda's membership after the coup.", "EU", "166", "SANCTION"),
    ("Three Ugandan journalists were taken into custody by Kenyan police.", "KEN", "173", "COERCE"),
    ("Hundreds of Kenyan lawyers took to the streets of Nairobi.", "KEN", "141", "PROTEST"),
    ("Hundreds of Kenyan students gathered to protest against the new taxes.", "KEN", "141", "PROTEST"),
    ("The European Union fined a Ugandan company for breaking competition rules.", "EU", "163", "SANCTION"),
    ("China invested $2 billion in Kenya.", "CHN", "061", "COOPERATE"),
    ("Indian refiners bought more Chinese coal in March.", "IND", "061", "COOPERATE"),
    ("Kenyan union leaders sat down with Ugandan officials to discuss wages.", "KEN", "040", "CONSULT"),
    ("Kenya handed over control of four border villages to Uganda.", "KEN", "084", "RETREAT"),
    ("Kenya and Uganda swapped 50 prisoners on Friday.", "KEN", "0841", "RETREAT"),
    ("India began sharing surveillance data with France.", "IND", "064", "COOPERATE"),
    ("China donated two patrol vessels to the Kenyan navy.", "CHN", "072", "AID"),
    ("Russia began moving nuclear weapons into Belarus.", "RUS", "154", "MOBILIZE"),
    ("Uganda warned it would shoot down any Kenyan aircraft that entered its airspace.", "UGA", "138", "THREATEN"),
]


def test_talks_opened_are_coded_once_and_notes_are_no_aid(coder):
    events = code(coder, "Kenya and Uganda opened talks on Monday.")
    assert sorted((e.source["code"], e.target["code"], e.cameo_code) for e in events) == \
        [("KEN", "UGA", "040"), ("UGA", "KEN", "040")]
    assert not [e for e in code(coder, "Kenya sent a diplomatic note to Uganda.") if e.cameo_code.startswith("07")]


# Targets: the receiver after an object's participle, the owner of a policy struck against, the
# country a force posture faces; a labour strike "against" a plan is no attack
TARGETED = [
    ("China sent two planes loaded with tents to flood-hit Kenya.", "CHN", "KEN", "07"),
    ("Kenyan workers went on strike against the Ugandan government's tax plan.", "KEN", "UGA", "143"),
    ("Uganda massed troops near Kenya's border.", "UGA", "KEN", "154"),
    ("China launched large-scale military drills around Uganda.", "CHN", "UGA", "150"),
]


def test_told_to_act_is_a_demand_on_the_one_told_and_deposits_are_aid(coder):
    events = code(coder, "France and India told Uganda it must resume cooperation with the inspectors.")
    assert {(e.source["code"], e.target["code"], e.cameo_code[:2]) for e in events} >= {("FRA", "UGA", "10"), ("IND", "UGA", "10")}
    events = code(coder, "China deposited $2 billion in Kenya's central bank.")
    assert [e for e in events if e.source["code"] == "CHN" and e.cameo_code == "071"], summary(events)


@pytest.mark.parametrize("sentence,source,prefix,plover", ROUND3_CASES + ROUND4_CASES,
                         ids=[c[0][:40] for c in ROUND3_CASES + ROUND4_CASES])
def test_later_round_patterns(coder, sentence, source, prefix, plover):
    test_new_patterns(coder, sentence, source, prefix, plover)


# What is received comes from the giver: the "from" object acts, the subject receives
RECEIVED = [
    ("Kenya received armoured vehicles from China.", "CHN", "KEN", "072"),
    ("Ugandan refugees received food rations from the United Nations.", "UN", "UGA", "073"),
    ("Kenya secured a $2 billion loan from China.", "CHN", "KEN", "071"),
    ("Uganda received support from India for its bid.", "IND", "UGA", "051"),
]


def test_receiving_from_no_one_named_is_no_event(coder):
    assert not [e for e in code(coder, "Kenya received new armoured vehicles.") if e.cameo_code.startswith("07")]


@pytest.mark.parametrize("sentence,source,target,prefix", TARGETED + RECEIVED,
                         ids=[t[0][:40] for t in TARGETED + RECEIVED])
def test_targets_beyond_the_object_and_givers_of_what_is_received(coder, sentence, source, target, prefix):
    test_owner_of_what_is_frozen_or_seized_is_the_target(coder, sentence, source, target, prefix)


# From the synthetic-story leads (DEV half): thanks, concessions made or offered, compliance,
# renewed or restored ties, street protests outside a country's embassy
STORY_ROUND_CASES = [
    ("Kenya and Uganda expressed gratitude to France for its help after the floods.", "KEN", "FRA", "051"),
    ("Ghana conveyed its thanks to India for the rescue.", "GHA", "IND", "051"),
    ("Kenya made concessions to Uganda over fishing rights.", "KEN", "UGA", "080"),
    ("Kenya offered concessions to Uganda over fishing rights.", "KEN", "UGA", "035"),
    ("Ghana complied with India's demands.", "GHA", "IND", "083"),
    ("Ghana renewed diplomatic ties with Kenya on Sunday.", "GHA", "KEN", "050"),
    ("Kenya and Uganda restored diplomatic relations after a long rift.", "KEN", "UGA", "050"),
    ("Hundreds of Kenyan students protested outside the French embassy on Friday.", "KEN", "FRA", "141"),
    ("Ghanaian students staged a hunger strike outside the Chinese embassy.", "GHA", "CHN", "142"),
    ("Ghana started exporting medical equipment to Kenya on Wednesday.", "GHA", "KEN", "061"),
    ("Kenya imported two million tonnes of maize from Uganda last year.", "KEN", "UGA", "061"),
    ("China increased its investments in Kenya.", "CHN", "KEN", "061"),
    ("Talks between Kenya and Uganda were held in Nairobi on Monday.", "KEN", "UGA", "040"),
    ("Talks between Kenya and Uganda were held in Nairobi on Monday.", "UGA", "KEN", "040"),
    ("Hundreds of Kenyan students threw rocks at Ugandan police.", "KEN", "UGA", "145"),
    ("Thousands of Kenyan students took part in protests against the Kenyan government.", "KEN", "KEN", "141"),
    ("The leaders of Kenya and Uganda held a conference in Kampala on Tuesday.", "KEN", "UGA", "040"),
    ("Kenya is seeking debt relief from China.", "KEN", "CHN", "0233"),
    ("A jailed Ugandan journalist has been on hunger strike for three weeks in a Kenyan prison.", "UGA", None, "142"),
]


@pytest.mark.parametrize("sentence,source,target,cameo", STORY_ROUND_CASES, ids=[c[0][:40] for c in STORY_ROUND_CASES])
def test_story_round_patterns_and_targets(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert (source, target, cameo) in {(e.source["code"], (e.target or {}).get("code"), e.cameo_code) for e in events}, \
        summary(events)


def test_pouring_into_the_streets_is_a_demonstration(coder):
    events = code(coder, "Thousands of Kenyan students poured into the streets on Sunday.")
    assert [(e.source["code"], e.cameo_code) for e in events] == [("KEN", "141")], summary(events)
    assert not code(coder, "Rain poured into the streets of Nairobi on Sunday.")


def test_renewed_talks_stay_talks(coder):
    events = code(coder, "Kenya and Uganda renewed negotiations on the border and their future relations.")
    assert {e.cameo_code for e in events} == {"040"}, summary(events)


@pytest.mark.parametrize("sentence", [
    "Kenya called for calm after criticizing Uganda for the raid.",
    "Having condemned Uganda for the raid, Kenya asked the United Nations for help.",
])
def test_a_clause_after_or_having_done_is_an_act_of_its_own(coder, sentence):
    events = code(coder, sentence)
    assert ("KEN", "UGA", "111") in {(e.source["code"], (e.target or {}).get("code"), e.cameo_code) for e in events}, \
        summary(events)


def test_an_appeal_still_swallows_its_content(coder):
    events = code(coder, "Kenya urged Uganda to stop criticizing its neighbours.")
    assert not [e for e in events if e.cameo_code == "111"], summary(events)


def test_an_appeal_to_end_fighting_between_two_sides_targets_both_and_codes_no_fighting(coder):
    events = code(coder, "Kenya called for an end to the fighting between Uganda and Ghana.")
    assert {(e.source["code"], e.target["code"], e.cameo_code[:2]) for e in events} == {
        ("KEN", "UGA", "02"), ("KEN", "GHA", "02")}, summary(events)
    events = code(coder, "Clashes between Kenya and Uganda killed three soldiers on Monday.")
    assert {(e.source["code"], e.target["code"], e.cameo_code[:2]) for e in events} >= {
        ("KEN", "UGA", "19"), ("UGA", "KEN", "19")}, summary(events)


def test_a_subject_constraint_reads_the_subject_phrase():
    lex = build_lexicon('- verb: [leave]\n  rules:\n    - {code: "0872", subject: "@troops"}\n',
                        "troops: [troop, soldier]\n", "x: [say]\n", "leave\tleft\n", "")
    rule = lex.verbs["left"][0].rules[0]
    assert rule.subject.search("french troops") and not rule.subject.search("the minister")


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("The last French troops left Kenya on Thursday.", "FRA", "KEN", "0872"),
    ("Hundreds of Indian troops were deployed near the Pakistani border.", "IND", "PAK", "154"),
    # police deployed at home face their own people (grammar.yaml population_target_roots)
    ("Kenyan police were deployed in Nairobi ahead of the march.", "KEN", "KEN", "153"),
])
def test_forces_leaving_or_deployed_are_their_states_acts(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert (source, target, cameo) in {(e.source["code"], (e.target or {}).get("code"), e.cameo_code) for e in events}, \
        summary(events)


def test_a_minister_leaving_is_no_withdrawal(coder):
    assert not code(coder, "The French foreign minister left Kenya on Thursday.")


def test_a_news_conference_is_no_meeting(coder):
    assert not code(coder, "Kenya and Uganda held a joint news conference in Kampala.")


def test_looting_by_a_crowd_is_a_riot_and_by_fighters_destruction(coder):
    events = code(coder, "Kenyan protesters looted shops in Nairobi.")
    assert [(e.source["code"], e.cameo_code) for e in events] == [("KEN", "145")], summary(events)
    events = code(coder, "Ugandan rebels looted the Kenyan border post.")
    assert [(e.source["code"], e.cameo_code) for e in events] == [("UGA", "1712")], summary(events)


def test_the_subject_of_a_passive_governing_an_infinitive_does_the_act(coder):
    # "is poised to grant": the one poised grants (a promise, 03); "was forced to withdraw": withdraws
    events = code(coder, "The United Nations is poised to grant Kenya a loan.")
    assert {(e.source["code"], e.target["code"], e.cameo_code[:2]) for e in events} == {("UN", "KEN", "03")}, \
        summary(events)
    events = code(coder, "Kenya was forced to withdraw its troops from Uganda.")
    assert ("KEN", "UGA", "0872") in {(e.source["code"], e.target["code"], e.cameo_code) for e in events}, \
        summary(events)


def test_forgiving_debt_is_economic_aid(coder):
    events = code(coder, "France forgave $3 billion of Kenya's debt.")
    assert [(e.source["code"], e.target["code"], e.cameo_code) for e in events] == [("FRA", "KEN", "071")], \
        summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Russia ran a disinformation campaign targeting Kenya's election.", "RUS", "KEN", "170"),
    ("Russia launched a cyber attack targeting the Kenyan election commission.", "RUS", "KEN", "170"),
    ("Kenyan police blocked access to the websites of several Ugandan newspapers.", "KEN", "UGA", "1721"),
])
def test_what_an_act_is_aimed_at_and_the_owner_of_what_it_hits_are_targets(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert (source, target, cameo) in {(e.source["code"], (e.target or {}).get("code"), e.cameo_code) for e in events}, \
        summary(events)
    if "cyber" in sentence:
        assert {e.plover_event for e in events} == {"COERCE"}


def test_a_hunger_strike_ended_is_no_protest(coder):
    events = code(coder, "Two Kenyan students ended their hunger strike on Monday.")
    assert "142" not in {e.cameo_code for e in events}, summary(events)


def test_an_arrest_warrant_is_a_threat_of_arrest(coder):
    events = code(coder, "A Kenyan court issued an arrest warrant for Uganda's former army chief.")
    assert [(e.source["code"], e.target["code"], e.plover_event) for e in events] == [("KEN", "UGA", "THREATEN")], \
        summary(events)


@pytest.mark.parametrize("sentence", ["Protests erupted in Kenya on Saturday evening.", "Protests swept Kenya after the vote."])
def test_protests_that_break_out_in_a_country_are_its_peoples(coder, sentence):
    events = code(coder, sentence)
    assert [(e.source["code"], e.source["sector"], e.cameo_code) for e in events] == [("KEN", "CVL", "141")], \
        summary(events)


def test_protests_in_several_countries_name_no_protester(coder):
    assert not code(coder, "Protests erupted in Kenya and Uganda on Saturday.")


@pytest.mark.parametrize("sentence,source,target,cameo", [
    # a threat's target is who must meet its condition; the condition's own act is no event
    ("Ghana warned that it would respond if Kenya deployed troops on the border.", "GHA", "KEN", "13"),
    ("Uganda warned it would take resolute countermeasures if Kenya kept sending patrol boats to the lake.",
     "UGA", "KEN", "130"),
    ("Ghana said it would retaliate if Kenya attacked.", "GHA", "KEN", "13"),
    # a protest naming no one is against the protesters' own government
    ("Dock workers in Kenya walked off the job on Monday.", "KEN", "KEN", "143"),
    ("Kenyan students rallied outside parliament against a new security law.", "KEN", "KEN", "141"),
    ("Ghana voiced strong support on Friday for Kenya's bid to host the summit.", "GHA", "KEN", "051"),
    ("Ghana took Kenya to the International Court of Justice over the seizure of its ship.", "GHA", "KEN", "115"),
])
def test_threats_concessions_protests_and_rejections_of_session_f(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    found = {(e.source["code"], (e.target or {}).get("code"), e.cameo_code[:len(cameo)]) for e in events}
    assert (source, target, cameo) in found, summary(events)
    assert all(e.source["code"] == source for e in events), summary(events)  # no event of the condition or topic


@pytest.mark.parametrize("sentence,cameo", [
    ("The Ugandan government scrapped a planned tax on cooking oil.", "0832"),
    ("Ugandan rebels said they would halt attacks on Kenyan trucks.", "0871"),
    ("Kenya halted economic aid to Uganda.", "1621"),
    ("Kenya's ruling party expelled four lawmakers.", "166"),
    ("Kenyan police reinforced their presence along the border.", "153"),
    ("Uganda's army raised the readiness of its air defence units.", "152"),
    ("The Kenyan president rallied troops against the rebels.", "154"),
])
def test_what_is_given_up_cut_or_raised_decides_the_code(coder, sentence, cameo):
    events = code(coder, sentence)
    assert [e.cameo_code for e in events] == [cameo], summary(events)


def test_the_act_an_effort_aims_at_is_no_event(coder):
    events = code(coder, "Uganda backed Ghanaian efforts to end the fighting in the region.")
    assert "0871" not in {e.cameo_code for e in events} and "087" not in {e.cameo_code for e in events}, summary(events)


def test_a_participle_clause_describes_the_main_act(coder):
    events = code(coder, "Demanding the release of their leaders, thousands of Kenyan students marched through Nairobi.")
    assert {e.cameo_code[:2] for e in events} == {"14", "10"}, summary(events)
    main = max(events, key=lambda e: e.confidence)
    assert main.cameo_code.startswith("14"), summary(events)


def test_asylum_granted_is_asylum_whatever_the_refugee_was_charged_with(coder):
    events = code(coder, "Ghana granted asylum to a Kenyan blogger who was charged with leaking intelligence reports.")
    assert [e.cameo_code for e in events] == ["075"], summary(events)


@pytest.mark.parametrize("sentence,cameo", [
    ("Thousands of Kenyan soldiers deployed to the border on Friday.", "154"),
    ("The Kenyan president announced his resignation on Tuesday.", "0831"),
])
def test_forces_that_deploy_and_a_resignation_announced(coder, sentence, cameo):
    events = code(coder, sentence)
    assert [(e.source["code"], e.cameo_code) for e in events] == [("KEN", cameo)], summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("A Kenyan court acquitted nine opposition activists.", "KEN", None, "081"),
    ("Uganda revoked the licence of a Kenyan broadcaster.", "UGA", "KEN", "172"),
    ("Ugandan troops pulled out of the border town on Sunday.", "UGA", None, "0872"),
    ("Uganda allowed investigators from the United Nations into the town.", "UGA", "UN", "0862"),
    ("The Kenyan army began large-scale exercises near the border with Uganda.", "KEN", "UGA", "150"),
    ("The Kenyan army sent troops to evacuate flood victims.", "KEN", None, "073"),
    ("Kenya and Uganda began coordinated patrols on the lake.", "KEN", "UGA", "062"),
    ("Ghana warned that it would respond with force to any Kenyan incursion.", "GHA", "KEN", "1384"),
])
def test_acquittals_revocations_withdrawals_exercises_and_warnings_of_session_i(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert (source, target, cameo) in {(e.source["code"], (e.target or {}).get("code"), e.cameo_code) for e in events}, \
        summary(events)


def test_the_two_militaries_are_the_pair_named_before(coder):
    events = code(coder, "India and Pakistan agreed to a ceasefire on Saturday. China and Russia welcomed the agreement. "
                         "India said the deal was reached between the two militaries.")
    last = [e for e in events if e.sentence_index == 2]
    assert [(e.source["code"], (e.target or {}).get("code")) for e in last] == [("IND", "PAK")], summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Kenya's senate confirmed the president's nominee for army chief.", "KEN", None, "051"),
    ("The Kenyan president expressed remorse to Uganda over the raid.", "KEN", "UGA", "055"),
    ("A Ugandan army plane carrying tents and medical supplies for flood survivors landed in Nairobi.", "UGA", None, "073"),
    ("Kenyan police freed ten passengers who had been kidnapped by bandits.", "KEN", None, "073"),
    ("Uganda opened the border crossing to let aid trucks into the region.", "UGA", None, "0863"),
    ("Uganda vetoed a new package of sanctions against Kenya.", "UGA", None, "129"),
    ("The European Union warned Uganda that it could lose trade preferences unless it repealed the law.", "EU", "UGA", "130"),
    ("Ugandan rebels said they would resume attacks on Kenyan trucks if Kenya did not release their leader.",
     "UGA", "KEN", "13"),
    ("Uganda vowed to respond with overwhelming force to any Kenyan incursion.", "UGA", None, "13"),
    ("Kenyan opposition lawmakers walked out of parliament during the president's address.", "KEN", None, "143"),
    ("Thousands of Kenyan students rallied in Kampala against Uganda.", "KEN", "UGA", "141"),
    ("Kenya ordered two warships to the border with Uganda.", "KEN", None, "154"),
    ("Uganda scrambled fighter jets after Kenyan planes entered its airspace.", "UGA", None, "152"),
    ("Ugandan hackers broke into the computer networks of the Kenyan election commission.", "UGA", "KEN", "170"),
    # the condition parsed deep in the clause; its own attack is no event
    ("Kenya warned it could close the lake to shipping if Uganda joined the attacks on Kenyan boats.", "KEN", "UGA", "13"),
])
def test_confirmations_apologies_relief_rescues_vetoes_threats_and_force_of_session_h(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)
    assert not any(e.cameo_code[:2] in ("16", "18", "19") for e in events if cameo[:2] not in ("16", "18", "19")), \
        summary(events)  # no sanction or attack that was only vetoed, threatened or a condition


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Kenya's parliament approved the government's new security plan for the coast.", "KEN", None, "051"),
    ("Kenyan police are working alongside Ugandan investigators to trace the weapons.", "KEN", "UGA", "060"),
    ("Kenya and Uganda resumed oil exports through the pipeline.", "KEN", "UGA", "061"),
    ("Kenya ordered soldiers onto the streets of Nairobi.", "KEN", None, "154"),
])
def test_approvals_joint_work_trade_resumed_and_troops_ordered_out(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_what_anyone_might_do_is_no_event(coder):
    events = code(coder, "The Kenyan police chief warned that anyone taking part in the protests would be arrested.")
    assert not any(e.cameo_code.startswith("14") for e in events), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("A Kenyan court ordered the opposition leader to pay damages to the president.", "KEN", None, "116"),
    ("Three Kenyan soldiers were killed by a roadside bomb planted by Ugandan rebels.", "UGA", "KEN", "18"),
    ("Kenyan magistrates placed the former minister under formal investigation.", "KEN", None, "090"),
    ("Kenyan police rounded up hundreds of Ugandan workers.", "KEN", "UGA", "173"),
    ("The Kenyan army clamped a curfew on the town.", "KEN", None, "1723"),
    ("Ugandan army helicopters dropped food and drinking water to flood victims.", "UGA", None, "073"),
    ("Uganda allowed Red Cross workers into the besieged town.", "UGA", None, "0863"),
    ("Kenya recalled its heads of mission from Uganda.", "KEN", "UGA", "161"),
    ("The last Ugandan troops marched out of the Kenyan town.", "UGA", None, "0872"),
    ("Ghana charged in a report that Kenyan forces tortured detainees.", "GHA", "KEN", "11"),
])
def test_commands_rulings_planted_bombs_roundups_and_relief_of_session_j(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_a_purpose_clause_describes_the_protest(coder):
    events = code(coder, "Thousands of Kenyan students marched through Nairobi to demand the release of their leaders.")
    assert max(events, key=lambda e: e.confidence).cameo_code.startswith("14"), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Kenyan army commanders reaffirmed their loyalty to the president.", "KEN", None, "051"),
    ("Kenya legalised the banned opposition party.", "KEN", None, "0812"),
    ("Uganda dropped its demand that Kenya withdraw its troops.", "UGA", None, "080"),
    ("Ugandan rebels released twelve Kenyan servicemen.", "UGA", "KEN", "0841"),
    ("Kenyan soldiers freed ten hostages held by Ugandan rebels.", "KEN", None, "073"),
    ("The Kenyan military government freed ten political detainees.", "KEN", None, "0841"),
    ("The United Nations voted to cut its peacekeeping force in Kenya.", "UN", None, "1661"),
    ("Uganda suspended its participation in the regional commission.", "UGA", None, "160"),
    ("Kenya ordered a general mobilisation.", "KEN", None, "154"),
    ("The Kenyan president dissolved parliament.", "KEN", None, "172"),
    ("Twelve Kenyan civilians were hacked to death by Ugandan rebels.", "UGA", "KEN", "1823"),
])
def test_loyalty_legalisation_releases_rescues_cuts_mobilisation_and_killings_of_session_k(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)
    assert not {e.cameo_code[:2] for e in events} & {"10", "17"} - {cameo[:2]}, summary(events)  # no order, no cyber attack


def test_people_taking_shelter_give_none(coder):
    events = code(coder, "Kenyan civilians sheltering in a church were attacked by Ugandan rebels.")
    assert "075" not in {e.cameo_code for e in events}, summary(events)


def test_calling_on_the_army_is_an_appeal_calling_it_in_a_mobilisation(coder):
    appeal = code(coder, "The banned Kenyan opposition called on the Ugandan army to free its jailed leaders Peter Otieno and John Kamau, in a statement circulated in Kampala on Sunday.")
    assert [e.cameo_code[:2] for e in appeal] == ["02"], summary(appeal)
    assert has_event(code(coder, "The Kenyan president called in the army to guard the ministries."), "KEN", None, "154")


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Kenya flew an extra 600 soldiers to the Ugandan border on Saturday.", "KEN", None, "154"),
    ("Ghana flew medical supplies to Kenya.", "GHA", "KEN", "073"),
    ("The Ugandan rebel commander gave himself up to Kenyan forces.", "UGA", "KEN", "0874"),
    ("The Kenyan army scaled down its patrols in the border town.", "KEN", None, "087"),
])
def test_what_is_flown_surrender_and_scaled_down_patrols_of_session_l(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)
    assert not has_event(events, None, None, "04"), summary(events)  # no visit


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Kenyan officers handed over maps of the rebel camps to their Ugandan counterparts.", "KEN", "UGA", "064"),
    ("Kenyan intelligence passed warnings of a planned bombing to Uganda's security services.", "KEN", "UGA", "064"),
    ("Kenya gave the UN investigators hundreds of pages of documents on the killings.", "KEN", "UN", "064"),
    ("Kenyan prosecutors turned over files on the smuggling ring to their Ugandan counterparts.", "KEN", "UGA", "064"),
    ("Kenyan police turned over to the United States three men suspected in the embassy bombing.", "KEN", "USA", "063"),
    ("Kenya pooled its forces with Uganda against the cattle raiders.", "KEN", "UGA", "062"),
    ("The Kenyan government returned a synagogue confiscated during the war to the Jewish community.", "KEN", None, "0842"),
    ("Kenyan authorities shut down an independent radio station in Nairobi.", "KEN", None, "1721"),
    ("A Kenyan court closed the opposition daily on Monday.", "KEN", None, "1721"),
    ("Kenyan troops were put on alert along the border on Sunday.", "KEN", None, "152"),
    ("Uganda placed its armed forces on a war footing.", "UGA", None, "152"),
    ("Kenya poured troops and armour into the disputed district.", "KEN", None, "154"),
    ("Kenya rushed 2,000 police to the capital on Friday.", "KEN", None, "153"),
    ("Kenyan troops took up positions around the parliament building.", "KEN", None, "154"),
    ("Ugandan warlords massed hundreds of gunmen around the town.", "UGA", None, "154"),
    ("Kenyan and Ugandan forces halted fire along the border at midnight.", "KEN", None, "087"),
    ("Kenyan riot police clubbed Ugandan protesters in Nairobi.", "KEN", "UGA", "182"),
    ("Kenyan helicopters rocketed a Ugandan rebel position.", "KEN", "UGA", "194"),
    ("Ugandan rebels dynamited a bridge in western Kenya.", "UGA", None, "1712"),
    ("Kenya carried out three nuclear tests in the desert.", "KEN", None, "150"),
    ("Kenya initialled the border treaty with Uganda in Nairobi.", "KEN", "UGA", "057"),
    ("Kenyan dock workers downed tools on Monday over unpaid wages.", "KEN", None, "143"),
])
def test_intelligence_handed_over_returns_shutdowns_alerts_and_force_of_sessions_n_to_q(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_a_refusal_with_its_own_object_is_no_governor_of_its_purpose(coder):
    events = code(coder, "Hundreds of Kenyan prisoners refused food to demand better conditions.")
    assert has_event(events, "KEN", "KEN", "142"), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("The Kenyan army staged live-fire war games near the border.", "KEN", None, "150"),
    ("Kenya and Uganda began war games in the lake on Monday.", "KEN", "UGA", "062"),
])
def test_war_games_with_no_partner_show_force(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("The Kenyan government shut down an independent radio station in Nairobi.", "KEN", "KEN", "1721"),
    ("NATO stripped the Kenyan delegation of its voting rights.", "NATO", "KEN", "160"),
    ("A Kenyan court began trying twelve Ugandan rebels on charges of treason.", "KEN", "UGA", "115"),
    ("Ugandan rebels said they would return to the negotiating table with Kenya.", "UGA", "KEN", "03"),
])
def test_shutdowns_hit_the_population_votes_stripped_trials_and_talks_resumed(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("The Kenyan parliament repealed the article of the security law used to jail journalists.", "KEN", "KEN", "0832"),
    ("Kenya and Uganda resumed cross-border trade on Sunday.", "KEN", "UGA", "061"),
    ("Kenya and Uganda restored direct road and telephone links on Tuesday.", "UGA", "KEN", "061"),
    ("Kenyan police detained the country's best-known dissident on Monday.", "KEN", "KEN", "173"),
])
def test_repeals_trade_and_links_between_two_and_coercion_of_ones_own_people(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_coercion_names_no_people_when_another_country_is_named(coder):
    events = code(coder, "Kenyan police detained a dissident after he met a Ugandan official.")
    assert has_event(events, "KEN", None, "173") and not has_event(events, "KEN", "KEN", "173"), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("The IMF approved a $2 billion standby credit for Kenya on Wednesday.", "IMF", "KEN", "071"),
    ("The United States blocked a Kenyan proposal in the Security Council to ease the embargo on Uganda.", "USA", "KEN", "129"),
    ("Kenyan unions would call a nationwide general strike if parliament passed the new labour law.", "KEN", None, "133"),
    ("Kenyan unions called a nationwide general strike on Monday.", "KEN", None, "143"),
    ("Several hundred Kenyan students burned Ugandan flags outside the embassy in Nairobi.", "KEN", "UGA", "141"),
    ("Ugandan rebels turned in their rifles at a ceremony in Gulu.", "UGA", None, "0873"),
    ("The Kenyan parliament approved the regional free trade treaty on Monday.", "KEN", None, "057"),
    ("Kenyan troops joined Ugandan forces in the annual border exercise.", "KEN", "UGA", "062"),
    ("The Kenyan army gave Ugandan rebels until Friday to free the hostages or face an all-out assault.", "KEN", "UGA", "130"),
    ("The Kenyan government would permit the opposition to reopen its offices in Nairobi.", "KEN", None, "0811"),
])
def test_credits_blocked_proposals_strikes_called_flags_burned_and_ultimatums(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_a_strike_called_off_is_no_strike_called(coder):
    events = code(coder, "The Kenyan doctors' union called off its nationwide strike.")
    assert not has_event(events, None, None, "143"), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("The European Union approved 15 million euros of emergency food aid for Kenya on Tuesday.", "EU", "KEN", "073"),
    ("Uganda has mobilised 100,000 volunteers for a new offensive against Kenya.", "UGA", None, "154"),
])
def test_aid_approved_and_volunteers_mobilised(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_extended_support_is_no_aid_approved(coder):
    events = code(coder, "Kenya extended its full support to Uganda.")
    assert not has_event(events, None, None, "07"), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("NATO ordered some 400 aircraft on standby for possible strikes against Uganda.", "NATO", None, "152"),
    ("Uganda called up all men aged between 18 and 50.", "UGA", None, "154"),
    ("The Kenyan opposition walked out of the constitutional convention on Monday.", "KEN", None, "164"),
    ("Kenyan troops captured Ugandan rebel leader John Okello in a house near the border.", "KEN", "UGA", "173"),
])
def test_standby_call_ups_walkouts_from_talks_and_leaders_captured(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_ministers_gathering_for_a_session_are_meeting(coder):
    events = code(coder, "NATO foreign ministers gathered in Brussels on Sunday for an emergency session on the crisis.")
    assert has_event(events, "NATO", None, "040"), summary(events)


@pytest.mark.parametrize("sentence,cameo", [
    ("Kenyan police released forty Ugandan students detained at the rally.", "0841"),
    ("Kenya returned a Ugandan fishing boat that its navy had seized last month.", "084"),
])
def test_the_arrest_or_seizure_a_release_undoes_is_background(coder, sentence, cameo):
    events = code(coder, sentence)
    assert has_event(events, "KEN", "UGA", cameo), summary(events)
    assert not has_event(events, None, None, "17"), summary(events)


def test_an_agentless_investigation_is_the_states_where_it_happened(coder):
    events = code(coder, "A Ugandan national was put under investigation in Kenya.")
    assert has_event(events, "KEN", "UGA", "090"), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Kenya and Uganda reconnected a railway across the border on Saturday.", "KEN", "UGA", "061"),
    ("Kenya shipped the first cargo of cut-price crude to Uganda.", "KEN", "UGA", "061"),
    ("Ugandan rebels proclaimed a three-month suspension of attacks on Kenya.", "UGA", "KEN", "0871"),
    ("The Kenyan parliament set up a commission to look into the killings.", "KEN", None, "090"),
    ("Kenyan investigators exhumed 300 bodies from a mass grave near the border.", "KEN", None, "090"),
    ("Kenya told Uganda on Thursday to free the detained fishermen at once.", "KEN", "UGA", "100"),
    ("Kenya gave the Ugandan rebels 48 hours to leave or face a military attack.", "KEN", "UGA", "130"),
    ("Ugandan gunmen took some 70 Kenyan tourists hostage on Wednesday.", "UGA", "KEN", "181"),
    ("Ugandan rebels traded gunfire with Kenyan troops near the border.", "UGA", "KEN", "190"),
    ("Ugandan rebels attacked the town, hacking off the hands of hundreds of Kenyan villagers.", "UGA", None, "182"),
    ("Ugandan troops forced tens of thousands of Kenyan herders out of the district.", "UGA", "KEN", "201"),
    ("Ugandan militants released sarin nerve gas in the Nairobi subway.", "UGA", None, "2041"),
    ("The last Ugandan army units withdrew from Kenya, meeting the deadline set in their agreement with NATO.", "UGA", None, "087"),
])
def test_links_crude_truces_inquiries_demands_hostages_gunfire_expulsions_and_gas(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Kenya said it would cut its armed forces by half over the next two years.", "KEN", None, "0356"),
    ("Kenya volunteered to act as a go-between in the dispute between Uganda and its rebels.", "KEN", "UGA", "039"),
    ("Uganda began pumping natural gas to Kenya through a new pipeline.", "UGA", "KEN", "061"),
    ("Kenyan companies have poured more than one billion dollars into factories in Uganda.", "KEN", "UGA", "061"),
    ("Kenyan magistrates widened their corruption inquiry to include a former minister.", "KEN", None, "090"),
    ("Kenyan investigators began collecting evidence of war crimes committed by Ugandan forces.", "KEN", "UGA", "090"),
    ("Kenya turned away the Ugandan delegation at the border.", "KEN", "UGA", "120"),
    ("Uganda vowed to burn half of Kenya with chemical weapons if it attacked.", "UGA", "KEN", "1385"),
    ("Uganda paraded missiles and hundreds of tanks through Kampala.", "UGA", None, "150"),
    ("The Kenyan government ordered foreign relief agencies to leave the north within a week.", "KEN", None, "1663"),
    ("NATO abandoned its peace mission in Kenya.", "NATO", None, "165"),
    ("Ugandan forces have driven tens of thousands of Kenyans from their homes.", "UGA", None, "201"),
    ("Uganda has deported tens of thousands of Kenyan nationals since the riots.", "UGA", "KEN", "201"),
])
def test_force_cuts_go_betweens_gas_investment_inquiries_parades_and_mass_expulsions(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Uganda started deliveries of natural gas to Kenya through a new pipeline.", "UGA", "KEN", "061"),
    ("Kenyan police supplied Ugandan investigators with documents seized in a raid.", "KEN", "UGA", "064"),
    ("The Kenyan parliament repealed the section of the constitution that banned opposition parties.", "KEN", None, "0832"),
    ("The Kenyan government instituted an inquiry into the stampede.", "KEN", None, "090"),
    ("Kenya will not allow NATO forces into the north, the Kenyan president said.", "KEN", "NATO", "1245"),
    ("Kenya will use force against Uganda unless the rebels are expelled.", "KEN", "UGA", "1384"),
    ("Uganda expelled six members of the UN weapons inspection team.", "UGA", None, "1662"),
    ("Kenya barred television crews and photographers from filming the unrest.", "KEN", None, "1721"),
    ("Kenyan jets used laser-guided bombs against Ugandan air defence sites.", "KEN", "UGA", "195"),
    ("Ugandan troops forced tens of thousands of Kenyan herders across the river.", "UGA", "KEN", "201"),
    ("Ugandan forces purged the town of almost all its Kenyan residents.", "UGA", None, "201"),
    ("Ugandan aircraft dropped chemical bombs on a Kenyan town.", "UGA", None, "2041"),
    ("Kenya exploded a nuclear device beneath the desert.", "KEN", None, "2042"),
])
def test_gas_deliveries_documents_repeals_inquiries_refusals_force_expulsions_and_wmd(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Uganda has moved Kenyan hostages to military sites to serve as human shields.", "UGA", "KEN", "184"),
    ("Ugandan hackers bombarded the Kenyan government's website with millions of e-mails.", "UGA", "KEN", "170"),
])
def test_human_shields_and_websites_flooded(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


@pytest.mark.parametrize("sentence,cameo", [
    ("The Kenyan army drove Ugandan villagers out of the border district.", "201"),
    ("Kenya blocked access to X on Monday.", "1721"),
])
def test_villagers_driven_out_and_sites_blocked(coder, sentence, cameo):
    events = code(coder, sentence)
    assert has_event(events, "KEN", None, cameo), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("The Kenyan government insisted that Ugandan rebels free the nine abducted Kenyan civilians.", "KEN", "UGA", "10"),
    ("Kenya issued a formal demand that Uganda abandon its plans for the dam.", "KEN", "UGA", "100"),
    ("Kenyan unions repeated their demand that Uganda reopen the border.", "KEN", "UGA", "100"),
])
def test_insisting_on_an_act_and_demands_that_name_who_must_act(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


@pytest.mark.parametrize("sentence,source,target,cameo", [
    ("Thousands of Kenyan students filled the main square on Monday, demanding the release of their leaders.", "KEN", None, "141"),
    ("Hundreds of thousands of Kenyan supporters massed on the avenue to demand elections.", "KEN", None, "141"),
])
def test_crowds_that_fill_or_mass_in_a_place_are_demonstrating(coder, sentence, source, target, cameo):
    events = code(coder, sentence)
    assert has_event(events, source, target, cameo), summary(events)


def test_a_mob_that_beats_someone_to_death_has_killed(coder):
    events = code(coder, "A mob of Kenyan settlers beat a Ugandan herder to death near the border.")
    assert has_event(events, "KEN", "UGA", "1823"), summary(events)


def test_thousands_expelled_is_a_mass_expulsion(coder):
    events = code(coder, "Kenya expelled thousands of Ugandan workers to the border.")
    assert has_event(events, "KEN", "UGA", "201"), summary(events)
