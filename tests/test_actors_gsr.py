"""Source and target actors for the kinds of sentences the PLOVER gold set is made of: domestic
events, places, ethnic groups, targets inside prepositional phrases, older office holders.

Every sentence here is written for these tests. Assertions are on the parties (code, country,
sector), not on the CAMEO code, which belongs to the verb patterns."""
from __future__ import annotations

import pytest

from comity.actors import default_dictionary
from comity.coder import EventCoder
from comity.coder.arguments import may_be_same, same_actor
from comity.coder.candidate import Party
from comity.coder.coref import Referent
from comity.records import Actor


@pytest.fixture(scope="module")
def coder(nlp):
    return EventCoder(nlp=nlp, classifier=None)


@pytest.fixture(scope="module")
def d():
    return default_dictionary()


def pairs(coder, text, date="2025-05-10"):
    """(source country, target country or None) of every event coded in text."""
    return {(e.source["country"] or e.source["code"], e.target["country"] if e.target else None)
            for e in coder.code_text(text, date=date, doc_id="t")}


def full(coder, text, date="2025-05-10"):
    return {((e.source["code"], e.source["country"], e.source["sector"]),
             (e.target["code"], e.target["country"], e.target["sector"]) if e.target else None)
            for e in coder.code_text(text, date=date, doc_id="t")}


def party(code, country, sector, via="mention", person=False):
    return Party(Referent(Actor(code, country, sector, code), code, person), via)


# -- one actor or two ---------------------------------------------------------------------------

def test_same_actor_needs_code_sector_and_kind():
    state = party("SRB", "SRB", "GOV")
    assert same_actor(state, party("SRB", "SRB", "GOV"))
    assert not same_actor(state, party("SRB", "SRB", "GOV", person=True))  # its president
    assert not same_actor(state, party("SRB", "SRB", None, via="place"))  # a town in it
    assert not same_actor(state, party("SRB", "SRB", "MIL"))
    assert not same_actor(state, party("HRV", "HRV", "GOV"))


def test_a_people_may_be_any_body_of_its_country_but_a_place_is_none():
    rebels = party("CHN", "CHN", "REB", via="generic")
    assert may_be_same(rebels, party("CHN", "CHN", None))  # "Chinese engineers"
    assert not may_be_same(rebels, party("CHN", "CHN", None, via="place"))  # "in Shanghai"
    assert not may_be_same(rebels, party("CHN", "CHN", "GOV"))


def test_domestic_events_keep_a_target_of_the_same_country(coder):
    # a person acting on their own country, an armed group shelling a town of its country
    assert ("SVK", "SVK") in pairs(coder, "Prime Minister Vladimir Meciar promised to reform Slovakia.",
                                   date="1996-05-01")
    assert full(coder, "Sudanese rebels shelled Omdurman overnight.") == {
        (("SDN", "SDN", "REB"), ("SDN", "SDN", None))}


def test_a_generic_actor_does_not_take_the_country_of_foreign_victims(coder):
    got = full(coder, "Rebels kidnapped up to 20 Chinese engineers.")
    assert got == {(("REB", None, "REB"), ("CHN", "CHN", None))}


def test_a_generic_actor_takes_the_country_of_the_place_it_acts_in(coder):
    got = full(coder, "Opposition leaders agreed to call off the march in Tbilisi.")
    assert {s for s, _t in got} == {("GEO", "GEO", "OPP")}


# -- places ---------------------------------------------------------------------------------------

def test_places_resolve_to_their_country_without_a_sector(d):
    found = {m.text: (m.actor.code, m.actor.sector) for m in d.find(
        "Clashes in Gaza, Kirkuk and the Niger Delta; talks in Belfast.")}
    assert found == {"Gaza": ("PSE", None), "Kirkuk": ("IRQ", None), "Niger Delta": ("NGA", None),
                     "Belfast": ("GBR", None)}
    assert d.find("He was treated at Mount Sinai in New South Wales.") == []


def test_a_capital_named_as_a_place_is_the_country_not_its_government(coder):
    assert full(coder, "Israel imposed a curfew in Hebron.") == {(("ISR", "ISR", "GOV"), ("PSE", "PSE", None))}
    # "by two weeks" is parsed as a passive agent: the active subject still acts
    got = full(coder, "President Abdou Diouf on Monday extended by two weeks the curfew in Dakar.",
               date="1995-05-01")
    assert got == {(("SEN", "SEN", "GOV"), ("SEN", "SEN", None))}


def test_a_city_modifying_an_attack_is_where_not_who(coder):
    # neither the attacker nor the target of the condemnation
    assert pairs(coder, "Russia condemned the Kirkuk bombing.") == {("RUS", None)}


def test_a_visit_targets_the_host(coder):
    assert pairs(coder, "The Chilean president arrived in Lima on Monday.") == {("CHL", "PER")}


# -- targets inside phrases -------------------------------------------------------------------------

