"""Who says so: the chain of sources behind each event, outermost first.

Read from the sentence: the reporting verbs that govern the event's clause ("the Post
reported that ...", "..., officials said"), "according to X" (and "X cited by Y"),
"citing X". A sentence with no source of its own continues the previous one's when it
goes on reporting what that source said (a conditional or future clause, or one opening
with a pronoun or "also"), within the same paragraph.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from polybius.actors.resolve import conjuncts
from polybius.events.lexicon import EventLexicon
from polybius.events.modality import clause_verb
from polybius.provenance.sources import SourceClassifier
from polybius.records import Attribution

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CONTINUATION_AUX = {"would", "will", "could", "might", "may", "'d"}
CONTINUATION_OPENERS = {"it", "they", "he", "she", "this", "these", "also", "first", "second", "in", "moreover",
                        "furthermore", "meanwhile", "additionally"}


def speaker_of(verb: Token) -> list[Token]:
    """The subjects of a reporting verb, each conjunct apart (the agent of a passive one: "was reported by")."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    heads = agents or [c for c in verb.children if c.dep_ == "nsubj"]
    return [h for head in heads for h in (head, *conjuncts(head))]


def reporting_chain(token: Token, lexicon: EventLexicon) -> list[Token]:
    """Reporting verbs above a clause, innermost first ("X said Y reported that Z" → reported, said)."""
    chain = []
    verb = clause_verb(token)
    for _ in range(8):
        head = verb.head
        if head is verb:
            break
        if verb.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in lexicon.speech:
            chain.append(head)
        elif verb.dep_ == "ROOT":
            break
        verb = head
    if verb.dep_ == "ROOT":  # "X attacked Y, officials said": the reporting verb hangs off the root
        chain += [c for c in verb.children if c.dep_ == "parataxis" and c.lemma_.lower() in lexicon.speech
                  and c.i > token.i and c not in chain]
    return chain


def according_to(sentence: Span) -> list[Token]:
    """Heads of 'according to X' phrases in a sentence."""
    heads = []
    for token in sentence:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if to is not None:
                heads += [g for g in to.children if g.dep_ == "pobj"]
    return heads


def cited_by(head: Token) -> list[Token]:
    """'sources cited by these media' → these media; 'citing officials' is handled by citing_of."""
    found = []
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("cite", "quote"):
            found += [g for c in child.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return found


def told_outlets(verb: Token, classifier: SourceClassifier) -> list[Token]:
    """The outlet a source spoke to: "told Reuters", "said in an interview with the BBC"."""
    found = []
    for child in verb.children:
        heads = [child] if child.dep_ in ("dobj", "dative") else [
            g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in ("to", "with") else []
        found += [h for h in heads if classifier.lexicon.outlet_in(h.doc[h.left_edge.i:h.i + 1].text)]
    return found


def citing_of(verb: Token) -> list[Token]:
    """'The Post, citing two officials, reported' → two officials."""
    found = []
    for token in verb.subtree:
        if token.lower_ in ("citing", "quoting") and token.i != verb.i:
            found += [c for c in token.children if c.dep_ == "dobj"]
    return found


class AttributionReader:
    """Reads attribution chains sentence by sentence, carrying them where the text does."""

    def __init__(self, classifier: SourceClassifier, lexicon: EventLexicon) -> None:
        self.classifier = classifier
        self.lexicon = lexicon
        self.recent_outlets: list[Attribution] = []
        self.previous: tuple[Attribution, ...] = ()
        self.previous_paragraph = -1

    def outlets_named(self, sentence: Span) -> None:
        """Remember the outlets a sentence names, for later "these media"."""
        named = []
        for ent in sentence.ents:
            outlet = self.classifier.lexicon.outlet_in(ent.text)
            if outlet is not None and all(a.text != outlet[2] for a in named):
                named.append(Attribution(outlet[2], "media", outlet[1]))
        if named:
            self.recent_outlets = named

    def chain_for(self, trigger: Token) -> tuple[Attribution, ...]:
        """The attribution of an event, outermost first, from its own sentence."""
        chain: list[Attribution] = []
        for verb in reversed(reporting_chain(trigger, self.lexicon)):
            for head in told_outlets(verb, self.classifier):  # "a source told the Kyiv Independent"
                chain += self.classifier.classify(head, self.recent_outlets)
            for head in speaker_of(verb):
                chain += self.source_for(head)
            for head in citing_of(verb):
                chain += self.classifier.classify(head, self.recent_outlets)
        for head in according_to(trigger.sent):
            for outer in cited_by(head):
                chain += self.classifier.classify(outer, self.recent_outlets)
            chain += self.classifier.classify(head, self.recent_outlets)
        return tuple(dedupe(chain))

    def source_for(self, head: Token) -> list[Attribution]:
        """A speaker's attribution; "they" and "it" are the source the text just named."""
        if head.pos_ == "PRON" and head.lower_ in ("they", "it", "he", "she") and self.previous:
            last = self.previous[-1]
            return [Attribution(head.text, last.kind, last.code)]
        return self.classifier.classify(head, self.recent_outlets)

    def attribute(self, trigger: Token, paragraph: int) -> tuple[Attribution, ...]:
        """An event's own chain, or the previous sentence's where this one continues its report."""
        own = self.chain_for(trigger)
        if own:
            return own
        if paragraph == self.previous_paragraph and continues_report(trigger.sent, clause_verb(trigger)):
            return self.previous
        return ()

    def close_sentence(self, sentence: Span, chains: list[tuple[Attribution, ...]], paragraph: int) -> None:
        """After a sentence: the source it reported from is the one the next sentence may continue."""
        sentence_own = self.chain_for(sentence.root)
        own = [c for c in chains if c]
        if sentence_own:
            self.previous = sentence_own
        elif own:
            self.previous = own[-1]
        elif paragraph != self.previous_paragraph or not continues_report(sentence, sentence.root):
            self.previous = ()
        self.previous_paragraph = paragraph


def continues_report(sentence: Span, verb: Token) -> bool:
    """A sentence that goes on relating what a source said: it opens with a pronoun or "also", or
    the event's own clause is conditional or future ("It would also ...")."""
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if first is not None and first.lower_ in CONTINUATION_OPENERS:
        return True
    return any(c.dep_ == "aux" and c.lower_ in CONTINUATION_AUX for c in verb.children)


def dedupe(chain: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[str, str]] = set()
    out = []
    for item in chain:
        key = (item.text, item.kind)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def paragraph_index(doc: Doc) -> list[int]:
    """For each sentence of a doc, the index of the paragraph (line block) it is in."""
    indices = []
    paragraph = 0
    previous_end = 0
    for sentence in doc.sents:
        if "\n" in doc.text[previous_end:sentence.start_char]:
            paragraph += 1
        indices.append(paragraph)
        previous_end = sentence.end_char
        if sentence.text.endswith("\n"):
            paragraph += 1
    return indices
