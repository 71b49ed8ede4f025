import pytest

from comments.models import CommentSettings
from tests.factories import ArticleFactory


@pytest.fixture
def comment_settings(db):
    """Saved settings with the defaults; tests change what they need."""
    settings = CommentSettings.load()
    settings.save()
    return settings


@pytest.fixture
def article(clinic):
    return ArticleFactory(title="What is IMS?", slug="what-is-ims")
