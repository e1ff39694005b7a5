"""Entity normalization: a gazetteer of canonical names and a matcher for their variants."""

from cleaner.entities.gazetteer import Entity, GazetteerError, load_gazetteer
from cleaner.entities.matcher import Matcher, Substitution

__all__ = ["Entity", "GazetteerError", "Matcher", "Substitution", "load_gazetteer"]
