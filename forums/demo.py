"""Demo forums: one per body part, a members-only one, the seed's ACL thread, and enough
talk to feel alive.

Idempotent: forums are found by slug and threads by title, so a second run adds nothing.
Posts get their historical dates, so the rows are written here rather than through
`forums.posting` (which stamps "now"); counters are recomputed at the end.
"""

import datetime

from accounts.models import User
from articles.models import Article, BodyPart
from forums.models import Forum, Post, RecoveryRecord, Thread, ThreadWatch
from forums.recovery import recovery_fields
from moderation import services

FORUMS = [
    ("knee", "Knee surgery", "ACL reconstruction, knee replacement, arthroscopy, osteotomy."),
    ("hip", "Hip surgery", "Hip replacement and recovering from it."),
    ("shoulder", "Shoulder surgery", "Rotator cuff repair and other shoulder operations."),
    ("spine", "Back and neck surgery", "Spinal fusion and other spine procedures."),
    ("foot-ankle", "Foot & ankle surgery", "Bunions, ankle and foot operations."),
    ("hand-wrist", "Hand & wrist surgery", "Carpal tunnel release and other hand surgery."),
    ("elbow", "Elbow surgery", "Cubital tunnel release and elbow operations."),
]

SEED_REPLY = (
    "I'm 12 years post op, but I remember that pain. I stretched out the percocet and "
    "vicodin for about 1 or 1.5 weeks I think. It prevented pain, but I couldn't poop for "
    "a week.  Maybe they can give you something different if what you have isn't working. "
    "Call your surgeon's office and ask, that's what they're there for. It does get better."
)


def _utc(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=datetime.UTC)


# (forum body part, title, procedure slug, [(author, days after the first post, body)])
THREADS = [
    ("knee", "5 days post op ACL surgery - strange horrible pain", "acl-reconstruction",
     _utc(2018, 7, 11, 21, 5), [
        ("dadoody", 0, "I had my ACL reconstructed (hamstring graft) five days ago. Today "
         "there is a strange, horrible pain behind the knee when I try to straighten it, "
         "worse at night. Is this normal at this stage? How did you all manage the first "
         "week?"),
        ("singhnri123", 5, SEED_REPLY),
    ]),
    ("knee", "Total knee replacement: what I wish I'd known", "total-knee-replacement",
     _utc(2018, 3, 2, 9, 30), [
        ("kneehealer", 0, "Six weeks out from my TKR. Three things nobody told me:\n\n"
         "1. Sleep is the hardest part for the first month.\n2. Ice machines are worth it.\n"
         "3. The exercises hurt, but skipping them hurts more later."),
        ("runagain", 1, "Thank you for this. My surgery is next month and I'm nervous about "
         "the sleep part. Did you sleep in a recliner?"),
        ("kneehealer", 1, "Recliner for two weeks, then bed with a pillow *under the calf*, "
         "never under the knee (my physio was strict about that)."),
        ("dr_lee", 2, "Good advice here. Keep the knee straight when resting so you don't "
         "lose extension, and tell your team if the calf becomes swollen or painful."),
    ]),
    ("knee", "Back to running after an osteotomy?", "knee-osteotomy",
     _utc(2018, 5, 18, 18, 0), [
        ("runagain", 0, "Nine months after a high tibial osteotomy. Anyone here gone back to "
         "running? My surgeon says low impact only for now."),
        ("hipnewme", 3, "Not an osteotomy, but after my hip I did a walk-run programme over "
         "12 weeks. Patience paid off."),
    ]),
    ("hip", "Hip replacement: the first night home", "hip-replacement",
     _utc(2018, 1, 9, 20, 15), [
        ("hipnewme", 0, "Home after two nights in hospital. Raised toilet seat and a grabber "
         "have been life savers. Any tips for getting in and out of the car?"),
        ("carer_jo", 0, "I look after my dad, who had his done last year: sit first, then "
         "swing both legs in together, with a plastic bag on the seat so he can turn."),
        ("kneehealer", 1, "Plastic bag trick is gold."),
    ]),
    ("shoulder", "Rotator cuff repair and sleeping in the sling", "rotator-cuff-repair",
     _utc(2017, 8, 3, 7, 45), [
        ("carer_jo", 0, "My partner had a rotator cuff repair on Monday. Sleeping is awful. "
         "How long did you sleep in the sling?"),
        ("singhnri123", 2, "Six weeks, in a recliner for most of it. It gets better around "
         "week three."),
    ]),
    ("spine", "Spinal fusion: walking targets", "spinal-fusion",
     _utc(2017, 10, 1, 12, 0), [
        ("singhnri123", 0, "Four weeks after L4-L5 fusion. My physio wants 3 walks a day. "
         "How far were you walking at this point?"),
    ]),
    ("hand-wrist", "Carpal tunnel release: numbness afterwards?", "carpal-tunnel-release",
     _utc(2017, 11, 20, 16, 30), [
        ("carer_jo", 0, "Still some numbness in two fingers three weeks after release. Did "
         "yours take long to go?"),
        ("hipnewme", 4, "Mine took about two months to fully settle."),
    ]),
]  # fmt: skip

