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
