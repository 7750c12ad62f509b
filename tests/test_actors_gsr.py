"""Source and target actors for the kinds of sentences the PLOVER gold set is made of: domestic
events, places, ethnic groups, targets inside prepositional phrases, older office holders.

Every sentence here is written for these tests. Assertions are on the parties (code, country,
sector), not on the CAMEO code, which belongs to the verb patterns."""
from __future__ import annotations

import pytest

from comity.coder.arguments import may_be_same, same_actor
from comity.coder.candidate import Party
from comity.coder.coref import Referent
from comity.records import Actor


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
    # ... in clauses and coordinations
    ("Chile established ties with and opened an embassy in Hanoi.", ("CHL", "VNM")),
    ("Thousands of Sri Lankan Tamils sought asylum in Canada.", ("LKA", "CAN")),
    ("The rebels insisted on their demand that the Malian government free the prisoners.", ("MLI", "MLI")),
    ("Opposition parties staged a general strike in protest of the Kenyan government's new tax.", ("KEN", "KEN")),
    ("Finnish police launched an investigation into crimes committed by Russian soldiers.", ("FIN", "RUS")),
    ("Unions organised a strike that shut down Dhaka.", ("BGD", "BGD")),
    ("Sweden denounced as barbaric Iran's shelling of the villages.", ("SWE", "IRN")),
    ("Sweden denounced as a crime Iran's crackdown on the protesters.", ("SWE", "IRN")),
])
def test_target_found_inside_phrases_clauses_and_coordinations(coder, text, pair):
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


# ---------------------------------------------------------------- round 2: passives, doers, shared objects
def test_violence_in_an_agentless_passive_is_not_the_speakers(coder):
    # the police reported the deaths; they did not cause them: the ambush had an unidentified doer
    # (PLOVER UNK), in the country the sentence names
    assert full(coder, "Four soldiers were killed in the ambush, Kenyan police said.") == {
        (("KEN", "KEN", "UNK"), ("KEN", "KEN", "MIL"))}
    # an arrest reported by the police is still theirs
    assert ("EGY", "EGY") in pairs(coder, "Twelve students were detained in Alexandria, Egyptian police said.")


def test_a_stative_passive_subject_is_the_doer(coder):
    got = pairs(coder, "Greece is opposed to Turkish mediation in the dispute.")
    assert ("GRC", "TUR") in got
    assert ("CHL", None) in pairs(coder, "A senior aide said Chile is committed to opening up its mining sector.")


def test_of_names_the_doer_of_a_deployment(coder):
    got = full(coder, "Moscow criticised the deployment of NATO troops near its border.")
    assert ("NATO", None, "IGO") in {s for s, _t in got}
    assert ("MAR", "MAR", "MIL") in {s for s, _t in full(
        coder, "The pullout of Moroccan troops from the zone was completed.")}


def test_a_light_verb_with_its_own_event_noun_targets_the_nouns_target(coder):
    got = pairs(coder, "Foreign Minister Penny Wong lodged a strong protest of the Australian government with Beijing.",
                date="2024-03-01")
    assert got == {("AUS", "CHN")}
    # a verb that is not light keeps 'of': the forces asked to leave
    assert ("EU", "SRB") in pairs(coder, "The EU demanded the withdrawal of Serbian forces.")


def test_ethnic_fighters_belong_to_the_country_they_fight_in(coder):
    got = full(coder, "Ethnic Armenian rebels attacked a police post in Azerbaijan.")
    assert {s for s, _t in got} == {("AZE", "AZE", "REB")}
    assert ("ALB", "ALB", "REB") not in {s for s, _t in full(
        coder, "Ethnic Albanian guerrillas operating in Montenegro ambushed an army patrol.")}


@pytest.mark.parametrize("text, source", [
    ("Islamic fundamentalists in Cairo staged a hunger strike.", ("EGY", "EGY", "RAD")),
    ("Tribal elders in Kandahar demanded the release of the detainees.", ("AFG", "AFG", "CVL")),
    ("Prisoners in a jail near Lagos rioted on Monday.", ("NGA", "NGA", "CVL")),
    ("Rebel commanders in Darfur rejected the peace plan.", ("SDN", "SDN", "REB")),
])
def test_more_role_nouns(coder, text, source):
    assert source in {s for s, _t in full(coder, text)}


