"""Procedure articles: every section of the seed's structure, drafts, the list, queries."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.articles.factories import CARE_INSTRUCTIONS, make_osteotomy
from tests.factories import make_article, make_body_part

pytestmark = pytest.mark.django_db


@pytest.fixture
def osteotomy():
    return make_osteotomy()


def article_html(client, slug="knee-osteotomy") -> str:
    response = client.get(f"/articles/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_article_page_has_one_h1_and_the_header_facts(client, osteotomy):
    html = article_html(client)

    assert html.count("<h1") == 1
    assert '<h1 class="mb-1">Knee osteotomy</h1>' in html
    assert "Also known as Bone realignment, High tibial osteotomy." in html
    assert "Performed by: Orthopedic surgeon" in html
    assert "Demo content" in html


def test_article_page_shows_every_text_section(client, osteotomy):
    html = article_html(client)

    assert "<strong>reshapes</strong>" in html
    for heading, text in [
        ("Why it is done", "relieve arthritis pain"),
        ("Detailed description", "opens or closes a wedge"),
        ("Activity restrictions", "Avoid running and jumping."),
        ("Risks", "failure of the bone to heal"),
        ("Medicines", "Prescription and non-prescription painkillers."),
        ("Sources", "National guidance"),
    ]:
        assert f">{heading}</h2>" in html
        assert html.index(heading) < html.index(text)


def test_article_timeline_shows_stay_recovery_and_restrictions(client, osteotomy):
    html = article_html(client)

    assert "1–4 days" in html
    assert "4–12 weeks depending on surgery" in html
    assert "up to 9–12 months" in html
    assert html.index("1–4 days") < html.index("4–12 weeks") < html.index("9–12 months")


def test_timeline_single_values_and_missing_steps(client):
    make_article(
        slug="short-stay", hospital_stay_min_days=1, hospital_stay_max_days=1,
        home_recovery_max_weeks=6,
    )  # fmt: skip

    html = article_html(client, "short-stay")

    assert "1 day<" in html
    assert "up to 6 weeks" in html
    assert "Restrictions</span>" not in html


def test_care_instructions_in_their_order(client, osteotomy):
    html = article_html(client)

    positions = [html.index(text) for text in CARE_INSTRUCTIONS]
    assert positions == sorted(positions)
    assert html.count('<ol class="care-instructions">') == 1


def test_warning_signs_at_the_top_and_again_at_the_end(client, osteotomy):
    html = article_html(client)

    assert html.count("See your doctor if") == 2
    top = html.index('id="warning-top"')
    end = html.index('id="warning-end"')
    assert top < html.index("Stay and recovery") < html.index(">Medicines</h2>") < end
    assert html.count("You have a fever") == 2


def test_last_reviewed_and_overdue_notice(client, osteotomy):
    html = article_html(client)

    assert '<time datetime="2001-10-26">26 Oct 2001</time> by Dr. A. Reviewer, FRCS (Orth)' in html
    assert '<time datetime="2002-10-26">26 Oct 2002</time>' in html
    assert "This article is due for review" in html


def test_no_overdue_notice_when_review_is_current(client):
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    make_article(slug="fresh", last_reviewed_on=timezone.localdate(), next_review_due_on=next_year)
    make_article(slug="stale", last_reviewed_on=last_year, next_review_due_on=last_year)

    assert "due for review" in article_html(client, "stale")
    assert "due for review" not in article_html(client, "fresh")


def test_reviewer_account_is_credited_by_pseudonym(client, moderator):
    make_article(slug="by-account", reviewer=moderator, last_reviewed_on=datetime.date(2024, 1, 2))

    assert "by moderator." in article_html(client, "by-account")


def test_related_articles_from_the_same_body_part(client, osteotomy):
    make_article(title="Knee arthroscopy", slug="knee-arthroscopy", body_part=osteotomy.body_part)
    make_article(title="Hip replacement", slug="hip-replacement")
    make_article(title="Draft knee op", slug="draft-knee", body_part=osteotomy.body_part,
                 status=Article.Status.DRAFT)  # fmt: skip

    html = article_html(client)

    assert "Knee arthroscopy" in html
    assert "Hip replacement" not in html
    assert "Draft knee op" not in html


def test_article_page_has_a_print_button(client, osteotomy):
    assert "data-print" in article_html(client)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("visitor", 404), ("patient", 404), ("editor", 200), ("moderator", 200)],
)
def test_drafts_are_visible_only_to_editors_and_moderators(client, persona, expected, request):
    make_article(slug="a-draft", status=Article.Status.DRAFT)
    if persona != "visitor":
        client.force_login(request.getfixturevalue(persona))

    response = client.get("/articles/a-draft/")

    assert response.status_code == expected


def test_drafts_are_not_listed(client):
    make_article(title="Published op")
    make_article(title="Secret draft", status=Article.Status.DRAFT)

    html = client.get("/articles/").content.decode()

    assert "Published op" in html
    assert "Secret draft" not in html


def test_publishing_sets_the_date_and_keeps_history(editor):
    article = make_article(status=Article.Status.DRAFT)

    article.publish()

    assert article.published_at is not None
    assert article.history.count() == 2


def test_article_markdown_is_sanitised_on_save():
    article = make_article(summary="Hi <script>alert(1)</script>", risks="[x](javascript:alert(1))")

    assert "Hi" in article.summary_html
    assert "<script" not in article.summary_html
    assert "javascript:" not in article.risks_html


def test_list_filters_by_body_part(client):
    hip = make_body_part(name="Hip", slug="hip")
    make_article(title="Hip replacement", body_part=hip)
    make_article(title="Knee replacement")

    html = client.get("/articles/?body_part=hip").content.decode()

    assert "<h1>Hip procedures</h1>" in html
    assert "Hip replacement" in html
    assert "Knee replacement" not in html


def test_list_unknown_body_part_is_404(client):
    make_body_part(slug="knee")

    assert client.get("/articles/?body_part=knee").status_code == 200
    assert client.get("/articles/?body_part=elbow").status_code == 404


def test_list_a_to_z(client):
    make_article(title="ACL reconstruction")
    make_article(title="Bunionectomy")

    html = client.get("/articles/?letter=b").content.decode()

    assert "Bunionectomy" in html
    assert "ACL reconstruction" not in html
    assert '<span class="page-link">Z</span>' in html


@pytest.mark.parametrize("page", ["0", "-1", "999", "abc", "1.5", ""])
def test_list_pagination_edge_cases_never_fail(client, page):
    for n in range(25):
        make_article(title=f"Procedure {n:02d}")

    response = client.get(f"/articles/?page={page}")

    assert response.status_code == 200


def test_list_paginates(client):
    for n in range(25):
        make_article(title=f"Procedure {n:02d}")

    first = client.get("/articles/").content.decode()
    second = client.get("/articles/?page=2").content.decode()

    assert "Procedure 19" in first and "Procedure 20" not in first
    assert "Procedure 20" in second and "Procedure 24" in second
