"""Does a run of title lines start a new article, or is it a subheading of the one in progress?

The segmenter asks this at every run of title lines that follows body text. The evidence is a
vector of named features (markup rank against the page's headlines and the article's
subheadings, byline and dateline grammar, news leads, furniture and author notes before the run,
shapes of headline and subheading, what the article holds so far); a logistic model weighs it.
The weights are learned from gold pages by `scripts/train_cut.py` and live in
`data/boundary.json` with their origin. `bench/cut.py --kfold` reports figures from models that
never saw the page they cut.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import weights

DATA = Path(__file__).with_name("data") / "boundary.json"

# the features in the order of the weight vector; each is in [0, 1] (or a small count)
FEATURES = (
    "bias",
    "byline_follows",        # a byline or dateline line right after the run
    "lines_2",               # the run has two or more lines
    "lines_3",               # three or more
    "furniture_before",      # a column logo, jump, picture or header between the last body line and the run
    "lead_below",            # the first body line opens as a news lead (7月30日，… / 本报讯)
    "activity",              # names an official's activity (调研, 会见 …)
    "leading_name",          # opens with a name that the first body line repeats, or a name and an act
    "ad_below",              # the lines below read as an advertisement (热线, 地址 …)
    "notice",                # a notice's title (遗失声明 …)
    "rank_as_headline",      # marked as high as the article's headline
    "rank_below_headline",   # marked lower than the article's headline
    "rank_marked_only",      # marked where the article's headline is not
    "unmarked_vs_marked",    # unmarked where the article's headline is marked
    "rank_above_subs",       # marked above the article's subheadings so far
    "rank_as_subs",          # marked as the article's subheadings so far
    "style_as_page_head",    # the same markup as the page's first headline
    "size_big",              # set in headline type (a layout reader measured it)
    "numbered",              # numbered in series (一、 （二） 3.)
    "bullet",                # printed after a bullet (● ■ ◆ …)
    "has_subs",              # the article in progress already has subheadings
    "short",                 # 12 characters or fewer, no activity
    "long",                  # more than 16 characters
    "prev_colon",            # the last body line ends in ：
    "styled_bylined",        # every article so far has a byline, and none follows this run
    "prev_closer",           # the last body line closes an article: an author note, a credit, 来源
    "prev_unterminated",     # the last body line does not end a sentence
    "logo_first",            # the run opens with a logo-shaped line above a longer title
    "dash_start",            # a line opens with a dash (an attribution or a subheadline)
    "kicker_end",            # a line ends in —— or ： (a kicker leading into a headline)
    "question",              # ends in ？
    "couplet",               # two phrases apart by a space (多一点勇敢 添一分开心)
    "body_long",             # log10 of the characters of body so far, over 4
    "next_short",            # the body under the run is under 200 characters before the next run
    "quote_only",            # the whole run is a quotation or a bracketed note
    "in_notice",             # the article in progress is a notice (its closing lines: who issues it, when)
    "short_as_headline",     # short, and marked as high as the article's headline (a subheading's shape)
    "short_no_lead",         # short, with neither byline nor news lead below
    "first_of_page",         # no article on the page has a head yet
    "parallel_before",       # as long as a subheading the article already has, and marked the same
    "parallel_ahead",        # a title line of the same length and markup follows within the next lines
    "signature",             # the run ends in a bare date: who signs a notice or letter, and when
    "plain_page",            # no line of the page is marked (# or bold): ranks say nothing there
    "plain_lines_2",         # on such a page, a run of two or more lines (a head, or a subheading pair)
    "plain_after_subs",      # on such a page, a run after the article already had subheadings
    "like_subs",             # opens or ends with the words the article's subheadings share (…的理论底蕴 / …的实践展开)
    "unlike_subs",           # the article's subheadings share words, and the run does not
    "run_halves",            # a run of two lines that are the parallel halves of one phrase (文化大餐暖意浓 /
                             # 天南海北共欢庆): a subheading's couplet more often than a kicker over a headline
    "photo_below",           # a picture's credit (某某摄（影像中国）, 制图：某某) closes the few lines under the
                             # run: a picture story's head (灯笼高挂年味浓 / two lines / 蒋某某摄)
    "cur_dateline",          # the article in progress opened with a dateline (本报北京1月31日电): a news
                             # report, which holds subheadings more rarely than a feature
    "words_above",           # on a page without markup, the share of the run's character pairs found in the
                             # article so far: a subheading speaks of its article's matter, a new headline
                             # of another (where lines are marked, the marks say more)
    "words_below",           # on such a page, the share of the run's character pairs found in the text right
                             # under it (a headline's words come back in its lead)
    "known_logo",            # the run opens with a known banner or standing column's name (logos.toml:
                             # 新春走基层, 人民论坛), which stands over an article, never inside one
    "section_over_mean",     # the text since the article's last subheading is over twice as long as its
                             # earlier parts on average (an article's parts are of a size; the fitted
                             # weight, negative, reads a run after such a part as one more subheading)
    "sibling_runs",          # the run has two lines or more and another run of title lines nearby has as many,
                             # its first line as short and as long (措施更精细 / … , 沟通更顺畅 / …): the parts
                             # of one composite report are headed alike, articles' heads are not
)


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    threshold: float = 0.5

    def prob(self, x: list[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x))
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def starts(self, x: list[float]) -> bool:
        return self.prob(x) >= self.threshold


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The shipped model (data/boundary.json); its feature names must match FEATURES."""
    d = weights.load(DATA, FEATURES, "scripts/train_cut.py")
    return Model(tuple(float(w) for w in d["weights"]), float(d.get("threshold", 0.5)))
