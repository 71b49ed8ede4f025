"""The staff groups made by the data migrations, and what each may and may not do."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from education.models import Article, EditorialSettings
from education.roles import CLINIC_MANAGER, CONTENT_EDITOR
from tests.factories import ArticleFactory, StaffUserFactory, SuperUserFactory

pytestmark = pytest.mark.django_db

MODERATOR = "Comment moderator"


def member_of(*group_names, username):
    user = StaffUserFactory(username=username)
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def users(db):
    return {
        "editor": member_of(CONTENT_EDITOR, username="editor"),
        "moderator": member_of(MODERATOR, username="moderator"),
        "manager": member_of(CLINIC_MANAGER, username="manager"),
        "editor+moderator": member_of(CONTENT_EDITOR, MODERATOR, username="both"),
    }


def test_the_three_staff_groups_exist_after_migrating():
    names = set(Group.objects.values_list("name", flat=True))
    assert {CONTENT_EDITOR, CLINIC_MANAGER, MODERATOR} <= names


# (who, admin page, may open it?)
MATRIX = [
    ("editor", "admin:education_article_add", True),
    ("editor", "admin:education_faq_changelist", True),
    ("editor", "admin:education_sitepage_changelist", True),
    ("editor", "admin:education_benefit_add", True),
    ("editor", "admin:auth_user_changelist", False),
    ("editor", "admin:auth_group_changelist", False),
    ("editor", "admin:comments_comment_changelist", False),
    ("editor", "admin:axes_accessattempt_changelist", False),
    ("moderator", "admin:comments_comment_changelist", True),
    ("moderator", "admin:education_article_add", False),
    ("moderator", "admin:education_article_changelist", False),
    ("moderator", "admin:auth_user_changelist", False),
    ("manager", "admin:education_article_add", True),
    ("manager", "admin:comments_comment_changelist", True),
    ("manager", "admin:comments_commentsettings_changelist", True),
    ("manager", "admin:auth_user_changelist", True),
    ("manager", "admin:auth_user_add", True),
    ("manager", "admin:auth_group_changelist", True),
    ("manager", "admin:axes_accessattempt_changelist", True),
    ("manager", "admin:admin_logentry_changelist", True),
    ("editor+moderator", "admin:comments_comment_changelist", True),
    ("editor+moderator", "admin:education_article_add", True),
]


@pytest.mark.parametrize(("who", "url_name", "allowed"), MATRIX)
def test_group_permission_matrix(client, users, clinic, who, url_name, allowed):
    client.force_login(users[who])
    response = client.get(reverse(url_name), follow=True)
    assert (response.status_code == 200) is allowed, (who, url_name, response.status_code)


def test_editor_can_read_but_not_change_the_editorial_settings(client, users):
    client.force_login(users["editor"])
    url = reverse("admin:education_editorialsettings_add")
    assert client.get(url).status_code == 403
    users["editor"].refresh_from_db()
    assert users["editor"].has_perm("education.view_editorialsettings")
    assert not users["editor"].has_perm("education.change_editorialsettings")


def test_manager_changes_the_editorial_settings(client, users):
    client.force_login(users["manager"])
    response = client.post(
        reverse("admin:education_editorialsettings_add"),
        {"reading_grade_target": "7", "claim_phrases": "miracle", "review_interval_months": "6"},
    )
    assert response.status_code == 302
    settings = EditorialSettings.load()
    assert settings.reading_grade_target == 7
    assert settings.claim_phrase_list == ["miracle"]
    assert settings.review_interval_months == 6


@pytest.mark.parametrize(
    ("who", "can_preview"),
    [("editor", True), ("manager", True), ("moderator", False), ("editor+moderator", True)],
)
def test_who_can_preview_a_draft(client, users, clinic, who, can_preview):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(users[who])
    expected = 200 if can_preview else 404
    assert client.get(draft.get_absolute_url()).status_code == expected


def test_manager_cannot_make_anyone_a_superuser(client, users):
    manager = users["manager"]
    client.force_login(manager)
    url = reverse("admin:auth_user_change", args=[manager.pk])
    html = client.get(url).content.decode()
    assert 'name="is_superuser"' not in html
    client.post(
        url,
        {
            "username": manager.username,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [g.pk for g in manager.groups.all()],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
    )
    manager.refresh_from_db()
    assert not manager.is_superuser


def test_manager_cannot_change_or_delete_a_superuser_account(client, users):
    boss = SuperUserFactory(username="owner")
    client.force_login(users["manager"])
    url = reverse("admin:auth_user_change", args=[boss.pk])
    # The manager may look at the account, read-only, but not change it.
    assert 'name="username"' not in client.get(url).content.decode()
    assert client.post(url, {"username": "renamed", "is_active": "on"}).status_code == 403
    assert client.post(reverse("admin:auth_user_delete", args=[boss.pk])).status_code == 403
    boss.refresh_from_db()
    assert boss.username == "owner"
