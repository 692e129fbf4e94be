"""Merging an import into a briefing: the same item once, the first wording kept."""

from __future__ import annotations

import datetime as dt

from briefgen.importing import import_sources
from briefgen.importing.merge import merge, same_wording
from briefgen.model import Briefing, Commitment, NextStep, Quote


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
    assert extra == ["Implement 15 percent tariffs on US imports"]
    assert [s.text for s in merged.next_steps] == [s.text for s in sample.next_steps]
    assert len(merged.quotes) == len(sample.quotes)
