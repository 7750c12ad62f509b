"""comity: who backed whom in a crisis, from news text to events, reactions and alignment."""
__version__ = "0.1.0"
