"""The paper page opens the version people should read: the latest, or the approved
one with a link to any newer draft; versions newest first with their status."""

import re

import pytest

from positions import review
from tests.positions.paper_helpers import aggregate, inputs_for
from tests.positions.test_paper_workflow import _edit

pytestmark = pytest.mark.django_db


def _approve(world, version):
    review.version_transition(version=version, move="submit", actor=world.staff)
    review.version_transition(version=version, move="approve", actor=world.director)


def _shown(content):
    """The number of the version whose body the page shows."""
    return int(re.search(r'<h2 id="version-h">\D*(\d+)', content).group(1))


def test_after_aggregate_edit_reaggregate_and_approval_the_page_shows_the_approved_latest(
    world, login
):
    inputs_for(world)
    v1 = aggregate(world)
    _edit(world, v1, "Teks direktorat.")
    v3 = aggregate(world)
    _approve(world, v3)

    for user in (world.staff, world.partner_participant):
        content = login(user).get(v1.paper.get_absolute_url()).content.decode()
        assert _shown(content) == 3
        listed = re.findall(r'/paper/v/(\d+)/"', content) or re.findall(r"/v(\d+)/", content)
        numbers = [int(n) for n in re.findall(r"<li><a href=\"[^\"]*/(\d+)/\">", content)]
        assert numbers[:3] == [3, 2, 1], listed
        assert 'class="badge approved"' in content


def test_an_approved_version_is_shown_with_a_link_to_the_newer_draft(world, login):
    inputs_for(world)
    v1 = aggregate(world)
    _approve(world, v1)
    v2 = _edit(world, v1, "Teks baru setelah persetujuan.")

    content = login(world.staff).get(v1.paper.get_absolute_url()).content.decode()
    assert _shown(content) == 1
    assert v2.get_absolute_url() in content
    assert 'id="newer-draft"' in content


def test_markup_a_participant_typed_is_shown_as_typed_not_dropped(world, login):
    text = "Protect domestic workers' passports; see <ILO C189> and <b>UU 18/2017</b>."
    inputs_for(world, text=text)
    version = aggregate(world)

    content = login(world.staff).get(version.paper.get_absolute_url()).content.decode()

    assert "see &lt;ILO C189&gt; and &lt;b&gt;UU 18/2017&lt;/b&gt;." in content
    assert "<b>UU" not in content


def test_the_directorates_review_notes_are_read_by_the_directorate_alone(world, login):
    inputs_for(world)
    version = aggregate(world)
    review.version_transition(version=version, move="submit", actor=world.staff)
    review.version_transition(
        version=version,
        move="request_changes",
        actor=world.director,
        note="Label divergen di 1.1 tidak tepat.",
    )
    url = version.get_absolute_url()

    assert "Label divergen di 1.1" in login(world.staff).get(url).content.decode()
    assert "Label divergen di 1.1" in login(world.director).get(url).content.decode()
    partner = login(world.partner_participant).get(url)
    assert partner.status_code == 200
    assert "Label divergen di 1.1" not in partner.content.decode()
