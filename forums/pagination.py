"""Pages of threads and posts whose total is already known (a counter on a row).

Counting 15,000 rows for every page view is what makes big forums slow; the forum's
`thread_count` and the thread's `last_post_number` give the paginator its count instead.
"""

from django.core.paginator import Paginator

from core.inputs import query_int


class _Counted:
    def __init__(self, count: int):
        self._count = count

    def count(self) -> int:
        return self._count

    def __getitem__(self, item):
        return []


def page_for(request, *, count: int, per_page: int):
    """The requested page, clamped: no number or nonsense -> 1, past the end -> the last."""
    paginator = Paginator(_Counted(count), per_page, allow_empty_first_page=True)
    number = min(max(query_int(request, "page") or 1, 1), paginator.num_pages)
    return paginator.page(number)
