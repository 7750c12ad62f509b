"""Verb meanings of 1980-2008 wire reports (shuttle diplomacy, peacekeeping landings, mass
expulsions, restored licences, branding as spies, crushing opponents) and the actors they take.

Every sentence here is written for these tests; assertions are on the event (PLOVER type or CAMEO
code) together with its source and target countries. The `coder` (rules only) and `d` (actor
dictionary) fixtures come from conftest.py."""
from __future__ import annotations

import pytest


def coded(coder, text, date="2025-05-10"):
    """(CAMEO code, PLOVER event, source country, target country) of every event in text."""
    return {(e.cameo_code, e.plover_event, e.source["country"] or e.source["code"],
             (e.target["country"] or e.target["code"]) if e.target else None)
            for e in coder.code_text(text, date=date, doc_id="t")}


def events_of(coder, text, date="2025-05-10"):
    return {(event, source, target) for _, event, source, target in coded(coder, text, date)}


@pytest.mark.parametrize("text,source,targets", [
    ("A Swiss diplomat shuttled between Addis Ababa and Asmara last week to revive the border talks.",
     "CHE", {"ETH", "ERI"}),
    ("The Algerian foreign minister shuttled between Baghdad and Tehran in search of a truce.",
     "DZA", {"IRQ", "IRN"}),
])
def test_shuttling_between_two_capitals_is_mediation(coder, text, source, targets):
    found = coded(coder, text, date=None)
    assert {("045", "CONSULT", source, t) for t in targets} <= found


@pytest.mark.parametrize("text,pair", [
    ("Nigerian troops landed in Freetown on Monday to police the ceasefire between the army and the rebels.",
     ("NGA", "SLE")),
    ("French paratroopers led a protection force into Rwanda to shield the refugee camps.", ("FRA", "RWA")),
    ("Spain dispatched 800 soldiers to Kosovo as part of the U.N. force.", ("ESP", "XKX")),
])
def test_troops_sent_to_keep_a_peace_are_aid(coder, text, pair):
    assert ("AID",) + pair in events_of(coder, text, date=None)


def test_landing_or_leading_without_a_peace_mission_is_no_aid(coder):
    assert not {e for e in events_of(coder, "Polish trucks blocked the roads leading to the Ukrainian border.")
                if e[0] in ("AID", "CONSULT")}
    assert "074" not in {c for c, *_ in coded(coder, "An Indian jet landed in Kathmandu carrying the minister.")}


@pytest.mark.parametrize("text,pair", [
    ("The Iraqi army forced more than 40,000 Kurdish villagers to leave the Kirkuk region.", ("IRQ", "IRQ")),
    ("Sudanese militias forced some 120,000 people across the border into Chad.", ("SDN", "TCD")),
])
def test_forcing_tens_of_thousands_out_is_a_mass_expulsion(coder, text, pair):
    assert ("201",) + pair in {(c, s, t) for c, _, s, t in coded(coder, text, date=None)}


def test_forcing_a_few_people_is_no_mass_expulsion(coder):
    assert "201" not in {c for c, *_ in coded(coder, "The Kenyan police forced two journalists to leave the courtroom.")}


def test_purging_a_region_of_its_minority_is_ethnic_cleansing(coder):
    found = coded(coder, "Serbian paramilitaries purged the town of its Muslim minority.", date=None)
    assert any(c == "203" and s == "SRB" for c, _, s, _ in found)


def test_emptying_villages_is_an_expulsion(coder):
    found = coded(coder, "Ethiopian soldiers emptied dozens of Eritrean villages near the border.", date=None)
    assert any(c in ("201", "203") and s == "ETH" and t == "ERI" for c, _, s, t in found)


@pytest.mark.parametrize("text,code,pair", [
    ("Malaysia restored the publishing licence of an opposition newspaper on Friday.", "0811", ("MYS", "MYS")),
    ("Kenya reinstated the political rights of the jailed opposition politician.", "0812", ("KEN", "KEN")),
])
def test_restoring_licences_and_rights_eases_restrictions(coder, text, code, pair):
    assert (code, "CONCEDE") + pair in coded(coder, text, date=None)


