"""kg.citations: one reference entry in the common styles, BibTeX, author lists.

Every entry here is invented; the expected fields were checked by hand.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.citations import (
    Citation,
    looks_scholarly,
    parse_bibtex,
    parse_citation,
    split_author_list,
)

KINDS = {"article", "proceedings", "thesis", "book", "report", "preprint", "news", "web", "other"}
STYLES = {"apa", "ieee", "acm", "chicago", "mla", "harvard", "vancouver", "science", "ams",
          "copernicus", "bibtex", "unknown"}


def C(
    title: str, authors: tuple[str, ...], date: str | None, venue: str | None, kind: str,
    style: str, *, identifiers: tuple[str, ...] = (), complete: bool = True,
    equal: tuple[int, ...] = (), marked: tuple[int, ...] = (),
) -> Citation:
    """An expected citation; ``year`` follows from ``date``."""
    year = int(date[:4]) if date else None
    return Citation(title=title, authors=authors, year=year, date=date, venue=venue,
                    identifiers=identifiers, complete=complete, equal=equal, marked=marked,
                    kind=kind, style=style)


def check(text: str, expected: Citation) -> None:
    got = parse_citation(text)
    assert got == expected, f"\n{text}\n got: {got}\nwant: {expected}"


# --------------------------------------------------------------------------------------------
# APA

APA = [
    (
        "Doe, J. A., Smith, B., & Lee, C. (2019). Title of the work: A subtitle. Journal of "
        "Things, 12(3), 45–67. https://doi.org/10.1000/abc",
        C("Title of the work: A subtitle", ("J. A. Doe", "B. Smith", "C. Lee"), "2019",
          "Journal of Things", "article", "apa", identifiers=("doi:10.1000/abc",)),
    ),
    (
        "Roe, A. (2021, June 3). Widgets are everywhere now. The Daily Widget. "
        "https://example.com/widgets",
        C("Widgets are everywhere now", ("A. Roe",), "2021-06-03", "The Daily Widget", "news",
          "apa"),
    ),
    (
        "Doe, J. (2019, September). Monthly widgets. Widget Monthly, 4(9), 12–13.",
        C("Monthly widgets", ("J. Doe",), "2019-09", "Widget Monthly", "article", "apa"),
    ),
    (
        "Poe, B., & Xu, W. (in press). Learning from small data. Annals of Widget Science.",
        C("Learning from small data", ("B. Poe", "W. Xu"), None, "Annals of Widget Science",
          "article", "apa"),
    ),
    (
        "Widget Council. (n.d.). Guidelines for widget safety. Retrieved from "
        "https://example.org/guide",
        C("Guidelines for widget safety", ("Widget Council",), None, None, "web", "apa"),
    ),
    (
        "Park, J.-W., García Márquez, G., & Çelik, Ú. (2017). Hyphens everywhere [Doctoral "
        "dissertation, University of Widgetry]. Archive of Theses.",
        C("Hyphens everywhere", ("J.-W. Park", "G. García Márquez", "Ú. Çelik"), "2017",
          "Doctoral dissertation, University of Widgetry", "thesis", "apa"),
    ),
    (
        "Doe, J., & Roe, A. (2019). A method for widgets. In B. Editor & C. Editor (Eds.), "
        "Handbook of widgets (pp. 45–67). Widget Press.",
        C("A method for widgets", ("J. Doe", "A. Roe"), "2019", "Handbook of widgets", "book",
          "apa"),
    ),
    (
        "Doe, J. (2010). *Widget theory* (2nd ed.). Widget Press.",
        C("Widget theory", ("J. Doe",), "2010", "Widget Press", "book", "apa"),
    ),
    (
        "Doe, J., & Roe, A. (2017). Widget theory. In Proceedings of the Widget Symposium "
        "(pp. 12–20). Widget Press.",
        C("Widget theory", ("J. Doe", "A. Roe"), "2017", "Proceedings of the Widget Symposium",
          "proceedings", "apa"),
    ),
    (
        "Doe, J., Roe, A., Poe, B., Zed, C., . . . Lee, K. (2020). Many authors wrote this. "
        "Journal of Crowds, 1(1), 1–2.",
        C("Many authors wrote this", ("J. Doe", "A. Roe", "B. Poe", "C. Zed", "K. Lee"), "2020",
          "Journal of Crowds", "article", "apa", complete=False),
    ),
    (
        "**Doe, J.**, Roe, A., et al. (2018). Bold APA subject. Journal of Bold, 3(1), 1–4.",
        C("Bold APA subject", ("J. Doe", "A. Roe"), "2018", "Journal of Bold", "article", "apa",
          complete=False, marked=(0,)),
    ),
    (
        "<strong>Doe, J.</strong>, & Roe, A.* (2020). Bold claims. Journal of Claims, 5(2), "
        "10–20.",
        C("Bold claims", ("J. Doe", "A. Roe"), "2020", "Journal of Claims", "article", "apa",
          marked=(0,), equal=(1,)),
    ),
    (
        "Doe, J. (2019). k-means for widgets. *Journal of Clusters*, *2*(1), 1–9.",
        C("k-means for widgets", ("J. Doe",), "2019", "Journal of Clusters", "article", "apa"),
    ),
    (
        "Doe, J. (2019). Widgets vs. gadgets: A comparison. Journal of Things, 1, 1–2.",
        C("Widgets vs. gadgets: A comparison", ("J. Doe",), "2019", "Journal of Things",
          "article", "apa"),
    ),
    (
        "Doe, J., & Roe, A. (2021). Deep widgets. arXiv preprint arXiv:2104.01234.",
        C("Deep widgets", ("J. Doe", "A. Roe"), "2021", "arXiv", "preprint", "apa",
          identifiers=("arXiv:2104.01234",)),
    ),
    (
        "Moreau, L. (2018). Widget ethics: A primer (Doctoral dissertation). University of "
        "Somewhere, Somewhere.",
        C("Widget ethics: A primer", ("L. Moreau",), "2018", "University of Somewhere, Somewhere",
          "thesis", "apa"),
    ),
    (
        "Doe, J. (2012). Widget report (Report No. 12). Widget Institute.",
        C("Widget report", ("J. Doe",), "2012", "Widget Institute", "report", "apa"),
    ),
]

APA_NAMES = [
    (
        "Fuente, M. de la, Ortiz, J., & Kim, S. (2014). Particles in names: A study. Review of "
        "Onomastics, 3, 1–20.",
        C("Particles in names: A study", ("M. de la Fuente", "J. Ortiz", "S. Kim"), "2014",
          "Review of Onomastics", "article", "apa"),
    ),
    (
        "van der Berg, A., Ng, A., & Le, Q. (2018). Who gets seen? Measuring bias in panels. "
        "Journal of Panels, 7(2), 101–120. doi:10.1234/jp.2018.7",
        C("Who gets seen? Measuring bias in panels", ("A. van der Berg", "A. Ng", "Q. Le"),
          "2018", "Journal of Panels", "article", "apa", identifiers=("doi:10.1234/jp.2018.7",)),
    ),
    (
        "Echeverría de la Torre, M. de las N., dos Santos, R., & Łukasiewicz, Ø. (2020). Who "
        "gets seen? Journal of Panels, 9(1), 1–10.",
        C("Who gets seen?", ("M. de las N. Echeverría de la Torre", "R. dos Santos",
                             "Ø. Łukasiewicz"), "2020", "Journal of Panels", "article", "apa"),
    ),
    (
        "Wu, Y., Li, Z., & Le, T. (2021). Two-letter surnames. Journal of Short Names, 1(1), "
        "1–2.",
        C("Two-letter surnames", ("Y. Wu", "Z. Li", "T. Le"), "2021", "Journal of Short Names",
          "article", "apa"),
    ),
    (
        "O'Neil, C., & D'Angelo, M. (2016). Apostrophes in names. Journal of Marks, 4, 5–6.",
        C("Apostrophes in names", ("C. O'Neil", "M. D'Angelo"), "2016", "Journal of Marks",
          "article", "apa"),
    ),
    (
        "bin Salman, A., & al-Farsi, H. (2019). Particles bin and al. Journal of Particles, 5, "
        "6–7.",
        C("Particles bin and al", ("A. bin Salman", "H. al-Farsi"), "2019",
          "Journal of Particles", "article", "apa"),
    ),
    (
        "Smith-Jones, A., & Müller-Lüdenscheidt, K. (2011). Hyphenated surnames. Journal of "
        "Hyphens, 2(2), 3–4.",
        C("Hyphenated surnames", ("A. Smith-Jones", "K. Müller-Lüdenscheidt"), "2011",
          "Journal of Hyphens", "article", "apa"),
    ),
    (
        "Jane Doe (2019). A direct-name APA entry. Journal of Things, 1, 2–3.",
        C("A direct-name APA entry", ("Jane Doe",), "2019", "Journal of Things", "article",
          "apa"),
    ),
]

HARVARD = [
    (
        "Doe, J. and Smith, B. (2019) 'Title of the work', Journal of Things, 12(3), pp. 45-67.",
        C("Title of the work", ("J. Doe", "B. Smith"), "2019", "Journal of Things", "article",
          "harvard"),
    ),
    (
        "Roe, A., Poe, B. and Lee, C. (2015) ‘Students’ views on widgets’, Widget Education "
        "Review, 4(1), pp. 3–19.",
        C("Students’ views on widgets", ("A. Roe", "B. Poe", "C. Lee"), "2015",
          "Widget Education Review", "article", "harvard"),
    ),
    (
        "Doe, J. (2008) Widget theory for beginners. 2nd edn. Springfield: Widget Press.",
        C("Widget theory for beginners", ("J. Doe",), "2008", "Widget Press", "book",
          "harvard"),
    ),
    (
        "Roe, A. (2018) 'Chapter on widgets', in Doe, J. (ed.) Widget Handbook. Springfield: "
        "Widget Press, pp. 10–20.",
        C("Chapter on widgets", ("A. Roe",), "2018", "Widget Handbook", "book", "harvard"),
    ),
    (
        "Doe, J. et al. (2019) 'Widgets, again', Widget Journal, 1(1), pp. 1–2.",
        C("Widgets, again", ("J. Doe",), "2019", "Widget Journal", "article", "harvard",
          complete=False),
    ),
]

# --------------------------------------------------------------------------------------------
# IEEE

IEEE = [
    (
        'A. B. Smith, C. Jones, and D. Lee, "Title of paper," in Proc. IEEE Conf. Comput. Vis. '
        "Pattern Recognit. (CVPR), 2019, pp. 1–9.",
        C("Title of paper", ("A. B. Smith", "C. Jones", "D. Lee"), "2019",
          "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)", "proceedings", "ieee"),
    ),
    (
        '[12] A. Roe and J.-W. Park, "Sparse widgets for dense problems," IEEE Trans. Widget '
        "Anal., vol. 4, no. 2, pp. 1–9, Sep. 2022, doi: 10.1109/TWA.2022.123456.",
        C("Sparse widgets for dense problems", ("A. Roe", "J.-W. Park"), "2022-09",
          "IEEE Trans. Widget Anal.", "article", "ieee",
          identifiers=("doi:10.1109/TWA.2022.123456",)),
    ),
    (
        '3. A. Smith, "Widget dynamics in closed systems," Ph.D. dissertation, Dept. Mech. '
        "Eng., Univ. Widgetton, Springfield, 2012.",
        C("Widget dynamics in closed systems", ("A. Smith",), "2012",
          "Ph.D. dissertation, Dept. Mech. Eng., Univ. Widgetton, Springfield", "thesis",
          "ieee"),
    ),
    (
        'M. Roe, “Tiny widgets,” M.S. thesis, Dept. Widget Eng., Univ. Springfield, 2016.',
        C("Tiny widgets", ("M. Roe",), "2016", "M.S. thesis, Dept. Widget Eng., Univ. "
          "Springfield", "thesis", "ieee"),
    ),
    (
        'A. Smith et al., "Deep widgets," arXiv:2104.01234v2, 2021.',
        C("Deep widgets", ("A. Smith",), "2021", "arXiv", "preprint", "ieee",
          identifiers=("arXiv:2104.01234",), complete=False),
    ),
    (
        "Ł. Nowak, W. Xu, and Q. Le, “Who gets seen? Measuring bias,” in Proc. Int. Workshop "
        "Fairness, 2020, pp. 11–19.",
        C("Who gets seen? Measuring bias", ("Ł. Nowak", "W. Xu", "Q. Le"), "2020",
          "Proc. Int. Workshop Fairness", "proceedings", "ieee"),
    ),
    (
        'J. Smith, Jr. and A. Lee, "Suffixes again," in Proc. Conf. Names, 2012, pp. 3–4.',
        C("Suffixes again", ("J. Smith Jr.", "A. Lee"), "2012", "Proc. Conf. Names",
          "proceedings", "ieee"),
    ),
    (
        "A. Roe, B. Poe, and C. Zed, “Widgets at scale,” *Widget Syst. Rev.*, vol. 9, no. 4, "
        "pp. 100–120, Dec. 2018, doi: 10.5555/wsr.2018.9.",
        C("Widgets at scale", ("A. Roe", "B. Poe", "C. Zed"), "2018-12", "Widget Syst. Rev.",
          "article", "ieee", identifiers=("doi:10.5555/wsr.2018.9",)),
    ),
    (
        'W. Xu and J. Doe, "On ‘small’ widgets," IEEE Widget Lett., vol. 3, pp. 7–9, '
        "Jan. 2021.",
        C("On ‘small’ widgets", ("W. Xu", "J. Doe"), "2021-01", "IEEE Widget Lett.", "article",
          "ieee"),
    ),
    (
        "A. Smith, *Widget Theory*, 2nd ed. Springfield: Widget Press, 2010.",
        C("Widget Theory", ("A. Smith",), "2010", "Widget Press", "book", "ieee"),
    ),
    (
        'J. Doe and A. Roe, "A tech report on widgets," Widget Lab., Springfield, Tech. Rep. '
        "WL-TR-12, 2013.",
        C("A tech report on widgets", ("J. Doe", "A. Roe"), "2013",
          "Widget Lab., Springfield, Tech. Rep. WL-TR-12", "report", "ieee"),
    ),
    (
        'P. Okafor, L. Moreau, K. Tanaka, "Widget graphs," Phys. Rev. Lett. 120, 123456 (2018).',
        C("Widget graphs", ("P. Okafor", "L. Moreau", "K. Tanaka"), "2018", "Phys. Rev. Lett.",
          "article", "ieee"),
    ),
    (
        'J. Doe, "Widget timing," in Proc. Widget Conf., Springfield, USA, Jun. 3–5, 2019, '
        "pp. 1–4.",
        C("Widget timing", ("J. Doe",), "2019-06-03", "Proc. Widget Conf., Springfield, USA",
          "proceedings", "ieee"),
    ),
]

# --------------------------------------------------------------------------------------------
# ACM

ACM = [
    (
        "Jane Doe, John Smith, and Ana Lee. 2021. Title of the Paper. In Proceedings of the 27th "
        "Conference on Widget Discovery (WD '21). ACM, New York, NY, USA, 1–9. "
        "https://doi.org/10.1145/1234.5678",
        C("Title of the Paper", ("Jane Doe", "John Smith", "Ana Lee"), "2021",
          "Proceedings of the 27th Conference on Widget Discovery (WD '21)", "proceedings",
          "acm", identifiers=("doi:10.1145/1234.5678",)),
    ),
    (
        "Ana Lee and Wei Xu. 2019. Learning to widget. ACM Trans. Graph. 38, 4, Article 12 "
        "(July 2019), 15 pages.",
        C("Learning to widget", ("Ana Lee", "Wei Xu"), "2019-07", "ACM Trans. Graph.",
          "article", "acm"),
    ),
    (
        "Jean-Luc Marceau, Ahmed al-Farsi, and Ludwig van der Berg. 2020. Navigation: A survey. "
        "In Proceedings of the Widget Symposium. 33–41.",
        C("Navigation: A survey", ("Jean-Luc Marceau", "Ahmed al-Farsi", "Ludwig van der Berg"),
          "2020", "Proceedings of the Widget Symposium", "proceedings", "acm"),
    ),
    (
        "Ana Lee and Wei Xu. 2022. Who gets seen? Measuring bias in widget panels. In "
        "Proceedings of the Widget Conference (WC '22). 12–20.",
        C("Who gets seen? Measuring bias in widget panels", ("Ana Lee", "Wei Xu"), "2022",
          "Proceedings of the Widget Conference (WC '22)", "proceedings", "acm"),
    ),
    (
        "T. J. Doe*, A. Roe*, B. Poe. 2020. Equal in ACM. In Proceedings of the Widget "
        "Workshop. ACM, Springfield, 1–4.",
        C("Equal in ACM", ("T. J. Doe", "A. Roe", "B. Poe"), "2020",
          "Proceedings of the Widget Workshop", "proceedings", "acm", equal=(0, 1)),
    ),
    (
        "Kenji Tanaka and Lucie Moreau. 2023. Fast Widgets. Proc. ACM Widg. Lang. 7, WIDG, "
        "Article 42 (October 2023), 25 pages. https://doi.org/10.1145/3622800",
        C("Fast Widgets", ("Kenji Tanaka", "Lucie Moreau"), "2023-10", "Proc. ACM Widg. Lang.",
          "proceedings", "acm", identifiers=("doi:10.1145/3622800",)),
    ),
    (
        "Jane Doe. 2018. Widgets in the Large. Ph.D. Dissertation. University of Widgets.",
        C("Widgets in the Large", ("Jane Doe",), "2018",
          "Ph.D. Dissertation. University of Widgets", "thesis", "acm"),
    ),
]

# --------------------------------------------------------------------------------------------
# Chicago and MLA

CHICAGO = [
    # an edited book: "eds." after the names is no name
    (
        "Doe, Jane, and John Smith, eds. 2018. *Counting Empires: Scales and Science*. "
        "Pittsburgh: Steel City Press.",
        C("Counting Empires: Scales and Science", ("Jane Doe", "John Smith"), "2018",
          "Steel City Press", "book", "chicago"),
    ),
    # a work not yet out has no year
    (
        'Doe, Jane. Forthcoming. "Salt and Time: Clocks at Sea." *Journal of Clocks* 41.',
        C("Salt and Time: Clocks at Sea", ("Jane Doe",), None, "Journal of Clocks", "article",
          "chicago"),
    ),
    (
        'Doe, Jane, and John Smith. "Title of the work." Journal of Things 12, no. 3 (2019): '
        "45–67.",
        C("Title of the work", ("Jane Doe", "John Smith"), "2019", "Journal of Things",
          "article", "chicago"),
    ),
    (
        'Doe, Jane, and John Smith. 2019. "Counting widgets." Journal of Counting 12 (3): '
        "45–67.",
        C("Counting widgets", ("Jane Doe", "John Smith"), "2019", "Journal of Counting",
          "article", "chicago"),
    ),
    (
        "Roe, Anna. Widget Worlds. Springfield: Widget Press, 2015.",
        C("Widget Worlds", ("Anna Roe",), "2015", "Widget Press", "book", "chicago"),
    ),
    (
        'Smith, John, Jr., and Ann Lee. "Suffixes matter." Journal of Names 3, no. 1 (2011): '
        "1–9.",
        C("Suffixes matter", ("John Smith Jr.", "Ann Lee"), "2011", "Journal of Names",
          "article", "chicago"),
    ),
    (
        "Doe, Jane, and Ann Lee. Widget Theory. Springfield: Widget Press, 2010.",
        C("Widget Theory", ("Jane Doe", "Ann Lee"), "2010", "Widget Press", "book", "chicago"),
    ),
]

MLA = [
    (
        'Doe, Jane, et al. "Widgets in the wild." Journal of Widget Studies, 2019.',
        C("Widgets in the wild", ("Jane Doe",), "2019", "Journal of Widget Studies", "article",
          "mla", complete=False),
    ),
    (
        'Roe, Anna. "Counting gadgets." Journal of Gadgets, vol. 8, no. 2, 2017, pp. 100–115.',
        C("Counting gadgets", ("Anna Roe",), "2017", "Journal of Gadgets", "article", "mla"),
    ),
    (
        'Doe, Jane, and John Smith. "Measuring gadgets." Widget Review, vol. 2, 2018, pp. 1–5.',
        C("Measuring gadgets", ("Jane Doe", "John Smith"), "2018", "Widget Review", "article",
          "mla"),
    ),
    (
        'Doe, Jane. "Widgets: A history." Widget Magazine, 14 June 2017.',
        C("Widgets: A history", ("Jane Doe",), "2017-06-14", "Widget Magazine", "news", "mla"),
    ),
]

# --------------------------------------------------------------------------------------------
# Vancouver

VANCOUVER = [
    (
        "Doe J, Smith AB, Lee C. Title of article. J Widget Res. 2019;12(3):45-67.",
        C("Title of article", ("J. Doe", "A. B. Smith", "C. Lee"), "2019", "J Widget Res",
          "article", "vancouver"),
    ),
    (
        "Ng A, Xu W, Le Q, et al. Small networks for small data. Widget Med J. 2020 Sep 14;"
        "5(2):e101. doi: 10.5555/wmj.2020.101",
        C("Small networks for small data", ("A. Ng", "W. Xu", "Q. Le"), "2020-09-14",
          "Widget Med J", "article", "vancouver", complete=False,
          identifiers=("doi:10.5555/wmj.2020.101",)),
    ),
    (
        "van der Berg A, dos Santos R. Particles in Vancouver style. Onomast Rev. "
        "2016;3:12-19.",
        C("Particles in Vancouver style", ("A. van der Berg", "R. dos Santos"), "2016",
          "Onomast Rev", "article", "vancouver"),
    ),
    (
        "Park J-W, Li X. Hyphenated initials in Vancouver. Widget J. 2018 Mar;4(1):1-5.",
        C("Hyphenated initials in Vancouver", ("J.-W. Park", "X. Li"), "2018-03", "Widget J",
          "article", "vancouver"),
    ),
    (
        "Doe J. Widget surgery. Springfield: Widget Press; 2019.",
        C("Widget surgery", ("J. Doe",), "2019", "Widget Press", "book", "vancouver"),
    ),
    (
        "Doe J, Smith A. Widgets [dissertation]. Springfield: University of Widgets; 2011.",
        C("Widgets", ("J. Doe", "A. Smith"), "2011", "University of Widgets", "thesis",
          "vancouver"),
    ),
    (
        "Moreau L. Widgets. 3rd ed. Somewhere: Widget Press; 2010.",
        C("Widgets", ("L. Moreau",), "2010", "Widget Press", "book", "vancouver"),
    ),
    (
        "1. Doe J, Roe A. Widgets and the N. I. H. budget. Widget Policy. 2014;1:1-3.",
        C("Widgets and the N. I. H. budget", ("J. Doe", "A. Roe"), "2014", "Widget Policy",
          "article", "vancouver"),
    ),
]

# --------------------------------------------------------------------------------------------
# Numbered CV lists with Markdown / HTML

CV = [
    (
        '1. **T. J. Doe**, A. Roe*, and B. Poe*. "Small widgets." *NeurIPS*, 2020.',
        C("Small widgets", ("T. J. Doe", "A. Roe", "B. Poe"), "2020", "NeurIPS", "proceedings",
          "unknown", equal=(1, 2), marked=(0,)),
    ),
    (
        '[C12] A. Roe, **T. J. Doe**, and B. Poe. "Learning with fewer widgets." In *Proc. Int. '
        'Conf. Learn. Represent.*, 2021.',
        C("Learning with fewer widgets", ("A. Roe", "T. J. Doe", "B. Poe"), "2021",
          "Proc. Int. Conf. Learn. Represent.", "proceedings", "unknown", marked=(1,)),
    ),
    (
        "J3. <b>T. J. Doe</b> and A. Roe†. <i>Widgets revisited</i>. Journal of Widgets, 2019.",
        C("Widgets revisited", ("T. J. Doe", "A. Roe"), "2019", "Journal of Widgets",
          "article", "unknown", equal=(1,), marked=(0,)),
    ),
    (
        "- T. Doe, A. Roe. Intriguing properties of small networks. _Workshop on Widgets_, "
        "2014.",
        C("Intriguing properties of small networks", ("T. Doe", "A. Roe"), "2014",
          "Workshop on Widgets", "proceedings", "unknown"),
    ),
    (
        "T. Doe and A. Roe. [Sparse widgets](https://arxiv.org/abs/2104.01234v2). In *Proc. "
        "Widget Conf.*, 2021. [PDF] [Code]",
        C("Sparse widgets", ("T. Doe", "A. Roe"), "2021", "Proc. Widget Conf.", "proceedings",
          "unknown", identifiers=("arXiv:2104.01234",)),
    ),
    (
        "Doe, J., Roe, A. Widget theory. Widget Press, 2015.",
        C("Widget theory", ("J. Doe", "A. Roe"), "2015", "Widget Press", "book", "unknown"),
    ),
    (
        "Moreau, L., Tanaka, K.: Widgets in springer style. Widget Journal 5(2), 100–120 (2017)",
        C("Widgets in springer style", ("L. Moreau", "K. Tanaka"), "2017", "Widget Journal",
          "article", "unknown"),
    ),
    (
        "K. Tanaka, L. Moreau: Widget-based learning. In: Proc. Widget Conf. 2019, vol. 1234, "
        "pp. 1–10. Widget Press (2019)",
        C("Widget-based learning", ("K. Tanaka", "L. Moreau"), "2019", "Proc. Widget Conf.",
          "proceedings", "unknown"),
    ),
    (
        "A. Roe, B. Poe, T. J. Doe. Widget nets. <i>Proc. Widget Conf.</i>, pp. 5–9, 2016.",
        C("Widget nets", ("A. Roe", "B. Poe", "T. J. Doe"), "2016", "Proc. Widget Conf.",
          "proceedings", "unknown"),
    ),
]

# --------------------------------------------------------------------------------------------
# News and web items: parsed, but not scholarly

NEWS = [
    (
        'L. Corvin, "The quiet revolution in widgets," Wired, 3 October 2019.',
        C("The quiet revolution in widgets", ("L. Corvin",), "2019-10-03", "Wired", "news",
          "ieee"),
    ),
    (
        '"Company raises $12 million," TechCrunch, 16 March 2021.',
        C("Company raises $12 million", (), "2021-03-16", "TechCrunch", "news", "unknown"),
    ),
    (
        '"Widget inventor honoured," Springfield Herald, 5 May 2015, p. 3.',
        C("Widget inventor honoured", (), "2015-05-05", "Springfield Herald", "news",
          "unknown"),
    ),
    (
        "Ortiz, J. (2020, September 14). Widget company raises funds. The Widget Times.",
        C("Widget company raises funds", ("J. Ortiz",), "2020-09-14", "The Widget Times",
          "news", "apa"),
    ),
    (
        'J. Doe, "Why widgets fail," Widget Blog, Mar. 5, 2020. [Online]. Available: '
        "https://example.com/post [Accessed: Apr. 1, 2020].",
        C("Why widgets fail", ("J. Doe",), "2020-03-05", "Widget Blog", "web", "ieee"),
    ),
    (
        "Doe, J. (2020, May 1). How to build a widget [Blog post]. Widget Blog. "
        "https://example.com/blog",
        C("How to build a widget", ("J. Doe",), "2020-05-01", "Widget Blog", "web", "apa"),
    ),
]

# Science and Nature: initials first, "et al.", the title ended by a full stop, the year last
SCIENCE = [
    (
        "G. A. Odum *et al.*, Herbivore redundancy predicts reef recovery. *Science* **372**, "
        "612–617 (2021).",
        C("Herbivore redundancy predicts reef recovery", ("G. A. Odum",), "2021", "Science",
          "article", "science", complete=False),
    ),
    (
        "J. Doe, A. B. Roe et al., Small widgets for large rooms. Nature 590, 101–109 (2020).",
        C("Small widgets for large rooms", ("J. Doe", "A. B. Roe"), "2020", "Nature",
          "article", "science", complete=False),
    ),
    (
        "K. Lee, M. Ortiz, P. Ng et al., Quiet solvents for loud reactions. Cell 181, 2201–2209 "
        "(2019).",
        C("Quiet solvents for loud reactions", ("K. Lee", "M. Ortiz", "P. Ng"), "2019", "Cell",
          "article", "science", complete=False),
    ),
]

# --------------------------------------------------------------------------------------------
# The author list ended by a colon: AMS / AGU ("..., 2015: Title.") and Copernicus ("...:
# Title, Journal, 41, ..., 2015.")

COLON = [
    (
        "Roe, J., T. Vale, and M. Castell, 2015: Cloud feedbacks in a warming climate. "
        "J. Climate, 28, 1187-1203, doi:10.1175/JCLI-D-14-00001.1.",
        C("Cloud feedbacks in a warming climate", ("J. Roe", "T. Vale", "M. Castell"), "2015",
          "J. Climate", "article", "ams", identifiers=("doi:10.1175/JCLI-D-14-00001.1",)),
    ),
    (
        "Okoro, C., and F. Arnaud, 2009: Sea-ice drift from buoy arrays. *Journal of Polar "
        "Oceanography*, **41**, 12-30.",
        C("Sea-ice drift from buoy arrays", ("C. Okoro", "F. Arnaud"), "2009",
          "Journal of Polar Oceanography", "article", "ams"),
    ),
    (
        "Lindqvist, O., 2018: Snow on lake ice. *Proc. Nordic Hydrology Symp.*, Oslo, 88-95.",
        C("Snow on lake ice", ("O. Lindqvist",), "2018", "Proc. Nordic Hydrology Symp.",
          "proceedings", "ams"),
    ),
    (
        "Roe, J., Vale, T., and Castell, M.: Salt marsh carbon under sea-level rise, "
        "Biogeosciences, 17, 1187-1203, https://doi.org/10.5194/bg-17-1187-2020, 2020.",
        C("Salt marsh carbon under sea-level rise", ("J. Roe", "T. Vale", "M. Castell"), "2020",
          "Biogeosciences", "article", "copernicus", identifiers=("doi:10.5194/bg-17-1187-2020",)),
    ),
    (
        "Kang, M.-S. and Bruin, L.: Aerosol plumes over the Baltic, Atmos. Chem. Phys., 21, "
        "455-470, 2021.",
        C("Aerosol plumes over the Baltic", ("M.-S. Kang", "L. Bruin"), "2021",
          "Atmos. Chem. Phys.", "article", "copernicus"),
    ),
    (
        "Mallory, R.: Winter oxygen in humic lakes, in: Proceedings of the 14th Nordic "
        "Hydrology Symposium, Joensuu, Finland, 88-95, 2023.",
        C("Winter oxygen in humic lakes", ("R. Mallory",), "2023",
          "Proceedings of the 14th Nordic Hydrology Symposium, Joensuu, Finland", "proceedings",
          "copernicus"),
    ),
]

ALL = (APA + APA_NAMES + HARVARD + IEEE + ACM + CHICAGO + MLA + VANCOUVER + SCIENCE + COLON + CV
       + NEWS)


def test_a_speaker_line_of_an_interview_is_no_copernicus_entry() -> None:
    c = parse_citation("Jane Roe: We raised the seed round from Kestrel Ventures, Orca "
                       "Capital, 12 investors in all, in 2015.")
    assert c is None or c.style != "copernicus"


@pytest.mark.parametrize(("text", "expected"), ALL, ids=[t[:40] for t, _ in ALL])
def test_entries_parse_to_the_hand_checked_fields(text: str, expected: Citation) -> None:
    check(text, expected)


def test_each_style_has_at_least_three_entries() -> None:
    styles = [e.style for _, e in ALL]
    for style in STYLES - {"bibtex", "unknown"}:
        assert styles.count(style) >= 3, style


@pytest.mark.parametrize(("text", "expected"), NEWS, ids=[t[:40] for t, _ in NEWS])
def test_news_and_web_items_are_not_scholarly(text: str, expected: Citation) -> None:
    c = parse_citation(text)
    assert c is not None and c.kind in ("news", "web")
    assert not looks_scholarly(c)


@pytest.mark.parametrize(
    "text",
    [t for t, e in APA + IEEE + ACM + VANCOUVER + CHICAGO if e.kind not in ("news", "web")],
)
def test_scholarly_entries_look_scholarly(text: str) -> None:
    c = parse_citation(text)
    assert c is not None and looks_scholarly(c)


def test_unclassified_entry_is_scholarly_only_with_an_identifier() -> None:
    assert not looks_scholarly(Citation("A title", ("J. Doe",), 2020, "2020", "Somewhere"))
    assert looks_scholarly(Citation("A title", identifiers=("doi:10.1000/x",)))
    assert not looks_scholarly(Citation("A title", identifiers=("doi:10.1000/x",), kind="news"))


# --------------------------------------------------------------------------------------------
# Not references

NOT_WORKS = [
    "",
    "   ",
    "References",
    "Professor of Physics, 2010–2015",
    "Senior Lecturer, University of Widgets (2010–2015).",
    "She joined the lab in 2015 and published many papers.",
    "John Smith. He moved to Springfield in 2010.",
    "Jane Doe. Born 1970. Died 2010.",
    'In 2019, Doe published "A paper on widgets" in a journal.',
    'He said "this is great," in an interview, 3 October 2019.',
    "Best Paper Award, Widget Conference (2019). Honourable mention.",
    "Doe, J. (2019).",
    "Research interests: widgets, gadgets, and sprockets.",
    "Smith, J. (2019). He was appointed director in 2019.",
    "Ph.D., Computer Science, University of Widgets, 2015.",
    "2015–2019: Postdoc, Widget Lab, Springfield.",
    "Jane Doe, Professor of Widgets, University of Somewhere (2019).",
    "Visiting Scholar, Widget Institute, Summer 2018.",
    "Doe, J. A. Widget Fellow, 2018.",
    "Member, Widget Society, 2012–present.",
    'Keynote: "The future of widgets," Widget Summit, 12 May 2021.',
    "Jane Doe. Personal website. https://example.com",
    "Jane Doe (born 1970) is a widget scientist.",
    "B.Sc. in Physics, University of Widgets (2008). Thesis: Widgets.",
    "Jane Doe and John Smith founded the company in 2010. It grew quickly.",
    '"Widgets," she said, "are the future." 2019.',
    "@misc{broken, title = {no end",
]


@pytest.mark.parametrize("text", NOT_WORKS)
def test_non_references_give_none(text: str) -> None:
    assert parse_citation(text) is None


@pytest.mark.parametrize(
    "junk",
    [
        "A. " * 1700,
        "Doe, J., " * 600,
        "(" * 2500 + "2019" + ")" * 2500,
        "*a " * 1700,
        '"' + "x, " * 1700,
        "? " * 2500,
        "Jan. " * 1000 + "2019",
        "[" * 2500 + "]" * 2500,
        "10.1000/" + "a" * 5000,
        "_a_ " * 1300 + "**b** " * 600,
        "Doe, J. (2019). " + "Word " * 1000,
    ],
    ids=lambda j: repr(j[:12]),
)
def test_long_junk_lines_do_not_break_the_parser(junk: str) -> None:
    c = parse_citation(junk)
    assert c is None or isinstance(c, Citation)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AJDoe.,;&()\"'*_†[]0129 –-:?andetl")),
               max_size=200))
def test_arbitrary_text_gives_none_or_a_well_formed_citation(text: str) -> None:
    c = parse_citation(text)
    if c is not None:
        assert c.title and c.kind in KINDS and c.style in STYLES
        assert all(0 <= i < len(c.authors) for i in c.equal + c.marked)
        assert c.date is None or (c.year == int(c.date[:4]))


# --------------------------------------------------------------------------------------------
# Author lists


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Fuente, M. de la, Ortiz, J., & Kim, S.", ["M. de la Fuente", "J. Ortiz", "S. Kim"]),
        ("Echeverría de la Torre, M. de las N., & dos Santos, R.",
         ["M. de las N. Echeverría de la Torre", "R. dos Santos"]),
        ("A. B. Smith, C. Jones, and D. Lee", ["A. B. Smith", "C. Jones", "D. Lee"]),
        ("Doe J, Smith AB, Lee C", ["J. Doe", "A. B. Smith", "C. Lee"]),
        ("Doe, Jane, and John Smith", ["Jane Doe", "John Smith"]),
        ("Xu, W., Ng, A., & Le, Q.", ["W. Xu", "A. Ng", "Q. Le"]),
        ("W. Xu, A. Ng and Q. Le", ["W. Xu", "A. Ng", "Q. Le"]),
        ("J.-W. Park and Ł. Nowak", ["J.-W. Park", "Ł. Nowak"]),
        ("Park J-W, Øby K", ["J.-W. Park", "K. Øby"]),
        ("J.A. Doe and Jane A Roe", ["J. A. Doe", "Jane A. Roe"]),
        ("Smith A, Jones B, et al.", ["A. Smith", "B. Jones"]),
        ("Jane Doe*, John Roe†, and Ann Poe", ["Jane Doe", "John Roe", "Ann Poe"]),
        ("Doe, J.; Roe, A.", ["J. Doe", "A. Roe"]),
        ("Ludwig van der Berg, Ahmed al-Farsi and Omar bin Said",
         ["Ludwig van der Berg", "Ahmed al-Farsi", "Omar bin Said"]),
        ("Smith, J., Jr., & Lee, A.", ["J. Smith Jr.", "A. Lee"]),
        ("Doe, J. (Ed.)", ["J. Doe"]),
        ("the quick brown fox", []),
        ("Professor of Physics", []),
        ("", []),
    ],
)
def test_split_author_list(text: str, names: list[str]) -> None:
    assert split_author_list(text) == names


# --------------------------------------------------------------------------------------------
# BibTeX

BIB = r"""
@comment{an invented bibliography}
@string{jw = "Journal of Widgets"}
@article{doe2019,
  author = {Doe, Jane A. and van der Berg, Ludwig and J.-W. Park and others},
  title = {{Small} Widgets: A {\"U}bersicht.},
  journal = jw, year = {2019}, month = sep, volume = 12, pages = {45--67},
  doi = {https://doi.org/10.1000/abc}
}
@InProceedings{roe20, Author = "Roe, A. and {\L}ukasz Nowak", Title = "Widget detection",
  booktitle = "Proceedings of the Widget Conference", year = 2020, month = {June}, day = {14}}
@phdthesis{smith12, author = {Smith, Ann}, title = {Widget dynamics},
  school = {University of Widgets}, year = 2012}
@misc{lee21, author = {Lee, C.}, title = {Deep widgets}, eprint = {2104.01234},
  archivePrefix = {arXiv}, year = {2021}}
@article{ng22, author = {Ng, Andrew and Xu, W.}, title = {Preprinted},
  journal = {arXiv preprint arXiv:2201.00001}, year = 2022}
@book{b18, editor = {Doe, J.}, title = {Widget Handbook}, publisher = {Widget Press},
  year = {2018}}
@techreport{t10, author = {{Widget Council}}, title = {Widget safety},
  institution = {Widget Institute}, year = {2010}}
@online{w20, title = {A widget page}, url = {https://example.com}, date = {2020-01-05}}
"""


def test_parse_bibtex_reads_every_entry() -> None:
    got = parse_bibtex(BIB)
    want = [
        C("Small Widgets: A Übersicht", ("Jane A. Doe", "Ludwig van der Berg", "J.-W. Park"),
          "2019-09", "Journal of Widgets", "article", "bibtex", complete=False,
          identifiers=("doi:10.1000/abc",)),
        C("Widget detection", ("A. Roe", "Łukasz Nowak"), "2020-06-14",
          "Proceedings of the Widget Conference", "proceedings", "bibtex"),
        C("Widget dynamics", ("Ann Smith",), "2012",
          "Ph.D. dissertation, University of Widgets", "thesis", "bibtex"),
        C("Deep widgets", ("C. Lee",), "2021", "arXiv", "preprint", "bibtex",
          identifiers=("arXiv:2104.01234",)),
        C("Preprinted", ("Andrew Ng", "W. Xu"), "2022", "arXiv", "preprint", "bibtex",
          identifiers=("arXiv:2201.00001",)),
        C("Widget Handbook", ("J. Doe",), "2018", "Widget Press", "book", "bibtex"),
        C("Widget safety", ("Widget Council",), "2010", "Widget Institute", "report", "bibtex"),
        C("A widget page", (), "2020-01-05", None, "web", "bibtex"),
    ]
    assert got == want


def test_parse_citation_reads_a_bibtex_entry() -> None:
    c = parse_citation("@article{x, author = {Doe, J. and Roe, Anna}, title = {T and U}, "
                       "journal = {J. Widg.}, year = 2001}")
    assert c == C("T and U", ("J. Doe", "Anna Roe"), "2001", "J. Widg.", "article", "bibtex")


def test_parse_bibtex_skips_non_entries() -> None:
    assert parse_bibtex("") == []
    assert parse_bibtex("plain text, no entries") == []
    assert parse_bibtex("@comment{x}\n@preamble{\"y\"}") == []


# --------------------------------------------------------------------------------------------
# Module hygiene


def test_importing_the_module_loads_neither_spacy_nor_bibtexparser() -> None:
    code = (
        "import sys, kg.citations; "
        "print('spacy' in sys.modules, 'bibtexparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


def test_public_api() -> None:
    import kg.citations as m

    assert set(m.__all__) == {"Citation", "parse_citation", "parse_bibtex",
                              "split_author_list", "looks_scholarly"}


def test_hyphenated_initials_with_a_lower_case_part():
    from kg.citations import parse_citation

    c = parse_citation("Oh, J.-w., Lund, A., et al. (2022). Slow learning: Schedules for "
                       "models. *Transactions on Things*.")
    assert c is not None
    assert (c.authors, c.year, c.complete) == (("J.-w. Oh", "A. Lund"), 2022, False)


def test_a_catalan_surname_joined_by_i():
    check("Soler i Roca, A., & Vidal, M. (2011). Rain over stone. Journal of Hydrology, 402, "
          "1–9.",
          C("Rain over stone", ("A. Soler i Roca", "M. Vidal"), "2011", "Journal of Hydrology",
            "article", "apa"))
