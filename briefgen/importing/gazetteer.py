"""Countries, demonyms, capitals and major cities, official titles.

Facts about the world, not about any article: the extractor uses them to read
"Japanese Prime Minister", "South Korea's president" or "in Tokyo".  The table
below adds demonyms and cities to the country names; babel's English territory
names cover every other country and territory; ``lexicon/places.toml`` maps
venues ("the Kremlin") to their city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale

from briefgen.importing import lexicon

# country | demonyms and other adjectives | aliases | cities (capital first)
_COUNTRIES = """\
Afghanistan|Afghan||Kabul
Albania|Albanian||Tirana
Algeria|Algerian||Algiers
Angola|Angolan||Luanda
Argentina|Argentine,Argentinian||Buenos Aires
Armenia|Armenian||Yerevan
Australia|Australian||Canberra,Sydney,Melbourne,Brisbane,Perth,Adelaide
Austria|Austrian||Vienna,Salzburg
Azerbaijan|Azerbaijani||Baku
Bahrain|Bahraini||Manama
Bangladesh|Bangladeshi||Dhaka
Belarus|Belarusian||Minsk
Belgium|Belgian||Brussels,Antwerp
Bolivia|Bolivian||La Paz,Sucre
Bosnia and Herzegovina|Bosnian||Sarajevo
Brazil|Brazilian||Brasilia,Brasília,Rio de Janeiro,São Paulo,Sao Paulo
Brunei|Bruneian||Bandar Seri Begawan
Bulgaria|Bulgarian||Sofia
Cambodia|Cambodian||Phnom Penh
Canada|Canadian||Ottawa,Toronto,Montreal,Vancouver,Kananaskis
Chile|Chilean||Santiago
China|Chinese|PRC,People's Republic of China,Mainland China|Beijing,Shanghai,Guangzhou,Shenzhen,Tianjin
Colombia|Colombian||Bogota,Bogotá
Croatia|Croatian||Zagreb
Cuba|Cuban||Havana
Cyprus|Cypriot||Nicosia
Czech Republic|Czech|Czechia,Czech Rep.|Prague
Denmark|Danish||Copenhagen
Egypt|Egyptian||Cairo,Sharm el-Sheikh
Estonia|Estonian||Tallinn
Ethiopia|Ethiopian||Addis Ababa
Finland|Finnish||Helsinki
France|French||Paris,Marseille,Lyon,Nice,Strasbourg
Georgia|Georgian||Tbilisi
Germany|German||Berlin,Munich,Hamburg,Frankfurt,Bonn,Cologne
Ghana|Ghanaian||Accra
Greece|Greek||Athens
Hungary|Hungarian||Budapest
Iceland|Icelandic||Reykjavik
India|Indian||New Delhi,Delhi,Mumbai,Bengaluru,Bangalore,Kolkata,Chennai
Indonesia|Indonesian||Jakarta,Bali
Iran|Iranian||Tehran
Iraq|Iraqi||Baghdad
Ireland|Irish||Dublin
Israel|Israeli||Jerusalem,Tel Aviv
Italy|Italian||Rome,Milan,Naples,Venice,Florence
Japan|Japanese||Tokyo,Osaka,Kyoto,Hiroshima,Nagoya,Yokohama,Sapporo,Fukuoka
Jordan|Jordanian||Amman
Kazakhstan|Kazakh,Kazakhstani||Astana,Almaty
Kenya|Kenyan||Nairobi
Kuwait|Kuwaiti||Kuwait City
Laos|Lao,Laotian||Vientiane
Latvia|Latvian||Riga
Lebanon|Lebanese||Beirut
Libya|Libyan||Tripoli
Lithuania|Lithuanian||Vilnius
Luxembourg|Luxembourgish||Luxembourg
Malaysia|Malaysian||Kuala Lumpur,Putrajaya
Mexico|Mexican||Mexico City
Moldova|Moldovan||Chisinau
Mongolia|Mongolian||Ulaanbaatar
Morocco|Moroccan||Rabat
Myanmar|Myanmar,Burmese|Burma,Myanmar (Burma)|Naypyidaw,Yangon
Nepal|Nepali,Nepalese||Kathmandu
Netherlands|Dutch|Holland,The Netherlands|Amsterdam,The Hague,Rotterdam
New Zealand|New Zealand|NZ|Wellington,Auckland
Nigeria|Nigerian||Abuja,Lagos
North Korea|North Korean|DPRK|Pyongyang
Norway|Norwegian||Oslo
Oman|Omani||Muscat
Pakistan|Pakistani||Islamabad,Karachi,Lahore
Palestine|Palestinian||Ramallah,Gaza
Panama|Panamanian||Panama City
Peru|Peruvian||Lima
Philippines|Philippine,Filipino|The Philippines|Manila
Poland|Polish||Warsaw,Krakow
Portugal|Portuguese||Lisbon
Qatar|Qatari||Doha
Romania|Romanian||Bucharest
Russia|Russian|Russian Federation|Moscow,Saint Petersburg,St Petersburg
Saudi Arabia|Saudi|KSA|Riyadh,Jeddah
Serbia|Serbian||Belgrade
Singapore|Singaporean||Singapore
Slovakia|Slovak||Bratislava
Slovenia|Slovenian||Ljubljana
South Africa|South African||Pretoria,Johannesburg,Cape Town
South Korea|South Korean|Korea,Republic of Korea,ROK|Seoul,Busan,Incheon,Gyeongju
Spain|Spanish||Madrid,Barcelona,Seville
Sri Lanka|Sri Lankan||Colombo
Sweden|Swedish||Stockholm
Switzerland|Swiss||Bern,Geneva,Zurich,Davos
Syria|Syrian||Damascus
Taiwan|Taiwanese||Taipei
Thailand|Thai||Bangkok
Turkey|Turkish,Turkiye’s,Türkiye’s|Türkiye,Turkiye|Ankara,Istanbul
Ukraine|Ukrainian||Kyiv,Kiev,Lviv,Odesa
United Arab Emirates|Emirati|UAE|Abu Dhabi,Dubai
United Kingdom|British|UK,U.K.,Britain,Great Britain|London,Edinburgh
United States|American,US,U.S.|US,U.S.,USA,U.S.A.,America,United States of America|Washington,New York,San Francisco,Los Angeles,Chicago,Honolulu
Uzbekistan|Uzbek||Tashkent
Somalia|Somali||Mogadishu
Rwanda|Rwandan||Kigali
Uganda|Ugandan||Kampala,Entebbe
Tanzania|Tanzanian||Dodoma,Dar es Salaam
Senegal|Senegalese||Dakar
Côte d'Ivoire|Ivorian|Ivory Coast,Côte d’Ivoire,Cote d'Ivoire|Abidjan,Yamoussoukro
Cameroon|Cameroonian||Yaoundé,Yaounde
Zambia|Zambian||Lusaka
Zimbabwe|Zimbabwean||Harare
Mozambique|Mozambican||Maputo
Namibia|Namibian||Windhoek
Botswana|Botswanan||Gaborone
Tunisia|Tunisian||Tunis
Sudan|Sudanese||Khartoum
South Sudan|South Sudanese||Juba
Eritrea|Eritrean||Asmara
Djibouti|Djiboutian||Djibouti
Mali|Malian||Bamako
Niger|Nigerien||Niamey
Burkina Faso|Burkinabe||Ouagadougou
Guinea|Guinean||Conakry
Liberia|Liberian||Monrovia
Sierra Leone|Sierra Leonean||Freetown
Gabon|Gabonese||Libreville
Barbados|Barbadian||Bridgetown
Grenada|Grenadian||St. George's
Jamaica|Jamaican||Kingston
Trinidad and Tobago|Trinidadian||Port of Spain
Haiti|Haitian||Port-au-Prince
Dominican Republic|Dominican||Santo Domingo
Guatemala|Guatemalan||Guatemala City
Honduras|Honduran||Tegucigalpa
El Salvador|Salvadoran||San Salvador
Nicaragua|Nicaraguan||Managua
Costa Rica|Costa Rican||San José
Ecuador|Ecuadorian||Quito
Paraguay|Paraguayan||Asunción,Asuncion
Uruguay|Uruguayan||Montevideo
Fiji|Fijian||Suva
Papua New Guinea|Papua New Guinean|PNG|Port Moresby
Kyrgyzstan|Kyrgyz||Bishkek
Tajikistan|Tajik||Dushanbe
Turkmenistan|Turkmen||Ashgabat
North Macedonia|Macedonian||Skopje
Montenegro|Montenegrin||Podgorica
Kosovo|Kosovar||Pristina
Malta|Maltese||Valletta
Yemen|Yemeni||Sanaa,Aden
Maldives|Maldivian||Male
Bhutan|Bhutanese||Thimphu
Timor-Leste|Timorese|East Timor|Dili
Venezuela|Venezuelan||Caracas
Vietnam|Vietnamese|Viet Nam|Hanoi,Ho Chi Minh City,Da Nang
"""

def _titles() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Plain offices, and offices written as regular expressions (lexicon/people.toml)."""
    portfolio = "(?:" + lexicon.alternation(lexicon.words("people", "portfolios")) + ")"
    raw = lexicon.words("people", "titles")
    return (tuple(t for t in raw if not t.startswith("re:")),
            tuple(t.replace("{portfolio}", portfolio) for t in raw if t.startswith("re:")))