def test_restoring_ties_is_still_diplomatic_cooperation(coder):
    assert "0811" not in {c for c, *_ in coded(coder, "Egypt restored diplomatic ties with Iran.")}


def test_branding_people_as_spies_is_an_accusation(coder):
    found = coded(coder, "Iraqi state radio branded three jailed Iranian pilgrims as spies for Tehran.", date=None)
    assert any(c == "112" and s == "IRQ" and t == "IRN" for c, _, s, t in found)


@pytest.mark.parametrize("text,code", [
    ("The Chinese army crushed the student uprising in the western city.", "175"),
    ("Government troops crushed the Tamil rebels in the east, the Sri Lankan army said.", "190"),
])
def test_crushing_opponents(coder, text, code):
    assert code in {c for c, *_ in coded(coder, text, date=None)}


def test_a_vow_to_crush_opponents_is_a_threat(coder):
    found = events_of(coder, "The Burmese junta vowed to crush the opposition protests in Rangoon.", date=None)
    assert any(event == "THREATEN" and source == "MMR" for event, source, _ in found)


def test_two_coordinated_demonyms_before_one_role_clash_with_each_other(coder):
    # spaCy hangs the first demonym as nmod here; both sides still fight each other
    found = events_of(coder, "Thai and Cambodian troops clashed near the disputed temple.", date=None)
    assert {("ASSAULT", "THA", "KHM"), ("ASSAULT", "KHM", "THA")} <= found


def test_a_bomb_set_off_by_the_subject_of_a_when_clause_killed_the_victims(coder):
    found = events_of(coder, "Four Italian engineers were killed when Somali gunmen set off a car bomb outside their hotel.",
                      date=None)
    assert ("ASSAULT", "SOM", "ITA") in found


def test_an_unnamed_bomber_is_of_the_place_not_of_the_victims(coder):
    # the victims' capital is only where the news came from
    text = ("Three French soldiers were killed when rebels detonated a roadside bomb near the Malian town of Gao, "
            "the defence ministry in Paris said.")
    assert ("ASSAULT", "MLI", "FRA") in events_of(coder, text, date=None)


def test_setting_off_a_bomb_is_a_bombing(coder):
    assert "183" in {c for c, *_ in coded(coder, "Basque separatists set off a bomb outside a Spanish army barracks.")}


def test_a_by_phrase_inside_an_in_phrase_names_the_doer_of_a_passive(coder):
    found = events_of(coder, "Two opposition students were beaten in detention by Syrian intelligence officers.", date=None)
    assert any(event == "ASSAULT" and source == "SYR" for event, source, _ in found)


def test_teaming_up_is_cooperation_and_fighting_a_plague_is_no_war(coder):
    found = events_of(coder, "Chad and Niger teamed up to fight a locust plague in the Sahel.", date=None)
    assert ("COOPERATE", "TCD", "NER") in found
    assert not {e for e in found if e[0] == "ASSAULT"}


def test_delivering_warplanes_is_military_aid(coder):
    assert ("072", "AID", "FRA", "IND") in coded(coder, "France delivered a batch of Mirage fighters to India.", date=None)


def test_buying_a_stake_in_a_foreign_firm_is_economic_cooperation(coder):
    found = coded(coder, "A French bank bought a 40 percent stake in a Polish insurer on Tuesday.", date=None)
    assert ("061", "COOPERATE", "FRA", "POL") in found


@pytest.mark.parametrize("text,pair", [
    ("Three Russian warships sailed into the Black Sea in a show of force aimed at Georgia.", ("RUS", "GEO")),
    ("North Korean tanks rolled through the border town in a display of strength aimed at Seoul.", ("PRK", "KOR")),
])
def test_acting_in_a_show_of_force_aimed_at_a_country(coder, text, pair):
    assert ("150", "MOBILIZE") + pair in coded(coder, text, date=None)


