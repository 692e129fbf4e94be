"""Merging an import into a briefing: the same item once, the first wording kept."""

from __future__ import annotations

import datetime as dt

from briefgen.importing import import_sources
from briefgen.importing.merge import merge, same_wording
from briefgen.model import Briefing, Commitment, Figure, NextStep, Quote, Source, Topic


def test_wording_that_differs_only_in_filler_words_is_the_same():
    assert same_wording("Enhance contacts such as the working holiday scheme",
                        "Enhance contacts like working holiday scheme")
    assert same_wording("Reaffirm trilateral cooperation with the United States",
                        "Reaffirm the trilateral cooperation with the United States "
                        "under an agreement signed by their predecessors")
    assert not same_wording("Cooperate on security", "Cooperate on trade")
    assert not same_wording("Resume shuttle diplomacy", "Resume tariff talks in Seoul")
    assert same_wording("Resume shuttle diplomacy", "Resume shuttle diplomacy between leaders")


def test_the_open_briefing_keeps_its_wording_and_gains_the_evidence():
    mine = Briefing(
        commitments=[Commitment(text="Enhance contacts such as the working holiday scheme")],
        next_steps=[NextStep(text="President Lee's first summit with President Trump",
                             date=dt.date(2025, 8, 25))],
        quotes=[Quote(speaker="Lee", text="We concurred that cooperation is crucial.")])
    found = Briefing(
        commitments=[Commitment(text="Enhance contacts like working holiday scheme",
                                evidence="The two leaders decided to enhance contacts."),
                     Commitment(text="Implement 15 percent tariffs on US imports")],
        next_steps=[NextStep(text="Lee's first summit with US President Trump in Washington",
                             location="Washington", evidence="Lee's trip comes first.")],
        quotes=[Quote(text="We concurred that cooperation is crucial",
                      evidence="Lee said: We concurred that cooperation is crucial.")])
    merged = merge([mine, found])
    assert [c.text for c in merged.commitments] == [
        "Enhance contacts such as the working holiday scheme",
        "Implement 15 percent tariffs on US imports"]
    assert merged.commitments[0].evidence == "The two leaders decided to enhance contacts."
    [step] = merged.next_steps
    assert step.text == "President Lee's first summit with President Trump"
    assert (step.date, step.location) == (dt.date(2025, 8, 25), "Washington")
    [quote] = merged.quotes
    assert quote.speaker == "Lee" and quote.text.endswith("crucial.") and quote.evidence
    assert mine.commitments[0].evidence == ""          # the inputs are left as they were


def test_the_sample_article_merged_into_the_sample_adds_no_near_duplicates(sample,
                                                                             shared_samples):
    found = import_sources([shared_samples / "ishiba-lee-tokyo-summit.txt"],
                           published=dt.date(2025, 8, 24)).briefing
    merged = merge([sample, found])
    assert [c.text for c in merged.commitments[:len(sample.commitments)]] == [
        c.text for c in sample.commitments]
    extra = [c.text for c in merged.commitments[len(sample.commitments):]]
    assert "Implement 15 percent tariffs on US imports" in extra
    said_already = ("trilateral", "missile", "shuttle", "working holiday", "artificial")
    assert [t for t in extra if any(words in t for words in said_already)] == []
    assert [s.text for s in merged.next_steps] == [s.text for s in sample.next_steps]
    assert len(merged.quotes) == len(sample.quotes)


def test_merging_the_sample_article_gives_the_figures_their_evidence(sample, shared_samples):
    found = import_sources([shared_samples / "ishiba-lee-tokyo-summit.txt"],
                           published=dt.date(2025, 8, 24)).briefing
    merged = merge([sample, found])
    kept = merged.figures[:len(sample.figures)]
    assert [f.text for f in kept] == [f.text for f in sample.figures]
    assert all(f.evidence for f in kept), [f.text for f in kept if not f.evidence]


def test_merging_the_sample_article_adds_no_second_source_for_its_file(sample, shared_samples):
    found = import_sources([shared_samples / "ishiba-lee-tokyo-summit.txt"]).briefing
    merged = merge([sample, found])
    assert [(s.id, s.file) for s in merged.sources] == [("s1", "ishiba-lee-tokyo-summit.txt")]


def test_merging_the_sample_article_leaves_no_two_topics_with_one_title(sample, shared_samples):
    found = import_sources([shared_samples / "ishiba-lee-tokyo-summit.txt"]).briefing
    titles = [t.title for t in merge([sample, found]).topics]
    assert len(titles) == len(set(titles)), titles


def test_a_figure_gains_the_evidence_the_first_lacks():
    mine = Briefing(figures=[Figure(value=15, unit="percent", text="US tariff rate")])
    found = Briefing(figures=[Figure(value=15, unit="Percent", text="15 percent tariffs",
                                     evidence="Both agreed to 15 percent tariffs.",
                                     category="trade")])
    [figure] = merge([mine, found]).figures
    assert figure.text == "US tariff rate"
    assert (figure.evidence, figure.category) == ("Both agreed to 15 percent tariffs.", "trade")


def test_one_source_per_file_the_first_entry_completed():
    mine = Briefing(sources=[Source(id="s1", title="News report", file="talks.txt")])
    found = Briefing(sources=[Source(id="talks", title="Leaders meet", file="talks.txt",
                                     publisher="Wire", url="https://example.org/talks"),
                              Source(id="other", file="other.pdf")])
    sources = merge([mine, found]).sources
    assert [(s.id, s.title, s.publisher, s.file) for s in sources] == [
        ("s1", "News report", "Wire", "talks.txt"), ("other", "", "", "other.pdf")]


def test_topics_with_one_title_become_one_with_the_points_of_both():
    mine = Briefing(topics=[Topic(title="Trade and tariffs", category="trade",
                                  summary="Tariffs loom.", points=["Chips", "Cars"])])
    found = Briefing(topics=[Topic(title="Trade and Tariffs", category="economy",
                                   summary="Exports grew.", points=["cars", "Steel quotas"],
                                   risks=["Retaliation"]),
                             Topic(title="Security", category="security")])
    topics = merge([mine, found]).topics
    assert [(t.title, t.category) for t in topics] == [("Trade and tariffs", "trade"),
                                                       ("Security", "security")]
    assert topics[0].summary == "Tariffs loom."
    assert topics[0].points == ["Chips", "Cars", "Exports grew.", "Steel quotas"]
    assert topics[0].risks == ["Retaliation"]


def test_merging_many_sources_compares_few_pairs(monkeypatch):
    """Each commitment is checked against a handful of others, not against all kept so far."""
    import briefgen.importing.merge as merging

    compared, checked = [], []
    same, key_words = merging._same, merging._key_words
    monkeypatch.setattr(merging, "_same", lambda a, b: compared.append(1) or same(a, b))
    monkeypatch.setattr(merging, "_key_words", lambda w: checked.append(1) or key_words(w))
    briefings = [Briefing(commitments=[Commitment(text=f"Open consulate number {n} in city "
                                                       f"{n % 97} by year {2000 + n % 50}")
                                       for n in range(k * 40, k * 40 + 40)]
                          + [Commitment(text=f"Open the consulate number {k * 40 + 7} in city "
                                             f"{(k * 40 + 7) % 97}")])
                 for k in range(100)]
    merged = merge(briefings)
    assert len(merged.commitments) == 4000
    assert 100 <= len(compared) < 4 * 4100
    assert len(checked) < 10 * 4100