# Official titles: plain ones, and general shapes ("Minister of Public Health").
TITLES, TITLE_SHAPES = _titles()
TITLE_ALIASES: dict[str, str] = lexicon.table("people", "title_aliases")
# Titles that lead a government: their holders are the usual summit participants.
LEADER_TITLES = frozenset(lexicon.words("people", "leaders"))
MINISTER_TITLES = frozenset(lexicon.words("people", "ministers"))


def is_leader(title: str) -> bool:
    """Does *title* lead a government ('Crown Prince of Abu Dhabi' does)?"""
    return title in LEADER_TITLES or title.split(" of ")[0] in LEADER_TITLES


@lru_cache(maxsize=1)
def title_alternation() -> str:
    """Every office and its short forms as one regex alternation (match it ignoring case):
    the general shapes first, then the plain offices as a trie."""
    shapes = lexicon.alternation(TITLE_SHAPES)  # regular expressions, longest first
    # every office starts with a letter: the look-ahead spares the engine the whole
    # alternation at every space and punctuation mark
    return rf"(?=\w)(?:{shapes}|{trie_alternation([*TITLES, *TITLE_ALIASES])})"


class Country:
    __slots__ = ("name", "demonyms", "aliases", "cities")

    def __init__(self, name: str, demonyms: list[str], aliases: list[str], cities: list[str]):
        self.name, self.demonyms, self.aliases, self.cities = name, demonyms, aliases, cities

    @property
    def demonym(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name

    @property
    def capital(self) -> str:
        return self.cities[0] if self.cities else ""


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The table's countries, then every other territory babel names in English."""
    rows = []
    split = lambda s: [x for x in s.split(",") if x]  # noqa: E731
    for line in _COUNTRIES.splitlines():
        name, dem, alias, cities = line.split("|")
        rows.append(Country(name, split(dem), split(alias), split(cities)))
    known = {n.lower() for c in rows for n in (c.name, *c.aliases)}
    for code, name in Locale("en").territories.items():
        if code.isalpha() and name.lower() not in known and code not in _NOT_COUNTRIES:
            rows.append(Country(name, [], [], []))
            known.add(name.lower())
    return tuple(rows)


# babel territories that are not countries a leader speaks for
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "XK"})


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    by_name: dict[str, Country] = {}
    by_adj: dict[str, Country] = {}
    by_city: dict[str, Country] = {}
    for c in countries():
        for n in (c.name, *c.aliases):
            by_name.setdefault(n.lower(), c)
        for d in c.demonyms:
            by_adj.setdefault(d.lower(), c)
        for city in c.cities:
            by_city.setdefault(city.lower(), c)
    return by_name, by_adj, by_city


