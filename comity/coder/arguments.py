"""Who did it and to whom: the source and target actors of a trigger, read off the parse.

Sources come from the grammatical subject (passive: the "by" agent; subject-less clauses: the
controlling verb's subject, or the speaker of a reported clause, but never for violence in an
agentless passive; a stative participle's subject: "X is opposed to"), targets from objects (shared
by coordinated verbs: "condemned and rejected X's claims") and the
prepositions that name a recipient, by CAMEO root ("withdrew from X", "arrived in X"); when those
name nobody, from inside the phrase ("called for sanctions against X", "a suspension of flights to
X", "in protest against abuses by X", "prevented a rally staged by X") and then from a place
("a curfew in X"), the clause that describes the object ("demands that X resign", "a strike
that shut down X") or the attack a toll belongs to ("shelled X, killing 20"). Noun phrases map to actors through the actor mentions the dictionary found, one
party per coordinated branch ("India and Pakistan"), falling back to coreference
(comity.coder.coref) for pronouns, role nouns and "the two countries". Places, ethnic groups and
domestic events: see comity/data/actors/README.md.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from comity.actors import tables
from comity.coder.candidate import Candidate, Party, unique
from comity.coder.coref import DocumentMemory, Referent
from comity.coder.patterns import Lexicon
from comity.coder.tree import (clause_subject, conditional_clause, infinitive_advcl, misparsed_verb, phrase_head,
                               text_from)
from comity.records import Actor, ActorMention

NP_CORE_DEPS = frozenset({"compound", "amod", "poss", "det", "nmod", "flat", "npadvmod", "nummod",
                          "predet", "preconj", "case", "punct", "quantmod", "cc", "conj", "appos"})
CORE_CHILD_DEPS = NP_CORE_DEPS - {"conj", "appos", "cc"}  # what core() descends into
TARGET_PREPS = frozenset({"on", "upon", "against", "with", "to", "toward", "towards", "at", "into",
                          "behind", "for", "between", "over", "onto"})
LOCATION_PREPS = frozenset({"in", "within", "inside", "across"})
# roots whose place ("in Cairo") is the target when nothing else is: aid delivered, force used or
# lifted there, a threat to act there ("delivered food to flood victims in Libya", "lifted the
# curfew in X", "threatened to impose martial law in X")
LOCATIVE_ROOTS = frozenset({"07", "08", "13", "15", "17", "18", "19", "20"})
ADMITTED_CODES = "086"  # allowing peacekeepers, inspectors or aid workers in: they are the target
HANDOVER_CODES = "063"  # extradition and handing over: the person handed over is no party
# Prepositions on the verb itself that name the target for some codes only, keyed by CAMEO code
# prefix: "withdrew from Lebanon", "pulled out of Iraq" (08); "withdrew its ambassador from X" (16);
# "pulled its representatives out of a task force" (16); "seized weapons from the militias" (17);
# "rejected a proposal from X" with "from" parsed on the verb, "voted down / against a motion" (12);
# "arrived in Amman" (042, a visit: the host; a place, used only when nothing else is named).
VERB_PREPS = {"08": frozenset({"from", "of"}), "16": frozenset({"from", "of", "out"}), "17": frozenset({"from"}),
              "12": frozenset({"from", "down", "against"}), "042": frozenset({"in"}),
              "061": frozenset({"in", "from"}),  # "invested in Egypt", "imports wheat from Russia"
              "06": frozenset({"alongside"}),  # "police are working alongside investigators in Rio"
              "15": frozenset({"near", "around", "along"}),  # "massed troops near Ukraine's border"
              "14": frozenset({"outside", "near", "before"}),  # "rallied outside the French embassy"
              "02": frozenset({"from"})}  # "sought debt relief from China": asked of China
# Prepositions inside a trigger's object or prepositional phrase that name the target when the
# phrase itself names no actor: "called for sanctions against X", "announced a suspension of
# links with X", "mobilised reservists for a war against X".
NESTED_PREPS = frozenset({"on", "upon", "against", "with", "to", "toward", "towards", "between", "among",
                          "into"})  # "an inquiry into crimes committed by X", "the incursion into X"
ADDRESSEE_PREPS = frozenset({"with", "to", "against", "toward", "towards"})
ASYLUM_NOUNS = frozenset({"asylum", "refuge", "sanctuary"})
# "in protest of / at / over / against X": what is protested is the target
PROTEST_NOUNS = frozenset({"protest", "protests"})
PROTEST_PREPS = frozenset({"of", "at", "over", "against"})
# what may stand between a verb and the coordinated verb whose object it shares
SHARED_OBJECT_GAP = frozenset({"cc", "punct", "advmod", "npadvmod", "prt", "neg"})
# Roots whose object noun's "that" clause names the target by its subject: "insisted on its demands
# that the government resign", "renewed its appeal that India talk to Pakistan".
CLAUSE_TARGET_ROOTS = frozenset({"02", "10"})
REQUEST_PREPS = frozenset({"from"})  # "demands for reforms from the government"
# after statements and talks, "on" gives the topic: "discussed the situation on the India-China border"
TOPIC_ROOTS = frozenset({"01", "02", "03", "04", "05"})
TOPIC_PREPS = frozenset({"on", "upon"})
# Force nouns whose "of X" is the one it is used on: "the invasion of Kuwait", "the arrest of
# activists", "the shelling of Sarajevo" (not 15: "the deployment of Indian troops" is the deployer's).
PATIENT_OF_ROOTS = frozenset({"17", "18", "19", "20"})
PATIENT_OF = frozenset({"of"})
# ... and codes whose noun's "of X" is the doer: forces moved ("the deployment of NATO troops" 15,
# "of UN peacekeepers" 074, "the withdrawal of Serbian forces" 087)
AGENT_OF_CODES = ("15", "074", "087")
# Codes (prefixes) whose agentless passive takes the state where it happened as the doer: "X was
# arrested in Lebanon" (its authorities arrested X), "was put under investigation in Italy", "was
# tried in Rwanda".
PASSIVE_PLACE_CODES = ("17", "09", "115", "116")
# Participles whose "passive" subject is the doer, a state of mind or of readiness: "Israel is
# opposed to mediation", "Vietnam is committed to reform", "Serb forces were engaged in fighting".
STATIVE_PASSIVES = frozenset({"opposed", "committed", "determined", "prepared", "dedicated", "resolved",
                              "engaged", "involved", "poised", "inclined"})
VIOLENT_ROOTS = frozenset({"14", "18", "19", "20"})
OWNER_HIT_ROOTS = frozenset({"16", "17"})  # sanctions and coercion fall on the owner of what they hit
FORCE_ROOTS = frozenset({"18", "19", "20"})  # protest and force: done to, not by, those who report it
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06", "19"})  # with a reciprocal trigger (grammar.yaml)
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "press", "encourage", "persuade", "force", "order",
                            "advise", "invite", "request", "tell", "allow", "help"})
PASSIVE_SUBJ = "nsubjpass"
# Prepositions on a verb's object that name the target ("sanctions on Russia"), by CAMEO root;
# none for 11 DISAPPROVE: "condemned the attack on India" does not target India.
_GIVE = frozenset({"to", "for", "with"})
_FORCE = frozenset({"on", "against", "in", "into", "with", "at", "toward", "towards", "inside", "within"})
OBJECT_PREPS = {"03": _GIVE, "04": _GIVE, "06": _GIVE, "07": _GIVE,
                "09": frozenset({"in", "into", "against", "by"}), "13": _FORCE, "14": _FORCE,
                "15": _FORCE | VERB_PREPS["15"],
                "16": frozenset({"on", "against", "with", "to"}), "17": _FORCE, "18": _FORCE, "19": _FORCE,
                "20": _FORCE,
                # "welcomed the decision by India", "rejected an offer from Kabul", "the demands of X"
                "05": frozenset({"by", "from", "of"}), "12": frozenset({"by", "from", "of"}),
                # "withdrew its troops from Lebanon", "released the prisoners to Chad", "dropped charges
                # against activists"
                "08": frozenset({"from", "to", "in", "against"}),
                # "requested assistance from Japan", "demanded an apology from Tokyo"
                "02": frozenset({"from"}), "10": frozenset({"from"})}
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself"})
# "the leaders of India", "officials from Pakistan", "nations, including the US and Russia"
MEMBER_PREPS = frozenset({"of", "from", "in", "including", "like", "such"})
# sectors a role modifier gives the people it describes: "rebel commanders" REB, not MIL
AFFILIATION_SECTORS = frozenset({"REB", "OPP"})
# "guerrillas operating in Macedonia", "a group based in Trinidad": people of where they are (not
# for state bodies: "troops stationed in Japan" are not Japan's)
RESIDENCE_PARTICIPLES = frozenset({"based", "operating", "living", "active", "fighting", "residing"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
FORCE_SECTORS = frozenset({"MIL", "COP"})
ETHNIC_SECTOR = "CVL"  # "ethnic Albanians": civilians of the country they live in
UNIDENTIFIED_SECTOR = "UNK"  # PLOVER: the actor of "two civilians were killed by a bomb"
UNIDENTIFIED_VIA = "unidentified"  # Party.via of that actor
# What an ActorMention's `how` (comity.actors.dictionary) says about it: a metonyms.tsv row (with no
# sector: a city or region, not a seat of power), a demonym, a named person (an office holder, or a
# title followed by a name the tables lack).
PLACE_HOW = "metonym"
DEMONYM_HOW = "demonym"
PERSON_HOW = "office holder"
UNLISTED_NAME_HOW = "; name '"
ROLE_HOW = "+ role "  # a mention extended by a role noun ("demonym 'Malaysian' + role 'navy ships'")
PLACE_VIA = "place"  # Party.via of a city or region named as where something happens
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def same_actor(a: Party, b: Party) -> bool:
    """One actor on both sides: the same code and the same sector ("Turkish police detained
    Turkish activists" is an event; "India praised India" is not). A sector-less place or people
    ("Omdurman", "Iraqis") is not the state, and a named person is not the state or place of their
    own country ("Sudanese rebels shelled Omdurman", "President X vowed to democratise Serbia": domestic
    events, coded country to country as CAMEO codes them)."""
    x, y = a.referent.actor, b.referent.actor
    if not (x.code == y.code and x.sector == y.sector and a.referent.person == b.referent.person):
        return False
    # two named people of one office ("President de Klerk met ANC leader Nelson Mandela") are two actors
    return not (a.referent.person and distinct_names(a.referent.text, b.referent.text))


def distinct_names(x: str, y: str) -> bool:
    """Two mention texts that cannot name one person: neither holds the other's last word."""
    x_last, y_last = x.split()[-1:], y.split()[-1:]
    return bool(x_last and y_last) and y_last[0] not in x.split() and x_last[0] not in y.split()


def one_country(parties: list[Party]) -> str | None:
    """The one country these actors belong to, or None when they name none or several."""
    countries = {p.referent.actor.country for p in parties}
    return next(iter(countries)) if len(countries) == 1 else None


def that_clause(clause) -> bool:
    """A clause opened by "that" ("the allegation that it sheltered militants")."""
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)


