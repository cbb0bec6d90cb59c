"""The codes that authors type in the data files, and the words readers see for them.

One place for every label: the fact box of a method, the method chooser's filters and
the practice cases all read them from here. The codes are Dutch words, because readers
see them in addresses too (``methoden/?vraag=relatie``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    label: str  # as a fact about a method: "geen ervaring nodig"
    choice: str  # as an option in the method chooser: "Nog geen ervaring"


# From the least to the most demanding: the chooser shows a method when the group's
# choice is at least the method's level.
EXPERIENCE: dict[str, Term] = {
    "geen": Term("geen ervaring nodig", "Nog geen ervaring"),
    "enige": Term("enige ervaring met intervisie", "Enige ervaring"),
    "ervaren": Term("een ervaren groep met onderling vertrouwen", "Ervaren, met onderling vertrouwen"),
}

# Who leads the meeting as procesbegeleider, from the least to the most demanding.
FACILITATOR: dict[str, Term] = {
    "groepslid": Term("een lid van de groep kan leiden", "Een lid van de groep"),
    "ervaren-begeleider": Term(
        "een ervaren procesbegeleider leidt: een getraind groepslid of een intervisor", "Een getraind groepslid"
    ),
    "intervisor": Term("een intervisor van buiten de groep leidt", "Een intervisor van buiten"),
}

# In this order in the method chooser's list of kinds of question.
QUESTION_KINDS: dict[str, str] = {
    "handelen": "je eigen handelen in het werk",
    "voorval": "een voorval waarin je snel moest handelen",
    "schok": "een schokkende gebeurtenis, zoals agressie",
    "relatie": "de relatie met een ander, en gevoelens",
    "kennis": "vakinhoud en kennis",
    "probleem": "een probleem dat een oplossing vraagt",
    "vastgelopen": "je zit vast en zoekt een frisse blik",
    "verandering": "een situatie die je anders wilt",
    "succes": "iets dat goed ging",
    "kwaliteiten": "je kwaliteiten en je groei",
    "waarden": "wat goed of juist handelen is",
}

# What kind of conversation a method is. Moreel beraad (ethics support) shares the shape of
# intervisie (a case, a step plan, questions first) but asks what is right to do, often
# with a whole team; the handbook names it and the chooser can leave it out.
CONVERSATIONS: dict[str, Term] = {
    "intervisie": Term("intervisie: gelijken leren van hun eigen handelen", "Intervisie"),
    "moreel-beraad": Term("moreel beraad: samen nadenken over wat goed is om te doen", "Moreel beraad"),
}

# Where the intervisor is during a phase of the model series (training portal).
PRESENCE: dict[str, str] = {"leidt": "leidt", "kijkt-mee": "kijkt mee", "afwezig": "is er niet"}

# Figures that Intervisiewijzer sets itself where the sources give none: the whole figure
# or one bound of the group size.
GUIDELINE: dict[str, str] = {
    "minutes": "de minuten per stap",
    "group_size": "de groepsgrootte",
    "group_min": "de kleinste groep",
    "group_max": "de grootste groep",
}

# The English codes of the first release, refused with a hint to the Dutch one.
FORMER_CODES: dict[str, str] = {
    "none": "geen", "some": "enige", "experienced": "ervaren",
    "optional": "groepslid", "recommended": "ervaren-begeleider", "required": "intervisor",
    "conduct": "handelen", "incident": "voorval", "shock": "schok", "relationship": "relatie",
    "knowledge": "kennis", "problem": "probleem", "stuck": "vastgelopen", "change": "verandering",
    "success": "succes", "qualities": "kwaliteiten", "values": "waarden",
}  # fmt: skip

# What the pages do with a role (``duty`` in methods/_roles.yml): the code knows these
# duties, the data says which role has which.
DUTIES: dict[str, str] = {
    "inbrengen": "brengt de casus in",
    "leiden": "leidt de bijeenkomst en volgt het draaiboek",
    "vragen": "stelt vragen; ieder die geen andere rol heeft",
    "tijd": "bewaakt de tijd; de rolkaart noemt elke stap met de minuten en de kloktijd",
    "verslag": "schrijft op wat de groep zegt; de rolkaart noemt ook elke stap waarin de vragenstellers iets doen",
}

@dataclass(frozen=True)
class Arrangement:
    label: str  # as a heading: "binnenkring en buitenkring"
    text: str  # the picture in words, for who does not see it


# How the chairs stand (``seating`` in a method file), only where the method's sources say
# so. The method page and the draaiboek draw it (views/seating.py) and say it in words.
SEATINGS: dict[str, Arrangement] = {
    "kring-rond-flap": Arrangement("een kring rond de flap", "Iedereen zit in één kring rond een flap-over."),
    "inbrenger-buiten-de-kring": Arrangement(
        "de inbrenger buiten de kring",
        "De groep zit in een kring. Als de groep over de vraag praat, zit de inbrenger buiten de kring en luistert mee.",
    ),
    "team-apart": Arrangement(
        "een team apart",
        "De procesbegeleider en de inbrenger zitten tegenover elkaar. De anderen zitten als team iets apart en luisteren.",
    ),
    "binnen-en-buitenkring": Arrangement(
        "binnenkring en buitenkring",
        "In het midden staan vijf stoelen in een kleine kring: vier deelnemers en één lege stoel. De anderen zitten in"
        " een kring eromheen. Wie mee wil praten, neemt de lege stoel.",
    ),
    "drietallen": Arrangement(
        "groepjes van drie",
        "De deelnemers zitten in groepjes van drie, dicht bij elkaar. Als de twee anderen adviseren, draait de inbrenger"
        " de stoel om en zit met de rug naar hen toe.",
    ),
    "tweetallen": Arrangement(
        "tweetallen", "De deelnemers zitten of staan in tweetallen tegenover elkaar, en wisselen na elke ronde van partner."
    ),
    "tafels": Arrangement(
        "een tafel per inbrenger",
        "Iedere inbrenger zit aan een eigen tafel, met drie of vier anderen. Na elke ronde gaan de anderen naar een"
        " andere tafel; de inbrenger blijft zitten.",
    ),
    "rollenspel": Arrangement(
        "twee stoelen voor het rollenspel",
        "In het midden staan twee stoelen tegenover elkaar: op de ene speelt de inbrenger zichzelf, op de andere de"
        " gesprekspartner. De anderen zitten eromheen, zodat ieder het gesprek goed ziet.",
    ),
}

# Where a checklist stands in a method's draaiboek (``draaiboek`` in methods/_checklists.yml).
DRAAIBOEK_PLACES: dict[str, str] = {"voor": "Voor de bijeenkomst", "na": "Afsluiting"}


def kind_label(kind: str) -> str:
    """A kind of question as a reader sees it on its own: 'Je eigen handelen in het werk'."""
    label = QUESTION_KINDS[kind]
    return label[:1].upper() + label[1:]
