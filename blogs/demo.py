"""Demo blogs: the seed's "Does Creatine cause Hair Loss?" by singhnri123, and recovery
diaries linked to the demo procedures, with tags and comments. Idempotent: a post is
found again by (author, title); a missing member or article is skipped."""

from django.utils import timezone

from accounts.models import User
from articles.models import Article
from blogs.models import BlogPost, Comment
from blogs.posting import blog_for

BLOGS = {
    "singhnri123": ("Lifting again", "Getting back to the gym after knee surgery."),
    "kneehealer": ("Osteotomy diary", "Week by week after a high tibial osteotomy."),
    "runagain": ("Road back to running", "ACL reconstruction, rehab and the first 5k."),
    "hipnewme": ("New hip, new me", "Notes from a hip replacement, for whoever is next."),
    "dadoody": ("", ""),
}

POSTS = [
    {
        "author": "singhnri123",
        "title": "Does Creatine cause Hair Loss?",
        "days_ago": 1,
        "tags": ["supplements", "gym", "recovery"],
        "body": (
            "My physio suggested I get back to strength work, and a friend at the gym swears by "
            "creatine. Then I read that it **causes hair loss**. So I went looking.\n\n"
            "What I found, as a patient and not a doctor:\n\n"
            "- the worry comes from one small study in rugby players that measured a hormone "
            "(DHT), not hair;\n"
            "- later reviews found no good evidence that creatine makes hair fall out;\n"
            "- it is still a supplement: ask your surgeon or GP before adding anything while "
            "you heal.\n\n"
            "I asked at my six-week check. The answer was \"fine, drink water, don't overdo "
            'it". Has anyone else tried it during rehab?'
        ),
        "comments": [
            (
                "runagain",
                "Same question here. My physio said the same: fine, but talk to your "
                "own doctor first. I did not notice any difference to my hair!",
            ),
            ("carer_jo", "Thank you for linking what you read rather than just the headline."),
        ],
    },
    {
        "author": "kneehealer",
        "title": "Osteotomy diary: the first week at home",
        "article": "knee-osteotomy",
        "days_ago": 20,
        "tags": ["knee", "osteotomy", "week 1"],
        "body": (
            "Home after two nights in hospital. The leg is in a brace and I am on crutches.\n\n"
            "## What helped\n\n"
            "- Ice, ten minutes at a time, with a towel between the pack and the skin.\n"
            "- Pumping my ankles every hour, as the nurse showed me.\n"
            "- A chair with arms, so I can stand up without twisting.\n\n"
            "Sleeping is the hard part. Day 7 and it is getting easier."
        ),
        "comments": [
            ("hipnewme", "The chair with arms! Nobody tells you that. Keep going."),
            ("dr_lee", "Good to read. Keep the ankle pumps going; they matter."),
        ],
    },
    {
        "author": "kneehealer",
        "title": "Osteotomy diary: six weeks, first steps without crutches",
        "article": "knee-osteotomy",
        "days_ago": 3,
        "tags": ["knee", "osteotomy", "physio"],
        "body": (
            "X-ray today: the bone is healing and the plate is where it should be. My surgeon "
            "said I can start putting full weight on the leg.\n\n"
            "Three steps without crutches in the kitchen. I cried a little."
        ),
        "comments": [],
    },
    {
        "author": "runagain",
        "title": "ACL reconstruction: what I packed for hospital",
        "article": "acl-reconstruction",
        "days_ago": 40,
        "tags": ["acl", "knee", "hospital"],
        "body": (
            "A short list, because I over-packed:\n\n"
            "1. Loose shorts (trousers will not go over the brace).\n"
            "2. A long phone charger.\n"
            "3. Slip-on shoes.\n"
            "4. A book I had already read, because painkillers make new ones hard to follow."
        ),
        "comments": [("dadoody", "Slip-on shoes, yes. I learned that one the hard way.")],
    },
    {
        "author": "runagain",
        "title": "Month three after ACL surgery: jogging on the treadmill",
        "article": "acl-reconstruction",
        "days_ago": 10,
        "tags": ["acl", "running", "physio"],
        "body": (
            "Physio cleared me for gentle jogging. Five minutes, walk, five minutes. "
            "The knee felt strange but not painful. Slow is fast."
        ),
        "comments": [],
    },
    {
        "author": "hipnewme",
        "title": "Hip replacement: the things I was scared of",
        "article": "hip-replacement",
        "days_ago": 15,
        "tags": ["hip", "hip replacement", "before surgery"],
        "body": (
            "I was scared of the anaesthetic, of the pain and of never walking the dog again.\n\n"
            "The anaesthetic was a spinal and I felt nothing. The pain was real but managed. "
            "The dog and I did our first short walk at week four."
        ),
        "comments": [("carer_jo", "My dad had his in March. This is exactly his story.")],
    },
    {
        "author": "dadoody",
        "title": "Total knee replacement: the exercises nobody warned me about",
        "article": "total-knee-replacement",
        "days_ago": 8,
        "tags": ["knee", "tkr", "physio"],
        "body": (
            "Bending the knee past 90 degrees is the goal, and it is hard work. "
            "Little and often worked better for me than one long session."
        ),
        "comments": [],
    },
]


def _post(data: dict, members: dict, articles: dict) -> bool:
    author = members.get(data["author"])
    if author is None or BlogPost.objects.filter(author=author, title=data["title"]).exists():
        return False
    post = BlogPost.objects.create(
        blog=blog_for(author),
        author=author,
        title=data["title"],
        body=data["body"],
        article=articles.get(data.get("article")),
        publication=BlogPost.Publication.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(days=data["days_ago"]),
    )
    post.tags.set(data["tags"])
    for hours, (username, body) in enumerate(data["comments"], start=3):
        if commenter := members.get(username):
            when = post.published_at + timezone.timedelta(hours=hours)
            Comment.objects.create(post=post, author=commenter, body=body, created_at=when)
    post.refresh_comment_count()
    return True


def load(*, stdout) -> None:
    usernames = {data["author"] for data in POSTS} | {
        username for data in POSTS for username, _ in data["comments"]
    }
    members = {user.username: user for user in User.objects.filter(username__in=usernames)}
    slugs = {data.get("article") for data in POSTS} - {None}
    articles = {a.slug: a for a in Article.objects.published().filter(slug__in=slugs)}
    for username, (title, description) in BLOGS.items():
        if username in members:
            blog = blog_for(members[username])
            if not blog.title and title:
                blog.title, blog.description = title, description
                blog.save(update_fields=["title", "description"])
    created = sum(_post(data, members, articles) for data in POSTS)
    stdout.write(f"Blog posts: {created} new, {BlogPost.objects.count()} in all.")