def test_a_title_with_its_own_modifier_sets_the_sector(coder):
    got = full(coder, "Police arrested opposition leader Rustam Khalilov in Baku.")
    assert (("AZE", "AZE", "COP"), ("AZE", "AZE", "OPP")) in got


def test_coordinated_verbs_share_the_object(coder):
    # both the condemnation and the rejection are aimed at Iran
    assert pairs(coder, "Denmark condemned and rejected Iran's claims.") == {("DNK", "IRN")}


def test_demands_pressed_by_a_protest_name_who_is_asked(coder):
    got = pairs(coder, "Farmers blocked highways to press their demands for higher prices from the Thai government.")
    assert got == {("THA", "THA")}


def test_an_attack_and_its_toll_share_the_target(coder):
    got = pairs(coder, "Insurgents shelled the city of Mosul on Sunday, killing 14 people.")
    assert got == {("IRQ", "IRQ")}
    # arms fired are what was used, the camps are what was hit
    assert pairs(coder, "Thai troops fired artillery and rockets at Burmese army camps.") == {("THA", "MMR")}


def test_force_targets_from_the_when_clause_and_the_site_of_a_passive(coder):
    assert ("SOM", "SOM") in pairs(coder, "Gunmen killed 12 people when they stormed a hotel in Mogadishu.")
    got = full(coder, "A school for Afghan refugees was attacked by Pakistani militants.")
    assert (("PAK", "PAK", "REB"), ("AFG", "AFG", "REF")) in got


def test_an_attack_with_a_victim_and_no_doer_has_an_unidentified_actor(coder):
    # PLOVER codes "two civilians were killed by a bomb" with an unidentified actor (UNK), placed in
    # the country where it happened; the attack word is kept as the actor's text
    events = coder.code_text("Two civilians were killed by a roadside bomb outside the Afghan city of Kandahar.",
                             date="2025-05-10", doc_id="t")
    assert {(e.source["country"], e.source["sector"], e.source["text"]) for e in events} == {
        ("AFG", "UNK", "a roadside bomb")}
    assert {(e.target["country"], e.target["sector"]) for e in events} == {("AFG", "CVL")}
    # the attack as the subject; with only the victims' country named, where it happened is open
    assert full(coder, "A car bomb killed six Nigerian policemen on Tuesday.") == {
        (("UNK", None, "UNK"), ("NGA", "NGA", "COP"))}


def test_an_attack_in_a_when_clause_or_an_air_strike_has_an_unidentified_actor_where_it_hit(coder):
    # the attack word may be the subject of a when-clause, whose place is where the victims died
    assert full(coder, "At least twelve people were killed when a bomb exploded in Kandahar, police said.") == {
        (("AFG", "AFG", "UNK"), ("AFG", "AFG", "CVL"))}
    assert full(coder, "Four people were killed in an air strike near Kandahar.") == {
        (("AFG", "AFG", "UNK"), ("AFG", "AFG", "CVL"))}
    # "a drone strike" is an attack word; the victims of a raid "by X" are the subject of "died in"
    assert full(coder, "A drone strike killed two tribesmen in Kandahar on Wednesday.") == {
        (("UNK", None, "UNK"), ("AFG", "AFG", None))}
    assert ("PAK", "AFG") in pairs(coder, "Two Afghan civilians died in an air raid by Pakistani jets.")
    # a when-clause without an attack word names no attacker
    assert full(coder, "Twelve people were killed when a bus overturned in Kandahar.") == set()


def test_an_unidentified_actor_needs_a_victim_and_an_attack_word(coder):
    assert full(coder, "Three civilians were killed in a car accident near Kandahar.") == set()
    assert full(coder, "A bomb exploded in a crowded market in Peshawar.") == set()  # no victim named
    # a named doer is kept
    assert full(coder, "Rebels killed two Malian soldiers in an ambush near Gao.") == {
        (("MLI", "MLI", "REB"), ("MLI", "MLI", "MIL"))}


def test_a_call_for_a_punitive_act_targets_the_acts_target(coder):
    # "called for sanctions against X" is criticism of X, as "criticised X" is
    assert pairs(coder, "Kenya called for sanctions against Zimbabwe.") == {("KEN", "ZWE")}
    assert pairs(coder, "Kenya criticised Zimbabwe for the arrests.") == {("KEN", "ZWE")}


