"""Demo heroes: the seed's Dr. Robert Klapper (a real surgeon: only what the seed says,
his name and the piece title; the piece is not on this site, and his page says so), clearly fictional demo heroes with demo stories, the
hero policy, and pending nominations for a moderator to review. Idempotent."""

import io
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import User
from articles.models import Article, BodyPart
from heroes.models import Hero, Nomination
from heroes.policy import ensure_policy_page

DEMO_BIO = (
    "*Demo profile: this surgeon is fictional, made up to show how hero pages look.*\n\n"
    "{name} works in {specialty} surgery at {practice}. Patients describe someone who explains "
    "each step before it happens and answers every question, however small."
)

HEROES = [
    {
        "slug": "robert-klapper", "honorific": "Dr.", "name": "Robert Klapper",
        "featured_title": "Preventing Knee Surgery", "is_featured": True,
    },
    {
        "slug": "ana-demo-rivera", "honorific": "Dr.", "name": "Ana Demo-Rivera (fictional)",
        "specialty": "Orthopaedic knee", "practice": "Demo General Hospital",
        "city": "Springfield (demo)", "country": "Demoland", "body_part": "knee",
        "procedures": ["knee-osteotomy", "total-knee-replacement"],
        "featured_title": "Knee osteotomy, explained", "featured_url": "/articles/knee-osteotomy/",
        "colour": (31, 95, 139), "photo": True,
    },
    {
        "slug": "sam-placeholder-okafor", "honorific": "Mr.",
        "name": "Sam Placeholder-Okafor (fictional)", "specialty": "Hip and pelvis",
        "practice": "Example Orthopaedic Centre", "city": "Riverton (demo)",
        "country": "Demoland", "body_part": "hip", "procedures": ["hip-replacement"],
        "colour": (30, 86, 49), "photo": True,
    },
    {
        "slug": "morgan-lee", "honorific": "Dr.", "name": "Morgan Lee (fictional)",
        "specialty": "Orthopaedic knee", "practice": "Demo General Hospital",
        "city": "Springfield (demo)", "country": "Demoland", "body_part": "knee",
        "procedures": ["acl-reconstruction"], "account": "dr_lee",
    },
]  # fmt: skip

STORY = (
    "*Demo story, made up for the demo site.*\n\n"
    "Before my operation ({procedure}) I was frightened of everything: the anaesthetic, the pain, "
    "whether I would walk properly again. {name} sat with me for twenty minutes the day "
    "before, drew the operation on a napkin and told me exactly what the first week at "
    "home would feel like. When the swelling came on day five I knew it was expected, "
    "because I had been told. That calm made all the difference to my recovery."
)

# (nominator, hero slug or None, new surgeon, relationship, procedure, status, may_publish)
NOMINATIONS = [
    ("kneehealer", "ana-demo-rivera", None, "patient", "knee-osteotomy", "approved", True),
    ("runagain", "ana-demo-rivera", None, "patient", "total-knee-replacement", "approved", True),
    ("singhnri123", "sam-placeholder-okafor", None, "family", "hip-replacement", "approved", True),
    ("carer_jo", "morgan-lee", None, "carer", "acl-reconstruction", "approved", True),
    ("hipnewme", "sam-placeholder-okafor", None, "patient", "hip-replacement", "approved", False),
    ("dadoody", "ana-demo-rivera", None, "patient", "acl-reconstruction", "pending", True),
    ("hipnewme", None, ("Dr. Pat Example (fictional)", "Hip and knee", "Demo Valley Clinic",
                        "Lakeside (demo)"), "patient", "hip-replacement", "pending", True),
    ("carer_jo", "sam-placeholder-okafor", None, "carer", "", "pending", False),
]  # fmt: skip


def _photo(initials: str, colour: tuple[int, int, int]) -> ContentFile:
    """A generated placeholder (coloured square with initials): no photo of anyone."""
    image = Image.new("RGB", (400, 400), colour)
    draw = ImageDraw.Draw(image)
    draw.text((200, 200), initials, fill=(255, 255, 255), anchor="mm", font_size=160)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=f"demo-{initials.lower()}.png")


def _hero(data: dict, parts: dict, articles: dict) -> Hero:
    hero = Hero.objects.filter(slug=data["slug"]).first()
    if hero is not None:
        return hero
    fields = {k: v for k, v in data.items() if k not in {"body_part", "procedures", "colour",
                                                         "photo", "account"}}  # fmt: skip
    hero = Hero(**fields, status=Hero.Status.PUBLISHED, body_part=parts.get(data.get("body_part")))
    if data.get("specialty"):
        hero.bio = DEMO_BIO.format(name=hero.display_name, specialty=data["specialty"].lower(),
                                   practice=data["practice"])  # fmt: skip
    if data.get("account"):
        hero.account = User.objects.filter(username=data["account"]).first()
    if data.get("photo"):
        initials = "".join(word[0] for word in data["name"].split()[:2])
        hero.photo = _photo(initials, data["colour"])
        hero.photo_alt = f"Placeholder image with the initials {initials} (demo, not a photo)"
    hero.save()
    hero.procedures.set([articles[s] for s in data.get("procedures", []) if s in articles])
    return hero


def _nomination(row, heroes: dict, articles: dict, moderator) -> bool:
    username, slug, new, relationship, procedure, status, may_publish = row
    nominator = User.objects.filter(username=username).first()
    hero = heroes.get(slug)
    if nominator is None:
        return False
    name = new[0] if new else ""
    same = Nomination.objects.filter(nominator=nominator, hero=hero, surgeon_name=name)
    if same.exists():
        return False
    article = articles.get(procedure)
    nomination = Nomination(
        nominator=nominator, hero=hero, relationship=relationship, procedure=article,
        story=STORY.format(procedure=article.title if article else "not listed",
                           name=hero.display_name if hero else name),
        may_publish_story=may_publish, consent_to_policy=True, status=status,
        form_token=uuid.uuid4(),
    )  # fmt: skip
    if new:
        (nomination.surgeon_name, nomination.surgeon_specialty, nomination.surgeon_practice,
         nomination.surgeon_city) = new  # fmt: skip
    if status != Nomination.Status.PENDING:
        nomination.decided_by, nomination.decided_at = moderator, timezone.now()
    nomination.save()
    return True


def load(*, stdout) -> None:
    ensure_policy_page()
    parts = {part.slug: part for part in BodyPart.objects.all()}
    articles = {article.slug: article for article in Article.objects.all()}
    heroes = {data["slug"]: _hero(data, parts, articles) for data in HEROES}
    moderator = User.objects.filter(username="demo_moderator").first()
    created = sum(_nomination(row, heroes, articles, moderator) for row in NOMINATIONS)
    stdout.write(
        f"Heroes: {Hero.objects.count()}; nominations: {created} new, "
        f"{Nomination.objects.pending().count()} waiting for review."
    )
