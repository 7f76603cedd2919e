"""Doing things at the same moment on separate database connections (PostgreSQL only:
SQLite serialises every writer, so it cannot show a race)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent connections"
)


def at_once(*functions) -> list:
    """Run each function in its own thread (own connection), released together; return
    their results in order, or raise the first error."""
    barrier = threading.Barrier(len(functions))
    results: list = [None] * len(functions)
    errors: list[BaseException] = []

    def run(index, function):
        try:
            barrier.wait(timeout=30)
            results[index] = function()
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results


def post_as(user, url: str, data: dict):
    """What one browser tab does: a signed-in member's POST, on the thread's connection."""
    client = Client()
    client.force_login(user)
    return client.post(url, data)
