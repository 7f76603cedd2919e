from django.core.management.base import BaseCommand, CommandError

from bench import data as benchdata


class Command(BaseCommand):
    help = (
        "Build the benchmark's large data set deterministically with bulk inserts, then the "
        "search index: by default 20,000 forum threads and 200,000 posts by 5,000 members (one "
        "forum of at least 15,000 threads, one thread of 200 posts), 300 articles, 10,000 blog "
        "posts in 1,000 blogs (some scheduled, some drafts, tagged) and 200 videos with "
        "transcripts. Parts already there are left alone (drop the database to rebuild)."
    )

    def add_arguments(self, parser):
        defaults = benchdata.Sizes()
        for name in ("threads", "posts", "members", "articles", "blogs", "blog_posts", "videos",
                     "seed"):  # fmt: skip
            parser.add_argument(f"--{name.replace('_', '-')}", type=int,
                                default=getattr(defaults, name))  # fmt: skip

    def handle(self, *args, **options):
        sizes = benchdata.Sizes(
            **{name: options[name] for name in benchdata.Sizes.__dataclass_fields__}
        )
        if min(sizes.threads, sizes.posts, sizes.members) < 1:
            raise CommandError("--threads, --posts and --members must be positive.")
        if sizes.posts < sizes.threads:
            raise CommandError("Every thread needs a first post: --posts must be >= --threads.")
        if sizes.blog_posts and sizes.blogs < 1:
            raise CommandError("Blog posts need blogs: --blogs must be positive.")
        report = benchdata.build(sizes, out=self.stdout.write)
        self.stdout.write("")
        for name, seconds in report.seconds.items():
            self.stdout.write(f"  {name:14} {seconds:7.1f} s")
        for name in report.skipped:
            self.stdout.write(f"  {name:14} already there")
        if report.index_seconds is not None:
            self.stdout.write(
                f"  {'search index':14} {report.index_seconds:7.1f} s ({report.indexed} entries)"
            )
        self.stdout.write(f"  {'total':14} {report.total_seconds:7.1f} s")
        if report.database_bytes is not None:
            size = report.database_bytes / 1024**2
            self.stdout.write(f"  {'database size':14} {size:7.0f} MB")
        self.stdout.write(self.style.SUCCESS("Bench data ready."))
