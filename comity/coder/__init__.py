"""The event coder: sentences → parse → triggers from the verb dictionary → Event records.

    from comity.coder import EventCoder
    coder = EventCoder()                       # comity.nlp.load(), comity.actors.default_dictionary()
    events = coder.code_text("Russia urged India and Pakistan to exercise restraint.", date="2025-05-10")
"""
from comity.coder.coder import CodedDocument, EventCoder, SentenceRecord
from comity.coder.ontology import cameo_info, plover_for_cameo

__all__ = ["EventCoder", "CodedDocument", "SentenceRecord", "cameo_info", "plover_for_cameo"]
