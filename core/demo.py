"""Demo site pages: the medical disclaimer, privacy, terms and community guidelines."""

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
        "We collect as little as we can, and we say below exactly what we keep, why, for how "
        "long and who can see it.\n\n"
        "- Your **pseudonym** is public; your **email address** is never shown to anyone.\n"
        "- Our pages load nothing from other companies: no adverts, no analytics, no web "
        "fonts. Videos from YouTube or Vimeo load only after you click play.\n"
        "- If you record your procedure and surgery date, they stay private unless you choose "
        "to show them.",
    ),
    "terms": (
        "Terms of use",
        "Be kind; this is a place for people going through surgery and recovery.\n\n"
        "1. You must be at least the minimum age shown on the sign-up form to join.\n"
        "2. Follow the [community guidelines](/pages/guidelines/).\n"
        "3. No medical advice presented as fact: share your experience and point people to "
        "their care team.\n"
        "4. No personal details: yours or anyone else's.\n"
        "5. No advertising or spam.\n"
        "6. Moderators may hide posts that break these rules and suspend accounts that "
        "keep doing so.\n\n"
        "How we handle your data is in the [privacy notice](/pages/privacy/).",
    ),
    "guidelines": (
        "Community guidelines",
        "This community works because people feel safe sharing hard things. Please help "
        "keep it that way.\n\n"
        "## Share your experience, not instructions\n"
        "Say what happened to you and what your care team told you. Never tell someone to "
        "stop, start or change a medicine.\n\n"
        "## Write about children and others safely\n"
        "- Use no names, photos, schools or places that could identify a child, a partner, "
        'a relative, a nurse or a surgeon. "My daughter (9)" is enough.\n'
        "- Tell only your part of someone else's story. Their diagnosis, their mental "
        "health and their care are theirs to share.\n"
        "- Think of the child reading this in ten years: leave out what they might not want "
        "the world to know.\n"
        "- Do not post screenshots of private messages or of other people's posts.\n\n"
        "## Look after each other\n"
        "- If someone seems to be in danger, reply kindly, point them to emergency help, and "
        "report the post so a moderator sees it quickly.\n"
        "- Disagree with ideas, never with people. No harassment, no pile-ons.\n"
        "- You can block any member: you will no longer get their messages, mentions or "
        "notifications.\n\n"
        "## Private messages\n"
        "Private messages are for support between members, not for selling, recruiting or "
        'pressing anyone. Use "Report this message" if someone makes you uneasy: a '
        "moderator then reads that one message, nothing else.",
    ),
}


def load(*, stdout) -> None:
    for slug, (title, body) in PAGES.items():
        SitePage.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})
    stdout.write(f"Site pages: {len(PAGES)}.")
