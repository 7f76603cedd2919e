"""What helps a reader through an article: the table of contents, illustrations placed at a
section (uploaded by editors in the admin, re-encoded without metadata) and the short
print view."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from PIL import Image

from articles.models import Article, Illustration
from tests.articles.factories import make_osteotomy
from tests.blogs.factories import image_bytes
from tests.factories import make_article, make_user
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def osteotomy():
    return make_osteotomy()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def toc_links(html: str) -> list[tuple[str, str]]:
    nav = re.search(
        r'<nav class="article-toc[^"]*" aria-label="On this page">(.*?)</nav>', html, re.S
    )
    assert nav, "the article has a table of contents"
    return re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', nav.group(1))


def test_table_of_contents_links_to_every_section_heading(client, osteotomy):
    html = page(client, osteotomy.get_absolute_url())

    links = toc_links(html)

    assert [heading for _, heading in links] == [
        "What it is", "Why it is done", "Detailed description", "Stay and recovery",
        "Caring for yourself at home", "Activity restrictions", "Risks", "Medicines",
        "When to see your doctor", "Was this page helpful?",
    ]  # fmt: skip
    for anchor, _ in links:
        assert html.count(f'id="{anchor}"') == 1, f"#{anchor} has exactly one target"


def test_table_of_contents_leaves_out_empty_sections(client):
    article = make_article(risks="Infection.")

    headings = [heading for _, heading in toc_links(page(client, article.get_absolute_url()))]

    assert "Risks" in headings  # a filled section is listed…
    assert "Medicines" not in headings and "Why it is done" not in headings  # …empty ones not


# Illustrations: uploaded in the admin, inline on the article.


def admin_form(article: Article, **illustration) -> dict:
    """The article's admin change form as the browser would send it, with one new
    illustration (fields given) in the inline."""
    data = {
        key: ("" if value is None else value)
        for key, value in model_to_dict(article).items()
        if key not in ("id", "reviewer", "is_featured", "is_demo")
    }
    data["body_part"] = article.body_part_id
    for prefix, count in (("care_instructions", 0), ("warning_signs", 0), ("illustrations", 1)):
        data |= {f"{prefix}-TOTAL_FORMS": str(count), f"{prefix}-INITIAL_FORMS": "0",
                 f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}  # fmt: skip
    data |= {f"illustrations-0-{key}": value for key, value in illustration.items()}
    return data


def upload(content: bytes, name: str = "wound.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def post_illustration(client, article, **fields):
    fields = {"section": "care-at-home", "position": "0", "alt_text": "A dressed knee wound",
              "caption": "Keep the dressing dry.", **fields}  # fmt: skip
    return client.post(
        f"/admin/articles/article/{article.pk}/change/", admin_form(article, **fields)
    )


def test_editor_adds_an_illustration_reencoded_without_its_metadata(client, editor):
    article = make_article(title="Knee arthroscopy", slug="knee-arthroscopy")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera make
    exif[0x0131] = "PhoneOS 1.2 at 51.5N 0.1W"  # software, with a place in it
    client.force_login(editor)

    response = post_illustration(
        client, article, image=upload(image_bytes("JPEG", size=(80, 60), exif=exif.tobytes()))
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    picture = Illustration.objects.get()
    assert picture.image.name.startswith("articles/illustrations/")
    assert (picture.width, picture.height) == (80, 60)
    with Image.open(picture.image.path) as saved:
        assert saved.format == "JPEG"
        assert not saved.getexif()
    with open(picture.image.path, "rb") as saved_bytes:
        content = saved_bytes.read()
        assert b"SecretCam" not in content and b"51.5N" not in content


def test_an_illustration_without_a_description_is_refused(client, editor):
    article = make_article()
    client.force_login(editor)

    response = post_illustration(client, article, image=upload(image_bytes("JPEG")), alt_text=" ")

    assert response.status_code == 200
    assert "Please describe the picture for people who cannot see it." in response.content.decode()
    assert not Illustration.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_with_the_reason(client, editor):
    article = make_article()
    client.force_login(editor)

    response = post_illustration(client, article, image=upload(b"%PDF-1.4 not a picture"))

    assert response.status_code == 200
    assert "This file is not an image we can read" in response.content.decode()
    assert not Illustration.objects.exists()


def test_members_cannot_add_illustrations(client, patient):
    article = make_article()
    client.force_login(patient)

    response = post_illustration(client, article, image=upload(image_bytes("JPEG")))

    assert response.status_code == 302 and "/login/" in response.url
    assert not Illustration.objects.exists()


def test_illustration_is_shown_at_the_end_of_its_section(client, osteotomy):
    Illustration.objects.create(
        article=osteotomy, section="care-at-home", image=upload(image_bytes("JPEG")),
        alt_text="Crutches by a bed", caption="Keep your crutches within reach.",
    )  # fmt: skip

    html = page(client, osteotomy.get_absolute_url())

    figure = html.index('alt="Crutches by a bed"')
    assert html.index('id="care-at-home"') < figure < html.index('id="restrictions"')
    assert "<figcaption" in html and "Keep your crutches within reach." in html
    assert 'width="40" height="30"' in html  # no layout shift while it loads


# The short print view.


def test_print_view_has_the_key_facts_warning_signs_and_care_list(client, osteotomy):
    make_thread(article=osteotomy, title="Two weeks after my osteotomy")
    full = page(client, osteotomy.get_absolute_url())

    html = page(client, f"{osteotomy.get_absolute_url()}print/")

    assert "Key facts" in html and "<strong>reshapes</strong>" in html
    assert "In hospital" in html  # the stay and recovery timeline
    assert "See your doctor if" in html and "You have a fever" in html
    assert "Caring for yourself at home" in html and "Keep the wound clean and dry." in html
    # Positive control: the full page has the discussion, the blogs and the long sections.
    assert "Discuss this procedure" in full and "Two weeks after my osteotomy" in full
    for long_part in ("Discuss this procedure", "Two weeks after my osteotomy",
                      "Detailed description", "Was this page helpful?", "On this page"):  # fmt: skip
        assert long_part not in html


def test_article_page_links_to_its_print_view(client, osteotomy):
    html = page(client, osteotomy.get_absolute_url())

    assert f'href="{osteotomy.get_absolute_url()}print/"' in html


def test_print_view_of_a_draft_is_for_staff_only(client, editor):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(make_user())
    assert client.get(f"{draft.get_absolute_url()}print/").status_code == 404

    client.force_login(editor)
    assert client.get(f"{draft.get_absolute_url()}print/").status_code == 200