def prep_objects(prep) -> list:
    """The objects of a preposition; where the parser made the object the subject of a clause
    ("intelligence with forces fighting in the north"), that subject."""
    pobjs = [g for g in prep.children if g.dep_ == "pobj"]
    if pobjs:
        return pobjs
    inner = [g for c in prep.children if c.dep_ == "prep" and c.i == prep.i + 1 for g in c.children if g.dep_ == "pobj"]
    if inner:  # "out of a task force", "away from the border": a two-word preposition
        return inner
    return [g for c in prep.children if c.dep_ == "pcomp"
            for g in c.children if g.dep_ == "nsubj" and g.left_edge.i == prep.i + 1]


@lru_cache(maxsize=64)
def verb_preps(root: str, code3: str) -> frozenset[str]:
    """The prepositions that name a verb's target for a CAMEO root (and 3-digit code)."""
    return TARGET_PREPS | VERB_PREPS.get(root, frozenset()) | VERB_PREPS.get(code3, frozenset()) | \
        (LOCATION_PREPS if root in LOCATIVE_ROOTS else frozenset())


@lru_cache(maxsize=1)
def shipped_multiword_role_heads() -> frozenset[str]:
    """multiword_role_heads of the shipped roles.tsv, for an actor dictionary that does not say."""
    return frozenset(e.key[-1] for e in tables.read_roles(tables.DATA_DIR / "roles.tsv") if len(e.key) > 1)


@lru_cache(maxsize=1)
def shipped_weapon_words() -> frozenset[str]:
    """The shipped function_words.tsv 'weapon' list, for an actor dictionary that does not say."""
    return tables.read_word_lists(tables.DATA_DIR / "function_words.tsv")["weapon"]


def role_words_of(actors) -> tuple[frozenset[str], frozenset[str]]:
    """(last words of multi-word role phrases, role nouns that are arms) of an actor dictionary
    (comity.actors.ActorDictionary says; another object with only role_sector gets the shipped lists)."""
    heads = getattr(actors, "multiword_role_heads", None)
    words = getattr(actors, "word_list", None)
    return (heads() if heads else shipped_multiword_role_heads(),
            words("weapon") if words else shipped_weapon_words())


def may_be_same(a: Party, b: Party) -> bool:
    """Could both be one actor? The same code and sector, or a sector left open by a people
    ("Chinese engineers") that may be any body of that country. What a generic actor ("rebels",
    "the minister") must not take the country of: "Rebels kidnapped Chinese engineers" does not
    make the rebels Chinese; but people act where they are ("Leaders agreed to postpone the rally
    in Baku": a place, PLACE_VIA, clashes with no body of its country)."""
    x, y = a.referent.actor, b.referent.actor
    if x.code != y.code:
        return False
    if x.sector == y.sector:
        return True
    return (x.sector is None or y.sector is None) and PLACE_VIA not in (a.via, b.via)


def is_person(m: ActorMention) -> bool:
    """A mention of a named person: an office holder, or a title with a name the tables lack."""
    return m.how.startswith(PERSON_HOW) or UNLISTED_NAME_HOW in m.how


