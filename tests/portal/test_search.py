"""Site search: parsing, ranking, synonyms, visibility, highlighting and bad queries."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from search import query as site_search
from search.indexing import rebuild
from search.models import SearchEntry, SearchSynonym
from tests.factories import make_article

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text features"
)


def titles(response) -> list[str]:
    return [entry.title for entry, _title, _snippet, _label in response.context["hits"]]


def test_parser_understands_websearch_syntax():
    query = site_search.parse_query('knee "bone realignment" -hip carpal OR bunion')

    assert [(c.alternatives, c.negated) for c in query.clauses] == [
        (["knee"], False),
        (["bone realignment"], False),
        (["hip"], True),
        (["carpal", "bunion"], False),
    ]


@pytest.mark.parametrize(
    "raw",
    ['"unbalanced', "!!!", "-", "OR", "\x00\x00", "a" * 2000, "' OR 1=1; --", "<script>x</script>"],
)
def test_parser_never_raises_on_bad_input(raw):
    query = site_search.parse_query(raw)

    assert all(alt.strip() for clause in query.clauses for alt in clause.alternatives)


@pytest.mark.django_db
def test_title_match_outranks_body_match(client):
    make_article(title="Shoulder arthroscopy", summary="A keyhole operation.")
    make_article(title="Hip revision", summary="Sometimes done after a shoulder injury.")

    response = client.get(reverse("search"), {"q": "shoulder"})

    assert titles(response) == ["Shoulder arthroscopy", "Hip revision"]


@pytest.mark.django_db
def test_other_names_find_the_article(client):
    make_article(title="Knee osteotomy", other_names="bone realignment", summary="Cutting bone.")

    response = client.get(reverse("search"), {"q": "bone realignment"})

    assert titles(response) == ["Knee osteotomy"]


@pytest.mark.django_db
def test_stemming_matches_other_forms_of_a_word(client):
    make_article(title="Knee osteotomy", summary="It corrects a misalignment of the knee.")

    response = client.get(reverse("search"), {"q": "misaligned"})

    assert titles(response) == ["Knee osteotomy"]


@pytest.mark.django_db
def test_phrase_and_exclusion(client):
    make_article(title="A", summary="Failure to heal is a risk.")
    make_article(title="B", summary="Heal well; failure is rare.")
    make_article(title="C", summary="Failure to heal after hip surgery.")

    response = client.get(reverse("search"), {"q": '"failure to heal" -hip'})

    assert titles(response) == ["A"]


@pytest.mark.django_db
def test_synonyms_from_the_admin_list_find_each_other(client):
    SearchSynonym.objects.create(term="TKR", synonyms="total knee replacement")
    make_article(title="Total knee replacement", summary="A new joint.")
    make_article(title="Rehab diary", summary="Week 3 after my TKR.")

    by_abbreviation = client.get(reverse("search"), {"q": "tkr"})
    by_words = client.get(reverse("search"), {"q": "total knee replacement"})

    assert set(titles(by_abbreviation)) == {"Total knee replacement", "Rehab diary"}
    assert set(titles(by_words)) == {"Total knee replacement", "Rehab diary"}


@pytest.mark.django_db
def test_matching_words_are_highlighted_and_text_escaped(client):
    make_article(title="Knee <b>osteotomy</b>", summary="The knee is realigned.")

    response = client.get(reverse("search"), {"q": "knee"})

    html = response.content.decode()
    assert "<mark>Knee</mark> &lt;b&gt;osteotomy&lt;/b&gt;" in html
    assert "The <mark>knee</mark> is realigned." in html


@pytest.mark.django_db
def test_drafts_never_appear_and_unpublishing_removes_an_article(client):
    make_article(title="Secret draft osteotomy", status=Article.Status.DRAFT)
    published = make_article(title="Public osteotomy")
    before = client.get(reverse("search"), {"q": "osteotomy"})

    published.status = Article.Status.DRAFT
    published.save()
    response = client.get(reverse("search"), {"q": "osteotomy"})

    assert titles(before) == ["Public osteotomy"]
    assert titles(response) == []
    assert not SearchEntry.objects.exists()


@pytest.mark.django_db
def test_filter_by_type_and_body_part(client):
    knee = make_article(title="Knee replacement").body_part
    make_article(title="Hip replacement")

    response = client.get(reverse("search"), {"q": "replacement", "body_part": knee.slug})

    assert titles(response) == ["Knee replacement"]
    assert response.context["kinds"][0][:2] == ("article", "Articles")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw",
    ["", "   ", "!!!", '"unbalanced quote', "\x00", "x" * 2000, "'; DROP TABLE x; --",
     "<script>alert(1)</script>", "-only -negative", "OR OR OR"],
)  # fmt: skip
def test_bad_queries_answer_a_normal_page(client, raw):
    make_article(title="Knee osteotomy")

    response = client.get(reverse("search"), {"q": raw})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.django_db
def test_long_query_is_shortened_with_a_message(client):
    response = client.get(reverse("search"), {"q": "knee " * 400})

    assert "shortened to 200 characters" in response.content.decode()


@pytest.mark.django_db
def test_did_you_mean_suggests_a_known_word(client):
    make_article(title="Knee replacement")
    rebuild()

    response = client.get(reverse("search"), {"q": "replacment"})

    assert response.context["suggestion"] == "replacement"


@pytest.mark.django_db
def test_rebuild_indexes_every_public_article():
    for n in range(3):
        make_article(title=f"Article {n}")
    make_article(title="Draft", status=Article.Status.DRAFT)
    SearchEntry.objects.all().delete()

    assert rebuild() == 3
    assert SearchEntry.objects.count() == 3


@pytest.mark.django_db
def test_search_page_queries_do_not_grow_with_results(client, django_assert_max_num_queries):
    for n in range(25):
        make_article(title=f"Knee procedure {n}")

    with django_assert_max_num_queries(8):
        response = client.get(reverse("search"), {"q": "knee"})

    assert len(response.context["hits"]) == 20


@postgres_only
@pytest.mark.django_db
def test_postgres_vector_is_kept_current_in_the_same_transaction():
    article = make_article(title="Spinal fusion", summary="Joining vertebrae.")

    article.title = "Lumbar fusion"
    article.save()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ plainto_tsquery('english', 'lumbar') FROM portal_searchentry"
        )
        assert cursor.fetchone() == (True,)


@pytest.mark.django_db
def test_videos_are_found_by_transcript_and_drafts_are_not(client):
    from tests.videos.factories import make_video

    knee = make_article(title="Knee replacement")
    make_video(title="Rehab exercises", transcript="Straight leg raises.", related_articles=[knee])
    make_video(title="Unfinished", transcript="Straight leg raises.", status="draft")

    response = client.get(reverse("search"), {"q": "leg raises", "body_part": knee.body_part.slug})

    assert titles(response) == ["Rehab exercises"]


@pytest.mark.django_db
def test_published_heroes_are_found_and_drafts_are_not(client):
    from tests.heroes.factories import make_hero

    make_hero(name="Ada Quill", specialty="Hand surgery")
    make_hero(name="Bea Quill", specialty="Hand surgery", status="draft")

    response = client.get(reverse("search"), {"q": "quill", "type": "hero"})

    assert titles(response) == ["Dr. Ada Quill"]


@pytest.mark.django_db
def test_forum_threads_and_replies_are_found_and_hiding_removes_them(client, moderator):
    from forums.posting import reply
    from moderation.services import hide
    from tests.forums.factories import make_thread

    thread = make_thread(title="Day 5 after ACL surgery", body="The swelling is easing.")
    answer = reply(thread=thread, author=moderator, body="Ice and elevation helped me.")
    found = titles(client.get(reverse("search"), {"q": "elevation"}))

    hide(target=answer, moderator=moderator)
    after_hiding_reply = titles(client.get(reverse("search"), {"q": "elevation"}))
    hide(target=thread, moderator=moderator)
    after_hiding_thread = titles(client.get(reverse("search"), {"q": "swelling"}))

    assert found == ["Day 5 after ACL surgery"]
    assert after_hiding_reply == []
    assert after_hiding_thread == []


@pytest.mark.django_db
def test_replies_are_not_found_by_their_thread_title_alone(client, moderator):
    from forums.posting import reply
    from tests.forums.factories import make_thread

    busy = make_thread(title="Crutches chat", body="Anything goes.")
    for n in range(3):
        reply(thread=busy, author=moderator, body=f"Reply {n} about the weather.")
    make_thread(title="Choosing crutches", body="Which crutches are best?")

    response = client.get(reverse("search"), {"q": "crutches"})

    assert set(titles(response)) == {"Crutches chat", "Choosing crutches"}
    assert {entry.kind for entry, _title, _snippet, _label in response.context["hits"]} == {
        "thread"
    }


@pytest.mark.django_db
def test_each_result_names_its_type_in_words(client):
    from tests.blogs.factories import make_post as make_blog_post

    make_blog_post(title="Kneecap diary", body="Kneecap exercises every morning.")
    make_article(title="Kneecap surgery", summary="Kneecap stabilisation.")
    rebuild()

    html = client.get(reverse("search"), {"q": "kneecap"}).content.decode()

    labels = re.findall(r'<p class="small text-body-secondary mb-1">([^<·]+)', html)
    assert sorted(label.strip() for label in labels) == ["Article", "Blog post"]
    assert "Blogpost" not in html