def test_a_curfew_with_no_target_falls_on_the_doers_own_people(coder):
    # as ICEWS codes them: "Citizen (Country)"
    assert full(coder, "Thai authorities imposed a curfew in three southern provinces.") == {
        (("THA", "THA", "GOV"), ("THA", "THA", "CVL"))}
    assert full(coder, "Egypt lifted the state of emergency on Monday.") == {
        (("EGY", "EGY", "GOV"), ("EGY", "EGY", "CVL"))}
    assert full(coder, "The army imposed a curfew.") == {(("MIL", None, "MIL"), None)}  # whose people: unknown


def test_an_unidentified_attacker_is_not_remembered_for_pronouns(coder):
    text = ("Two civilians were killed by a roadside bomb outside the Afghan city of Kandahar. "
            "It condemned Pakistan.")
    sources = [e.source["sector"] for e in coder.code_text(text, date="2025-05-10", doc_id="t")
               if e.cameo_code.startswith("11")]
    assert "UNK" not in sources


def test_an_attack_word_as_subject_is_not_the_reporters_act(coder):
    # the officials reported the shelling; they did not shell anyone
    events = coder.code_text("Shelling killed five civilians in Kherson on Sunday, Ukrainian officials said.",
                             date="2025-05-10", doc_id="t")
    assert {(e.source["country"], e.source["sector"], e.source["text"]) for e in events} == {
        ("UKR", "UNK", "Shelling")}


def test_coordinated_demonyms_on_one_role_noun_are_both_actors(coder):
    # "Egyptian and Saudi naval forces": the role covers both peoples, even through a modifier
    got = pairs(coder, "Kenyan and Ugandan naval forces began a joint exercise on Lake Victoria.")
    assert got == {("KEN", "UGA"), ("UGA", "KEN")}


def test_a_noun_under_a_reciprocal_verb_is_done_by_each_side_to_the_other(coder):
    # "exchanged fire": both sides fire, each at the other
    got = pairs(coder, "Armenian and Azerbaijani troops exchanged heavy fire along the border on Tuesday.")
    assert got == {("ARM", "AZE"), ("AZE", "ARM")}


def test_who_claims_responsibility_for_an_attack_did_it(coder):
    events = coder.code_text("The Pakistani Taliban claimed responsibility for an attack on a police post in Peshawar.",
                             date="2025-05-10", doc_id="t")
    assert [(e.source["code"], e.target["country"]) for e in events if e.plover_event == "ASSAULT"] == [("TTP", "PAK")]
    # "for" parsed on the verb, the killing a noun
    events = coder.code_text("The Pakistani Taliban claimed responsibility on Friday for the killing of three police officers in Peshawar.",
                             date="2025-05-10", doc_id="t")
    assert [(e.source["code"], e.cameo_code) for e in events if e.plover_event == "ASSAULT"] == [("TTP", "1823")]


def test_rejecting_a_proposal_from_countries_targets_them(coder):
    # "from" parsed on the verb: whoever made the proposal is rejected, not what it is about
    got = pairs(coder, "Iran rejected a proposal from France, Britain and Germany to let inspectors back into the plant.")
    assert got == {("IRN", "FRA"), ("IRN", "GBR"), ("IRN", "DEU")}


def test_intelligence_shared_is_the_thing_given_and_the_partner_is_found_inside_a_clause(coder):
    # the parser makes "forces" the subject of "defending": it is still the object of "with"
    got = full(coder, "Canada is sharing intelligence with Ukrainian forces defending Kharkiv.")
    assert (("CAN", "CAN", "GOV"), ("UKR", "UKR", "MIL")) in got
    assert not [pair for pair in got if pair[1] and pair[1][2] == "SPY"]


def test_people_marching_in_a_city_are_its_civilians(coder):
    got = full(coder, "Thousands of people marched through Nairobi on Sunday in protest against the government of President William Ruto.")
    assert (("KEN", "KEN", "CVL"), ("KEN", "KEN", "GOV")) in got


def test_a_role_acting_for_an_actor_is_that_actor(coder):
    got = pairs(coder, "Negotiators for the Sudanese army and the Rapid Support Forces resumed talks in Jeddah.")
    assert ("SDN", "SDN") in got and not [p for p in got if p[0] == "SAU"]  # not the host city