def test_gunmen_trading_fire_fight_rather_than_trade(coder):
    found = coded(coder, "Hutu and Tutsi gunmen traded fire in the streets of Bujumbura overnight.", date=None)
    assert found and all(code.startswith("19") or code.startswith("18") for code, *_ in found)
    assert not any(code.startswith("06") for code, *_ in found)


@pytest.mark.parametrize("text", [
    "Hundreds of Italian riot police were flown into Naples after a night of rioting.",
    "Ankara deployed 3,000 more gendarmes in the southeast.",
])
def test_police_moved_in_are_a_police_show_of_force(coder, text):
    assert "153" in {c for c, *_ in coded(coder, text, date=None)}


def test_basing_rights_are_military_cooperation(coder):
    found = coded(coder, "Oman allowed British warplanes to use its airbases for the operation.", date=None)
    assert ("062", "COOPERATE", "OMN", "GBR") in found


def test_planting_radioactive_material_is_unconventional_violence(coder):
    found = coded(coder, "Separatist rebels planted a box of radioactive material in a Russian park.", date=None)
    assert "2041" in {c for c, *_ in found}


def test_a_show_of_strength_beside_a_light_verbs_act_leaves_that_act_alone(coder):
    found = coded(coder, "Indian and French warships held joint exercises in a show of strength.", date=None)
    assert "150" not in {c for c, *_ in found}
    assert any(c.startswith("06") for c, *_ in found)


def test_petitioning_a_ruler_to_act_is_an_appeal(coder):
    found = events_of(coder, "Kenyan church leaders petitioned President Daniel arap Moi to lift the ban on opposition rallies.",
                      date="1991-06-01")
    assert any(event == "REQUEST" and source == "KEN" and target == "KEN" for event, source, target in found)


def test_telling_a_government_to_act_is_a_demand(coder):
    # the act told is the demand's content, not an act of the one told
    found = events_of(coder, "London told Harare to give the observers access to the polling stations.", date=None)
    assert ("REQUEST", "GBR", "ZWE") in found
    assert not {e for e in found if e[0] == "RETREAT"}


def test_telling_reporters_is_no_demand(coder):
    found = coded(coder, "The Kenyan minister told reporters to expect new elections next year.", date=None)
    assert not any(c.startswith("10") for c, *_ in found)


def test_letting_newspapers_publish_eases_press_restrictions(coder):
    found = coded(coder, "The Jordanian government allowed opposition newspapers to publish again after a two-year ban.", date=None)
    assert any(c == "0811" and s == "JOR" for c, _, s, _ in found)


def test_abolishing_a_security_law_gives_up_a_law(coder):
    found = coded(coder, "Tunisia abolished the state security court law that had been used against dissidents.", date=None)
    assert any(c == "0832" and s == "TUN" for c, _, s, _ in found)


def test_selling_barrels_of_oil_is_energy_trade(coder):
    found = coded(coder, "Nigeria is selling Ghana 20,000 barrels of oil a day on easy terms.", date=None)
    assert ("061", "COOPERATE", "NGA", "GHA") in found


def test_an_ultimatum_in_hours(coder):
    found = events_of(coder, "Peru gave the Japanese embassy hostage-takers 48 hours to surrender or lose their chance of safe passage.",
                      date=None)
    assert any(event == "THREATEN" and source == "PER" for event, source, _ in found)


def test_showing_off_missiles_is_a_show_of_force(coder):
    assert "150" in {c for c, *_ in coded(coder, "Iran showed off its new long-range missiles at a parade in Tehran.")}


def test_police_dispatched_to_a_city_are_a_police_deployment(coder):
    found = coded(coder, "Brazil dispatched 3,000 federal police to Rio de Janeiro after the riots.", date=None)
    assert "153" in {c for c, *_ in found}
    assert not any(c.startswith("07") for c, *_ in found)


def test_peacekeepers_leaving_a_country_is_a_peacekeeping_withdrawal(coder):
    found = coded(coder, "The last soldiers of the UN peacekeeping force left Rwanda on Friday.", date=None)
    assert any(c == "1661" and t == "RWA" for c, _, _, t in found)


