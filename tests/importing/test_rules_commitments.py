"""What the sides undertook (one behaviour per row)."""

from __future__ import annotations

import pytest

from briefgen.importing.commitments import find_pledges
from briefgen.importing.people import Individual, Resolver

FERREIRA = Individual("Ana Ferreira", "President", "Portugal")
HOLM = Individual("Lars Holm", "Prime Minister", "Norway")
SIDES = [FERREIRA, HOLM]


def _pledges(sentence: str) -> list[str]:
    return [p.text for p in find_pledges(sentence, Resolver(SIDES, SIDES), SIDES)]


@pytest.mark.parametrize("sentence, phrase", [
    ("The two leaders agreed to expand ferry links.", "Expand ferry links"),
    ("Ferreira and Holm pledged to double student exchanges.", "Double student exchanges"),
    ("Norway will supply two patrol boats.", "Supply two patrol boats"),
    ("The leaders witnessed the signing of six agreements on energy.",
     "Six agreements on energy"),
    ("Holm voiced his support for Portugal's bid to host the forum.",
     "For Portugal's bid to host the forum"),
    ("It has been decided that Norway would open a consulate in Porto.",
     "Norway would open a consulate in Porto"),
    ("Portugal is ready to work with Norway to deepen trust.", "Work with Norway to deepen trust"),
    ("The two sides exchanged a memorandum on fisheries.", "Exchange a memorandum on fisheries"),
    ("We reaffirm our commitment to defend each other.", "Reaffirm our commitment to defend each other"),
    ("The Prime Ministers reaffirmed their commitment to maritime cooperation.",
     "Reaffirm their commitment to maritime cooperation"),
    ("A joint declaration on ports has been signed.", None),
    ("As a result of this \"close partnership\", a declaration on ports has been signed.", None),
    ("They stressed their keenness to continue cooperation on fisheries.",
     "Continue cooperation on fisheries"),
    ("The two sides reiterated their support for a ceasefire.",
     "Reiterate their support for a ceasefire"),
    ("Oslo criticised Portugal's decision to supply Norway with more patrol boats, but "
     "does not object.", "Supply Norway with more patrol boats"),
    ("We are going to join the coalition of fishing nations.",
     "Join the coalition of fishing nations"),
    ("Norway will train Portuguese pilots soon, Reuters reports.", "Train Portuguese pilots soon"),
    ("Holm vowed Norway will support Portugal for \"as long as it takes\".",
     "Norway will support Portugal"),
])
def test_commitment(sentence, phrase):
    found = _pledges(sentence)
    if phrase is None:
        assert found
    else:
        assert phrase in found


@pytest.mark.parametrize("sentence", [
    "Analysts said the two leaders might agree to expand ferry links.",
    "There will be no new ferry links, Holm said.",
    "Holm will be speaking to reporters on Monday.",
    "Ferreira said \"we will expand ferry links\" at a dinner.",
    "Holm reiterated the importance of Portugal to Norway's policy.",
    "Ferreira reiterated Norway belonged in the alliance.",
    "Ferreira arrived in Oslo on a historic visit to reaffirm fishing ties.",
    "Portugal held that the dispute should be resolved bilaterally between the two.",
    "Norway and Portugal should take the bilateral route to resolve all disputes.",
    "Failing to act will likely make Portugal's allies skittish, Holm warned.",
    "Holm said the funds will be released shortly.",
    "Holm looked forward to welcoming Ferreira, with both leaders agreeing that the state "
    "visit will provide a historic opportunity.",
    "The partnership that Norway and Portugal signed in 2023 covers fisheries.",
    "The two sides exchanged views on issues of mutual concern.",
    "Norway has issued another picture of Ferreira and Holm together.",
    "Holm does not believe Norway will change the course of the talks.",
    "Ferreira vowed Norway's \"support will not weaken\".",
])
def test_not_a_commitment(sentence):
    assert _pledges(sentence) == []
