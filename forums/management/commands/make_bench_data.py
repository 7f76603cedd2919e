from django.core.management.base import BaseCommand, CommandError

from forums.benchdata import BenchData


class Command(BaseCommand):
    help = (
        "Build a large forum for the benchmark, deterministically, with bulk inserts: by "
        "default 20,000 threads and 200,000 posts by 5,000 members, one forum holding at "
        "least 15,000 threads and one thread holding 200 posts. Does nothing if the bench "
        "forum exists already (drop the benchmark database to rebuild)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=20000)
        parser.add_argument("--posts", type=int, default=200000)
        parser.add_argument("--members", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2018)

    def handle(self, *args, threads, posts, members, seed, **options):
        if min(threads, posts, members) < 1:
            raise CommandError("--threads, --posts and --members must be positive.")
        try:
            data = BenchData(
                threads=threads, posts=posts, members=members, seed=seed, out=self.stdout.write
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if data.exists():
            self.stdout.write("Bench data is already there; nothing to do.")
            return
        data.build()
        self.stdout.write(self.style.SUCCESS(f"Built {threads} threads and {posts} posts."))