def test_troops_taking_control_of_foreign_gas_fields_seize_property(coder):
    found = coded(coder, "Venezuelan troops took control of oil fields run by the American firm Exxon on Monday.", date=None)
    assert any(c == "1711" and s == "VEN" and t == "USA" for c, _, s, t in found)


def test_expelling_a_population_is_a_mass_expulsion(coder):
    found = coded(coder, "Serb militias expelled the Muslim population of Foca, some 20,000 people.", date=None)
    assert "201" in {c for c, *_ in found}


def test_a_bare_role_conjoined_with_a_countrys_body_of_the_same_kind_is_that_body(coder):
    # "jet fighters" are more Chinese forces, not a second party the drill is held with
    found = coded(coder, "Chinese warships and jet fighters staged live-fire war games near the Taiwan Strait.", date=None)
    assert "150" in {c for c, *_ in found}
    assert not any(c.startswith("06") for c, *_ in found)


@pytest.mark.parametrize("text,pair", [
    ("Britain told Argentina on Monday that it must withdraw its troops from the islands.", ("GBR", "ARG")),
    ("China told Vietnam it must halt oil drilling in the disputed waters.", ("CHN", "VNM")),
])
def test_telling_someone_that_it_must_act_is_a_demand_on_the_one_told(coder, text, pair):
    assert ("REQUEST",) + pair in events_of(coder, text, date=None)


def test_saying_it_must_act_remains_the_speakers_own_act(coder):
    # no one told: "it" is the speaker itself, no demand on anyone
    found = events_of(coder, "Britain said it must withdraw its troops from the islands.", date=None)
    assert not {e for e in found if e[0] == "REQUEST"}


def test_an_attack_under_an_agreement_is_an_attack(coder):
    found = coded(coder, "Kenyan troops attacked al-Shabaab camps in southern Somalia under an agreement with Mogadishu.",
                  date=None)
    assert "057" not in {c for c, *_ in found}
    assert any(c.startswith("19") for c, *_ in found)


def test_workers_striking_is_a_labour_strike(coder):
    found = coded(coder, "Polish miners struck on Monday to demand higher wages from the government.", date=None)
    assert "143" in {c for c, *_ in found}
    assert not any(c.startswith("19") for c, *_ in found)


@pytest.mark.parametrize("text,code", [
    ("Chinese hackers crippled the websites of the Taiwanese parliament.", "170"),
    ("Sudanese soldiers burned down dozens of houses in the village.", "1712"),
    ("Kenyan riot police broke up an opposition rally in Nairobi with tear gas.", "175"),
    ("Rebels seized forty tourists as hostages near the border.", "181"),
])
def test_cyber_attacks_burnings_dispersals_and_hostage_seizures(coder, text, code):
    assert code in {c for c, *_ in coded(coder, text, date=None)}


@pytest.mark.parametrize("text,code", [
    ("Baghdad ordered the U.N. weapons inspectors to leave the country.", "1662"),
    ("The OSCE evacuated its observers from Chechnya on Friday.", "1662"),
    ("Ethiopia expelled Oxfam from the Ogaden region.", "1663"),
])
def test_inspectors_monitors_and_aid_agencies_sent_away(coder, text, code):
    found = coded(coder, text, date=None)
    assert code in {c for c, *_ in found}
    assert {e for _, e, *_ in found if e == "SANCTION"}


def test_donated_minesweepers_are_military_aid(coder):
    assert ("072", "AID", "DEU", "EST") in coded(coder, "Germany donated two minesweepers to the Estonian navy.", date=None)


def test_troops_landing_with_an_intervention_force_keep_the_peace(coder):
    found = events_of(coder, "New Zealand troops landed in Tonga as part of a regional intervention force.", date=None)
    assert ("AID", "NZL", "TON") in found


def test_buying_electricity_is_trade(coder):
    assert ("061", "COOPERATE", "ZAF", "ZMB") in coded(coder, "South Africa began buying electricity from Zambia.", date=None)