@pytest.mark.parametrize("text, pair", [
    ("Vietnam withdrew its soldiers from Laos on Tuesday.", ("VNM", "LAO")),
    ("Ukraine called for talks with Moldova.", ("UKR", "MDA")),
    ("Norway announced a suspension of flights to Libya.", ("NOR", "LBY")),
    ("Students staged a hunger strike in protest against repression by Egyptian police.", ("EGY", "EGY")),
    ("Belarus, a close ally of Russia, condemned Lithuania.", ("BLR", "LTU")),
])
def test_target_found_inside_the_phrase(coder, text, pair):
    assert pair in pairs(coder, text)


def test_passive_subject_does_the_coordinated_active_verb(coder):
    got = pairs(coder, "Bulgarian President Zhelyu Zhelev was criticised by Greece and will visit Turkey next week.",
                date="1993-05-01")
    assert ("GRC", "BGR") in got and ("BGR", "TUR") in got


def test_the_doer_of_an_object_event_is_the_target(coder):
    got = full(coder, "Jordanian police dispersed a march staged by Syrian refugees.")
    assert (("JOR", "JOR", "COP"), ("SYR", "SYR", "REF")) in got


def test_of_names_the_target_of_force_nouns(coder):
    assert ("IRQ", "KWT") in pairs(coder, "Iraq launched its invasion of Kuwait.")


def test_an_arrest_without_agent_is_by_the_state_where_it_happened(coder):
    assert full(coder, "Two French journalists were detained in Iran on Sunday.") == {
        (("IRN", "IRN", "GOV"), ("FRA", "FRA", "JRN"))}


def test_they_in_a_reported_clause_is_the_speaker(coder):
    got = pairs(coder, "A group of Afghan lawmakers announced that they would boycott the Pakistani delegation.")
    assert got == {("AFG", "PAK")}


# -- who the actors are ---------------------------------------------------------------------------

def test_ethnic_groups_are_people_of_where_they_live(coder):
    got = full(coder, "Georgian police detained dozens of ethnic Armenians in Tbilisi.")
    assert got == {(("GEO", "GEO", "COP"), ("GEO", "GEO", "CVL"))}


@pytest.mark.parametrize("text, source", [
    ("A human rights group accused the Kenyan police of torture.", ("KEN", "KEN", "NGO")),
    ("An official Iranian newspaper criticised Saudi Arabia.", ("IRN", "IRN", "MED")),
])
def test_singular_role_nouns(coder, text, source):
    assert source in {s for s, _t in full(coder, text)}


@pytest.mark.parametrize("phrase, date, code, sector", [
    ("Mathieu Kerekou", "1999-06-01", "BEN", "GOV"),
    ("Mathieu Kerekou", "1993-06-01", "BEN", "ELI"),  # between his two terms
    ("Askar Akayev", "2001-06-01", "KGZ", "GOV"),
    ("President Ion Iliescu", "1998-06-01", "ROU", "ELI"),
    ("King Hassan II", "1990-06-01", "MAR", "GOV"),
    ("Prabhakaran", "2000-06-01", "LTTE", "REB"),
    ("Kampuchean", "1985-06-01", "KHM", None),
])
def test_older_office_holders_resolve_by_date(d, phrase, date, code, sector):
    m = d.find(f"{phrase} spoke on Monday.", date)
    assert [(x.actor.code, x.actor.sector) for x in m] == [(code, sector)]


# ---------------------------------------------------------------- appositions, places of targets, topics
def test_an_apposition_that_names_the_actor_wins_over_a_modifier(coder):
    events = coder.code_text("The Palestinian Islamist group Hamas fired rockets at Israel.", date="2023-10-07")
    assert {e.source["code"] for e in events} == {"HAMAS"}
    assert pairs(coder, "Washington sold drones to NATO allies Japan and South Korea.") >= {("USA", "JPN"), ("USA", "KOR")}
    # a head that names an actor itself keeps it: the apposition only describes it
    assert {e.source["code"] for e in coder.code_text("Pakistan, a close Chinese ally, rejected the plan.")} == {"PAK"}


def test_force_against_sites_in_a_country_targets_that_country(coder):
    assert ("IND", "PAK") in pairs(coder, "India fired missiles at three camps in Pakistan on Wednesday.")
    # the place sits inside a noun phrase that names nobody: "strikes on (nine sites in Pakistan)"
    assert pairs(coder, "India carried out missile strikes on nine sites in Pakistan and Pakistani Kashmir.") == {("IND", "PAK")}


def test_the_topic_of_talks_is_not_their_target(coder):
    found = pairs(coder, "Prime Minister Modi and President Trump discussed the tension on the India-China frontier.")
    assert found == {("IND", "USA"), ("USA", "IND")}  # they talked to each other, about China
    assert pairs(coder, "Modi discussed the situation on the India-China border with Macron.") == {("IND", "FRA")}


def test_a_city_in_a_crisis_trigger_is_where_not_who(d):
    from comity.reactions.analyse import trigger_roles
    from comity.reactions.detect import PartyResolver
    from comity.reactions.model import Crisis

    def attacker(trigger):
        crisis = Crisis("c", ("IND", "PAK"), start="2008-11-26", trigger=trigger)
        return trigger_roles(crisis, d, PartyResolver(crisis.parties))

    assert attacker("Mumbai terror attacks") is None  # Mumbai is where, not who
    assert attacker("Pakistani shelling of Indian posts") == "PAK"