# The members-only forum: visitors and search engines see its name, never its threads.
MEMBERS_FORUM = (
    "feelings-after-surgery",
    "Feelings and mental health after surgery",
    "Low mood, worry and sleep after an operation. Members only: visitors and search "
    "engines cannot read it.",
)
MEMBERS_THREADS = [
    (MEMBERS_FORUM[0], "Low mood in the weeks after my hip replacement", "hip-replacement",
     _utc(2018, 2, 3, 20, 15), [
        ("hipnewme", 0, "Four weeks after my hip replacement and I feel flat most days. The "
         "hip is healing well, so I feel guilty for not being happier. Did anyone else have "
         "this?"),
        ("kneehealer", 1, "Yes, weeks three to six were the hardest for me. Being stuck at "
         "home, poor sleep and the painkillers all added up. Talking to my GP helped, and so "
         "did a short walk outside every day."),
        ("carer_jo", 2, "My husband went through the same after his knee. It lifted once he "
         "could drive again. Please mention it at your follow-up: they hear it often."),
    ]),
    (MEMBERS_FORUM[0], "Anxious about going back to work", None,
     _utc(2018, 8, 20, 7, 40), [
        ("runagain", 0, "I go back to the office next week after my ACL reconstruction and "
         "I keep worrying about the commute and standing all day. How did you plan your "
         "first weeks back?"),
        ("dadoody", 3, "I asked for two weeks of half days and kept my brace and an ice pack "
         "at my desk. Telling my manager early made it much easier."),
    ]),
]  # fmt: skip

HIDDEN_POST = "Buy miracle joint pills at cheap-pills dot example, works better than surgery!!!"

RECOVERY = [("dadoody", "acl-reconstruction", datetime.date(2018, 7, 6)),
            ("kneehealer", "total-knee-replacement", datetime.date(2018, 1, 19)),
            ("hipnewme", "hip-replacement", datetime.date(2018, 1, 7))]  # fmt: skip


def _members_forum(position: int) -> Forum:
    slug, name, description = MEMBERS_FORUM
    forum, _ = Forum.objects.get_or_create(
        slug=slug,
        defaults={"name": name, "description": description, "position": position,
                  "members_only": True},
    )  # fmt: skip
    return forum


def _forums() -> dict[str, Forum]:
    forums = {}
    for position, (part_slug, name, description) in enumerate(FORUMS):
        part = BodyPart.objects.filter(slug=part_slug).first()
        forum, created = Forum.objects.get_or_create(
            slug=part_slug,
            defaults={"name": name, "description": description, "position": position,
                      "body_part": part},
        )  # fmt: skip
        if created and part is not None:
            forum.articles.set(
                Article.objects.published().filter(body_part=part, translation_of__isnull=True)
            )
        forums[part_slug] = forum
    forums[MEMBERS_FORUM[0]] = _members_forum(len(FORUMS))
    return forums