@pytest.mark.parametrize("text,code,country", [
    ("Solidarity called a national strike in Poland.", "SOLIDARITY", "POL"),
    ("Aum Shinrikyo released nerve gas on the subway.", "AUM_SHINRIKYO", "JPN"),
    ("The Royal Ulster Constabulary arrested two men in Belfast.", "GBR", "GBR"),
])
def test_wire_era_groups_and_bodies(coder, text, code, country):
    sources = {(e.source["code"], e.source["country"]) for e in coder.code_text(text, date=None, doc_id="t")}
    assert (code, country) in sources


@pytest.mark.parametrize("text,pair", [
    ("Guatemalan soldiers massacred dozens of peasants in a highland village, survivors said.", ("GTM", "GTM")),
    ("Burundian troops killed hundreds of villagers in the north, refugees said.", ("BDI", "BDI")),
])
def test_violence_on_unnamed_people_in_a_one_country_sentence_falls_on_its_people(coder, text, pair):
    found = {(e.source["country"], e.target["country"], e.target["sector"])
             for e in coder.code_text(text, date=None, doc_id="t") if e.target}
    assert pair + ("CVL",) in found


def test_a_disaster_that_kills_is_no_attack(coder):
    found = coded(coder, "The Peruvian minister resigned over the hospital fire that killed nine patients.", date=None)
    assert not any(c.startswith("18") for c, *_ in found)


def test_a_trigger_after_anti_names_what_a_unit_is_against(coder):
    found = coded(coder, "Mexican anti-kidnapping police freed a businessman held for a month.", date=None)
    assert not any(c == "181" for c, *_ in found)


@pytest.mark.parametrize("text,pair", [
    ("Pakistan put its air force on high alert after India moved two armoured divisions to the border.", ("PAK", "IND")),
    ("Egyptian troops were placed on alert as Israeli warplanes flew over the Sinai.", ("EGY", "ISR")),
])
def test_a_force_posture_taken_in_answer_to_another_country_faces_it(coder, text, pair):
    assert ("MOBILIZE",) + pair in events_of(coder, text, date=None)


def test_aircraft_of_a_country_are_its_military_but_a_government_plane_is_not(coder):
    sources = {(e.source["country"], e.source["sector"])
               for e in coder.code_text("Syrian aircraft bombed rebel positions near Hama.", date=None, doc_id="t")}
    assert ("SYR", "MIL") in sources
    found = coded(coder, "Two Indonesian fighter jets shot down an Indonesian government aircraft.", date=None)
    assert any(c.startswith("19") or c.startswith("18") for c, *_ in found)


def test_an_ultimatum_to_lay_down_arms_is_a_threat_not_a_surrender(coder):
    found = events_of(coder, "The rebels gave army troops in the capital 24 hours to lay down their arms or face an assault.",
                      date=None)
    assert any(event == "THREATEN" for event, *_ in found)


def test_armed_with_is_no_arms_supply(coder):
    found = coded(coder, "Serb gunmen armed with rifles killed six Bosnian villagers.", date=None)
    assert not any(c.startswith("07") for c, *_ in found)
    assert any(c.startswith("18") for c, *_ in found)


def test_driving_out_tribes_from_their_villages_is_a_mass_expulsion(coder):
    found = coded(coder, "Government-backed militiamen drove out non-Arab tribes from their villages in Darfur.", date=None)
    assert "201" in {c for c, *_ in found}


def test_deporting_migrants_is_no_mass_expulsion(coder):
    found = coded(coder, "Malaysia deported more than 10,000 Indonesian migrants last month.", date=None)
    assert "201" not in {c for c, *_ in found}


def test_ordering_a_million_immigrants_out_is_a_mass_expulsion(coder):
    found = coded(coder, "Libya ordered more than one million illegal immigrants to leave the country within a month.", date=None)
    assert "201" in {c for c, *_ in found}


