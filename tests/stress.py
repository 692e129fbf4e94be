"""Stress briefings: test data at the edges of what templates must handle.

Each function returns a fresh, validated :class:`briefgen.model.Briefing`:

* :func:`empty` -- a title and nothing else;
* :func:`large` -- 10 participants, 12 topics of 6 points (with talking points,
  if-raised points and risks), 30 figures, 20 quotes, long Markdown;
* :func:`non_latin` -- names and text in Japanese, Korean, Chinese, Arabic,
  Hebrew, Thai and Hindi, mixed with English, digits and punctuation;
* :func:`g7` -- a summit of 12 leaders with a title over 255 characters.

All names and events are invented.  ``STRESS`` maps a name to each function
(for ``pytest.mark.parametrize``); use ``.model_dump(mode="json")`` where plain
data is wanted.
"""

from __future__ import annotations

import datetime as dt

from briefgen.model import Briefing

CATEGORIES = ("security", "trade", "economy", "history", "technology", "energy",
              "climate", "people", "regional", "politics", "other", "security")


def empty() -> Briefing:
    """Only a title: every section of every template has nothing to show."""
    return Briefing.model_validate({"title": "Call with the Foreign Minister of Norway"})


# --------------------------------------------------------------------------- large

_LONG_SUMMARY = """\
The Minister meets her counterpart at a moment when **both governments need a visible
result**: ours before the budget, theirs before the regional elections in March.

Three things matter most:

1. A *credible* timetable for the port-security agreement, with officials meeting monthly.
2. Agreement that the energy-transition fund stays **open to third countries**.
3. No public linkage between the fisheries dispute and the trade talks.

Things to avoid:

- Commenting on the coalition talks in the capital;
- Any figure for the fund before the finance ministers meet;
- Repeating the phrase "strategic pause", which the press has attached to last year's freeze.

> The counterpart's office asked that the joint statement be *short*.

Officials have prepared a fallback text (`JS-2026-04`) should the agreed language unravel.
"""

_LONG_BIO = """\
**Career.** Trained as an economist; ten years at the central bank, then deputy governor
before entering parliament in 2014. Chaired the finance committee through two budget crises.

*Politics.* Leads the reformist wing of the governing party; close to the prime minister
but publicly critical of the defence budget.

- Languages: English, French, some Spanish
- Prior contacts: met our Minister at the 2024 ministerial; *cordial* but guarded
- Interests: sailing, contemporary poetry

Known to prefer **short meetings with a clear ask**; dislikes being read talking points.
"""

_SURNAMES = ("Halvorsen", "Okafor", "Marchetti", "Lindqvist", "Ferreira", "Castellanos",
             "Nakamura", "Rahimi", "Dubois", "Novak")
_GIVEN = ("Ingrid", "Chidi", "Paola", "Erik", "Ana", "Mateo", "Haruto", "Leila", "Camille", "Tomas")
_TITLES = ("Minister of Foreign Affairs", "Minister of Trade", "Ambassador",
           "Deputy Minister for Europe", "Director-General for Economic Affairs",
           "Chief of Staff", "Head of the Energy Department", "Legal Adviser",
           "Interpreter", "Notetaker")
_ROLES = ("host", "guest", "delegation", "delegation", "delegation", "delegation",
          "delegation", "delegation", "interpreter", "notetaker")

_TOPIC_TITLES = ("Port security agreement", "Trade in critical minerals", "Budget support and debt",
                 "Wartime archives and apologies", "Undersea cables and data", "Energy-transition fund",
                 "Climate finance before the summit", "Student visas and mobility",
                 "The neighbouring conflict", "Coalition politics and the elections",
                 "Consular cases", "Joint exercises in the north")


