import uuid

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from articles.models import Article
from core.forms import FormTokenMixin, StorableTextMixin
from heroes.links import name_key
from heroes.models import STORY_MIN_LENGTH, Hero, Nomination
from heroes.nominating import repeat_refusal


class NominationForm(StorableTextMixin, FormTokenMixin, forms.ModelForm):
    """Nominate a listed hero or name a new surgeon. `user` is the nominator: the
    30-day and daily limits depend on who is asking."""

    class Meta:
        model = Nomination
        fields = [
            "hero", "surgeon_name", "surgeon_specialty", "surgeon_practice", "surgeon_city",
            "relationship", "procedure", "story", "may_publish_story", "consent_to_policy",
        ]  # fmt: skip
        labels = {"hero": gettext_lazy("A surgeon already on our Heroes page")}
        help_texts = {
            "hero": gettext_lazy(
                "Choose them here, or leave this and name a surgeon who is not listed below."
            ),
            "surgeon_name": gettext_lazy(
                "If the surgeon is not listed above: their name, e.g. Dr. Jane Smith."
            ),
            "procedure": gettext_lazy("Optional: the operation they did or helped you through."),
            "story": format_lazy(
                gettext_lazy(
                    "A specific situation: what they did and what it meant to you. At least "
                    "{count} characters. Please leave out other people's names and anything "
                    "private. You can use Markdown."
                ),
                count=STORY_MIN_LENGTH,
            ),
            "may_publish_story": gettext_lazy(
                "If your nomination is approved, your story may appear on the hero's page "
                "under your pseudonym."
            ),
        }
        widgets = {"story": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["hero"].queryset = Hero.objects.for_public_display()
        self.fields["hero"].empty_label = _("— Someone not listed: fill in their details below —")
        self.fields["procedure"].queryset = (
            Article.objects.published().readable_in(get_language()).order_by("title")
        )
        self.fields["procedure"].empty_label = _("— None, or not listed —")
        self.fields["consent_to_policy"].required = True
        self.fields["consent_to_policy"].error_messages["required"] = _(
            "Please read and agree to the hero policy to send a nomination."
        )
        self.fields["story"].min_length = STORY_MIN_LENGTH
        self.fields["story"].error_messages["min_length"] = _(
            "Please tell us a little more: at least %(limit_value)d characters "
            "(you wrote %(show_value)d)."
        )
        self.fields["story"].strip = True

    def clean(self):
        cleaned = super().clean()
        hero, name = cleaned.get("hero"), cleaned.get("surgeon_name", "").strip()
        if hero and name:
            raise forms.ValidationError(
                _("Choose a surgeon from the list or name a new one, not both.")
            )
        if hero and hero.account_id == self.user.pk:
            raise forms.ValidationError(_("You can't nominate yourself, but thank you for asking."))
        if not hero:
            self._clean_new_surgeon(cleaned, name)
            hero = cleaned["hero"] = self._listed_hero(name)
        key = hero.name_key if hero and not name else name_key(name)
        if key and (refusal := repeat_refusal(self.user, key=key, hero=hero)):
            raise forms.ValidationError(refusal, code="repeat")
        return cleaned

    def _clean_new_surgeon(self, cleaned, name):
        if not name:
            self.add_error("surgeon_name", _("Choose a surgeon from the list, or give their name."))
            return
        if not name_key(name):
            self.add_error("surgeon_name", _("Please give the surgeon's name in letters."))
        for field in ("surgeon_practice", "surgeon_city"):
            if not cleaned.get(field, "").strip():
                self.add_error(field, _("Needed to tell surgeons with the same name apart."))

    @staticmethod
    def _listed_hero(name: str):
        """A new name that matches a listed hero is a nomination of that hero."""
        key = name_key(name) if name else ""
        return Hero.objects.for_public_display().filter(name_key=key).first() if key else None

    def save(self, commit=True):
        nomination = super().save(commit=False)
        nomination.form_token = self.cleaned_data["form_token"] or uuid.uuid4()
        if commit:
            nomination.save()
        return nomination
