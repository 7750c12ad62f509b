"""Office holders of the 1980–2008 wire era resolve by the document date (office_holders.tsv)."""
from __future__ import annotations

import pytest

from comity.actors import default_dictionary


@pytest.fixture(scope="module")
def d():
    return default_dictionary()


@pytest.mark.parametrize("text, date, person, code, sector", [
    ("Secretary of State Alexander Haig arrived in London.", "1982-04-10", "Alexander Haig", "USA", "GOV"),
    ("Carlucci met NATO ministers in Brussels.", "1988-03-01", "Frank Carlucci", "USA", "GOV"),
    ("Soviet Defence Minister Dmitry Yazov arrived in Berlin.", "1990-05-01", "Dmitry Yazov", "RUS", "GOV"),
    ("Prime Minister Nikolai Ryzhkov warned of shortages.", "1989-06-01", "Nikolai Ryzhkov", "RUS", "GOV"),
    ("Yandarbiyev signed the truce.", "1996-05-27", "Zelimkhan Yandarbiyev", "CHECHEN_REBELS", "REB"),
    ("Prime Minister Ante Markovic arrived in Washington.", "1990-10-01", "Ante Marković", "SRB", "GOV"),
    ("Sanader met EU leaders.", "2005-03-01", "Ivo Sanader", "HRV", "GOV"),
    ("Plavsic dismissed the police chief.", "1997-07-01", "Biljana Plavšić", "BIH", "GOV"),
    ("President Trajkovski appealed for calm.", "2001-03-20", "Boris Trajkovski", "MKD", "GOV"),
    ("Defence Secretary Michael Heseltine visited the base.", "1984-05-01", "Michael Heseltine", "GBR", "GOV"),
    ("Prime Minister Pierre Mauroy arrived in Bonn.", "1982-02-01", "Pierre Mauroy", "FRA", "GOV"),
    ("Defence Minister Volker Ruehe arrived in Sarajevo.", "1996-01-10", "Volker Rühe", "DEU", "GOV"),
    ("Foreign Minister Gianni De Michelis arrived in Baghdad.", "1990-09-01", "Gianni De Michelis", "ITA", "GOV"),
    ("President Clerides met the UN envoy.", "1997-07-10", "Glafcos Clerides", "CYP", "GOV"),
    ("General Kenan Evren addressed the nation.", "1981-01-05", "Kenan Evren", "TUR", "MIL"),
    ("Defence Minister Yitzhak Rabin ordered a crackdown.", "1988-01-20", "Yitzhak Rabin", "ISR", "GOV"),
    ("Foreign Minister Shimon Peres arrived in Cairo.", "1987-02-20", "Shimon Peres", "ISR", "GOV"),
    ("Mir Hossein Mousavi addressed parliament.", "1985-06-01", "Mir-Hossein Mousavi", "IRN", "GOV"),
    ("Defence Minister Mustafa Tlass arrived in Moscow.", "1994-05-01", "Mustafa Tlass", "SYR", "GOV"),
    ("President Amine Gemayel arrived in Damascus.", "1984-02-29", "Amine Gemayel", "LBN", "GOV"),
    ("Prime Minister Atef Sedki arrived in Paris.", "1990-02-01", "Atef Sedki", "EGY", "GOV"),
    ("Prime Minister Junejo met the president.", "1987-01-01", "Muhammad Khan Junejo", "PAK", "GOV"),
    ("Babrak Karmal addressed the party congress.", "1983-03-01", "Babrak Karmal", "AFG", "GOV"),
    ("Theodore Sindikubwabo fled to Zaire.", "1994-07-01", "Théodore Sindikubwabo", "RWA", "GOV"),
    ("President Nkurunziza was sworn in.", "2005-08-26", "Pierre Nkurunziza", "BDI", "GOV"),
    ("Defence Minister Magnus Malan toured Namibia.", "1985-04-01", "Magnus Malan", "ZAF", "GOV"),
    ("General Galtieri ordered the invasion.", "1982-04-02", "Leopoldo Galtieri", "ARG", "MIL"),
    ("President Belisario Betancur arrived in Caracas.", "1984-03-01", "Belisario Betancur", "COL", "GOV"),
    ("Kurt Waldheim arrived in Tehran.", "1980-01-01", "Kurt Waldheim", "UN", "IGO"),
    ("Salim Ahmed Salim arrived in Addis Ababa.", "1995-06-01", "Salim Ahmed Salim", "AU", "IGO"),
    # out of office on the date: the code of the nearest term, sector ELI
    ("Alexander Haig arrived in London.", "1990-01-01", "Alexander Haig", "USA", "ELI"),
    ("Galtieri was put on trial.", "1985-06-01", "Leopoldo Galtieri", "ARG", "ELI"),
    ("Heseltine criticised the government.", "1988-05-01", "Michael Heseltine", "GBR", "ELI"),
    ("Kurt Waldheim rejected the charges.", "1984-03-01", "Kurt Waldheim", "UN", "ELI"),
])
def test_wire_era_office_holder_resolves_by_date(d, text, date, person, code, sector):
    mentions = [m for m in d.find(text, date=date) if m.how.startswith("office holder")]
    assert len(mentions) == 1, [(m.text, m.actor, m.how) for m in d.find(text, date=date)]
    m = mentions[0]
    assert (m.actor.code, m.actor.sector) == (code, sector), (m.text, m.how)
    assert f"office holder {person}" in m.how or person.split()[-1] in m.text


def test_shamir_and_peres_swap_the_foreign_ministry_at_the_1986_rotation(d):
    def holder(text, date):
        (m,) = [m for m in d.find(text, date=date) if m.how.startswith("office holder")]
        return m.actor.sector, m.how

    assert "Yitzhak Shamir" in holder("Shamir spoke.", "1985-06-01")[1]
    assert holder("Shamir spoke.", "1985-06-01")[0] == "GOV"
    assert holder("Peres spoke.", "1987-06-01")[0] == "GOV"
    assert "foreign minister" in holder("Peres spoke.", "1987-06-01")[1]


def test_pope_john_paul_ii_is_the_holy_see(d):
    mentions = d.find("Pope John Paul II called for peace.", date="1995-01-01")
    assert [(m.actor.code, m.actor.sector) for m in mentions] == [("VAT", "GOV")]
