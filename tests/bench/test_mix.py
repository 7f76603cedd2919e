"""The traffic-mix benchmark's pure parts (bench/mix.py): the Zipf picker, the percentiles and
report arithmetic, and what counts as an error. The load itself never runs in the suite."""

import random
from email.message import Message

import pytest

from bench import mix


def sample(kind="anonymous", ms=10.0, status=200, cache="miss", path="/", **extra):
    return mix.Sample(kind, 1.0, 1.0 + ms / 1000, status, cache, path, **extra)


def headers(**fields) -> Message:
    message = Message()
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = one
    return message


def test_zipf_picker_prefers_the_head_and_still_reaches_the_tail():
    items = [f"/page/{n}/" for n in range(1000)]
    picker = mix.ZipfPicker(items, rng=random.Random(1))

    picks = [picker.pick() for _ in range(50_000)]

    first, tenth = picks.count(items[0]), picks.count(items[9])
    # weight 1/rank: the first page about ten times as often as the tenth
    assert 7 < first / tenth < 13
    assert first / len(picks) == pytest.approx(1 / sum(1 / k for k in range(1, 1001)), rel=0.1)
    tail = {p for p in picks if int(p.split("/")[2]) >= 500}
    assert len(tail) > 300  # the long tail is visited, a page or two each
    assert picker.share_of_top(100) == pytest.approx(
        sum(1 / k for k in range(1, 101)) / sum(1 / k for k in range(1, 1001))
    )


def test_zipf_picker_needs_items():
    with pytest.raises(ValueError):
        mix.ZipfPicker([])


def test_popularity_order_keeps_the_head_and_shuffles_the_rest_the_same_way_each_time():
    tail = [f"/t/{n}/" for n in range(50)] + ["/"]

    order = mix.popularity_order(["/", "/forums/"], tail, seed=3)

    assert order[:2] == ["/", "/forums/"]
    assert sorted(order[2:]) == sorted(f"/t/{n}/" for n in range(50))  # once each
    assert order[2:] != sorted(order[2:])
    assert order == mix.popularity_order(["/", "/forums/"], list(reversed(tail)), seed=3)


def test_percentile_is_nearest_rank():
    values = [float(n) for n in range(1, 101)]

    assert mix.percentile(values, 0.5) == 50.0
    assert mix.percentile(values, 0.99) == 99.0
    assert mix.percentile([7.0], 0.99) == 7.0
    assert mix.percentile([], 0.5) == 0.0


def test_errors_are_wrong_answers_for_their_kind():
    assert not mix.is_error(sample("anonymous", status=200))
    assert mix.is_error(sample("anonymous", status=500))
    assert mix.is_error(sample("member", status=0))  # no answer at all
    assert not mix.is_error(sample("reply", status=302))
    assert mix.is_error(sample("reply", status=200))  # the form came back: nothing posted
    assert not mix.is_error(sample("sign-in", status=302, signed_in=True))
    assert mix.is_error(sample("sign-in", status=302, signed_in=False))


def test_a_members_redirect_within_the_site_is_followed_not_an_error():
    unread = sample("member", status=302, location="/forums/thread/5-x/?page=2#post-9")
    to_sign_in = sample("member", status=302, location="/accounts/login/?next=/forums/")
    elsewhere = sample("anonymous", status=302, location="https://example.org/")

    assert not mix.is_error(unread)
    assert mix.is_error(to_sign_in) and mix.is_error(elsewhere)


def test_a_sign_in_counts_only_when_it_lands_on_the_home_page_with_a_session():
    signed = headers(Location="/", Set_Cookie=["csrftoken=x; Path=/", "sessionid=abc; Path=/"])
    unconfirmed = headers(Location="/accounts/confirm-email/", Set_Cookie="sessionid=abc")
    no_session = headers(Location="/")

    assert mix.signed_in(signed, "sessionid")
    assert not mix.signed_in(unconfirmed, "sessionid")
    assert not mix.signed_in(no_session, "sessionid")