def _recovery_records(members: dict[str, User]) -> None:
    for username, slug, surgery_date in RECOVERY:
        article = Article.objects.filter(slug=slug).first()
        if article is not None and username in members:
            RecoveryRecord.objects.get_or_create(
                user=members[username], article=article, surgery_date=surgery_date,
                defaults={"is_public": True},
            )  # fmt: skip


def _thread(forum: Forum, spec, members: dict[str, User]) -> bool:
    _, title, procedure_slug, started, posts = spec
    if Thread.objects.filter(forum=forum, title=title).exists():
        return False
    author = members[posts[0][0]]
    thread = Thread.objects.create(
        forum=forum, title=title, author=author, created_at=started, last_post_at=started,
        article=Article.objects.filter(slug=procedure_slug).first(),
    )  # fmt: skip
    for number, (username, days, body) in enumerate(posts, start=1):
        when = started + datetime.timedelta(days=days, hours=number)
        member = members[username]
        Post.objects.create(
            thread=thread, author=member, number=number, body=body, created_at=when,
            **recovery_fields(member, thread, when.date()),
        )  # fmt: skip
        ThreadWatch.objects.get_or_create(user=member, thread=thread)
    thread.last_post_number = len(posts)
    thread.view_count = 40 * len(posts) + 7
    thread.save(update_fields=["last_post_number", "view_count"])
    thread.recount()
    return True


def load(*, stdout) -> None:
    members = {user.username: user for user in User.objects.filter(deleted_at=None)}
    if "dadoody" not in members:
        stdout.write("Forums: skipped (no demo members).")
        return
    forums = _forums()
    _recovery_records(members)
    created = sum(_thread(forums[spec[0]], spec, members) for spec in THREADS)
    members_only = sum(_thread(forums[spec[0]], spec, members) for spec in MEMBERS_THREADS)
    if created:
        _hidden_spam(forums["knee"], members)
        _open_report(members)
    if created or members_only:
        for user in members.values():
            user.post_count = user.forum_posts.count()
            user.save(update_fields=["post_count"])
    for forum in forums.values():
        forum.recount()
    stdout.write(f"Forums: {len(forums)} forums, {created + members_only} new threads.")


def _hidden_spam(forum: Forum, members: dict[str, User]) -> None:
    """One spam reply, hidden by the demo moderator, to show the placeholder."""
    thread = Thread.objects.filter(forum=forum, title=THREADS[1][1]).first()
    spammer, moderator = members.get("runagain"), members.get("demo_moderator")
    if thread is None or spammer is None:
        return
    number = thread.last_post_number + 1
    post = Post.objects.create(
        thread=thread, author=spammer, number=number, body=HIDDEN_POST,
        created_at=thread.last_post_at + datetime.timedelta(hours=2),
    )  # fmt: skip
    thread.last_post_number = number
    thread.save(update_fields=["last_post_number"])
    report = services.report_content(target=post, reporter=members.get("kneehealer"),
                                     reason="spam", note="Advert for pills.")  # fmt: skip
    services.hide_reported(report=report, moderator=moderator, note="Spam (demo).")


def _open_report(members: dict[str, User]) -> None:
    """A member's report waiting in the moderators' queue (the demo's open work is what
    members report, not automatic flags on helpful replies)."""
    post = Post.objects.filter(thread__title=THREADS[2][1], number=2).first()
    if post is not None and "carer_jo" in members:
        services.report_content(
            target=post, reporter=members["carer_jo"], reason="misinformation",
            note="A hip walk-run plan may not suit an osteotomy: should this carry a caveat?",
        )  # fmt: skip