def test_the_owner_of_what_is_acted_on_is_the_target(coder):
    # "rejected the government's offer": the government, of the one country named
    assert full(coder, "Kenyan doctors rejected the government's new pay offer.") == {
        (("KEN", "KEN", "LAB"), ("KEN", "KEN", "GOV"))}
    assert full(coder, "Ugandan students praised the army's decision to leave the campus.") == {
        (("UGA", "UGA", "CVL"), ("UGA", "UGA", "MIL"))}


def test_a_threat_targets_whoever_must_meet_its_condition(coder):
    got = full(coder, "The Kenya Labour Congress threatened a national strike unless the government raised wages.")
    assert got == {(("KEN", "KEN", "LAB"), ("KEN", "KEN", "GOV"))}


def test_ones_own_forces_are_what_is_mobilised_not_the_target(coder):
    assert full(coder, "The Kenyan government called in the army to guard polling stations.") == {
        (("KEN", "KEN", "GOV"), None)}
    assert pairs(coder, "India deployed troops to the border with China.") == {("IND", "CHN")}


def test_a_curfew_on_the_capital_falls_on_its_people(coder):
    assert full(coder, "Guinea imposed a curfew on Conakry.") == {(("GIN", "GIN", "GOV"), ("GIN", "GIN", "CVL"))}


def test_an_announcement_whose_clause_holds_the_act_is_not_coded_twice(coder):
    events = coder.code_text("The Kenyan government announced that it will extend the curfew in Nairobi.", date="2025-05-10", doc_id="t")
    assert [e.plover_event for e in events] == ["THREATEN"]


def test_a_people_marching_is_its_civilians_and_demands_are_their_makers(coder):
    assert full(coder, "Thousands of Kenyans marched in Nairobi against the government.") == {
        (("KEN", "KEN", "CVL"), ("KEN", "KEN", "GOV"))}
    assert (("KEN", "KEN", "GOV"), ("KEN", "KEN", "OPP")) in full(
        coder, "The Kenyan finance minister rejected opposition demands for new elections.")
    assert (("UGA", "UGA", "GOV"), ("UGA", "UGA", "NGO")) in full(
        coder, "Uganda rejected calls from environmental groups to stop the pipeline.")


def test_workers_at_a_place_belong_to_its_country(coder):
    got = full(coder, "Dock workers at Kenya's Mombasa port walked off the job on Monday.")
    assert {src for src, _ in got} == {("KEN", "KEN", "LAB")}


def test_searching_rubble_is_no_police_search(coder):
    assert not [e for e in coder.code_text("Kenyans searched through the rubble of a house in Nairobi.",
                                           date="2025-05-10", doc_id="t") if e.cameo_code.startswith("17")]



def test_ministers_gathered_for_talks_and_troops_wrapping_up_exercises_are_events(coder):
    assert pairs(coder, "Foreign ministers of the ASEAN member states gathered in Vientiane for talks.") == {("ASEAN", None)}
    assert pairs(coder, "Troops from Mongolia and the United States wrapped up joint exercises near Ulaanbaatar.") == {
        ("MNG", "USA"), ("USA", "MNG")}


def test_an_expulsion_without_agent_is_by_the_state_expelling(coder):
    assert full(coder, "A French academic was expelled from Algeria on Saturday, her university said.") == {
        (("DZA", "DZA", "GOV"), ("FRA", "FRA", None))}


@pytest.mark.parametrize("text, pair", [
    ("Kenya lodged a complaint with Uganda over a fishing boat on Lake Victoria.", (("KEN", "KEN", "GOV"), ("UGA", "UGA", "GOV"))),
    ("Kenyan police raided the offices of a news website.", (("KEN", "KEN", "COP"), ("KEN", "KEN", "MED"))),
    ("Kenyan authorities barred a dozen dissidents from leaving their homes.", (("KEN", "KEN", "GOV"), ("KEN", "KEN", "OPP"))),
    ("The United Nations launched an inquiry into abuses by Eritrean forces.", (("UN", None, "IGO"), ("ERI", "ERI", "MIL"))),
])
def test_targets_named_through_the_object_noun(coder, text, pair):
    assert pair in full(coder, text)


