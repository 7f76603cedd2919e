import pytest


@pytest.fixture(autouse=True)
def _generous_new_member_limit(settings):
    """Test members are minutes old; only the rate-limit tests use the real limit."""
    settings.PORTAL_POSTING_RATES = {
        **settings.PORTAL_POSTING_RATES,
        "forum_post": ("1000/m", "1000/m"),
    }