def _topic(index: int) -> dict:
    title = _TOPIC_TITLES[index]
    subject = title.lower()
    return {
        "category": CATEGORIES[index],
        "title": title,
        "summary": (f"On **{subject}**, officials have narrowed the gap since the spring but "
                    f"three questions remain open. The counterpart wants *visible progress* "
                    f"before March; we want a text both parliaments can ratify.\n\n"
                    f"- Question one: scope and timing\n- Question two: who pays\n"
                    f"- Question three: how the public is told"),
        "points": [
            f"Officials met four times on {subject} since April; the last round ended without a text.",
            f"The counterpart's parliament must approve any agreement on {subject} by a two-thirds vote.",
            f"Industry on both sides supports a deal on {subject} but wants a transition period of **three years**.",
            f"Two regional partners have asked to join talks on {subject} once a framework exists.",
            f"Press coverage of {subject} has been critical since the leak of a draft in June.",
            f"A review clause on {subject} after five years is acceptable to both legal services.",
        ],
        "talking_points": [
            f"Welcome the progress officials have made on {subject} since the spring.",
            f"Propose that negotiators on {subject} meet monthly until the summit.",
            f"Reaffirm that any outcome on {subject} must be **ratifiable** by both parliaments.",
            f"Suggest a joint line for the press on {subject} after the meeting.",
        ],
        "if_raised": [
            f"On the leaked draft on {subject}: it was an early working text and does not reflect our position.",
            f"On third-country participation in {subject}: open in principle, once the framework is agreed.",
            f"On a deadline for {subject}: we prefer a good text to a fast one.",
        ],
        "risks": [
            f"The counterpart may present a new text on {subject} and ask for an answer on the spot.",
            f"Opposition parties may use {subject} against the government before the March elections.",
        ],
    }


def large() -> Briefing:
    """A briefing much bigger than any real one: page budgets must still hold."""
    participants = [
        {"name": f"{_GIVEN[i]} {_SURNAMES[i]}", "title": _TITLES[i],
         "country": "Norway" if i % 2 == 0 else "Nigeria", "role": _ROLES[i],
         "side": "Norway" if i % 2 == 0 else "Nigeria", "bio": _LONG_BIO}
        for i in range(10)
    ]
    figures = [
        {"value": 1000 * (i + 1) + 7 * i, "unit": ("tonnes", "jobs", "million USD", "percent", "students")[i % 5],
         "text": f"Figure {i + 1}: {('exports of critical minerals', 'jobs in the port sector', 'budget support pledged', 'share of trade carried by sea', 'students on exchange')[i % 5]} in {2010 + i}",
         "category": CATEGORIES[i % 12]}
        for i in range(30)
    ]
    quotes = [
        {"speaker": participants[i % 2]["name"],
         "text": (f"We have said it before and we say it again, for the {i + 1}th time: partnership "
                  f"is built on \"trust\" and on results people can see, not on communiqués."),
         "occasion": f"press conference, round {i + 1}", "date": dt.date(2026, 1, 1 + i).isoformat()}
        for i in range(20)
    ]
    data = {
        "title": "Your meeting with Foreign Minister Chidi Okafor, Oslo, 12–14 February 2026",
        "summary": _LONG_SUMMARY,
        "notes": _LONG_SUMMARY,
        "meeting": {"kind": "bilateral", "date": "2026-02-12", "end_date": "2026-02-14",
                    "time": "10:00–11:30", "location": "Oslo", "venue": "Ministry of Foreign Affairs",
                    "host_country": "Norway", "press": "Closed; joint press statement afterwards"},
        "participants": participants,
        "mentioned": [{"name": "Astrid Berg", "title": "Prime Minister", "country": "Norway",
                       "bio": "Leads a **minority** coalition since 2025."}],
        "objectives": [f"To secure agreement on item {i + 1} of the **joint work plan**, "
                       f"with a date for officials to report back." for i in range(6)],
        "counterpart_objectives": [f"Obtain *public* support for the counterpart's position on "
                                   f"issue {i + 1} before the elections." for i in range(5)],
        "topics": [_topic(i) for i in range(12)],
        "quotes": quotes,
        "figures": figures,
        "commitments": [{"text": f"Officials to report on work-plan item {i + 1} by the summit",
                         "parties": ["Norway", "Nigeria"], "category": CATEGORIES[i],
                         "deadline": "2026-06-30"} for i in range(8)],
        "next_steps": [{"text": f"Working-group meeting {i + 1}", "date": dt.date(2026, 3 + i, 10).isoformat(),
                        "location": ("Oslo", "Abuja")[i % 2]} for i in range(6)],
        "sources": [{"id": f"s{i + 1}", "title": f"Cable {i + 1} on the work plan", "publisher": "Embassy Abuja",
                     "published": "2026-01-20", "accessed": "2026-01-21"} for i in range(5)],
        "routing": {"to": "The Minister", "through": "The Secretary-General",
                    "from_office": "Africa Department", "from_name": "Director, Africa Department",
                    "drafter": {"name": "L. Andersen", "office": "Africa Department", "phone": "+47 23 95 00 00"},
                    "clearances": [{"office": f"Department {c}", "name": f"{c}. Olsen", "status": "cleared"}
                                   for c in "ABCDEF"],
                    "approver": "Director, Africa Department", "deadline": "2026-02-10"},
        "marking": {"classification": "", "caveats": "", "portion_marks": None},
    }
    return Briefing.model_validate(data)


