"""Error messages for people: one line each, in English for the JSON API (and the command line, which
shares the store's messages) and in Chinese for the HTML error pages, which keep the English in a
`title` attribute.

- `invalid`: a parameter that failed its declared bounds, as one line saying what to change.
- `chinese`: the Chinese of a message, matched by its pattern (the English stays where none matches).
"""
from __future__ import annotations

import re

from ..store import filter_fields

DATES_EN = "write a year (2021), a month (2021-07) or a day (2021-07-31)"
DATES_ZH = "请写年份（2021）、年月（2021-07）或日期（2021-07-31）"

# the filters that take a date (from, to: store/filters.py): a value not shaped like one is "not a date"
DATE_PARAMS = frozenset(p.name for _, p in filter_fields() if p.value.date)
# the filters whose pattern says what a value is (a division code), not only "no control characters"
SHAPED = {p.name: p.value for _, p in filter_fields() if p.value.zh}

HEADINGS = {400: "请求有误", 404: "找不到", 405: "不支持这种请求", 422: "参数有误", 503: "暂时无法访问"}


# a validation error's type → (English, Chinese), filled with the parameter (`where`), what it was
# given (`got`) and the bound it broke (pydantic's ctx)
_INVALID = {
    "date": ("{where}={got} is not a date: " + DATES_EN, "{where}={got} 不是日期：" + DATES_ZH),
    "string_pattern_mismatch": ("{where}: control characters are not allowed; remove them", "{where}：含有控制字符，请删去"),
    "string_too_long": ("{where}: at most {max_length} characters", "{where}：最多 {max_length} 个字符"),
    "greater_than_equal": ("{where}: at least {ge}", "{where}：至少为 {ge}"),
    "less_than_equal": ("{where}: at most {le}", "{where}：最大为 {le}"),
    "int_parsing": ("{where}: give a whole number", "{where}：应为整数"),
    "literal_error": ("{where}: one of {expected}", "{where}：只能是 {expected}"),
}


def invalid(errors: list[dict]) -> tuple[str, str]:
    """(English, Chinese) for the first few validation errors of a request."""
    en, zh = [], []
    for e in errors[:3]:
        where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
        kind = e.get("type", "")
        if kind == "string_pattern_mismatch" and where in DATE_PARAMS:
            kind = "date"
        fill = {**(e.get("ctx") or {}), "where": where, "got": e.get("input")}
        if kind == "string_pattern_mismatch" and where in SHAPED:
            v = SHAPED[where]
            en.append(f"{where}={fill['got']} is not {v.what}: {v.hint}")
            zh.append(f"{where}={fill['got']} {v.zh}")
        elif kind in _INVALID:
            en.append(_INVALID[kind][0].format(**fill))
            zh.append(_INVALID[kind][1].format(**fill))
        else:
            en.append(f"{where}: {e.get('msg', 'invalid')}")
            zh.append(f"{where}：不合要求")
    return "; ".join(en) or "invalid request", "；".join(zh) or "请求不合要求"


# (pattern of an English message, its Chinese): the messages of params.py, api.py, pages.py, app.py
# and the store's QueryError
_ZH = [(re.compile(p), z) for p, z in [
    (r"the query is (\d+) characters long; the limit is (\d+)", "查询有 {0} 个字符，最多 {1} 个"),
    (r"the query has no letters or digits to search for besides", "除了排除的词（-词），查询里没有要找的文字："
     "请给出词语、人名或数字，如 调研 或 \"衡山科学城\""),
    (r"the query has no letters or digits", "查询里没有可搜索的汉字、字母或数字：如 调研 或 \"衡山科学城\""),
    (r"^(from|to)=(.*) is not a date", "{0}={1} 不是日期：" + DATES_ZH),
    (r"from=(\S+) is after to=(\S+)", "起始日期 {0} 晚于结束日期 {1}：请对调"),
    (r"only the first ([\d,]+) results are served", "只提供前 {0} 条结果（页码 × 每页条数）：请缩小搜索范围"),
    (r"no article (\d+) in this archive", "本库没有编号 {0} 的文章：请从搜索页查找"),
    (r"no page (\d+) in this archive", "本库没有编号 {0} 的版面：请从搜索页查找"),
    (r"no person called (.+) in this archive", "本库没有名叫 {0} 的人物：试试搜索这个名字"),
    (r"no such page here", "没有这个页面：请从搜索页 / 开始"),
    (r"give a person's name", "请给出人名，如 /person/秦国文"),
    (r"the server is busy", "服务器正忙，请稍后再试"),
    (r"the archive cannot be read now", "现在读不了资料库，请稍后再试"),
    (r"the page's file (.+) is not there any more", "找不到本版原件 {0}（已移动或删除）：请把文件放回原处，或从新位置重新入库"),
    (r"the page's file (.+) cannot be drawn \((\w+)\)", "本版原件 {0} 无法显示（{1}）：它还是入库时的那个文件吗？"),
    (r"page (\d+) has no picture", "第 {0} 号版面没有原版图像（只有 PDF 和扫描图入库的版面才有）"),
    (r"Method Not Allowed", "只支持读取（GET）"),
]]


def chinese(detail: str) -> str:
    """The Chinese of an English message; the message itself where it has none."""
    for rx, zh in _ZH:
        if m := rx.search(detail):
            return zh.format(*m.groups())
    return detail
