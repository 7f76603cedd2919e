import pytest


@pytest.fixture(autouse=True)
def _generous_new_member_limit(settings):
    """Test members are minutes old; only the rate-limit tests use the real limit."""
    settings.FORUMS_NEW_MEMBER_RATE = (1000, 10)
