"""The hero policy: a site page (Markdown, with history) that moderators edit in the admin.

A data migration writes the first version below, so the policy exists on every site;
after that the admin's copy is the policy, and this text is only the starting point.
"""

from core.models import SitePage

POLICY_SLUG = "hero-policy"
POLICY_TITLE = "Hero policy"
POLICY_BODY = """\
Heroes are surgeons whom patients, families, carers and colleagues want to thank. This
policy says who can be nominated, how we decide, and what we publish.

## Who can be nominated
Any practising or retired surgeon who cared for you or for someone close to you, or whom
you worked alongside. You need an account on the portal to send a nomination.

## What makes a hero
Tell us about **a specific situation**: what the surgeon did and why it mattered. We look
for care beyond the routine: clear explanations, kindness, time taken, good judgement.
A nomination is not a review of clinical outcomes and not a complaint; please use the
proper channels for those.

## How nominations are reviewed
- Every nomination is read by a moderator before anything is published. Until then it is
  seen only by you and the moderators.
- A moderator approves it (adding your story to the surgeon's hero page, or creating the
  page), declines it with a reason, or closes it as a repeat of one we already have.
- You can nominate the same surgeon once every 30 days, and send up to five nominations
  a day.
- You are told of the decision on the site and, if you wish, by email.

## What is published
- A hero page shows the surgeon's name, specialty, practice and city, a short biography
  and a photo only if the surgeon has agreed, and a featured piece from this site.
- Your story appears on the page **only if you ticked "publish my story"**, under your
  pseudonym. We never publish your email address or other contact details.
- Stories must not name other patients or share anyone's private health details;
  moderators may shorten or decline a story that does.
- A surgeon with a verified account on the portal shows the verified badge and their
  recent public answers in the forums.

## How a surgeon can ask to be removed
A surgeon who does not want a hero page, or wants something on it changed, can sign in
(a free account is enough) and use **"Report a problem with this page"** at the foot of
their hero page, choosing "Other" and telling us what they would like. A moderator
unpublishes the page while we look into it, usually within two working days, and removes
what the surgeon asks. Anyone can also report a story that shares private details.
Surgeons can ask to be verified from their account, so they can answer in the forums in
their own name.
"""


def policy_page() -> SitePage | None:
    return SitePage.objects.filter(slug=POLICY_SLUG).first()


def ensure_policy_page() -> SitePage:
    page, _ = SitePage.objects.get_or_create(
        slug=POLICY_SLUG, defaults={"title": POLICY_TITLE, "body": POLICY_BODY}
    )
    return page
