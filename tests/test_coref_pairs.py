"""'Both sides' refers to the last pair of countries named acting on each other (comity/coder/coref.py)."""
from comity.coder.coref import DocumentMemory, Referent
from comity.records import Actor



def ref(code, country, sector):
    return Referent(Actor(code, country, sector, code), code, False)


def test_a_group_of_the_same_country_does_not_replace_its_state_in_the_pair():
    memory = DocumentMemory()
    india, pakistan, group = ref("IND", "IND", "GOV"), ref("PAK", "PAK", "GOV"), ref("JEM", "PAK", "REB")
    memory.remember_pair([india], [pakistan])
    memory.remember_pair([india], [group])
    assert [r.actor.code for r in memory.pair()] == ["IND", "PAK"]
    # a new pair of countries replaces the old one, groups included
    memory.remember_pair([ref("ISR", "ISR", "GOV")], [ref("HAMAS", "PSE", "REB")])
    assert [r.actor.code for r in memory.pair()] == ["ISR", "HAMAS"]


def test_a_pair_first_named_by_a_group_takes_the_state_when_it_is_named():
    memory = DocumentMemory()
    memory.remember_pair([ref("IND", "IND", "GOV")], [ref("JEM", "PAK", "REB")])
    memory.remember_pair([ref("IND", "IND", "GOV")], [ref("PAK", "PAK", "GOV")])
    assert [r.actor.code for r in memory.pair()] == ["IND", "PAK"]
