"""Editors keep the safety phrases and crisis lines here, with history. A phrase change is
tried against the labelled corpus first and refused if it would take crisis or emergency
recall below the target (or push false positives past the limit)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from safety import corpus
from safety.checks import rules_from
from safety.classifier import Classifier
from safety.models import CrisisLine, SafetyPhrase, SafetyReview


class SafetyPhraseForm(forms.ModelForm):
    class Meta:
        model = SafetyPhrase
        fields = ["level", "language", "phrase", "reason", "is_active"]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        problems = self.corpus_problems(cleaned)
        if problems:
            raise forms.ValidationError(
                _(
                    "This change is not saved: on the labelled corpus, %(problems)s. Make "
                    "the phrase narrower, or add one that still finds these messages."
                )
                % {"problems": "; ".join(problems)}
            )
        return cleaned

    def corpus_problems(self, cleaned: dict) -> list[str]:
        """The corpus scores with this row as the form would save it."""
        language = cleaned["language"]
        rows = list(SafetyPhrase.objects.active().filter(language=language).exclude(pk=self.instance.pk))  # fmt: skip
        if cleaned["is_active"]:
            rows.append(SafetyPhrase(**{field: cleaned[field] for field in self.Meta.fields}))
        return corpus.evaluate(Classifier(rules_from(rows), language), language).problems()


@admin.register(SafetyPhrase)
class SafetyPhraseAdmin(SimpleHistoryAdmin):
    form = SafetyPhraseForm
    list_display = ["phrase", "level", "language", "reason", "is_active"]
    list_filter = ["level", "language", "is_active"]
    search_fields = ["phrase", "reason"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # switch a phrase off instead: that change runs the corpus too


@admin.register(CrisisLine)
class CrisisLineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "country", "countries", "language", "phone", "text", "hours", "position", "is_active"]  # fmt: skip
    list_editable = ["position"]
    list_filter = ["language", "country", "is_active"]
    fields = ["name", "language", "country", "countries", "phone", "text", "hours", "url", "note", "position", "is_active"]  # fmt: skip


@admin.register(SafetyReview)
class SafetyReviewAdmin(SimpleHistoryAdmin):
    list_display = ["language", "reviewer_name", "reviewer_credentials", "last_reviewed_on", "next_review_due_on"]  # fmt: skip
    fields = ["language", "reviewer_name", "reviewer_credentials", "last_reviewed_on", "next_review_due_on"]  # fmt: skip
