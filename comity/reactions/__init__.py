"""Crisis reactions: who backed whom, who stayed neutral, who called for restraint, who mediated.

    from comity.reactions import Crisis, analyse
    report = analyse(documents, Crisis("sindoor-2025", ("IND", "PAK"), start="2025-04-22",
                                       trigger="Pahalgam terror attack"))
    report.to_dict()   # {"parties": [...], "actors": [{"actor": "RUS", "stance": "neutral", ...}]}
"""
from comity.reactions.analyse import analyse, build_report, detect
from comity.reactions.crises import add_crisis, get_crisis, list_crises, remove_crisis
from comity.reactions.model import ActorReaction, Crisis, Evidence, ReactionReport, reaction_actions

__all__ = [
    "ActorReaction", "Crisis", "Evidence", "ReactionReport", "add_crisis", "analyse", "build_report",
    "detect", "get_crisis", "list_crises", "reaction_actions", "remove_crisis",
]
