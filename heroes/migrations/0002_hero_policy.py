"""The first version of the hero policy, as a site page moderators edit in the admin."""

from django.db import migrations


def create_policy(apps, schema_editor):
    from heroes.policy import POLICY_BODY, POLICY_SLUG, POLICY_TITLE
    from core.markdown import render_markdown

    SitePage = apps.get_model("portal", "SitePage")
    if not SitePage.objects.filter(slug=POLICY_SLUG).exists():
        SitePage.objects.create(
            slug=POLICY_SLUG,
            title=POLICY_TITLE,
            body=POLICY_BODY,
            body_html=render_markdown(POLICY_BODY),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("heroes", "0001_initial"),
        ("portal", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_policy, migrations.RunPython.noop)]
