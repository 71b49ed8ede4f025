import pytest
from django.core.management import call_command

from tests.factories import ClinicProfileFactory, StaffUserFactory, SuperUserFactory


@pytest.fixture
def clinic(db):
    return ClinicProfileFactory()


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def staff_user(db):
    return StaffUserFactory()


@pytest.fixture
def superuser(db):
    return SuperUserFactory(username="boss")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
