from django import forms
from django.utils.translation import gettext_lazy as _

from .models import RedFlag

ANSWER_CHOICES = [("no", _("No")), ("yes", _("Yes")), ("unsure", _("Not sure"))]
CONCERNING = {"yes", "unsure"}


class SelfCheckForm(forms.Form):
    """The red-flag questions first, then one question per published precaution.

    Every question is yes / no / not sure; "not sure" counts as "yes", to be safe.
    Nothing is saved: the answers are read once to build the reply and then dropped.
    """

    def __init__(self, *args, precautions, red_flags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.red_flags = {f"r{flag.pk}": flag for flag in red_flags}
        self.precautions = {f"q{precaution.pk}": precaution for precaution in precautions}
        for name, flag in self.red_flags.items():
            self.fields[name] = self._question(flag.question)
        for name, precaution in self.precautions.items():
            self.fields[name] = self._question(precaution.self_check_question)

    @staticmethod
    def _question(label):
        return forms.ChoiceField(
            label=label,
            choices=ANSWER_CHOICES,
            widget=forms.RadioSelect,
            error_messages={"required": _("Please choose Yes, No or Not sure.")},
        )

    def red_flag_fields(self):
        return [self[name] for name in self.red_flags]

    def precaution_fields(self):
        return [self[name] for name in self.precautions]

    def _concerning(self, items):
        return [item for name, item in items.items() if self.cleaned_data.get(name) in CONCERNING]

    def emergencies(self):
        """Red flags answered "yes" or "not sure" that mean: call 911 now."""
        flags = self._concerning(self.red_flags)
        return [flag for flag in flags if flag.route == RedFlag.Route.EMERGENCY]

    def same_day(self):
        """Red flags answered "yes" or "not sure" that need 8-1-1 or a doctor today."""
        flags = self._concerning(self.red_flags)
        return [flag for flag in flags if flag.route == RedFlag.Route.SAME_DAY]

    def reasons(self):
        """The precautions answered "yes" or "not sure", in the order asked."""
        return self._concerning(self.precautions)