def test_a_warning_that_forces_will_deal_firmly_with_protesters_is_a_threat(coder):
    found = events_of(coder, "The Kenyan president warned that the police would deal firmly with anyone who joined illegal protests.",
                      date=None)
    assert any(event == "THREATEN" and source == "KEN" for event, source, _ in found)


def test_police_deployed_at_home_face_their_own_people(coder):
    found = {(e.cameo_code[:2], e.source["country"], (e.target or {}).get("country"), (e.target or {}).get("sector"))
             for e in coder.code_text("Zambian riot police were deployed across the capital ahead of the strike.",
                                      date=None, doc_id="t")}
    assert ("15", "ZMB", "ZMB", "CVL") in found


@pytest.mark.parametrize("text", [
    "Hezbollah vowed to launch attacks on Israel.",
    "Chechen rebels vowed to unleash a new wave of bombings in Moscow.",
])
def test_a_vow_to_launch_attacks_is_a_threat_not_a_promise(coder, text):
    found = events_of(coder, text, date=None)
    assert any(event == "THREATEN" for event, *_ in found)
    assert not any(event == "AGREE" for event, *_ in found)


def test_a_fugitive_handed_over_to_foreign_agents_is_judicial_cooperation(coder):
    found = coded(coder, "The wanted man was handed over to French agents by the Sudanese authorities.", date=None)
    assert ("063", "COOPERATE", "SDN", "FRA") in found


@pytest.mark.parametrize("text,code,pair", [
    ("The Iraqi security service branded the detained engineer a traitor.", "112", ("IRQ", None)),
    ("Norway and Sweden launched a joint expedition to map pollution in the Baltic.", "060", ("NOR", "SWE")),
    ("A Russian oil firm set up a joint company with a Kazakh state fund.", "061", ("RUS", "KAZ")),
    ("Peru's government sequestered the shares of a fugitive banker.", "1711", ("PER", "PER")),
    ("Brazil's federal government froze transfers to the state of Rio de Janeiro.", "162", ("BRA", None)),
    ("Iran admitted a team of U.N. nuclear inspectors to the Natanz plant.", "0862", ("IRN", "UN")),
    ("Bosnia accepted the deployment of 5,000 European peacekeepers.", "0861", ("BIH", None)),
    ("Italy briefed Albania on intelligence about smuggling gangs.", "064", ("ITA", "ALB")),
])
def test_wire_era_cooperation_and_coercion_verbs(coder, text, code, pair):
    found = {(c, s, t) for c, _, s, t in coded(coder, text, date=None)}
    assert any(c == code and s == pair[0] and (pair[1] is None or t == pair[1]) for c, s, t in found), found


@pytest.mark.parametrize("text,code,country", [
    ("The URNG guerrillas met government negotiators in Oslo.", "URNG", "GTM"),
    ("ZAPU leader Joshua Nkomo met President Robert Mugabe in Harare.", "ZAPU", "ZWE"),
])
def test_more_wire_era_groups(coder, text, code, country):
    codes = {(e.source["code"], e.source["country"]) for e in coder.code_text(text, date=None, doc_id="t")} | {
        (e.target["code"], e.target["country"]) for e in coder.code_text(text, date=None, doc_id="t") if e.target}
    assert (code, country) in codes


def test_monitors_told_to_leave_by_a_government_are_sent_away(coder):
    # the 'by' agent hangs on the infinitive; the passive subject says who is sent away
    found = events_of(coder, "U.N. monitors were told to leave Darfur within a week by the Sudanese government.", date=None)
    assert ("SANCTION", "SDN", "UN") in found


def test_police_drafted_in_are_a_police_deployment(coder):
    assert "153" in {c for c, *_ in coded(coder, "The Kenyan government drafted 5,000 extra police into the Rift Valley.",
                                          date=None)}


def test_a_different_given_name_before_a_known_surname_is_another_person(d):
    mentions = d.find("Brazilian businessman Pedro Collor accused his brother, President Fernando Collor de Mello.", None)
    assert [(m.actor.code, m.actor.sector) for m in mentions] == [("BRA", "BUS"), ("BRA", "GOV")]
    # a spelling variant of the holder's own given name is still the holder
    lavrov = d.find("Foreign Minister Sergey Lavrov arrived in Delhi.", None)
    assert lavrov and "office holder" in lavrov[0].how