# ----------------------------------------------------------------------- non-Latin

_NATIVE = (
    # name, native name, title, country, a sentence in the person's language
    ("Midori Tanaka", "田中みどり", "Minister for Foreign Affairs", "Japan",
     "両国は、海洋の安全保障について緊密に連携することを確認した。"),
    ("Kim Min-jun", "김민준", "Minister of Foreign Affairs", "South Korea",
     "양국은 청년 교류를 두 배로 늘리기로 합의했습니다."),
    ("Wang Lihua", "王立华", "Vice Minister of Commerce", "China",
     "双方同意在清洁能源和气候变化领域加强合作。"),
    ("Chen Chih-ming", "陳志明", "Trade Representative", "Taiwan",
     "我們希望在半導體供應鏈方面深化合作。"),
    ("Layla Haddad", "ليلى حداد", "Minister of State for Foreign Affairs", "Jordan",
     "أكد الجانبان أهمية تعزيز التعاون الاقتصادي بين البلدين (٢٠٢٥–٢٠٣٠)."),
    ("Noa Levi", "נועה לוי", "Director-General, Ministry of Economy", "Israel",
     "שני הצדדים הסכימו להמשיך את השיחות בחודש הבא, בתל אביב."),
    ("Somchai Jaidee", "สมชาย ใจดี", "Deputy Minister of Commerce", "Thailand",
     "ทั้งสองฝ่ายตกลงที่จะขยายความร่วมมือด้านการค้าและการท่องเที่ยว"),
    ("Ananya Sharma", "अनन्या शर्मा", "Secretary (East)", "India",
     "दोनों पक्षों ने व्यापार और रक्षा सहयोग बढ़ाने पर सहमति व्यक्त की।"),
)


