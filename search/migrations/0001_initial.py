"""The search tables move from `portal` to the search app: the tables stay, only Django's\nstate (and the content types) move."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def _move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ['searchentry', 'searchsynonym', 'historicalsearchsynonym', 'searchword']:
        if not ContentType.objects.filter(app_label="search", model=model).exists():
            ContentType.objects.filter(app_label="portal", model=model).update(app_label="search")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('portal', '0003_search_postgres'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='SearchSynonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(help_text='e.g. TKR', max_length=100, unique=True)),
                ('synonyms', models.TextField(help_text='One per line, e.g. total knee replacement')),
            ],
            options={
                'db_table': 'portal_searchsynonym',
                'ordering': ['term'],
            },
        ),
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=60, unique=True)),
            ],
            options={
                'db_table': 'portal_searchword',
                'ordering': ['word'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalSearchSynonym',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('term', models.CharField(db_index=True, help_text='e.g. TKR', max_length=100)),
                ('synonyms', models.TextField(help_text='One per line, e.g. total knee replacement')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'db_table': 'portal_historicalsearchsynonym',
                'verbose_name': 'historical search synonym',
                'verbose_name_plural': 'historical search synonyms',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('kind', models.CharField(db_index=True, max_length=20)),
                ('title', models.CharField(max_length=300)),
                ('other_names', models.TextField(blank=True)),
                ('body', models.TextField(blank=True)),
                ('url', models.CharField(max_length=500)),
                ('body_part_slug', models.CharField(blank=True, db_index=True, max_length=50)),
                ('visible_from', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
            ],
            options={
                'db_table': 'portal_searchentry',
                'verbose_name_plural': 'search entries',
                'ordering': ['-visible_from'],
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='one_entry_per_item')],
            },
        ),
        ]),
        migrations.RunPython(_move_content_types, migrations.RunPython.noop),
    ]
