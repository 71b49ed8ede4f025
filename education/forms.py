from django import forms

ANSWER_CHOICES = [("no", "No"), ("yes", "Yes"), ("unsure", "Not sure")]


class SelfCheckForm(forms.Form):
    """One yes / no / not sure question per published precaution that has a question.

    Nothing is saved: the answers are read once to build the reply and then dropped.
    """

    def __init__(self, *args, precautions, **kwargs):
        super().__init__(*args, **kwargs)
        self.precautions = {f"q{precaution.pk}": precaution for precaution in precautions}
        for name, precaution in self.precautions.items():
            self.fields[name] = forms.ChoiceField(
                label=precaution.self_check_question,
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose Yes, No or Not sure."},
            )

    def reasons(self):
        """The precautions answered "yes" or "not sure", in the order asked."""
        return [
            precaution
            for name, precaution in self.precautions.items()
            if self.cleaned_data.get(name) in {"yes", "unsure"}
        ]
