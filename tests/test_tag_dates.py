from jianbao.tag.dates import match


def one(text, issue):
    ds = [d for d in match(text, issue) if d.kind != "tod"]
    assert ds, text
    return ds[0]


def test_month_day_with_time_of_day():
    d = one("6月2日下午，", "2022-06-03")
    assert (d.date, d.tod, d.text) == ("2022-06-02", "下午", "6月2日下午")


def test_year_roll_over():
    assert one("12月29日，", "2022-01-03").date == "2021-12-29"


def test_relative_days_and_weekdays():
    assert one("昨天上午", "2022-06-03").date == "2022-06-02"
    assert one("今天", "2022-06-03").date == "2022-06-03"
    assert one("上周五", "2022-06-03").date == "2022-05-27"  # 2022-06-03 is a Friday


def test_vague_words_stay_unresolved():
    d = one("近日，", "2022-06-03")
    assert d.date is None and d.text == "近日"


def test_named_days_and_slogans_are_no_dates():
    assert match("学习“七一”讲话，落实“三高四新”战略", "2022-06-03") == []


def test_day_only_and_clock_time():
    d = one("5日9时，", "2022-06-08")
    assert (d.date, d.tod) == ("2022-06-05", "上午")


def test_no_issue_date_means_no_date():
    d = one("4月26日，", None)
    assert d.date is None and d.text == "4月26日"


def test_chinese_numerals():
    assert one("二〇二二年六月一日", None).date == "2022-06-01"


def test_a_bare_day_opening_a_clause_and_days_of_this_or_last_month():
    got = lambda t: [(d.text, d.date, d.tod) for d in match(t, "2024-12-05")]  # noqa: E731
    assert got("9日，比亚迪公司副总裁来我市考察") == [("9日", "2024-11-09", None)]
    assert got("3日至4日，督导组到宜昌") == [("3日至4日", "2024-12-03", None)]
    assert got("本月2日，市委常委调研") == [("本月2日", "2024-12-02", None)]
    assert got("上月28日下午，县委召开会议") == [("上月28日下午", "2024-11-28", "下午")]
    assert got("去年12月5日，他来到村里") == [("去年12月5日", "2023-12-05", None)]
    assert got("截至19日，全市共有326家企业参加") == []


def test_lunar_new_year_days():
    # the lunar New Year of 2004 fell on 22 January (jionlp's table)
    d = one("大年初一清晨，", "2004-01-23")
    assert (d.date, d.tod, d.text) == ("2004-01-22", "上午", "大年初一清晨")
    assert one("除夕，", "2004-01-23").date == "2004-01-21"
    assert one("大年初一，", "2005-01-05").date == "2004-01-22"  # next year's is more than a month ahead
