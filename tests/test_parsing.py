"""Parsing a document's kept sentences joined, with the parse copied back into one Doc per sentence."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from comity.coder import parsing
from comity.coder.parsing import parse_passages

PASSAGE = [
    "The foreign minister of Norway arrived in Colombo on Monday.",
    "He urged the government and the rebels to return to talks.",
    "Rebel leaders said they would consider the offer.",
]
DISABLE = ("tagger", "attribute_ruler", "lemmatizer")


def test_each_sentence_gets_its_own_parsed_doc(nlp):
    [docs] = parse_passages(nlp, [PASSAGE], DISABLE)
    assert [d.text for d in docs] == PASSAGE
    for doc in docs:
        assert doc.has_annotation("DEP")
        assert [t.text for t in doc] == [t.text for t in nlp.make_doc(doc.text)]
        assert all(0 <= t.head.i < len(doc) for t in doc)
        assert sum(t.dep_ == "ROOT" for t in doc) == 1  # one tree: the parser may not cut a sentence
    assert docs[1][1].text == "urged" and docs[1][1].dep_ == "ROOT"
    assert docs[1][0].head.i == 1 and docs[1][0].dep_ == "nsubj"


def test_passages_stay_apart_and_in_order(nlp):
    other = ["Protesters marched on the embassy in Nairobi.", "Police fired tear gas."]
    results = parse_passages(nlp, [PASSAGE, [], other], DISABLE, batch_size=2)
    assert [[d.text for d in docs] for docs in results] == [PASSAGE, [], other]
    assert results[2][1][1].dep_ == "ROOT" and results[2][1][1].text == "fired"


def test_long_passages_are_parsed_in_parts(nlp, monkeypatch):
    monkeypatch.setattr(parsing, "MAX_JOINED", 2)
    sentences = PASSAGE * 3
    [docs] = parse_passages(nlp, [sentences], DISABLE)
    assert len(docs) == 9 and all(d.has_annotation("DEP") for d in docs)
    assert [d.text for d in docs] == sentences
    assert all(d[1].text == "urged" and d[1].dep_ == "ROOT" for d in (docs[1], docs[4], docs[7]))


def test_a_sentence_with_no_tokens_is_passed_through(nlp):
    [docs] = parse_passages(nlp, [["", PASSAGE[0]]], DISABLE)
    assert len(docs[0]) == 0 and docs[1].has_annotation("DEP")


def test_tokens_that_would_not_survive_joining_fall_back_to_from_docs(nlp):
    # A Doc built with a token holding a space: joined as text it would tokenize differently, so
    # the join must not trust the re-tokenized text.
    odd = Doc(nlp.vocab, words=["New York", "protested", "."], spaces=[True, False, False])
    plain = nlp.make_doc("Canada agreed.")
    whole = parsing._join(nlp, [plain, odd], ["Canada agreed.", "New York protested."])
    assert [t.text for t in whole] == ["Canada", "agreed", ".", "New York", "protested", "."]
    assert whole[3].is_sent_start


@pytest.mark.parametrize("sentences", [PASSAGE, PASSAGE[:1]])
def test_joined_parse_matches_the_parser_run_on_the_joined_text(nlp, sentences):
    """The copy-back is exact: each sentence Doc has the arcs of its slice of the joined parse."""
    [docs] = parse_passages(nlp, [sentences], DISABLE)
    whole = parsing._join(nlp, [nlp.make_doc(s) for s in sentences], sentences)
    with nlp.select_pipes(disable=list(DISABLE)):
        whole = nlp(whole)
    at = 0
    for doc in docs:
        part = whole[at:at + len(doc)]
        assert [(t.head.i - at, t.dep_) for t in part] == [(t.head.i, t.dep_) for t in doc]
        at += len(doc)


def test_a_head_across_a_sentence_boundary_falls_back_to_parsing_that_sentence_alone(nlp):
    first, second = nlp.make_doc("Chile protested."), nlp.make_doc("Peru agreed.")
    # a joined parse whose "agreed" hangs on "protested": not valid inside the second sentence
    whole = Doc(nlp.vocab, words=["Chile", "protested", ".", "Peru", "agreed", "."],
                spaces=[True, False, True, True, False, False], heads=[1, 1, 1, 4, 1, 4],
                deps=["nsubj", "ROOT", "punct", "nsubj", "conj", "punct"])
    parsing._copy_parse(nlp, whole, [first, second], DISABLE)
    assert [(t.head.i, t.dep_) for t in first] == [(1, "nsubj"), (1, "ROOT"), (1, "punct")]
    assert second.has_annotation("DEP") and second[1].dep_ == "ROOT" and second[0].head.i == 1


def test_the_parser_does_not_cut_a_kept_sentence(nlp):
    # With a one-word headline before it, the parser left free cut "Russia | said its forces ..."
    [docs] = parse_passages(nlp, [["BREAKING", "Russia said its forces had taken the town.", "Ukraine denied it."]],
                            DISABLE)
    assert [sum(t.dep_ == "ROOT" for t in doc) for doc in docs] == [1, 1, 1]
    assert docs[1][0].dep_ == "nsubj" and docs[1][0].head.text == "said"