def token_owners(doc, mentions: list[ActorMention]) -> list[int | None]:
    """For each token, the index of the actor mention covering it (or None)."""
    owner: list[int | None] = [None] * len(doc)
    for k, m in enumerate(mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            owner[i] = k
    return owner


class ArgumentFinder:
    """Finds parties in one parsed sentence; made afresh for every sentence."""

    def __init__(self, lexicon: Lexicon, actors, doc, mentions: list[ActorMention], memory: DocumentMemory,
                 text: str | None = None, role_words: tuple[frozenset[str], frozenset[str]] | None = None):
        """actors: the actor dictionary (role_sector, and optionally multiword_role_heads and
        word_list); role_words: role_words_of(actors) when the caller keeps it (it is fixed per
        dictionary)."""
        self.lex = lexicon
        self.role_sector = actors.role_sector  # comity.actors keeps its answers (ActorDictionary.role_sector)
        self._takes_body_sector = getattr(actors, "takes_body_sector", lambda word: False)
        self._role_heads, self._weapons = role_words or role_words_of(actors)
        # role nouns that, as an object, are what is handed over: "fired missiles", "shared intelligence"
        self._given_words = self._weapons | lexicon.grammar.get("information_nouns", frozenset())
        self.doc = doc
        self.text = doc.text if text is None else text  # the caller's copy: Doc.text rebuilds it
        self.mentions = mentions
        self.memory = memory
        self.owner = token_owners(doc, mentions)
        self._any_owner = any(k is not None for k in self.owner)
        self._last_mention_start = mentions[-1].start if mentions else -1  # mentions are sorted
        # sector-less mentions that are places (metonyms.tsv rows) or "ethnic <demonym>"
        self._places: set[int] = set()
        self._ethnic: dict[int, str] = {}  # mention -> sector of the people ("ethnic Albanian rebels": REB)
        for k, m in enumerate(mentions):
            if m.actor.sector is None and m.how.startswith(PLACE_HOW):
                self._places.add(k)
            elif m.how.startswith(DEMONYM_HOW) and \
                    self.text[max(0, m.start - 8):m.start].rstrip().lower().endswith("ethnic"):
                self._ethnic[k] = m.actor.sector or ETHNIC_SECTOR
        # the one country the sentence names, a people's "ethnic" nationality left out
        countries = {m.actor.country for k, m in enumerate(mentions) if m.actor.country and k not in self._ethnic}
        self._sentence_country = next(iter(countries)) if len(countries) == 1 else None
        self._best: dict[int, int | None] = {}  # head token index -> best_mention (fixed per sentence)
        self._requires_target = tuple(lexicon.grammar.get("requires_target", ()))
        self._population_target_roots = frozenset(lexicon.grammar.get("population_target_roots", ()))
        self._government_target_roots = tuple(lexicon.grammar.get("government_target_roots", ()))

    def arguments(self, c: Candidate) -> None:
        """Fill c.sources and c.targets; leave c.sources empty when the candidate is no event
        (no actor source, an actor acting on itself, a meeting with nobody named)."""
        tok = self.doc[c.token_i]
        if c.trigger.kind == "verb":
            self.verb_arguments(c, tok)
        else:
            self.noun_arguments(c, tok)
            if not c.targets and c.rule.code[:2] in ("10", "11") and c.sources:
                # "issued a demand that Athens abandon its plans": who the that-clause names
                c.targets = self.accused_in_clause(tok, c.sources)
        if not c.sources and len(c.targets) > 1 and c.trigger.kind == "noun" and self.reciprocal(c) and \
                self.partitive_head(phrase_head(tok)).dep_ in ("nsubj", "nsubjpass") and \
                any(child.dep_ == "prep" and child.lower_ == "between" for child in tok.children):
            # "talks between Serbia and Kosovo were held", "clashes between X and Y killed three": each
            # side takes part; but in "urged a halt to the clashes between X and Y" they are the topic
            c.sources = list(c.targets)
        if c.rule.received:  # "Ukraine received jets from Denmark": Denmark gives, Ukraine receives
            heads = [tok] + [child for child in tok.children if child.dep_ == "dobj"]  # "a loan from the IMF"
            givers = [p for head in heads for child in head.children if child.dep_ == "prep" and child.lower_ == "from"
                      for g in prep_objects(child) for p in self.parties(g, allow_coref=True, of_phrase=True)]
            c.sources, c.targets = givers, (c.sources if givers else [])
        c.sources, c.targets = unique(c.sources), unique(c.targets)
        c.sources = self.unclash(c.sources, c.targets)
        c.targets = self.unclash(c.targets, c.sources)
        c.sources = self.domestic(c.sources, c.targets)
        c.targets = self.domestic(c.targets, c.sources)
        src_codes = {p.referent.actor.code for p in c.sources}
        found = bool(c.targets)
        c.targets = [t for t in c.targets if not any(same_actor(t, s) for s in c.sources)]
        if not c.targets and len(c.sources) > 1 and c.rule.code[:2] in SYMMETRIC_ROOTS and \
                self.reciprocal(c):
            # "India and Pakistan held talks": each side acts toward the other; but in "Saudi
            # Arabia and Qatar welcomed the deal" both are sources and neither is a target
            c.targets = list(c.sources)
        elif found and not c.targets and len(src_codes) == 1 and \
                c.rule.code not in self.lex.grammar.get("population_target_codes", ()):
            c.sources = []  # the actor acting on itself ("India praised Indian troops"): no event
        if not c.targets and c.rule.code in self.lex.grammar.get("population_target_codes", ()):
            c.targets = self.population(c.sources)  # also "imposed a curfew on Conakry", its own capital
        elif not c.targets and c.rule.code[:2] in self._population_target_roots and \
                self._sentence_country is not None and one_country(c.sources) == self._sentence_country and \
                not any(p.referent.actor.sector == "CVL" for p in c.sources):  # (crowds riot: recoded later)
            c.targets = self.population(c.sources)
        self.protest_target(c)
        if not c.targets and c.rule.code == "062" and c.sources and self.lex.is_(tok.lower_, "solo_drill_nouns"):
            c.rule = replace(c.rule, code="150")
        if not c.targets and c.rule.code.startswith(self._requires_target) and not self.one_body(c.sources):
            c.sources = []
        if c.rule.code[:2] == "15":  # "called in the army": one's own forces are what is mobilised
            c.targets = self.without_own_forces(c.targets, c.sources)
            if not c.targets and c.sources:
                c.targets = self.prompting_actor(tok, c.sources, c.trigger.kind == "noun")
        elif c.rule.code[:2] == "07":  # "sent troops to evacuate flood victims": the troops are sent, not helped
            c.targets = self.without_own_forces(c.targets, c.sources, unnamed=True)

    def prompting_actor(self, tok, sources: list[Party], noun: bool) -> list[Party]:
        """'Greece put its forces on alert after Turkey sent warships', 'as U.S. warships gathered':
        a force posture taken in answer to another country's move faces that country (the subject of
        an as/after/when clause on the trigger's verb, other than the doers' own country)."""
        verb = tok
        if noun:  # a noun trigger ("on high alert") hangs from its verb (through a preposition)
            head = phrase_head(tok)
            verb = head.head.head if head.dep_ == "pobj" else head.head
        own = {p.referent.actor.country for p in sources}
        out: list[Party] = []
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and
                                              self.lex.is_(m.lower_, "reaction_markers") for m in clause.children):
                out += [p for s in clause_subject(clause) for p in self.parties(s, of_phrase=True)
                        if p.referent.actor.country and p.referent.actor.country not in own]
        return out

    @staticmethod
    def without_own_forces(targets: list[Party], sources: list[Party], unnamed: bool = False) -> list[Party]:
        """The targets less the doers' own armed forces or police (with `unnamed`, also "troops" of no
        named country)."""
        own = {p.referent.actor.country for p in sources} | ({None} if unnamed else set())
        return [t for t in targets if not (t.referent.actor.sector in FORCE_SECTORS and t.referent.actor.country in own
                                           and (not unnamed or t.via == "generic"))]

    def reciprocal(self, c: Candidate) -> bool:
        """A trigger whose doers act on each other: "met", "talks", or a noun under such a verb
        ("exchanged fire")."""
        words = self.lex.grammar.get("reciprocal_triggers", ())
        if c.trigger.lemma in words:
            return True
        if c.trigger.kind != "noun":
            return False
        verb = phrase_head(self.doc[c.token_i]).head
        return self.lex.lemma_of.get(verb.lower_, verb.lower_) in words

    @staticmethod
    def unclash(parties: list[Party], others: list[Party]) -> list[Party]:
        """A generic actor that took its country from the sentence ("the minister", with Israel
        the only country named) is not that country when Israel is on the other side of the
        event: it becomes sector-only rather than cancel the event as one actor acting on itself."""
        out = []
        for p in parties:
            a = p.referent.actor
            if p.via == "generic" and a.country and any(
                    o.via != "generic" and may_be_same(p, o) for o in others):
                p = Party(Referent(Actor(a.sector, None, a.sector, a.name), p.referent.text, False), p.via)
            out.append(p)
        return out

    @staticmethod
    def domestic(parties: list[Party], others: list[Party]) -> list[Party]:
        """A sector-only generic actor facing one named country takes that country, as CAMEO
        codes domestic events ("The Sudanese government accused rebels" -> SDN REB), unless that
        would make both sides the same actor."""
        countries = {o.referent.actor.country for o in others if o.via != "generic"}
        if len(countries) != 1 or None in countries:
            return parties
        country = next(iter(countries))
        out = []
        for p in parties:
            a = p.referent.actor
            if p.via == "generic" and not a.country:
                moved = Party(Referent(Actor(country, country, a.sector, a.name), p.referent.text, False), p.via)
                if not any(may_be_same(moved, o) for o in others):
                    p = moved
            out.append(p)
        return out

    def verb_arguments(self, c: Candidate, verb) -> None:
        """Subject (or passive agent, or the speaker of a reported clause) → objects."""
        subj, passive = self.subject(verb)
        if passive is not None and subj is None and self.stative(verb):
            subj, passive = passive, None  # "Israel is opposed to the plan": Israel opposes it
        if passive is not None and subj is None and c.rule.code[:2] in SYMMETRIC_ROOTS:
            # "relations between Beijing and Moscow were normalised": the two sides did it together
            between = [p for child in passive.children if child.dep_ == "prep" and child.lower_ == "between"
                       for g in prep_objects(child) for p in self.parties(g, of_phrase=True)]
            if len(between) > 1:
                c.sources = c.targets = between
                return
        if passive is not None:  # "Pakistan was attacked by India"
            c.targets = self.parties(passive, allow_coref=True, of_phrase=True) or self.owners(passive)
            if not c.targets and c.rule.code[:2] in FORCE_ROOTS:  # "a camp for Congolese refugees was shelled"
                c.targets = [p for child in passive.children if child.dep_ == "prep" and child.lower_ == "for"
                             for g in child.children if g.dep_ == "pobj" for p in self.parties(g)]
        if subj is not None:
            c.sources = self.parties(subj, allow_coref=True, of_phrase=True)
        elif passive is not None and c.rule.code[:2] == "15" and c.targets:
            # "Turkish police were deployed in Ankara": the forces moved are their state's show of force
            c.sources, c.targets = c.targets, self.objects(verb, "15", code=c.rule.code)
        violent = c.rule.code[:2] in VIOLENT_ROOTS
        if not c.sources and (passive is None or subj is not None or not violent) and not (
                violent and subj is not None and self.attack_word(subj) is not None):
            # violence in an agentless passive, or done by a weapon ("shelling killed five, officials
            # said"), is not the speaker's ("four officers were injured, police said"); an arrest
            # or a withdrawal may be ("three men were detained, police said")
            speaker = self.speaker(verb)
            if speaker:
                c.sources = speaker
                c.reported = True
        if not c.sources and subj is None and passive is not None and c.rule.code.startswith(PASSIVE_PLACE_CODES):
            c.sources = self.place_authority(verb, c.rule.code)
        if c.rule.code.startswith(HANDOVER_CODES) and passive is not None:
            # "a commander was surrendered to the ICC by the authorities": the suspect is handed over,
            # the court receives him
            c.targets = self.objects(verb, c.rule.code[:2], code=c.rule.code) or c.targets
        elif passive is None or (not c.targets and c.sources):
            # also "an air defence system was delivered to Ukraine by Germany": a thing as the passive
            # subject, the target after the verb
            c.targets = self.objects(verb, c.rule.code[:2], code=c.rule.code)
            if not c.targets and c.rule.code[:2] in FORCE_ROOTS and verb.dep_ in ("advcl", "conj") and \
                    not any(g.dep_ in ("nsubj", "nsubjpass") for g in verb.children) and self.attack_verb(verb.head):
                # "shelled the camps near X, killing 20": the same attack, the same target
                c.targets = self.objects(verb.head, c.rule.code[:2], skip=verb, code=c.rule.code)
            if not c.targets and c.rule.code[:2] in FORCE_ROOTS:
                # "killed 23 people when they blew themselves up in Tel Aviv": where the act happened
                for child in verb.children:
                    if child.dep_ == "advcl" and all(g.lower_ in self.lex.grammar["plural_pronouns"] |
                                                     self.lex.grammar["singular_pronouns"]
                                                     for g in child.children if g.dep_ == "nsubj"):
                        c.targets += self.objects(child, c.rule.code[:2], code=c.rule.code)
        if not c.targets and not c.sources and c.rule.code[:2] in FORCE_ROOTS:
            # "were killed when a bomb exploded in Colombo": where the attack of the when-clause hit
            for clause in self.attack_clauses(verb):
                c.targets += self.objects(clause, c.rule.code[:2], code=c.rule.code)
        if c.rule.code[:2] == "13" and all(any(same_actor(t, s) for s in c.sources) for t in c.targets):
            # "Moscow warned that it would respond if NATO deployed ...": the speaker's own "it" is no
            # target; who must meet the condition is
            c.targets = self.condition_subjects(verb) or self.complement_objects(verb, c) or c.targets
        if not c.sources and c.targets and c.rule.code[:2] in FORCE_ROOTS:
            c.sources = self.unidentified_attacker(verb, subj, c.targets)
        if not c.targets and c.rule.code[:2] in ("11", "09"):
            # also an inquiry into "reports that Peruvian soldiers executed peasants": the accused
            c.targets = self.accused_in_clause(verb, c.sources)

    def condition_subjects(self, verb) -> list[Party]:
        """'threatened a strike unless the government raised wages': who must meet the condition
        is the one threatened (the subject of an if/unless clause on the verb or its complement)."""
        markers = self.lex.grammar["conditional_markers"]
        heads = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        clauses = [clause for h in heads for clause in h.children if conditional_clause(clause, markers)]
        if not clauses:
            # "could close the strait to shipping if the US joined ...": the if-clause parsed deeper
            clauses = [t for t in verb.subtree if conditional_clause(t, markers)]
        return [p for clause in clauses for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                for p in self.parties(s, allow_coref=True, of_phrase=True)]

    def accused_in_clause(self, verb, sources: list[Party]) -> list[Party]:
        """'ruled that the party had violated the constitution', 'charged in a report that Turkish
        forces tortured detainees', 'a demand that Athens abandon its plans': the subject of the
        verb's (or noun's) clause, or of a that-clause inside it."""
        clauses = [h for h in verb.children if h.dep_ == "ccomp"] or [
            t for t in verb.subtree if t.dep_ in ("acl", "relcl") and that_clause(t)]
        return [p for h in clauses for s in h.children if s.dep_ in ("nsubj", "nsubjpass")
                for p in self.parties(s, of_phrase=True) if not any(same_actor(p, o) for o in sources)]

    def own_forces_commanded(self, verb) -> bool:
        """'ordered Iraqi troops to pull out': the object of a command verb is armed forces or police
        (named or generic)."""
        for child in verb.children:
            if child.dep_ == "dobj":
                return any(p.referent.actor.sector in FORCE_SECTORS for p in self.parties(child, of_phrase=True))
        return False

    def complement_objects(self, verb, c: Candidate) -> list[Party]:
        """'warned that it would respond with force to any South Korean broadcasts': with no
        condition named, who the warned act would be done to (the objects of the complement clause),
        the speaker itself left out."""
        return [p for h in verb.children if h.dep_ in ("ccomp", "xcomp")
                for p in self.objects(h, c.rule.code[:2], code=c.rule.code)
                if not any(same_actor(p, s) for s in c.sources)]

    def unidentified_attacker(self, verb, subj, targets: list[Party]) -> list[Party]:
        """'Three soldiers were killed by a roadside bomb in X', 'a blast killed two civilians': a
        victim, no doer, and a word that shows an attack (grammar.yaml unattributed_attack_nouns) in
        the subject, the agent or an 'in' phrase. The doer is PLOVER's unidentified actor, of the
        one country the sentence's other mentions name (where it happened: "in Baghdad", "outside
        the Iraqi city of Basra", "Iraqi police said"); of none when they name none or several."""
        holders = [subj] if subj is not None else []
        holders += [g for child in verb.children if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "in")
                    for g in child.children if g.dep_ == "pobj"]
        clauses = self.attack_clauses(verb)
        holders += [g for clause in clauses for g in clause.children
                    if g.dep_ in ("nsubj", "nsubjpass", "dobj")]  # "were killed when a bomb exploded"
        evidence = next((t for t in map(self.attack_word, holders) if t is not None), None)
        if evidence is None:
            return []
        # "were killed when Iraqi militiamen set off a bomb": the clause's subject set it off
        setters = [p for clause in clauses
                   if any(self.attack_word(g) is not None for g in clause.children if g.dep_ == "dobj")
                   for g in clause.children if g.dep_ == "nsubj" for p in self.parties(g)]
        if setters and all(p.referent.actor.country for p in setters):
            return setters
        head = phrase_head(evidence)
        # "killed by a roadside bomb planted by Hezbollah guerrillas": whoever placed it
        planters = [p for acl in head.children if acl.dep_ == "acl" for agent in acl.children if agent.dep_ == "agent"
                    for g in agent.children if g.dep_ == "pobj" for p in self.parties(g, of_phrase=True)]
        if planters:
            return planters
        victims = [p.referent.text for p in targets]
        places = {m.actor.country for k, m in enumerate(self.mentions)
                  if m.actor.country and not any(m.text in v for v in victims) and k not in self._ethnic}
        # "British soldiers were killed ... near Basra, the Ministry of Defence in London said": not
        # the victims' own country, when another is named
        places = (places - {p.referent.actor.country for p in targets}) or places
        country = next(iter(places)) if len(places) == 1 else None
        text = self.text[head.left_edge.idx: head.idx + len(head)]
        actor = Actor(country or UNIDENTIFIED_SECTOR, country, UNIDENTIFIED_SECTOR, "unidentified actor")
        return [Party(Referent(actor, text, False), UNIDENTIFIED_VIA)]

    def attack_clauses(self, verb) -> list:
        """when/as/after clauses on a verb whose subject shows an attack ("were killed when a bomb
        exploded in Colombo")."""
        markers = self.lex.grammar.get("attack_clause_markers", frozenset())
        return [clause for clause in verb.children if clause.dep_ == "advcl" and any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in markers for m in clause.children)
                and any(g.dep_ in ("nsubj", "nsubjpass", "dobj") and self.attack_word(g) is not None
                        for g in clause.children)]

    def attack_word(self, noun):
        """The word that shows an attack in a noun phrase's head or its direct modifiers ("a
        roadside bomb", "the shelling", "an improvised explosive device"), or None."""
        words = self.lex.grammar.get("unattributed_attack_nouns", frozenset())
        found = next((t for t in (noun, *noun.children) if t.lower_ in words), None)
        if found is None and any(c.dep_ == "compound" and f"{c.lower_} {noun.lower_}" in words for c in noun.children):
            found = noun  # "an air strike"
        return found

    @staticmethod
    def one_body(sources: list[Party]) -> bool:
        """Members of one organisation acting together ("NATO defence ministers met"): a meeting
        or joint act that needs no other party named."""
        return bool(sources) and all(p.referent.actor.sector == "IGO" and p.via == "mention" for p in sources)

    @staticmethod
    def population(sources: list[Party]) -> list[Party]:
        """The civilians of the doer's country ("the army imposed a curfew"), when the doers are of one."""
        return ArgumentFinder.country_body(sources, "CVL")

    @staticmethod
    def country_body(sources: list[Party], sector: str) -> list[Party]:
        """A generic actor of `sector` in the one country of `sources` (none when they have none or several)."""
        country = one_country(sources)
        if country is None:
            return []
        return [Party(Referent(Actor(country, country, sector, sources[0].referent.actor.name), "", False), "generic")]

    def protest_target(self, c: Candidate) -> None:
        """'rail workers in Germany walked off the job': a protest naming no one is against the
        protesters' own government (grammar.yaml government_target_roots), when the sentence names
        no other country and none of the protesters is that government (as CAMEO and the PLOVER
        gold code domestic protests)."""
        if c.targets or not c.rule.code.startswith(self._government_target_roots) or self._sentence_country is None:
            return
        if one_country(c.sources) == self._sentence_country and all(p.referent.actor.sector != "GOV" for p in c.sources):
            c.targets = self.country_body(c.sources, "GOV")

    def attack_verb(self, verb) -> bool:
        """A verb the patterns code as force ("shelled"), or a light verb ("launched" fire)."""
        return self.lex.is_(verb.lower_, "light_verbs") or any(
            r.code[:2] in FORCE_ROOTS for t in self.lex.verbs.get(verb.lower_, ()) for r in t.rules)

    def stative(self, verb) -> bool:
        """A participle of STATIVE_PASSIVES as the clause's verb ("is opposed to", "are engaged in")."""
        return verb.lower_ in STATIVE_PASSIVES

    def place_authority(self, verb, code: str = "") -> list[Party]:
        """'X was arrested in Lebanon', 'X was expelled from Algeria': the state where it happened
        (one named country)."""
        preps = LOCATION_PREPS | ({"from"} if code.startswith("174") else frozenset())
        found = [p for p in self.located_in([verb], preps)
                 if p.referent.actor.country and p.referent.actor.code == p.referent.actor.country]
        if one_country(found) is None:
            return []
        a = found[0].referent.actor
        return [Party(Referent(Actor(a.country, a.country, "GOV", a.name), found[0].referent.text, False), "mention")]

    def noun_arguments(self, c: Candidate, noun) -> None:
        """'India's strikes on Pakistan', 'Indian strikes', 'strikes by India', or the subject of a
        light verb governing the noun ('India carried out strikes on Pakistan')."""
        head = self.partitive_head(phrase_head(noun))
        c.sources = self.own_source(noun) or self.of_doer(head, c.rule.code) or self.claimant(head)
        c.own_source = bool(c.sources)
        if not c.sources:
            gov = head.head
            verb = gov.head if head.dep_ == "pobj" and gov.dep_ == "prep" else gov
            # a light verb, or a verb the noun's own pattern names as its governor ("increased its
            # investments in Peru"), takes the noun's act as its own
            # "steamed into the Gulf in a show of force": the subject's act; but beside a light verb's own
            # act ("staged manoeuvres in a show of strength") it is the manoeuvres that count
            manner = head.dep_ == "pobj" and gov.lower_ == "in" and self.lex.is_(head.lower_, "manner_act_nouns")
            light = self.lex.is_(verb.lower_, "light_verbs")
            if head.dep_ in ("dobj", "attr", "oprd", "pobj", "nsubjpass", "xcomp") and (
                    (light and not manner) or (manner and not light) or
                    self.lex.lemma_of.get(verb.lower_, verb.lower_) in c.rule.governors):
                subj, passive = self.subject(verb)
                if subj is None and passive is not None and self.stative(verb):
                    subj = passive  # "forces were engaged in ethnic cleansing": the forces did it
                if subj is not None:
                    c.sources = self.parties(subj, allow_coref=True, of_phrase=True)
                if not c.sources:
                    c.sources = self.speaker(verb)
                    c.reported = bool(c.sources)
                c.targets = self.objects(verb, c.rule.code[:2], skip=head, code=c.rule.code)
        if not c.sources:  # "its campaign" with no governing verb to name the actor
            for tok in (noun, head):
                for child in tok.children:
                    if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
                        c.sources = self.parties(child, allow_coref=True)
        if not c.sources and c.rule.code[:2] == "14" and head.dep_ in ("nsubj", "pobj"):
            c.sources = self.protesting_population(head)
        c.targets = self.noun_targets(noun, c.rule.code[:2], code=c.rule.code) + c.targets
        if head.i != noun.i:
            c.targets = self.noun_targets(head, c.rule.code[:2], code=c.rule.code) + c.targets
        if not c.targets:  # "announced a suspension of flights to Libya"
            c.targets = self.nested_targets(head, c.rule.code[:2])
        if not c.targets and c.rule.code[:2] in FORCE_ROOTS:
            c.targets = self.victims(head)
        if not c.targets:
            c.targets = self.aimed_at(head)

    def protesting_population(self, head) -> list[Party]:
        """'Protests erupted in El Salvador', 'during violent protests in Benghazi': with nobody
        named, the people of the one country where the protest happened protest."""
        places = self.located_in([head, head.head] if head.dep_ == "nsubj" else [head], of_phrase=True)
        if head.dep_ == "nsubj":  # "protests swept Iran"
            places += [p for g in head.head.children if g.dep_ == "dobj" for p in self.parties(g, of_phrase=True)]
        return self.population(places[:1]) if one_country(places) else []

    def located_in(self, heads, preps: frozenset[str] = LOCATION_PREPS, of_phrase: bool = False) -> list[Party]:
        """The actors named after the location prepositions of these tokens ("in Lebanon")."""
        return [p for h in heads for prep in h.children if prep.dep_ == "prep" and prep.lower_ in preps
                for g in prep_objects(prep) for p in self.parties(g, of_phrase=of_phrase)]

    def aimed_at(self, head) -> list[Party]:
        """'a disinformation campaign targeting Moldova's election', 'attacks aimed at Kenya': the
        object of a targeting participle on the act noun, or that object's owner."""
        out: list[Party] = []
        # "a show of force aimed at Iran": the participle may hang on the noun's 'of' object
        of_objects = [g for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for g in prep.children if g.dep_ == "pobj"]
        for child in (c for tok in (head, *of_objects) for c in tok.children):
            if child.dep_ == "acl" and self.lex.is_(child.lower_, "targeting_participles"):
                objects = [g for g in child.children if g.dep_ == "dobj"] + [
                    g for prep in child.children if prep.dep_ == "prep" for g in prep_objects(prep)]
                for g in objects:
                    out += self.parties(g, allow_coref=True, of_phrase=True) or self.possessors(g)
        return out

    def victims(self, head) -> list[Party]:
        """'Two civilians died in an air raid by X', 'were killed in a drone strike': the subject of
        a victim verb (grammar.yaml victim_verbs) whose 'in' phrase holds the attack noun."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ != "in" or not self.lex.is_(prep.head.lower_, "victim_verbs"):
            return []
        return [p for g in prep.head.children if g.dep_ in ("nsubj", "nsubjpass")
                for p in self.parties(g, allow_coref=True, of_phrase=True)]

    def claimant(self, head) -> list[Party]:
        """'X claimed responsibility for the bombing': X did it (grammar.yaml responsibility_nouns
        and claim_verbs)."""
        g = self.lex.grammar
        nouns = g.get("responsibility_nouns", ())
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ != "for":
            return []
        verb = phrase_head(prep.head).head if prep.head.lower_ in nouns else prep.head
        if self.lex.lemma_of.get(verb.lower_, verb.lower_) not in g.get("claim_verbs", ()) or \
                not any(c.dep_ == "dobj" and c.lower_ in nouns for c in verb.children):
            return []  # ("for" may hang on the verb: "claimed responsibility on Friday for the killing")
        subj, _ = self.subject(verb)
        return self.parties(subj, allow_coref=True, of_phrase=True) if subj is not None else []

    def partitive_head(self, head):
        """'began a new round of joint exercises': the noun phrase the verb governs is 'round'."""
        partitives = self.lex.grammar.get("partitive_nouns", ())
        while True:
            if head.dep_ == "conj" and head.head is not head:  # "launched air and artillery strikes"
                head = head.head
            elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in partitives:
                head = phrase_head(head.head.head)
            else:
                return head

    def own_source_tokens(self, noun) -> list:
        """Possessor, actor adjective/compound or 'by X' agent of a noun trigger."""
        found = []
        for tok in (noun, phrase_head(noun)):
            for child in tok.children:
                if (child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS) or \
                        (child.dep_ in ("amod", "compound") and self.owner[child.i] is not None
                         and not self.is_place(self.owner[child.i])):  # "the Mosul bombing": where
                    found.append(child)
                elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
                    found.extend(g for g in child.children if g.dep_ == "pobj")
        return found

    def own_source(self, noun) -> list[Party]:
        """The actors named on a noun trigger itself (see own_source_tokens)."""
        parties: list[Party] = []
        for tok in self.own_source_tokens(noun):
            if tok.dep_ in ("amod", "compound"):
                parties += self.mention_party(self.owner[tok.i])
            else:
                parties += self.parties(tok, allow_coref=True)
        return unique(parties)

    def of_doer(self, noun, code: str) -> list[Party]:
        """'the deployment of NATO troops', 'the withdrawal of Serbian forces': for moving forces
        (AGENT_OF_CODES) the named actor after 'of' is the one who acts."""
        if not code.startswith(AGENT_OF_CODES):
            return []
        return [p for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                for g in child.children if g.dep_ == "pobj"
                for p in self.parties(g) if p.via == "mention"]

    def noun_targets(self, noun, root: str, preps: frozenset[str] | None = None, code: str = "") -> list[Party]:
        """Actors after the target prepositions of a noun: the trigger's own ("strikes on X"), or
        those a verb's root gives its object (OBJECT_PREPS: "rejected calls by X")."""
        if preps is None:  # a noun trigger's "by X" is its doer, never its target
            preps = (TARGET_PREPS | (LOCATION_PREPS if root in LOCATIVE_ROOTS else frozenset())
                     | (PATIENT_OF if root in PATIENT_OF_ROOTS else frozenset())
                     | ((VERB_PREPS.get(root, frozenset()) | VERB_PREPS.get(code[:3], frozenset()))
                        - PATIENT_OF)) - {"by"}  # "pullout from X", "investments in Peru"
        out: list[Party] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for g in prep_objects(child):  # force: "strikes on sites in X" hit X
                    out += self.parties(g, allow_coref=True, of_phrase=root in LOCATIVE_ROOTS) or (
                        self.possessors(g) if root == "14" else [])  # "a strike against the government's plan"
        return out

    def agent_in_phrase(self, verb):
        """The actor of a 'by' phrase the parser hung inside one of the passive verb's prepositional
        phrases ("were tortured in custody by military agents"), on its object ("was branded a
        traitor by Tass") or on its infinitive, or None."""
        hosts = []  # the words a stray 'by' phrase may hang on
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ != "by":  # "in custody by", "lodged with the embassy by"
                hosts += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ in ("dobj", "oprd", "attr"):
                hosts.append(child)
        # "were told to leave the country by the government": on the infinitive
        hosts += [child for child in verb.children if child.dep_ == "xcomp"]
        for host in hosts:
            for by in host.children:
                if by.dep_ in ("prep", "agent") and by.lower_ == "by":
                    found = next((g for g in by.children if g.dep_ == "pobj" and self.parties(g)), None)
                    if found is not None:
                        return found
        return None

    def subject(self, verb, depth: int = 0):
        """(subject head token or None, passive-subject token or None), climbing through
        xcomp/conj/advcl/relcl to the clause that has the subject."""
        subj = passive = agent = None
        if misparsed_verb(verb) and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj", "expl") and subj is None:
                subj = child
            elif child.dep_ == PASSIVE_SUBJ:
                passive = child
            elif child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), agent)
        if agent is None and passive is not None and subj is None:
            agent = self.agent_in_phrase(verb)  # "were tortured in custody by military agents"
        # the "by" agent names the doer of a passive; beside an active subject it is a misparse
        # ("X shortened by one hour the curfew")
        if agent is not None and (subj is None or subj.dep_ == "expl" or passive is not None):
            subj = agent
        if subj is not None and subj.dep_ == "expl":
            subj = None
        if subj is not None or passive is not None or depth > 4 or verb.head is verb:
            return subj, passive
        head = verb.head
        if verb.dep_ == "xcomp":
            if self.lex.lemma_of.get(head.lower_, head.lower_) in OBJECT_CONTROL:
                obj = next((g for g in head.children if g.dep_ == "dobj"), None)
                if obj is not None:
                    return obj, None
            s, p = self.subject(head, depth + 1)
            if s is None and p is not None:
                return p, None  # "the IMF is poised to grant", "Iran was urged to free them": they act
            return s, p
        if verb.dep_ == "acl":  # "protests calling for his removal": the protests call
            s, _ = self.subject(head, depth + 1)
            if s is None and not self.lex.is_(head.lower_, "statement_nouns"):
                s = head
            return s, None
        if verb.dep_ in ("conj", "advcl", "pcomp", "prep", "acomp") or (
                depth > 0 and verb.dep_ in ("dobj", "pobj", "attr")):  # "issued a statement calling on"
            s, p = self.subject(head, depth + 1)
            if p is not None and verb.dep_ == "conj" and any(c.dep_ == "aux" for c in verb.children) \
                    and not any(c.dep_ == "auxpass" for c in verb.children):
                return p, None  # "X was indicted by Y and will resign": X resigns
            return s, None
        if verb.dep_ == "relcl":
            return head, None
        return None, None

    def nested_targets(self, noun, root: str) -> list[Party]:
        """Named actors after a target preposition inside a phrase that names none itself,
        through 'of' chains: 'sanctions against X', 'a suspension of links with X'. Not for
        11 DISAPPROVE ("condemned the attack on X" does not target X)."""
        if root == "11" or noun.idx >= self._last_mention_start:  # nothing named after it
            return []
        out: list[Party] = []
        nested = NESTED_PREPS - TOPIC_PREPS if root in TOPIC_ROOTS else NESTED_PREPS
        # a request ("pressed their demands for reforms from the government"): asked from X
        asking = root in CLAUSE_TARGET_ROOTS or self.request_noun(noun)
        if asking:
            nested = nested | REQUEST_PREPS
        stack, seen = [noun], []
        while stack and len(seen) < 3:
            tok = stack.pop()
            seen.append(tok)
            for child in tok.children:
                if child.dep_ == "conj":  # "artillery and rocket fire against X"
                    stack.append(child)
                if child.dep_ != "prep":
                    continue
                low = child.lower_
                if low == "by" and root == "09" and tok is noun:  # "an inquiry into abuses by X": X
                    out += [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g)]
                elif low in nested or (low in PROTEST_PREPS and tok.lower_ in PROTEST_NOUNS):
                    for g in child.children:
                        if g.dep_ == "pobj":  # "protest against abuses by X": X
                            # a sanction on a thing falls on its owner: "a freeze on the assets of X"
                            found = [p for p in self.parties(g, allow_coref=True, of_phrase=root == "16")
                                     if p.via != "generic"]
                            named = found or self.agents(g) or self.possessors(g)
                            out += named
                            if not named and not self.has_mention(g):
                                stack.append(g)  # "an end to the fighting between X and Y": X and Y
                elif low == "of" or low in LOCATION_PREPS or (asking and low == "for"):  # "in protest against X"
                    stack += [g for g in child.children if g.dep_ == "pobj" and not self.has_mention(g)]
                    if low == "of" and tok is not noun and root in OWNER_HIT_ROOTS:
                        # "blocked access to the websites of German newspapers": their owner is hit
                        out += [p for g in child.children if g.dep_ == "pobj" and self.has_mention(g)
                                for p in self.parties(g, allow_coref=True)]
            if asking:  # "its demands that Burundi's government grant ..."
                for child in tok.children:
                    if child.dep_ in ("acl", "ccomp") and that_clause(child):
                        out += [p for g in child.children if g.dep_ in ("nsubj", "nsubjpass")
                                for p in self.parties(g, allow_coref=True)]
        for tok in seen[1:]:  # "the return of property seized by X": X
            out = out or self.agents(tok)
        if not out and root in VIOLENT_ROOTS:  # "a strike that shut down Kathmandu", "an offensive which targeted X"
            for child in noun.children:
                if child.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ in ("that", "which")
                                                 for g in child.children):
                    out += self.objects(child, root)
        return out

    def noun_root(self, tok) -> str | None:
        """The CAMEO root the patterns give an event noun ("sanctions": 16), None for other words."""
        return next((r.code[:2] for t in self.lex.nouns.get(tok.lower_, ()) for r in t.rules if r.code), None)

    def request_noun(self, tok) -> bool:
        """A noun the patterns code as a request or demand ("demands", "appeal", "call")."""
        return self.lex.noun_has_root(tok.lower_, CLAUSE_TARGET_ROOTS)

    def objects(self, verb, root: str, skip=None, code: str = "") -> list[Party]:
        preps = verb_preps(root, code[:3])
        out: list[Party] = []
        places: list[Party] = []
        given: list[Party] = []  # generic role nouns as the thing handed over ("shipped drones")
        framed: list[Party] = []  # inside a circumstance: "in protest against X", "in talks with X"
        skip_i = -1 if skip is None else skip.i
        children = list(verb.children)
        if misparsed_verb(verb):  # the 'object' noun heads the clause
            out += self.parties(verb.head, allow_coref=True, of_phrase=True)
            children = [c for c in verb.head.children if c.i != verb.i]
        # "sought asylum in Germany", "was granted refuge in Peru": the state that hosts
        host_preps = LOCATION_PREPS if any(c.dep_ == "dobj" and c.lower_ in ASYLUM_NOUNS for c in children) \
            else frozenset()
        for child in children:
            if child.i == skip_i:  # spaCy makes a new Token object on each access: compare indexes
                continue
            dep = child.dep_
            if dep == "prt" and child.lower_ == "up":  # "kidnapped up to 16 Russian advisers"
                out += [p for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "to"
                        for g in prep.children if g.dep_ == "pobj"
                        for p in self.parties(g, allow_coref=True, of_phrase=True)]
            elif dep == "dative" and child.lower_ in preps:  # "supply weapons to India"
                out += [p for g in child.children if g.dep_ == "pobj"
                        for p in self.parties(g, allow_coref=True, of_phrase=True)]
            elif child.dep_ in ("dobj", "dative", "oprd", "attr"):
                own = self.light_noun_targets(verb, child, root)
                if own:  # "lodged a protest of the Indian government with China": China
                    out += own
                    continue
                named = self.parties(child, allow_coref=True, of_phrase=True)
                if not named and self.lex.is_(verb.lower_, "light_verbs"):
                    # "lodged a complaint with Turkey", "sent a letter to Kabul": the object's addressee
                    named = self.noun_targets(child, root, ADDRESSEE_PREPS)
                arms = [p for p in named if p.via == "generic" and
                        p.referent.text.rsplit(" ", 1)[-1].lower() in self._given_words]
                if arms and self.lex.is_(verb.lower_, "light_verbs"):  # "launched drones": used, not hit
                    named = [p for p in named if p not in arms]
                given += arms  # "fired missiles at Israel": Israel only
                out += named
                if root == "11" and not out:  # "condemned the attack carried out by JeM": JeM
                    out += self.agents(child)
                obj_preps = OBJECT_PREPS.get(root)
                if obj_preps and named:  # "detained scores of protesters in Nairobi": not Nairobi
                    obj_preps = obj_preps - LOCATION_PREPS
                if obj_preps:  # "supplied weapons to India", "imposed sanctions on Russia"
                    found = self.noun_targets(child, root, obj_preps)
                    if not found:  # "troops along the border with India"
                        for g in child.children:
                            if g.dep_ == "prep":
                                for pobj in g.children:
                                    if pobj.dep_ == "pobj":
                                        found += self.noun_targets(pobj, root, obj_preps)
                            elif g.dep_ == "acl":  # "sent planes loaded with tents to Afghanistan"
                                found += self.noun_targets(g, root, obj_preps)
                    out += found
                if obj_preps and not code.startswith(ADMITTED_CODES):  # "let aid workers in": admitted, not given
                    given += [p for p in named if p.via == "generic"]
                if not out and not named:  # "prevented the rally staged by students": the students
                    out += self.nested_targets(child, root) or self.agents(child) or self.owners(child)
            elif child.dep_ in ("prep", "prt") and (child.lower_ in preps or child.lower_ in host_preps):
                pobjs = [g for g in child.children if g.dep_ == "pobj" and g.i != skip_i]
                if not pobjs and child.dep_ == "prep":  # "granted asylum to officers holed up in ...",
                    # "shares intelligence with forces fighting ...": the object was parsed as the
                    # subject of the next clause
                    pobjs = [g for c in children if c.dep_ in ("advcl", "ccomp") and c.i > child.i
                             for g in c.children if g.dep_ == "nsubj" and g.left_edge.i == child.i + 1]
                    pobjs = pobjs or prep_objects(child)
                found = [p for g in pobjs for p in self.parties(g, allow_coref=True, of_phrase=True)]
                if child.lower_ in host_preps:
                    out += found
                elif child.lower_ in LOCATION_PREPS:
                    # "arrested protesters in Cairo": a place only when no one else; "a curfew in
                    # Algiers": the city, not its government
                    places += [self.as_place(p) for p in found]
                else:  # "called for sanctions against X"
                    out += found or [p for g in pobjs for p in self.nested_targets(g, root)]
            elif child.dep_ == "prep" and child.lower_ == "as" and not any(c.dep_ == "dobj" for c in children):
                # "denounced as a crime Serbia's crackdown": the object parsed as an apposition
                out += [p for g in child.children if g.dep_ == "pobj"
                        for a in ([g] if g.lower_ in self.lex.nouns and any(p.dep_ == "poss" for p in g.children)
                                  else [a for a in g.children if a.dep_ == "appos"])
                        for p in self.parties(a, allow_coref=True, of_phrase=True)]
            elif child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:  # "in protest against X"
                framed += [p for g in child.children if g.dep_ == "pobj" and not self.has_mention(g)
                           for p in self.nested_targets(g, root)]
        if given and any(p.via != "generic" for p in out):
            out = [p for p in out if p not in given]  # "shipped drones to Pakistan": Pakistan only
        if not out:
            out = places or framed
        if not out:
            for child in verb.children:
                if child.dep_ in ("ccomp", "xcomp"):
                    s = next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    if s is not None:  # "demanded that control of the ministry be taken from X"
                        out += self.parties(s, allow_coref=True, of_phrase=True)
                    else:  # "offered to mediate between India and Pakistan"
                        out += self.objects(child, root, code=code) if child.dep_ == "xcomp" else []
                elif infinitive_advcl(child):  # "opened fire to disperse the protesters"
                    out += self.objects(child, root, code=code)
        if not out and root == "11":  # "called for sanctions against X": the target of the act called for
            for g in (g for child in children if child.dep_ == "prep" and child.lower_ == "for"
                      for g in child.children if g.dep_ == "pobj"):
                act = self.noun_root(g)
                if act not in (None, "11"):
                    out += self.nested_targets(g, act)
        if not out:  # "condemned and rejected the remarks", "established ties with and opened ..."
            shared = self.shared_object_verb(verb, children)
            if shared is not None:
                out += self.objects(shared, root, code=code)
        return unique(out)

    def shared_object_verb(self, verb, children):
        """The coordinated verb whose object this verb shares ("Russia armed and trained the
        army"): the verb has no object of its own (or a preposition left without one, "ties with
        and ..."), the next verb has no subject of its own. None otherwise."""
        conj = next((c for c in children if c.dep_ == "conj" and c.i > verb.i), None)
        if conj is None or any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):
            return None
        for child in children:
            if child.i > verb.i and child.i < conj.i and child.dep_ not in SHARED_OBJECT_GAP and not (
                    child.dep_ == "dobj" and any(g.dep_ == "prep" and not any(True for _ in g.children)
                                                 for g in child.children)):
                return None  # the verb has its own object or complement
        return conj

    def light_noun_targets(self, verb, noun, root: str) -> list[Party]:
        """A light verb's object that is an event noun of the verb's own kind ("lodged a protest",
        "issued a warning") names the target itself ("with China", "to Iran"); its 'of X' is then
        the noun's doer, not the target. [] when that is not the case."""
        if not self.lex.is_(verb.lower_, "light_verbs") or root in PATIENT_OF_ROOTS or \
                not self.lex.noun_has_root(noun.lower_, (root,)) or \
                not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return []
        return self.noun_targets(noun, root, TARGET_PREPS - {"by", "for"})

    def agents(self, noun) -> list[Party]:
        """Actors an event noun names as its doer: 'the attack by X', 'the attack carried out by X'."""
        out: list[Party] = []
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                out += [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g)]
            elif child.dep_ == "acl":
                for g in child.children:
                    if g.dep_ == "agent":
                        out += [p for pobj in g.children if pobj.dep_ == "pobj" for p in self.parties(pobj)]
        return out

    def possessors(self, noun) -> list[Party]:
        """The named owner of a plan or policy acted against: "a strike against President X's
        austerity measures", "protests against the government's reform"."""
        return [p for child in noun.children if child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS
                for p in self.parties(child, allow_coref=True)]

    def owners(self, noun) -> list[Party]:
        """Actors named as owning a thing: 'assets belonging to X', 'a yacht owned by X'."""
        out: list[Party] = []
        for child in noun.children:
            # ("xcomp": "accounts belonging to X were frozen" is parsed so)
            if child.dep_ in ("acl", "xcomp") and child.lower_ in self.lex.grammar.get("ownership_participles", ()):
                out += [p for g in child.children if g.dep_ in ("prep", "agent") and g.lower_ in ("to", "by")
                        for pobj in g.children if pobj.dep_ == "pobj" for p in self.parties(pobj)]
        return out

    def parties(self, head, allow_coref: bool = False, of_phrase: bool = False) -> list[Party]:
        """Actors named by the noun phrase headed by `head`, one per coordinated branch.

        A branch that names no actor but is a role noun ("police", "protesters", "the rebels")
        becomes a generic actor (see generic_party); "the ministry" with nothing in the sentence
        still refers back through coreference first."""
        branches = [head] + [c for c in head.conjuncts if c.i > head.i]
        appos = [c for c in head.children if c.dep_ == "appos"]
        if appos and (any(self.owner[a.i] is not None for a in appos) or (
                self.owner[head.i] is None and any(self.has_mention(a) for a in appos)) or (
                # "Joshua Nkomo, leader of the opposition ZAPU party": a person the tables lack, named
                # by the body the apposition's title is of
                self.owner[head.i] is None and not self.has_mention(head) and
                any(self.title_sector(a) and self.has_mention_in_of(a) for a in appos))):
            # "its foreign minister, Sergei Lavrov", "the Islamist group Hamas", "NATO allies Japan
            # and South Korea": the apposition names the actor; but "Pakistan, a key US ally," stays
            # Pakistan (the head names one itself, the apposition only through a modifier)
            branches = [b for a in appos for b in [a] + [c for c in a.conjuncts if c.i > a.i]]
        out: list[Party] = []
        generic: list = []
        for branch in branches:
            k = self.best_mention(branch)
            if k in self._ethnic:  # "ethnic Albanians in Serbia": a people, not a state
                k, sector = None, self._ethnic[k]
            else:
                sector = self.title_sector(branch) if k is None else None
            if k is None and (of_phrase or sector):
                members: list[Party] = []
                places: list[Party] = []
                for child in branch.children:
                    # "negotiators for the Colombian government", "workers at the Busan port": a
                    # role acting for, or working at, the actor
                    if child.dep_ == "prep" and (child.lower_ in MEMBER_PREPS or (sector and child.lower_ in ("for", "at"))):
                        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if pobj is not None:
                            in_place = child.lower_ in LOCATION_PREPS
                            if in_place and not sector and branch.lower_ in self.lex.nouns and \
                                    self.is_place(self.best_mention(pobj)):
                                continue  # "the attacks in Mumbai": where, not who ("sites in X" are X's)
                            # "roads in the city of X" (but "a ceasefire in four regions of X": where)
                            sub = self.parties(pobj, of_phrase=in_place and branch.lower_ not in self.lex.nouns)
                            if sector and child.lower_ != "for" and not self._takes_body_sector(branch.lower_):
                                # "negotiators of the army": the role's sector (but "leaders of the
                                # opposition party" are the party's)
                                sub = [self.recast(p, sector) for p in sub]
                            elif in_place:  # "voting in East Jerusalem": the place
                                sub = [self.as_place(p) for p in sub]
                            (places if in_place else members).extend(sub)
                    elif not sector and ((child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS) or (
                            child.dep_ == "compound" and (self.request_noun(branch) or
                                                          self.lex.is_(branch.lower_, "proposal_nouns")))):
                        # "backed the government's pension reform": the owner of what is acted on;
                        # "rejected opposition demands", "voted down an opposition motion": who made them
                        owner_sector = self.title_sector(child)
                        if owner_sector:
                            members += self.generic_party(child, owner_sector)
                    elif child.dep_ == "acl" and sector and sector not in STATE_SECTORS and not members and \
                            child.lower_ in RESIDENCE_PARTICIPLES:  # "rebels operating in X"
                        places += [self.recast(p, sector) for prep in child.children
                                   if prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPS
                                   for g in prep.children if g.dep_ == "pobj" for p in self.parties(g)
                                   if p.referent.actor.code == p.referent.actor.country]
                # "scores of demonstrators in Nairobi": the members, not the place
                sub = members or places
                out += sub
                sector = None if sub else sector
            if k is not None and self.people(branch, k):  # "Thousands of Mongolians marched"
                out += [self.recast(p, "CVL") for p in self.mention_party(k)]
            elif k is not None:
                out += self.mention_party(k) + self.shared_role(branch, k)
            elif sector and any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in branch.children):
                continue  # "withdraw its troops": the actor's own body, not another party
            elif sector and branch is not head and self._same_side_conjunct(head, sector):
                continue  # "Chinese warships and jet fighters": one body of that country
            elif sector:
                generic.append((branch, sector))
        if not out and allow_coref and not (generic and not self._has_det(head)):
            out = self.coref(head)
            if out:
                generic = []  # "the ministry": the ministry named earlier in the document
        out += [p for branch, sector in generic for p in self.generic_party(branch, sector)]
        return unique(out)

    def _same_side_conjunct(self, head, sector: str) -> bool:
        """Whether the first branch of a coordination is a country's body of this same sector named
        by demonym and role ("Chinese warships"): a bare role conjoined with it is more of the same."""
        k = self.best_mention(head)
        if k is None:
            return False
        m = self.mentions[k]
        return m.actor.sector == sector and m.actor.country is not None and ROLE_HOW in m.how

    def people(self, branch, k: int) -> bool:
        """A plural demonym standing alone as a noun ("Mongolians", "thousands of Kenyans"): the
        people of the country, civilians, not its state."""
        m = self.mentions[k]
        return m.actor.sector is None and m.how.startswith(DEMONYM_HOW) and k not in self._ethnic and \
            branch.lower_.endswith("s") and self.owner[branch.i] == k and branch.idx + len(branch) == m.end

    @staticmethod
    def as_place(p: Party) -> Party:
        """A capital named as where something happens ("in Algiers") is its country, no sector."""
        a = p.referent.actor
        if p.via != "mention" or p.referent.person or a.sector != "GOV" or a.code != a.country:
            return p
        return Party(Referent(Actor(a.code, a.country, None, a.name), p.referent.text, False), PLACE_VIA)

    def is_place(self, k: int | None) -> bool:
        """A city or region that stands for no body (metonyms.tsv rows without a sector)."""
        return k in self._places

    def ethnic(self, k: int) -> bool:
        """A nationality word after 'ethnic' ("ethnic Albanians", "ethnic Russians in Ukraine")
        names a people, wherever they live, not the state of that name."""
        return k in self._ethnic

    def title_sector(self, tok) -> str | None:
        """Sector of a role noun ("police", "rebels") or of a named person's title with no
        country in it ("Interior Minister Horst Seehofer": GOV); None otherwise."""
        sector = None
        if not tok.text[:1].isupper():  # "a human rights group", "opposition leaders": the longest role
            low = tok.lower_
            left = next((c for c in tok.lefts if c.dep_ in ("compound", "amod")), None)
            if low not in self._role_heads:
                sector = self.role_sector(low)
            else:
                end = tok.idx + len(tok)
                if left is not None:
                    sector = self.role_sector(self.text[left.left_edge.idx: end]) or \
                        self.role_sector(self.text[left.idx: end])
                # "an independent news outlet": the role is the modifiers next to the head
                modifiers = [c for c in tok.lefts if c.dep_ in ("compound", "amod")]
                for near in reversed(modifiers[1:]):
                    sector = sector or self.role_sector(self.text[near.idx: end])
                sector = sector or self.role_sector(low)
            if sector and left is not None and self.role_sector(left.lower_) in AFFILIATION_SECTORS:
                return self.role_sector(left.lower_)  # "rebel commanders" (not "terrorist attacks")
            return sector
        sector = self.role_sector(tok.lower_)
        if sector:
            return sector
        left = [c for c in tok.lefts if c.dep_ == "compound"]
        if left:  # "the National Security Council": a multi-word role
            sector = self.role_sector(self.text[left[0].idx: tok.idx + len(tok)])
            if sector:
                return sector
        for child in tok.children:
            if child.dep_ == "compound" and child.i < tok.i:
                # "opposition leader Maulana X": the title with its own modifiers first
                sector = (child.left_edge.i < child.i and
                          self.role_sector(self.text[child.left_edge.idx: child.idx + len(child)])) or \
                    self.role_sector(child.lower_)
                if sector:
                    return sector
        return None

    def shared_role(self, branch, k: int) -> list[Party]:
        """'the armies of Brazil and Argentina', 'the Chilean and Peruvian navies': the role word
        also covers the other coordinated country."""
        role = self.role_sector(branch.lower_)
        sector = self.mentions[k].actor.sector or role  # "Egyptian and Saudi naval forces"
        # ("Indonesian and Malaysian navy ships": the mention holds the multi-word role)
        if not sector or not (role or ROLE_HOW in self.mentions[k].how):
            return []
        out: list[Party] = []
        for child in branch.children:
            # ("Thai and Cambodian troops": the parser may hang the first adjective as nmod)
            if child.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in child.children):
                for tok in (child, *child.conjuncts):
                    other = self.owner[tok.i]
                    if other is not None and other != k:
                        out += [self.recast(p, sector) for p in self.mention_party(other)]
        for child in branch.children:
            if child.dep_ == "prep" and child.lower_ in MEMBER_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        for conj in pobj.conjuncts:
                            out += [self.recast(p, sector) for p in self.mention_party(self.best_mention(conj))]
        return out

    @staticmethod
    def _has_det(tok) -> bool:
        return any(c.dep_ in ("det", "poss") for c in tok.children)

    def recast(self, party: Party, sector: str) -> Party:
        """'police in Cairo', 'leaders of India': the place's country with the role's sector
        (a named group or IGO in the phrase stays itself)."""
        a = party.referent.actor
        if not a.country or a.code != a.country:
            return party
        return Party(Referent(Actor(a.country, a.country, sector, a.name), party.referent.text, False), party.via)

    def sentence_country(self) -> str | None:
        """The one country this sentence names (None when it names none or several); the
        nationality of an ethnic group ("ethnic Albanian rebels in Macedonia") does not count."""
        return self._sentence_country

    def generic_party(self, tok, sector: str) -> list[Party]:
        """A role noun with no actor of its own: 'police', 'protesters', 'rebels'. Country: the
        sentence's only country ("Police arrested protesters in Cairo" -> EGY COP); without one a
        sector-only actor (code = the sector, as CAMEO codes unattributed actors: "COP", "REB")."""
        country = self.sentence_country()
        text = self.text[tok.left_edge.idx: tok.idx + len(tok)] if tok.left_edge.i <= tok.i else tok.text
        actor = Actor(country, country, sector, tok.text) if country else Actor(sector, None, sector, tok.text)
        return [Party(Referent(actor, text, False), "generic")]

    def has_mention(self, tok) -> bool:
        return self.best_mention(tok) is not None

    def has_mention_in_of(self, tok) -> bool:
        """Whether the 'of' phrase of a noun names an actor ("leader of the ZAPU party")."""
        return any(self.has_mention(g) for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for g in prep.children if g.dep_ == "pobj")

    def core(self, head) -> list:
        """Tokens of the noun phrase core: the head and its non-prepositional modifiers."""
        core, stack = [], [head]
        while stack:
            t = stack.pop()
            core.append(t)
            stack.extend(c for c in t.children if c.dep_ in CORE_CHILD_DEPS)
        return core

    def best_mention(self, head) -> int | None:
        """The longest actor mention in the noun phrase core of `head` (memoised per token)."""
        i = head.i
        if i in self._best:
            return self._best[i]
        k = self._best_mention(head)
        self._best[i] = k
        return k

    def _best_mention(self, head) -> int | None:
        owner = self.owner
        if owner[head.i] is not None:
            return owner[head.i]
        if not self._any_owner:
            return None
        best, best_len = None, -1
        for t in self.core(head):
            k = owner[t.i]
            if k is not None and not (k in self._places and t.i != head.i and head.lower_ in self.lex.nouns):
                # "the Mumbai attacks" name no actor ("Darfur State" does)
                m = self.mentions[k]
                length = m.end - m.start
                if length > best_len:
                    best, best_len = k, length
        return best

    def mention_party(self, k: int | None) -> list[Party]:
        if k is None:
            return []
        m = self.mentions[k]
        how = m.how
        person = how.startswith(PERSON_HOW) or UNLISTED_NAME_HOW in how  # is_person, inlined
        return [Party(Referent(m.actor, m.text, person), PLACE_VIA if k in self._places else "mention")]

    def coref(self, head) -> list[Party]:
        memory = self.memory
        low = head.lower_
        if low in REFLEXIVES:
            return []  # "positioned itself": the subject again, never a separate target
        phrase = text_from(self.text, head.left_edge.idx, head)
        if phrase.endswith(self.lex.phrases.get("pair_phrases", ())) or \
                low in self.lex.grammar.get("pair_phrases", ()):  # (a tuple: one str.endswith call)
            refs = memory.pair()
        elif low in self.lex.grammar["plural_pronouns"]:
            if head.dep_ in ("nsubj", "nsubjpass") and head.head is not head:
                # "the leaders announced that they would ...": the speaker of the clause
                said = [Party(p.referent, "coref") for p in self.speaker(head.head)]
                if said:
                    return said
            refs = memory.pronoun(plural=True, personal=False)
        elif low in self.lex.grammar["singular_pronouns"]:
            before = [m for m in self.mentions if m.end <= head.idx]
            if before:  # "Russia said it would ...": the sentence's own first actor;
                # an object pronoun is the latest one ("called Erdogan and urged him")
                m = before[-1] if head.dep_ in ("dobj", "pobj", "dative", "iobj") else before[0]
                return [Party(Referent(m.actor, m.text, is_person(m)), "coref")]
            refs = memory.pronoun(plural=False, personal=low in ("he", "she", "him", "her", "his", "hers"))
        else:
            has_det = any(c.dep_ in ("det", "poss") for c in head.children)
            sector = self.role_sector(low) if has_det else None
            refs = memory.role(sector) if sector else []
        return [Party(r, "coref") for r in refs]

    def speaker(self, verb) -> list[Party]:
        """The actor who said the clause holding `verb` ("X said Y would ...", "..., X said")."""
        cur, hops = verb, 0
        while hops < 4 and cur.head is not cur:
            cur_head = cur.head
            if cur.dep_ in ("ccomp", "parataxis") and self.lex.is_(cur_head.lower_, "communication_verbs"):
                subj, _ = self.subject(cur_head)
                if subj is not None:
                    return [Party(p.referent, "speaker" if p.via == "mention" else p.via)
                            for p in self.parties(subj, allow_coref=True, of_phrase=True)]
            cur, hops = cur_head, hops + 1
        for child in verb.children:  # "Y urged ..., X said" parsed with 'said' under the verb
            if child.dep_ in ("parataxis", "ccomp") and self.lex.is_(child.lower_, "communication_verbs"):
                subj, _ = self.subject(child)
                if subj is not None:
                    return [Party(p.referent, "speaker") for p in self.parties(subj, allow_coref=True, of_phrase=True)]
        return []