def test_aid_delivered_in_a_country_and_aid_workers_let_in_are_the_targets(coder):
    assert pairs(coder, "The Red Cross delivered food to flood victims in Kenya.") == {("ICRC", "KEN")}
    got = full(coder, "Ethiopia allowed aid workers into Tigray.")
    assert any(tgt and tgt[2] == "NGO" for _, tgt in got), got


def test_a_stative_passive_light_verb_keeps_its_subject_as_the_doer(coder):
    # "were engaged in": the forces are engaged, so they do the cleansing
    events = coder.code_text("Ugandan forces were engaged in ethnic cleansing against Kenyan villagers.",
                             date="2025-05-10", doc_id="t")
    assert [(e.source["code"], e.target["code"]) for e in events if e.plover_event == "ASSAULT"] == [("UGA", "KEN")]


@pytest.mark.parametrize("text,pair,code", [
    # a union of a country is labour, so the government it faces is that country's, not the union itself
    ("Kenya's largest teachers' union threatened a strike if the government cut salaries.",
     (("KEN", "KEN", "LAB"), ("KEN", "KEN", "GOV")), "13"),
    ("Kenya's main nurses' union said it was ready to return to pay negotiations with the government.",
     (("KEN", "KEN", "LAB"), ("KEN", "KEN", "GOV")), "036"),
    ("Prosecutors in Kenya dropped charges against six opposition activists.",
     (("KEN", "KEN", "JUD"), ("KEN", "KEN", "OPP")), "081"),
    ("The African Union suspended Uganda from all its activities.", (("AU", None, "IGO"), ("UGA", "UGA", "GOV")), "166"),
    # the owner of a rejected motion or petition is the one rejected
    ("Kenya's parliament voted down an opposition motion to set up an inquiry.",
     (("KEN", "KEN", "LEG"), ("KEN", "KEN", "OPP")), "120"),
    ("Kenya's High Court threw out a petition by the opposition.", (("KEN", "KEN", "JUD"), ("KEN", "KEN", "OPP")), "120"),
])
def test_domestic_sides_of_unions_courts_and_parliaments(coder, text, pair, code):
    events = coder.code_text(text, date="2025-05-10", doc_id="t")
    got = {((e.source["code"], e.source["country"], e.source["sector"]),
            (e.target["code"], e.target["country"], e.target["sector"]) if e.target else None, e.cameo_code[:len(code)])
           for e in events}
    assert (*pair, code) in got, got
    assert len(events) == 1, got  # no event of the inquiry asked for


@pytest.mark.parametrize("text,pair", [
    # a person word ("leaders", "officials") of a body takes the body's sector
    ("Leaders of Kenya's main opposition party met the president on Monday.",
     (("KEN", "KEN", "OPP"), ("KEN", "KEN", "GOV"))),
    # the role is the modifiers next to its head ("an independent news outlet")
    ("Kenyan police raided the offices of an independent news outlet.", (("KEN", "KEN", "COP"), ("KEN", "KEN", "MED"))),
    ("Ugandan police warned that organisers of the march would be arrested.",
     (("UGA", "UGA", "COP"), ("UGA", "UGA", "CVL"))),
])
def test_people_of_a_body_and_roles_behind_modifiers(coder, text, pair):
    assert pair in full(coder, text)


@pytest.mark.parametrize("text,pair", [
    # both coordinated countries share the role the mention holds
    ("Kenyan and Ugandan navy ships began coordinated patrols on Lake Victoria.",
     (("UGA", "UGA", "MIL"), ("KEN", "KEN", "MIL"))),
    # a threat's condition and a protest called off face the government of the doers' country
    ("A Kenyan prison gang threatened to attack guards if the authorities moved its leader.",
     (("KEN", "KEN", "CRM"), ("KEN", "KEN", "GOV"))),
    ("Kenya's health workers' union called off its strike on Monday.", (("KEN", "KEN", "LAB"), ("KEN", "KEN", "GOV"))),
    ("Kenyan farmers blocked roads in protest against European Union trade rules.",
     (("KEN", "KEN", "AGR"), ("EU", None, "IGO"))),
    # a thing as the passive subject: the target follows the verb
    ("A shipment of armoured vehicles was delivered to Kenya by France.", (("FRA", "FRA", "GOV"), ("KEN", "KEN", "GOV"))),
])
def test_shared_roles_conditions_called_off_protests_and_passive_deliveries(coder, text, pair):
    assert pair in full(coder, text)


