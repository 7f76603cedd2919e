from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark (`make bench`): the large data set and the baseline view. Installed only
    when PORTAL_BENCH is on (and under the test runner); product apps hold no bench code."""

    name = "bench"
    verbose_name = "Benchmark"
