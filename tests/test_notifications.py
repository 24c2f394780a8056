"""People are told inside the workspace: the bell counts, the page lists, in the
reader's language, and reading them is a POST."""

import pytest
from django.utils import translation

from consult import moderation
from consult.models import Input
from positions import review
from stakeholders.models import Notification
from stakeholders.notifications import message
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def _kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_review_request_changes_approval_and_comments_reach_each_person(
    world, django_capture_on_commit_callbacks
):
    inputs = inputs_for(world)
    Input.objects.filter(pk=inputs[0].pk).update(author=world.ngo_participant)
    version = aggregate(world)
    section = version.sections.get(key=f"issue:{world.issue.pk}")

    with django_capture_on_commit_callbacks(execute=True):
        review.version_transition(version=version, move="submit", actor=world.staff)
    assert _kinds(world.director) == ["review_requested"]
    review.review_comment_add(version=version, section=section, author=world.director, text="x")
    assert "section_comment" in _kinds(world.staff)
    with django_capture_on_commit_callbacks(execute=True):
        review.version_transition(
            version=version, move="request_changes", actor=world.director, note="Lebih singkat."
        )
        review.version_transition(version=version, move="submit", actor=world.staff)
        review.version_transition(version=version, move="approve", actor=world.director)

    assert "changes_requested" in _kinds(world.staff)
    assert "approved" in _kinds(world.staff)
    assert _kinds(world.ngo_participant) == ["input_cited"]
    cited = Notification.objects.get(recipient=world.ngo_participant)
    assert cited.url.endswith("/paper/feedback/")
    with translation.override("id"):
        assert inputs[0].reference in message(cited)
        assert "dikutip" in message(cited)


def test_a_participant_is_told_why_their_input_was_hidden(world, login):
    input = inputs_for(world, orgs=[world.ngo])[0]
    Input.objects.filter(pk=input.pk).update(author=world.ngo_participant)
    input.refresh_from_db()

    moderation.input_hide(input=input, reason="Di luar topik konsultasi.", actor=world.staff)

    client = login(world.ngo_participant)
    home = client.get("/").content.decode()
    assert 'class="count"' in home
    page = client.get("/notifications/").content.decode()
    assert "Di luar topik konsultasi." in page
    assert input.reference in page
    # reading the list changes nothing; marking read is a POST
    assert Notification.objects.get(recipient=world.ngo_participant).read_at is None
    client.post("/notifications/")
    assert Notification.objects.get(recipient=world.ngo_participant).read_at is not None
    assert 'class="count"' not in client.get("/").content.decode()


def test_nobody_reads_anothers_notifications(world, login):
    Notification.objects.create(
        recipient=world.director,
        kind="review_requested",
        values={"actor": "A", "number": 1, "paper": "P"},
    )

    page = login(world.staff).get("/notifications/").content.decode()
    assert "A asks you" not in page
    assert "meminta Anda" not in page


def test_the_input_page_says_it_was_hidden_and_why(world, login):
    input = inputs_for(world, orgs=[world.ngo])[0]
    moderation.input_hide(input=input, reason="Di luar topik konsultasi.", actor=world.staff)

    page = login(world.ngo_participant).get(input.get_absolute_url()).content.decode()

    assert "disembunyikan oleh direktorat" in page
    assert "Di luar topik konsultasi." in page


def test_the_director_sees_the_versions_awaiting_review(world, login):
    from django.urls import reverse

    inputs_for(world)
    version = aggregate(world)
    review.version_transition(version=version, move="submit", actor=world.staff)

    page = login(world.director).get(reverse("staff:dashboard", args=[world.consultation.slug]))

    section = page.content.decode().split('id="review-h"')[1].split("</section>")[0]
    assert version.get_absolute_url() in section


def test_approving_a_version_that_cites_many_inputs_tells_their_authors_in_one_insert(
    world, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import InputFactory

    for n in range(30):
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=world.ngo,
            author=world.ngo_participant,
            text=f"Perlindungan pekerja migran nomor {n} harus dimulai sejak di desa asal.",
        )
    version = aggregate(world)
    review.version_transition(version=version, move="submit", actor=world.staff)

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        review.version_transition(version=version, move="approve", actor=world.director)

    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "stakeholders_notification"')]
    assert len(inserts) <= 2  # the people involved, then every cited input's author
    cited = Notification.objects.filter(recipient=world.ngo_participant, kind="input_cited")
    assert cited.count() == 30


def test_an_input_named_only_in_the_participants_annex_is_not_called_cited(
    world, django_capture_on_commit_callbacks
):
    inputs_for(world)
    # a thank-you is left out of every key point; the annex still counts it
    (thanks,) = inputs_for(world, text="Terima kasih.", orgs=[world.ngo])
    Input.objects.filter(pk=thanks.pk).update(author=world.ngo_participant)
    version = aggregate(world)
    assert version.sections.filter(kind="annex", paragraphs__sources=thanks).exists()

    with django_capture_on_commit_callbacks(execute=True):
        review.version_transition(version=version, move="submit", actor=world.staff)
        review.version_transition(version=version, move="approve", actor=world.director)

    assert "input_cited" not in _kinds(world.ngo_participant)
