import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from education.models import FAQ, Article, ClinicProfile

# The demo content is loaded once for the module, as `make run` finds it after
# its first start; each test loads it again over that, in its own transaction.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-loader")]


@pytest.fixture(autouse=True)
def loaded_once(demo_content_for_module):
    """The content every test starts from."""


def education_counts():
    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("education").get_models()
    }


def test_loading_twice_duplicates_nothing():
    first = education_counts()
    call_command("load_demo_content", verbosity=0)
    assert education_counts() == first
    assert first["Article"] >= 5
    assert first["FAQ"] >= 14
    assert first["Benefit"] == 12


def test_a_staff_edit_survives_a_reload():
    profile = ClinicProfile.objects.get()
    profile.phone = "604-555-0123"
    profile.save()
    faq = FAQ.objects.first()
    faq.answer = "<p>Edited by staff.</p>"
    faq.save()
    article = Article.objects.first()
    article.title = "Staff title"
    article.related_articles.clear()
    article.save()

    call_command("load_demo_content", verbosity=0)

    assert ClinicProfile.objects.get().phone == "604-555-0123"
    faq.refresh_from_db()
    assert faq.answer == "<p>Edited by staff.</p>"
    article.refresh_from_db()
    assert article.title == "Staff title"
    assert article.related_articles.count() == 0


def test_demo_articles_are_published_and_reviewed():
    assert Article.objects.published().count() == Article.objects.count()
    assert not Article.objects.filter(reviewer__isnull=True).exists()


def test_demo_staff_login_is_refused_outside_development():
    with pytest.raises(CommandError):
        call_command("ensure_demo_staff")


def test_all_demo_content_arrives_approved_by_a_demo_clinician():
    from education.models import SignOff
    from education.workflow import ClinicalState, reviewed_models

    for model in reviewed_models():
        rows = model.objects.all()
        assert rows.exists(), model
        assert not rows.exclude(clinical_state=ClinicalState.APPROVED).exists(), model
        assert not rows.filter(current_approval__isnull=True).exists(), model
    approvals = SignOff.objects.filter(action=SignOff.Action.APPROVED)
    assert not approvals.filter(reviewer__isnull=True).exists()
    assert not approvals.filter(version__isnull=True).exists()
    # A second run approves nothing twice.
    count = approvals.count()
    call_command("load_demo_content", verbosity=0)
    assert SignOff.objects.count() == count


def test_demo_staff_include_a_reviewer_linked_to_the_demo_clinician(settings):
    from django.contrib.auth import get_user_model

    from education.models import Reviewer

    settings.DEMO_ACCOUNTS_ALLOWED = True
    call_command("ensure_demo_staff", verbosity=0)
    users = get_user_model().objects
    reviewer = users.get(username="clinic-reviewer")
    assert reviewer.groups.filter(name="Clinical reviewer").exists()
    assert Reviewer.objects.get(user=reviewer)
    assert users.get(username="clinic-editor").groups.filter(name="Content editor").exists()
    assert reviewer.has_perm("education.sign_off_content")
    assert not users.get(username="clinic-editor").has_perm("education.sign_off_content")
