"""Every template of the project compiles: a tag used without its `{% load %}` (or a typo in
a block) fails here, not on the one page a test happens not to open."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

TEMPLATE_ROOT = Path(settings.BASE_DIR) / "templates"
TEMPLATES = sorted(
    str(path.relative_to(TEMPLATE_ROOT))
    for path in TEMPLATE_ROOT.rglob("*")
    if path.suffix in {".html", ".txt", ".xml"}
)


def test_the_project_has_templates():
    assert "base.html" in TEMPLATES and len(TEMPLATES) > 100


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_compiles(name):
    assert get_template(name) is not None