def test_sections_of_the_read_paths():
    assert mix.section_of("/") == "home and indexes"
    assert mix.section_of("/forums/") == "home and indexes"
    assert mix.section_of("/forums/thread/5-knee/") == "thread, first page"
    assert mix.section_of("/forums/thread/5-knee/?page=3") == "thread, later page"
    assert mix.section_of("/articles/knee-replacement/") == "article"
    assert mix.section_of("/blogs/ann/12/my-week/") == "blog post"
    assert mix.section_of("/videos/ice/") == "video"


def test_only_requests_inside_the_window_are_counted():
    inside = mix.Sample("anonymous", 2.0, 3.0, 200)
    started_early = mix.Sample("anonymous", 0.5, 1.5, 200)
    finished_late = mix.Sample("anonymous", 9.5, 10.5, 200)

    assert mix.in_window([inside, started_early, finished_late], 1.0, 10.0) == [inside]


def test_summary_arithmetic():
    samples = (
        [sample("anonymous", ms=10, cache="hit") for _ in range(60)]
        + [sample("anonymous", ms=100, cache="miss") for _ in range(20)]
        + [sample("member", ms=50, cache="") for _ in range(19)]
        + [sample("member", ms=80, status=500, cache="")]
        + [sample("reply", ms=200, status=302) for _ in range(20)]
        + [sample("sign-in", ms=300, status=302) for _ in range(10)]
    )

    summary = mix.summarize(samples, seconds=10.0, baseline_rps=100.0)

    assert summary["total_rps"] == 13.0  # 130 requests in 10 s
    assert summary["read_rps"] == 10.0
    assert summary["percent_of_baseline"] == 13.0
    assert summary["hit_ratio"] == 0.75  # 60 of the 80 anonymous reads
    assert summary["kinds"]["anonymous"]["p50"] == pytest.approx(10.0)
    assert summary["kinds"]["anonymous"]["p99"] == pytest.approx(100.0)
    assert summary["kinds"]["member"]["rps"] == 2.0
    assert summary["kinds"]["member"]["errors"] == 1
    assert summary["kinds"]["reply"]["rps"] == 2.0 and summary["kinds"]["reply"]["errors"] == 0
    assert summary["errors"] == 1
    assert summary["error_examples"] == ["member / -> 500"]
    assert summary["member_with_header"] == 0 and summary["anonymous_without_header"] == 0


def test_an_anonymous_page_built_but_not_stored_counts_as_a_miss():
    samples = [sample("anonymous", cache="hit") for _ in range(3)]
    samples += [sample("anonymous", cache="")]  # no header: a write committed meanwhile

    summary = mix.summarize(samples, seconds=1.0, baseline_rps=10.0)

    assert summary["hit_ratio"] == 0.75
    assert summary["anonymous_without_header"] == 1


def test_report_states_the_figures_against_the_baseline():
    samples = [sample("anonymous", ms=10, cache="hit") for _ in range(30)]
    samples += [sample("member", ms=40, cache="") for _ in range(10)]
    summary = mix.summarize(samples, seconds=10.0, baseline_rps=20.0)
    baseline = {"rps": 20.0, "p50": 1.0, "p99": 2.0, "errors": 0}
    context = {"readers": 16, "sessions": 16, "paths": 40, "load_before": 0.3,
               "load_after": 1.9, "cores": 2, "workers": 4}  # fmt: skip

    text = mix.report(summary, baseline, 18.0, context)

    assert "| **total** | 40 | **4.0** | **20.0%** | – | – | **0** |" in text
    assert "| anonymous reads | 30 | 3.0 | 15.0% | 10.0 | 10.0 | 0 |" in text
    assert "hit ratio of the anonymous reads (X-Page-Cache): **100.0%**" in text
    assert "18 req/s on the baseline view" in text and "(90% of wrk's)" in text
    assert "Load average (1 min) before the run 0.30, after 1.90" in text
    assert "| home and indexes | 30 | 30 | 10.0 | 10 | 40.0 |" in text