def test_destroying_a_reactor_is_a_military_strike(coder):
    found = coded(coder, "Israeli warplanes destroyed a nuclear reactor under construction in Syria.", date=None)
    assert any(c.startswith("19") and s == "ISR" for c, _, s, _ in found)


def test_ending_a_state_of_emergency_eases_it(coder):
    assert "0814" in {c for c, *_ in coded(coder, "The Egyptian president ended the state of emergency on Monday.", date=None)}


def test_a_people_deported_over_the_border_is_a_mass_expulsion_but_migrants_are_not(coder):
    assert "201" in {c for c, *_ in coded(coder, "Iraq deported some 20,000 Kurds of Iranian origin across the border into Iran.",
                                          date=None)}
    assert "201" not in {c for c, *_ in coded(coder, "Spain deported 3,000 illegal migrants to Morocco.", date=None)}


def test_enforcing_a_blockade_is_a_blockade(coder):
    found = coded(coder, "Turkish warships enforced a naval blockade of the Cypriot ports.", date=None)
    assert any(c == "191" and s == "TUR" for c, _, s, _ in found)


def test_tanks_rolling_into_a_city_are_forces_moved_in(coder):
    assert "154" in {c for c, *_ in coded(coder, "Soviet tanks rolled into Vilnius on Sunday.", date=None)}


@pytest.mark.parametrize("text", [
    "The rebels made the release of their jailed leaders a precondition for any talks with the Algerian government.",
    "Kurdish leaders set autonomy for the region as a precondition for any dialogue with the Iraqi government.",
])
def test_making_something_a_precondition_is_a_demand(coder, text):
    assert any(c.startswith("10") for c, *_ in coded(coder, text, date=None))


def test_an_unknown_person_named_by_the_body_he_leads(coder):
    # the apposition's title names the body the person acts for
    found = {(e.source["code"], (e.target or {}).get("code"))
             for e in coder.code_text("The Zimbabwean president held talks with Samuel Moyo, leader of the ZAPU party, in Harare.",
                                      date=None, doc_id="t")}
    assert ("ZWE", "ZAPU") in found


def test_a_building_torn_down_by_militants_is_destroyed(coder):
    found = coded(coder, "The old mosque was torn down on Sunday by Hindu militants.", date=None)
    assert "1712" in {c for c, *_ in found}


def test_observing_a_general_strike_is_striking(coder):
    found = events_of(coder, "Palestinians in the West Bank observed a general strike against Israel's deportation of activists.",
                      date=None)
    assert any(event == "PROTEST" and source == "PSE" for event, source, _ in found)


def test_barricading_roads_is_a_protest_blockade(coder):
    found = coded(coder, "Kenyan opposition supporters barricaded roads across Nairobi after the results were announced.",
                  date=None)
    assert any(c.startswith("144") for c, *_ in found)  # obstruction by protesters (1442, or 144 for a crowd)


def test_icao_is_an_international_organisation(d):
    mentions = d.find("The International Civil Aviation Organisation decided to investigate the downing of the airliner.", None)
    assert [(m.actor.code, m.actor.sector) for m in mentions] == [("ICAO", "IGO")]


def test_ties_between_two_states_restored_in_the_passive_are_both_sides_acts(coder):
    found = events_of(coder, "Diplomatic relations between Cairo and Tehran were restored on Monday.", date=None)
    assert {("SUPPORT", "EGY", "IRN"), ("SUPPORT", "IRN", "EGY")} <= found


def test_a_by_agent_hung_on_a_prepositional_object_names_the_doer(coder):
    # the parser hangs "by" on "embassy"; the embassy is the target, the ministry the doer
    found = events_of(coder, "A formal protest was lodged with the Japanese embassy by China's foreign ministry on Friday.",
                      date=None)
    assert ("ACCUSE", "CHN", "JPN") in found
