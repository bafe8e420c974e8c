"""The article's actors in order of mention: the antecedents of its pronouns and bare titles."""
from __future__ import annotations

from spacy.tokens import Doc

from polybius.actors.mentions import Mention
from polybius.actors.resolve import ActorContext, Resolver, choose_entry
from polybius.records import Actor

PERSON_TITLE_SECTORS = {"GOV", "MIL", "ELI", "OPP", "JUD", "LEG"}


def remember_mentions(mentions: dict[int, Mention], resolver: Resolver, context: ActorContext) -> None:
    """Every named actor of the article, in order: the antecedents of its pronouns and titles.

    Names the lexicon lacks ("King Hassan of Morocco") are resolved through their phrase.
    """
    seen: set[int] = set()
    for mention in mentions.values():
        if mention.span.start in seen:
            continue
        seen.add(mention.span.start)
        actor = resolver.resolve_one(mention.span.root)  # the phrase decides: "Bosnian Serbs" is BIH
        if actor is None and mention.entries:
            entry, sector = choose_entry(list(mention.entries), context.when)
            actor = Actor(mention.span.text, entry.code, sector, entry.name)
        if actor is not None:
            context.remember(actor, mention.is_person, position=mention.span.start)
    context.recent.sort(key=lambda item: item[0])


def remember_titles(doc: Doc, resolver: Resolver, context: ActorContext) -> None:
    """Singular titled people ("the Ukrainian president") are antecedents of "he" and "she" too."""
    for token in doc:
        if token.tag_ != "NN" or token.i in resolver.mentions:
            continue
        sector, _ = resolver.sector_of(token)
        if sector in PERSON_TITLE_SECTORS and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
            actor = resolver.resolve_one(token)
            if actor is not None and actor.code:
                context.remember(actor, True, position=token.i)
    context.recent.sort(key=lambda item: item[0])
