"""The safety notices on a 390×844 phone: while typing and after posting, each level's
notice is inside the viewport and above the submit button; every page is axe-clean."""

import pytest
from django.utils import timezone

from moderation.models import Report
from tests.factories import make_article, make_user
from tests.forums.factories import make_forum, make_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
TEXTS = {
    "crisis": "I don't want to live anymore, thinking about taking all my pills",
    "emergency": "Chest pain and I'm short of breath, 10 days after my knee replacement",
    "sign": "I have had a fever since this morning",
}


def _thread():
    knee = make_article(
        title="Knee osteotomy", slug="knee-osteotomy",
        warning_signs=[("Fever or chills", "fever, chills"), ("Fever or chills.", "fever")],
    )  # fmt: skip
    forum = make_forum(name="Knee surgery", slug="knee", articles=[knee])
    return make_thread(forum=forum, article=knee, title="Week 2", body="How is everyone?")


IN_VIEW = """selector => {
  const box = document.querySelector(selector)?.getBoundingClientRect();
  return box && box.top >= -1 && box.bottom <= window.innerHeight + 1;
}"""


def _assert_in_view_and_above(page, selector: str, button) -> None:
    notice = page.locator(selector)
    notice.wait_for()
    page.wait_for_function(IN_VIEW, arg=selector, timeout=3000)
    box, button_box = notice.bounding_box(), button.bounding_box()
    bottom = box["y"] + box["height"]
    assert box["y"] >= -1 and bottom <= PHONE["height"] + 1, box  # 1 px: sub-pixel layout
    assert bottom <= button_box["y"], (box, button_box)


@pytest.mark.parametrize("level", ["crisis", "emergency", "sign"])
def test_each_notice_is_visible_above_the_button_on_a_phone(
    page, live_server, login, assert_accessible, level
):
    thread = _thread()
    login(page, live_server, make_user(date_joined=timezone.now() - timezone.timedelta(days=90)))
    page.set_viewport_size(PHONE)
    page.goto(thread.get_absolute_url())

    page.get_by_label("Your message").fill(TEXTS[level])
    button = page.get_by_role("button", name="Post reply")
    _assert_in_view_and_above(page, f'#post-check [data-safety-level="{level}"]', button)
    assert_accessible(page)

    button.click()
    page.wait_for_load_state("load")
    after = f'#safety-notice [data-safety-level="{level}"]'
    _assert_in_view_and_above(page, after, page.get_by_role("button", name="Post reply"))
    assert "Your post is published" in page.locator(after).inner_text()
    assert Report.objects.get().level == level
    assert_accessible(page)


def test_crisis_page_from_the_footer_link(page, live_server, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto("/")
    page.get_by_role("link", name="Need help now?").click()
    page.wait_for_load_state("load")

    assert page.get_by_role("heading", level=1).inner_text() == "Need help now?"
    assert "not monitored around the clock" in page.content()
    assert_accessible(page)
