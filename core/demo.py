"""Demo site pages: the medical disclaimer, privacy and terms."""

from core.models import SitePage

PAGES = {
    "medical-disclaimer": (
        "Medical disclaimer",
        "The articles, forums, blogs and videos on this site are **information, not medical "
        "advice**. Every patient is different: talk to your own surgeon or doctor about your "
        "care.\n\nIf you think you have an emergency, call your local emergency number now.\n\n"
        "Posts by members share personal experience. Verified surgeons carry a badge, but even "
        "they cannot advise you without examining you.",
    ),
    "privacy": (
        "Privacy",
        "We collect as little as we can.\n\n"
        "- Your **pseudonym** is public; your **email address** is never shown to anyone.\n"
        "- Our pages load nothing from other companies: no adverts, no analytics, no web "
        "fonts. Videos from YouTube or Vimeo load only after you click play.\n"
        "- You can **download your data** and **delete your account** from your settings at "
        'any time. When you delete your account, your posts stay, credited to "deleted '
        'member"; ask a moderator to remove anything you want gone.\n'
        "- If you record your procedure and surgery date, they stay private unless you choose "
        "to show them.",
    ),
    "terms": (
        "Terms of use",
        "Be kind; this is a place for people going through surgery and recovery.\n\n"
        "1. No medical advice presented as fact: share your experience and point people to "
        "their care team.\n"
        "2. No personal details: yours or anyone else's.\n"
        "3. No advertising or spam.\n"
        "4. Moderators may hide posts that break these rules and suspend accounts that "
        "keep doing so.",
    ),
}


def load(*, stdout) -> None:
    for slug, (title, body) in PAGES.items():
        SitePage.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})
    stdout.write(f"Site pages: {len(PAGES)}.")
