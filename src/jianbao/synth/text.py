"""Article content for synthetic pages: titles, body paragraphs, bylines and datelines.

Everything is composed from the word lists in `vocab` by small templates. Each function takes the
page's `Ctx` (its random generator and the page's fictional city) and returns gold text; `layout`
decides how the text is printed (markup, line breaks, column breaks).
"""
from __future__ import annotations

import datetime as _dt
import random

from . import vocab as V


class Ctx:
    """Per-page state: the random generator, the issue date, the home city and the names in use."""

    def __init__(self, rng: random.Random, issue: _dt.date):
        self.rng = rng
        self.issue = issue
        roots = rng.sample(V.PLACE_ROOTS, 6)
        self.city_root = roots[0]
        self.city = roots[0] + "市"
        self.counties = [r + rng.choice(("县", "区")) for r in roots[1:4]]
        self.towns = [r + rng.choice(V.TOWN_SUFFIX) for r in roots[4:]]
        self.used: set[str] = set()

    # --- small pieces ---------------------------------------------------------------------
    def pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def name(self) -> str:
        r = self.rng
        for _ in range(20):
            n = self.pick(V.SURNAMES) + self.pick(V.GIVEN) + (self.pick(V.GIVEN) if r.random() < 0.7 else "")
            if n not in self.used:
                break
        self.used.add(n)
        return n

    def place(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.pick(self.counties)
        if r < 0.6:
            return self.pick(self.towns)
        if r < 0.8:
            return self.pick(self.counties) + self.pick(V.ZONES)
        return self.pick(self.towns) + self.pick(V.PLACE_ROOTS) + self.pick(V.VILLAGES)

    def company(self) -> str:
        head = self.city_root if self.chance(0.4) else ""
        return head + self.pick(V.BRANDS) + self.pick(V.INDUSTRIES) + self.pick(V.COMPANY_FORMS)

    def num(self) -> str:
        r = self.rng
        k = r.random()
        if k < 0.4:
            return str(r.randint(2, 980))
        if k < 0.7:
            return f"{r.randint(1, 99)}.{r.randint(1, 9)}"
        return str(r.randint(1000, 99999))

    def event_date(self) -> str:
        r = self.rng
        k = r.random()
        if k < 0.15:
            return self.pick(("日前", "近日"))
        d = self.issue - _dt.timedelta(days=r.randint(1, 4))
        tod = self.pick(V.TODS)
        if k < 0.3:
            return f"{d.day}日{tod}"
        return f"{d.month}月{d.day}日{tod}"

    def clause(self) -> str:
        return self.pick(V.VERBS) + self.pick(V.OBJECTS)

    def clauses(self, n: int) -> str:
        r = self.rng
        return "，".join(v + o for v, o in zip(r.sample(V.VERBS, n), r.sample(V.OBJECTS, n)))

    def money(self) -> str:
        r = self.rng
        return f"{r.randint(1, 99)}.{r.randint(1, 9)}" if r.random() < 0.6 else str(r.randint(2, 480))

    def official(self, level: str = "city") -> tuple[str, str]:
        titles = V.CITY_TITLES if level == "city" else V.COUNTY_TITLES
        return self.pick(titles), self.name()

    def tech(self) -> str:
        return self.pick(V.TECH)


# --- paragraphs -------------------------------------------------------------------------------

def _speech(c: Ctx, who: str) -> str:
    att = c.rng.sample(V.ATTITUDES, 3)
    say = c.pick(("强调", "指出", "要求")) if who == "会议" else c.pick(V.SAY)
    s = f"{who}{say}，{att[0]}，{c.clauses(c.rng.randint(1, 3))}，{c.pick(V.PURPOSES)}。"
    if c.chance(0.7):
        s += f"{att[1]}，{c.clauses(c.rng.randint(1, 3))}。"
    if c.chance(0.5):
        s += f"{att[2]}，{c.clauses(2)}，{c.pick(V.PURPOSES)}。"
    return s


def _background(c: Ctx, place: str) -> str:
    r = c.rng
    y = c.issue.year - r.randint(2, 6)
    s = (f"近年来，{place}坚持{c.clauses(2)}，先后建成{c.pick(V.SPOTS)}等项目{r.randint(3, 40)}个，"
         f"累计投入资金{c.money()}亿元。")
    if c.chance(0.6):
        s += f"自{y}年以来，当地{c.clauses(1)}，{c.pick(V.PURPOSES)}，群众满意度提升到{r.randint(85, 99)}.{r.randint(0, 9)}%。"
    if c.chance(0.5):
        s += f"下一步，{place}将{c.clauses(3)}，{c.pick(V.PURPOSES)}。"
    return s


def _data(c: Ctx) -> str:
    r = c.rng
    k = r.random()
    if k < 0.3:
        return (f"据介绍，该项目总投资{c.money()}亿元，建成后预计年产值可达{c.money()}亿元，"
                f"可带动就业{r.randint(100, 3000)}余人。")
    if k < 0.5:
        return (f"今年1至{r.randint(2, 11)}月，{c.place()}完成固定资产投资{c.money()}亿元，"
                f"同比增长{r.randint(1, 30)}.{r.randint(0, 9)}%，增速居全市前列。")
    if k < 0.7:
        return (f"企业自主研发的{c.tech()}{c.pick(('智能终端', '检测设备', '控制系统', '传感模组'))}已进入量产阶段，"
                f"产品远销{r.randint(3, 60)}个国家和地区。")
    if k < 0.9:
        return (f"今年以来，全{c.pick(('市', '县', '区'))}PM2.5平均浓度同比下降{r.randint(1, 19)}.{r.randint(1, 9)}%，"
                f"空气质量优良天数比例达{r.randint(80, 99)}.{r.randint(0, 9)}%。")
    return f"目前，全{c.pick(('市', '县', '区'))}已累计发放各类补贴{c.num()}万元，惠及群众{r.randint(200, 90000)}人次。"


def _closing(c: Ctx, kind: str) -> str:
    r = c.rng
    k = r.random()
    names = "、".join(c.name() for _ in range(r.randint(1, 4)))
    if k < 0.4:
        return f"{c.pick(V.LEADER_GROUPS)}{names}参加{kind}。"
    if k < 0.75:
        t1, n1 = c.official()
        return f"{t1}{n1}参加。"
    t1, n1 = c.official()
    t2, n2 = c.official()
    return f"{t1}{n1}，{t2}{n2}参加{kind}。"


def visit_article(c: Ctx) -> dict:
    title, actor = c.official(c.pick(("city", "county")))
    p1 = c.place()
    p2 = c.place()
    if p2 == p1:
        p2 = c.pick(V.PLACE_ROOTS) + c.pick(V.ZONES)
    topic = c.pick(V.MEETING_TOPICS)
    paras = [f"{c.event_date()}，{title}{actor}赴{p1}、{p2}{c.pick(V.VISITS)}{topic}工作。"
             f"{c.pick(('他强调', '他指出', actor + '要求'))}，{c.clauses(2)}，{c.pick(V.PURPOSES)}。"]
    if c.chance(0.5):
        paras.append(_background(c, p1))
    for _ in range(c.rng.randint(2, 4)):
        if c.chance(0.5):
            co = c.company()
            i1, i2 = c.rng.sample(V.CHECK_ITEMS, 2)
            s = (f"在{co}，{actor}详细了解企业{i1}、{i2}等情况，"
                 f"{c.pick(('叮嘱', '鼓励', '希望'))}企业{c.clauses(2)}。")
        else:
            s = (f"来到{c.place()}{c.pick(V.SPOTS)}，{actor}{c.pick(('仔细察看', '实地查看', '认真听取'))}了"
                 f"{c.pick(V.CHECK_ITEMS)}情况，{c.pick(V.PRAISE)}。")
        if c.chance(0.5):
            s += _data(c)
        paras.append(s)
    heads = c.rng.sample(("随后召开的座谈会上，", "调研中，", "", "座谈中，"), 4)
    for k in range(c.rng.randint(1, 4)):
        paras.append(_speech(c, heads[k] + actor))
    paras.append(_closing(c, "调研"))
    return {"key": "visit", "actor": actor, "title": title, "place": p1, "topic": topic, "paras": paras,
            "what": "调研"}


def meeting_article(c: Ctx) -> dict:
    title, actor = c.official(c.pick(("city", "county")))
    topic, meet = c.pick(V.MEETING_TOPICS), c.pick(V.MEETINGS)
    paras = [f"{c.event_date()}，{title}{actor}主持召开{topic}{meet}，"
             f"{c.pick(('研究部署', '调度推进', '安排部署'))}下一阶段{topic}工作。"]
    paras.append(f"会议{c.pick(('传达学习了', '听取了'))}{c.pick(('上级有关会议精神', '各牵头单位工作汇报', '前期工作情况汇报'))}，"
                 f"研究了{'、'.join(c.rng.sample(V.OBJECTS, 2))}等事项。" + (_data(c) if c.chance(0.4) else ""))
    if c.chance(0.4):
        paras.append(_background(c, c.city))
    heads = ["会议"] + c.rng.sample(("会上，", "", "会议最后，", "针对下一步工作，"), 4)
    for k in range(c.rng.randint(2, 5)):
        paras.append(_speech(c, heads[k] if k == 0 else heads[k] + actor))
    if c.chance(0.7):
        paras.append(_closing(c, "会议"))
    return {"key": "meeting", "actor": actor, "title": title, "place": c.city, "topic": topic, "paras": paras,
            "what": meet}


def meet_article(c: Ctx) -> dict:
    title, actor = c.official("city")
    co, role, guest = c.company(), c.pick(V.COMPANY_ROLES), c.name()
    paras = [f"{c.event_date()}，{title}{actor}在{c.city_root}会见了{co}{role}{guest}一行，"
             f"双方就{c.pick(V.OBJECTS)}等进行了深入交流。",
             f"{actor}对{guest}一行的到来表示欢迎，并介绍了{c.city}经济社会发展情况。{actor}说，{c.clauses(2)}，"
             f"希望双方{c.pick(('深化合作', '加强对接', '携手共进'))}，{c.pick(V.PURPOSES)}。",
             f"{guest}表示，{c.city_root}区位优势明显，发展前景广阔，公司将在{c.tech()}、"
             f"{c.pick(V.INDUSTRIES)}等领域加大投入，" + c.pick(("争取项目早日落地。", "实现互利共赢。"))]
    if c.chance(0.6):
        paras.append(_data(c))
    if c.chance(0.5):
        paras.append(_background(c, c.city))
    paras.append(_closing(c, "会见"))
    return {"key": "meet", "actor": actor, "title": title, "place": c.city, "topic": "招商引资", "paras": paras,
            "what": "会见", "guest": co}


def care_article(c: Ctx) -> dict:
    title, actor = c.official(c.pick(("city", "county")))
    group = c.pick(V.GROUPS)
    paras = [f"{c.event_date()}，{title}{actor}带队走访慰问{group}，送去党和政府的关怀。"]
    for _ in range(c.rng.randint(1, 3)):
        old = c.name()
        paras.append(f"在{c.place()}{group}{old}家中，{actor}与{old}拉家常、话冷暖，询问其身体状况和生活困难，"
                     f"叮嘱当地干部{c.clauses(1)}。")
    paras.append(_speech(c, actor))
    if c.chance(0.5):
        paras.append(_speech(c, "慰问中，" + actor))
    if c.chance(0.5):
        paras.append(_closing(c, "慰问"))
    return {"key": "care", "actor": actor, "title": title, "place": c.place(), "topic": group, "paras": paras,
            "what": "慰问", "group": group}


def local_article(c: Ctx) -> dict:
    area = c.pick((c.city, c.pick(c.counties)))
    org = area + c.pick(V.ORGANIZERS)
    act, venue = c.pick(V.ACTIVITIES), c.pick(V.VENUES)
    r = c.rng
    paras = [f"{c.event_date()}，由{org}主办的{c.city_root}{r.randint(2015, 2025)}年{act}在{venue}举行，"
             f"吸引了{r.randint(200, 5000)}余名群众参与。",
             f"活动现场，{c.pick(('工作人员', '志愿者', '主办方'))}共{c.pick(('发放宣传资料', '接待群众咨询', '提供服务'))}"
             f"{r.randint(100, 9000)}余{c.pick(('份', '人次', '次'))}，{c.pick(('现场气氛热烈', '大家纷纷点赞', '不少人排起了长队'))}。",
             f"“{c.pick(V.QUOTES)}。”{c.pick(V.RESIDENT_ROLES)}{c.name()}说。"]
    if r.random() < 0.5:
        paras.append(_data(c))
    if r.random() < 0.6:
        paras.append(_background(c, c.pick(c.counties)))
    paras.append(f"据了解，{org}下一步将{c.clauses(2)}，{c.pick(V.PURPOSES)}。")
    return {"key": "local", "actor": c.name(), "title": "", "place": area, "topic": act, "paras": paras, "what": act,
            "org": org}


KINDS = (visit_article, visit_article, meeting_article, meeting_article, meet_article, care_article,
         local_article, local_article)


def headline(c: Ctx, a: dict, couplet: bool = False) -> str:
    r = c.rng.random()
    if couplet or r < 0.55:
        x, y = c.rng.sample(V.HEAD_A, 2)
        h = f"{x} {y}"
        if c.chance(0.2):
            h = f"{c.pick(c.counties)}：{h}"
        return h
    return _fill(c, c.pick(V.HEAD_SENT[a["key"]]), a)


def _fill(c: Ctx, tpl: str, a: dict) -> str:
    return tpl.format(n=a["actor"], n2=c.name(), p=a["place"], t=a["topic"], m=a["what"],
                      c=a.get("guest") or c.pick(V.BRANDS) + "集团", g=a.get("group") or c.pick(V.GROUPS),
                      x=c.rng.randint(3, 60) * 100, u=c.pick(("市", "县", "区")),
                      v="：" + c.pick(V.HEAD_A))


def kicker(c: Ctx, a: dict) -> str:
    return _fill(c, c.pick(V.KICK_SENT[a["key"]]), a)


def subheadline(c: Ctx, a: dict) -> str:
    return _fill(c, c.pick(V.SUBHEAD_SENT), a)


# --- bylines and datelines ----------------------------------------------------------------------

def byline_top(c: Ctx) -> tuple[str, list[str]]:
    """A byline printed on its own line under the titles: (text without decoration, reporters)."""
    a, b, d = c.name(), c.name(), c.name()
    forms = ((f"本报记者 {a}", [a]), (f"本报记者 {a} {b}", [a, b]), (f"本报记者 {a} 通讯员 {b}", [a, b]),
             (f"本报记者 {a} 通讯员 {b} {d}", [a, b, d]), (f"记者 {a} 实习生 {b}", [a, b]),
             (f"全媒体记者 {a}", [a]), (f"融媒体记者 {a} 通讯员 {b}", [a, b]), (f"{a} {b}", [a, b]),
             (f"文/{a} 图/{b}", [a, b]), (f"记者 {a}/文 {b}/图", [a, b]), (f"本报通讯员 {a}", [a]),
             (f"本报记者{a}", [a]))
    return c.pick(forms)


def byline_inline(c: Ctx) -> tuple[str, list[str]]:
    """The part inside the parentheses after a dateline: 本报讯（记者 李四）."""
    a, b = c.name(), c.name()
    return c.pick(((f"记者 {a}", [a]), (f"记者 {a} 通讯员 {b}", [a, b]), (f"通讯员 {a}", [a]),
                   (f"记者 {a} {b}", [a, b]), (f"{a}", [a])))


def byline_end(c: Ctx) -> tuple[str, str, list[str]]:
    """A byline on its own line at the end: (printed, gold, reporters)."""
    a, b, d = c.name(), c.name(), c.name()
    forms = ((f"{a} {b}", f"{a} {b}", [a, b]), (f"{a} {b} {d}", f"{a} {b} {d}", [a, b, d]),
             (f"{a} 文/{b} 图", f"{a} 文/{b} 图", [a, b]), (f"记者 {a}", f"记者 {a}", [a]),
             (f"（本报记者 {a} 通讯员 {b}）", f"本报记者 {a} 通讯员 {b}", [a, b]),
             (f"（{a}）", a, [a]), (f"（记者 {a} {b}）", f"记者 {a} {b}", [a, b]))
    return c.pick(forms)


def dateline(c: Ctx, paper: str) -> str:
    r = c.rng.random()
    d = c.issue - _dt.timedelta(days=1)
    if r < 0.5:
        return "本报讯"
    if r < 0.65:
        return f"本报{c.pick(c.counties)[:2]}讯"
    if r < 0.78:
        return f"新华社{c.pick(('北京', '上海', '广州', '长沙', '南昌', '武汉'))}{d.month}月{d.day}日电"
    if r < 0.9:
        return f"{paper}讯"
    return f"{c.pick(('东方', '江南', '湘江', '云端'))}网{d.month}月{d.day}日电"


def photo(c: Ctx) -> dict:
    """Photo news: caption text, credit (printed), reporters, optional title."""
    d = c.issue - _dt.timedelta(days=c.rng.randint(1, 3))
    scene = c.pick(V.PHOTO_SCENES).format(p=c.place())
    cap = f"{d.month}月{d.day}日，{scene}。" + (c.pick(("连日来，当地抢抓晴好天气推进生产。", "近年来，当地持续改善基础设施。",
                                                       f"当天共有{c.rng.randint(20, 800)}人参加。")) if c.chance(0.5) else "")
    a, b = c.name(), c.name()
    credit, reps = c.pick(((f"本报记者 {a} 摄", [a]), (f"通讯员 {a} 摄", [a]), (f"{a} 摄", [a]),
                           (f"本报记者 {a} 通讯员 {b} 摄", [a, b]), (f"本报记者{a}摄", [a])))
    title = c.pick(V.PHOTO_TITLES) if c.chance(0.35) else None
    return {"caption": cap, "credit": credit, "reporters": reps, "title": title}


def notice(c: Ctx) -> dict:
    r = c.rng
    items = []
    for _ in range(r.randint(1, 4)):
        code = "91" + str(r.randint(100000, 999999)) + "MA" + str(r.randint(10, 99)) + c.pick("ABCDEFGHJKLMNPQRTUXY") \
            + str(r.randint(1000, 9999)) + c.pick("0123456789X")
        items.append(f"{c.company()}不慎遗失{c.pick(V.NOTICE_LOST)}，统一社会信用代码：{code}，声明作废。")
    return {"headline": c.pick(("遗失声明", "声明", "公告", "分类广告")), "paras": items}


def ad(c: Ctx) -> dict:
    r = c.rng
    phone = f"{c.pick(V.PHONES)}-{r.randint(2000000, 8999999)}"
    lines = [f"地址：{c.city}{c.pick(V.PLACE_ROOTS)}路{r.randint(1, 399)}号", f"咨询电话：{phone}"]
    if c.chance(0.5):
        lines.insert(0, f"即日起至{c.issue.month}月{min(28, c.issue.day + r.randint(3, 20))}日，到店即享{r.randint(5, 9)}折优惠")
    return {"headline": c.pick(V.AD_LINES), "paras": lines}