def country_named(text: str) -> Country | None:
    """'Japan', 'the US', "South Korea's" -> Country."""
    key = re.sub(r"['’]s$", "", text.strip()).lower()
    key = key[4:] if key.startswith("the ") else key
    return _indexes()[0].get(key)


def country_of_adjective(text: str) -> Country | None:
    """'Japanese', 'South Korean', 'US' -> Country."""
    key = text.strip().lower()
    return _indexes()[1].get(key) or _indexes()[0].get(key)


def country_of_city(city: str) -> Country | None:
    return _indexes()[2].get(city.strip().lower())


def place(name: str) -> tuple[str, str] | None:
    """(place, country) for a city, a venue or a country ('Tokyo', 'the Kremlin',
    'Barbados'), else None."""
    key = name.strip()
    city = country_of_city(key)
    if city:
        return next(c for c in city.cities if c.lower() == key.lower()), city.name
    venue = _venues().get(re.sub(r"^the\s+", "", key, flags=re.I).lower())
    if venue:
        return venue
    country = country_named(key)
    if country:
        return country.name, country.name
    return None


@lru_cache(maxsize=1)
def _venues() -> dict[str, tuple[str, str]]:
    table = lexicon.table("places", "venues")
    return {k.lower(): tuple(x.strip() for x in v.split("|")) for k, v in table.items()}


@lru_cache(maxsize=1)
def _venue_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b({lexicon.alternation(list(lexicon.table('places', 'venues')))})\b",
                      re.I)


def venue_in(text: str) -> tuple[str, str] | None:
    """The city and country of the first venue named in *text* ('at the Kremlin')."""
    m = _venue_pattern().search(text)
    return _venues()[" ".join(m[1].split()).lower()] if m else None


def is_capital(city: str) -> bool:
    c = country_of_city(city)
    return bool(c and c.capital.lower() == city.strip().lower())


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every country name, alias, demonym and city (lower case)."""
    by_name, by_adj, by_city = _indexes()
    return frozenset(by_name) | frozenset(by_adj) | frozenset(by_city)


@lru_cache(maxsize=1)
def place_pattern() -> re.Pattern[str]:
    """Matches any country name, alias, demonym or city as whole words."""
    alts = trie_alternation(place_words())
    return re.compile(rf"(?<![\w.])(?:the\s+)?({alts})(?:['’]s)?(?![\w])", re.IGNORECASE)


def trie_alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words* shaped as a trie ('Niger|Nigeria' ->
    'Niger(?:ia)?'): see :func:`lexicon.alternation`."""
    return lexicon.alternation(words)


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{title_alternation()})\b", re.IGNORECASE)


def canonical_title(text: str) -> str:
    """'prime minister' -> 'Prime Minister'; 'PM' -> 'Prime Minister'; a portfolio title is
    kept as written."""
    key = " ".join(text.split()).lower()
    if key in TITLE_ALIASES:
        return TITLE_ALIASES[key]
    for t in TITLES:
        if t.lower() == key:
            return t
    small = ("of", "for", "and", "the")
    return " ".join(w if w.lower() in small else w[:1].upper() + w[1:]
                    for w in " ".join(text.split()).split())