@pytest.mark.parametrize("text,pair", [
    # the one handed over is no party: the court receives
    ("A Kenyan commander was surrendered to the International Criminal Court by the Kenyan authorities.",
     (("KEN", "KEN", "GOV"), ("ICC", None, "IGO"))),
    ("A Kenyan tribunal issued an arrest warrant for a former prime minister.", (("KEN", "KEN", "JUD"), ("KEN", "KEN", "GOV"))),
    # a riot (recoded from setting fire) and a strike called off face the government
    ("Rioters in the Kenyan city of Kisumu set fire to government vehicles.", (("KEN", "KEN", "CVL"), ("KEN", "KEN", "GOV"))),
    ("Kenya's two main labour unions called off their strike.", (("KEN", "KEN", "LAB"), ("KEN", "KEN", "GOV"))),
])
def test_handovers_warrants_riots_and_strikes_called_off(coder, text, pair):
    assert pair in full(coder, text)


@pytest.mark.parametrize("text,pair", [
    ("Kenya's teachers' union pulled its representatives out of a government task force.",
     (("KEN", "KEN", "LAB"), ("KEN", "KEN", "GOV"))),
    ("Uganda revoked the legal status of 200 non-governmental organisations.", (("UGA", "UGA", "GOV"), ("UGA", "UGA", "NGO"))),
])
def test_bodies_left_and_organisations_struck_off(coder, text, pair):
    assert pair in full(coder, text)


def test_a_states_order_to_its_own_forces_is_the_forces_act(coder):
    events = coder.code_text("The Kenyan president ordered Kenyan troops to pull out of the border town.",
                             date="2025-05-10", doc_id="t")
    assert [(e.source["code"], e.source["sector"], e.cameo_code) for e in events] == [("KEN", "MIL", "0872")]


@pytest.mark.parametrize("text,pair", [
    ("Peru's Roman Catholic bishops endorsed the government's decision.", (("PER", "PER", "REL"), ("PER", "PER", "GOV"))),
    ("Several hundred Filipinos rallied outside the US embassy.", (("PHL", "PHL", "CVL"), ("USA", "USA", "GOV"))),
])
def test_churches_and_plural_demonyms(coder, text, pair):
    assert pair in full(coder, text)


def test_relief_for_disaster_victims_goes_to_their_country(coder):
    # "flood victims" is a role of civilians: with one country named, that country's
    assert ("CHN", "CHN") in pairs(coder, "The Chinese government distributed tents to flood victims in Hubei.")


@pytest.mark.parametrize("text,pair", [
    ("Ivorian families filed a complaint against unnamed gendarmes.", (("CIV", "CIV", "CVL"), ("CIV", "CIV", "COP"))),
    ("Nigerian pro-democracy groups asked the military government to free the detained election winner.",
     (("NGA", "NGA", "NGO"), ("NGA", "NGA", "GOV"))),
])
def test_gendarmes_and_pro_democracy_groups(coder, text, pair):
    assert pair in full(coder, text)


def test_two_named_office_holders_of_one_country_are_two_actors(coder):
    text = "South African President F.W. de Klerk met African National Congress leader Nelson Mandela in Cape Town."
    assert (("ZAF", "ZAF", "GOV"), ("ZAF", "ZAF", "GOV")) in full(coder, text, date=None)


@pytest.mark.parametrize("text,pair", [
    ("The Soviet news agency Tass accused Pakistan of arming the rebels.", (("RUS", "RUS", "MED"), ("PAK", "PAK", "GOV"))),
    ("Tanjug accused Croatia of shelling the town.", (("SRB", "SRB", "MED"), ("HRV", "HRV", "GOV"))),
])
def test_state_news_agencies_of_the_wire_era(coder, text, pair):
    assert pair in full(coder, text)


def test_a_trigger_word_in_an_organisations_name_is_no_act(coder):
    events = coder.code_text("Amnesty International is looking into reports that Peruvian soldiers executed peasants.",
                             date="2025-05-10", doc_id="t")
    assert "056" not in {e.cameo_code for e in events}  # no amnesty granted
    # an inquiry into reports that someone acted targets the one reported
    assert ("AI", "PER", "090") in {(e.source["code"], (e.target or {}).get("code"), e.cameo_code) for e in events}