def non_latin() -> Briefing:
    """Every script the issue names, in names, bios, topics, quotes and figures."""
    participants = [
        {"name": name, "native_name": native, "title": title, "country": country,
         "role": "host" if i == 0 else "guest", "side": country,
         "bio": f"**{native}** — {sentence}\n\n{sentence}"}
        for i, (name, native, title, country, sentence) in enumerate(_NATIVE)
    ]
    topics = [
        {"category": "regional", "title": "海洋安全保障と地域協力",
         "summary": "日本と韓国は、**北朝鮮**のミサイル発射について情報を共有している。",
         "points": ["両国の防衛当局は、年に二回会合を開いている。", "次回の会合は東京で開かれる。"],
         "talking_points": ["情報共有の強化を提案する。"], "if_raised": [], "risks": []},
        {"category": "people", "title": "청년 교류와 인적 교류",
         "summary": "양국 정부는 워킹홀리데이 인원을 늘리는 방안을 검토하고 있습니다.",
         "points": ["작년에 약 3만 명의 청년이 참가했습니다."],
         "talking_points": ["교류 확대를 환영한다고 말씀하십시오."], "if_raised": [], "risks": []},
        {"category": "climate", "title": "气候变化与清洁能源",
         "summary": "双方计划在年底前签署一份关于**可再生能源**的谅解备忘录。",
         "points": ["中方希望扩大太阳能设备出口。"], "talking_points": [], "if_raised": [], "risks": []},
        {"category": "economy", "title": "التعاون الاقتصادي والاستثمار",
         "summary": "يسعى الجانب الأردني إلى جذب **استثمارات جديدة** في قطاع الطاقة المتجددة، "
                    "ويأمل في توقيع اتفاقية قبل نهاية العام.",
         "points": ["بلغ حجم التبادل التجاري ١٫٢ مليار دولار في عام ٢٠٢٤.",
                    "تريد الوزيرة حداد مناقشة ممر النقل الإقليمي (المرحلة الأولى)."],
         "talking_points": ["الترحيب بالتقدم المحرز في المفاوضات."],
         "if_raised": ["بشأن المياه: الحوار الفني مستمر."], "risks": []},
        {"category": "technology", "title": "שיתוף פעולה טכנולוגי",
         "summary": "ישראל מציעה תוכנית משותפת למחקר בתחום הסייבר, בהיקף של 20 מיליון דולר.",
         "points": ["ההסכם הקודם נחתם ב-2019 ופג בשנה שעברה.", "הצד הישראלי מבקש תשובה עד מרץ."],
         "talking_points": ["להביע תמיכה עקרונית בתוכנית."], "if_raised": [], "risks": []},
        {"category": "trade", "title": "การค้าและการท่องเที่ยว",
         "summary": "ไทยต้องการเพิ่มเที่ยวบินตรงและลดขั้นตอนการขอวีซ่า",
         "points": ["นักท่องเที่ยวเพิ่มขึ้นร้อยละ 12 ในปีที่แล้ว"], "talking_points": [],
         "if_raised": [], "risks": []},
        {"category": "security", "title": "रक्षा सहयोग",
         "summary": "भारत संयुक्त नौसैनिक अभ्यास को **हर वर्ष** आयोजित करना चाहता है।",
         "points": ["पिछला अभ्यास बंगाल की खाड़ी में हुआ था।"],
         "talking_points": ["अभ्यास के विस्तार का स्वागत करें।"], "if_raised": [], "risks": []},
    ]
    quotes = [{"speaker": f"{name} ({native})", "text": sentence, "occasion": "press conference",
               "date": "2026-05-20"} for name, native, _title, _country, sentence in _NATIVE]
    data = {
        "title": "Seven-capital consultations: 東京 · 서울 · 北京 · عمّان · תל אביב · กรุงเทพฯ · नई दिल्ली",
        "summary": ("Consultations with seven partners on one day. Each delegation will open in its own "
                    "language; the phrases below are theirs.\n\n"
                    + "\n".join(f"- {s}" for *_rest, s in _NATIVE)),
        "meeting": {"kind": "multilateral", "date": "2026-05-20", "location": "Singapore",
                    "venue": "Shangri-La Hotel", "host_country": "Singapore"},
        "participants": participants,
        "objectives": ["To hear each partner's priorities in their own words: 优先事项, الأولويات, עדיפויות."],
        "counterpart_objectives": ["أن يحصلوا على دعم علني لخطة النقل الإقليمي."],
        "topics": topics,
        "quotes": quotes,
        "figures": [
            {"value": 1.2, "unit": "مليار دولار", "text": "حجم التبادل التجاري في عام ٢٠٢٤", "category": "trade"},
            {"value": 20, "unit": "מיליון דולר", "text": "היקף תוכנית המחקר המוצעת", "category": "technology"},
            {"value": 30000, "unit": "명", "text": "작년 워킹홀리데이 참가자 수", "category": "people"},
            {"value": 12, "unit": "ร้อยละ", "text": "การเติบโตของนักท่องเที่ยว", "category": "trade"},
        ],
        "commitments": [{"text": "双方同意在年底前签署谅解备忘录。", "parties": ["China", "Singapore"]},
                        {"text": "הצדדים יתכנסו שוב בחודש הבא.", "parties": ["Israel", "Singapore"]}],
        "next_steps": [{"text": "اجتماع اللجنة المشتركة", "date": "2026-07-01", "location": "عمّان"}],
        "routing": {"to": "The Minister", "from_office": "Asia and Middle East Division",
                    "drafter": {"name": "R. Tan", "office": "Asia Division", "phone": "+65 6379 8000"}},
    }
    return Briefing.model_validate(data)


# ----------------------------------------------------------------------------- G7

_LEADERS = (
    ("Claire Morel", "President", "France"), ("Jonas Richter", "Chancellor", "Germany"),
    ("Giulia Ferri", "Prime Minister", "Italy"), ("Kenji Aoyama", "Prime Minister", "Japan"),
    ("Fiona Macrae", "Prime Minister", "United Kingdom"), ("Daniel Whitfield", "President", "United States"),
    ("Marc Tremblay", "Prime Minister", "Canada"), ("Sofie Jansen", "President of the European Commission", "European Union"),
    ("Pieter Claes", "President of the European Council", "European Union"),
    ("Rohan Mehta", "Prime Minister", "India"), ("Lucas Almeida", "President", "Brazil"),
    ("Thandi Nkosi", "President", "South Africa"),
)

_G7_TOPICS = (
    ("security", "Support for Ukraine and European security"), ("economy", "Global economic outlook and debt"),
    ("trade", "Economic security and supply chains"), ("technology", "Artificial intelligence governance"),
    ("energy", "Energy security and critical minerals"), ("climate", "Climate finance and adaptation"),
    ("regional", "Indo-Pacific and the Middle East"), ("people", "Migration and smuggling networks"),
)


def g7() -> Briefing:
    """A leaders' summit: 12 leaders, 8 sessions, a title over 255 characters."""
    participants = [
        {"name": name, "title": title, "country": country,
         "role": "host" if country == "Canada" else "guest", "side": country,
         "bio": f"{title} of {country} since 2024. Attends the summit with a delegation of "
                f"**{8 + i}** officials; expected to speak on sessions {i % 8 + 1} and {(i + 3) % 8 + 1}."}
        for i, (name, title, country) in enumerate(_LEADERS)
    ]
    title = ("Your participation in the G7 Leaders' Summit with the leaders of France, Germany, Italy, "
             "Japan, the United Kingdom, the United States and the European Union, and the invited "
             "leaders of India, Brazil and South Africa, Kananaskis, Alberta, Canada, 15–17 June 2026: "
             "sessions on Ukraine, the economy, supply chains, AI, energy, climate and migration")
    assert len(title) > 255
    data = {
        "title": title,
        "summary": ("The summit will be judged on **three** outcomes: a united line on Ukraine, "
                    "a critical-minerals action plan and an AI statement the invited leaders can sign."),
        "meeting": {"kind": "summit", "date": "2026-06-15", "end_date": "2026-06-17", "time": "09:00",
                    "location": "Kananaskis", "venue": "Kananaskis Mountain Lodge", "host_country": "Canada",
                    "press": "Family photo; host's closing press conference; leaders' statement"},
        "participants": participants,
        "objectives": [f"To secure {what} in the leaders' statement." for what in
                       ("language on Ukraine's reconstruction", "a critical-minerals action plan",
                        "a common approach to AI safety", "a date for the next finance ministers' meeting")],
        "counterpart_objectives": [f"{country}: {aim}." for country, aim in (
            ("India", "recognition of the Global South's debt burden"),
            ("Brazil", "climate finance commitments before COP31"),
            ("South Africa", "support for African critical-minerals processing"))],
        "topics": [{"category": category, "title": topic_title,
                    "summary": f"Session {i + 1}: {topic_title}. Leaders speak in protocol order.",
                    "points": [f"{_LEADERS[(i + k) % 12][2]} will open on {topic_title.lower()}." for k in range(4)],
                    "talking_points": [f"Support the host's draft on {topic_title.lower()}."],
                    "if_raised": [f"On funding for {topic_title.lower()}: finance ministers will report."],
                    "risks": [f"Disagreement on {topic_title.lower()} could leave the statement without it."]}
                   for i, (category, topic_title) in enumerate(_G7_TOPICS)],
        "quotes": [{"speaker": _LEADERS[i][0], "text": f"The G7 must show it can still deliver on {t.lower()}.",
                    "occasion": "pre-summit interview", "date": "2026-06-10"}
                   for i, (_c, t) in enumerate(_G7_TOPICS)],
        "figures": [{"value": 44, "unit": "percent", "text": "G7 share of world GDP at market rates",
                     "category": "economy"},
                    {"value": 10, "unit": "leaders", "text": "Leaders in the family photo, with invited guests"}],
        "commitments": [{"text": "Adopt a critical-minerals action plan", "parties": ["G7"]}],
        "next_steps": [{"text": "G7 finance ministers' meeting", "date": "2026-09-20", "location": "Toronto"}],
        "routing": {"to": "The Prime Minister", "from_office": "G7 Sherpa Team", "from_name": "The Sherpa"},
        "marking": {"classification": "", "caveats": "", "portion_marks": None},
    }
    return Briefing.model_validate(data)


STRESS = {"empty": empty, "large": large, "non_latin": non_latin, "g7": g7}
