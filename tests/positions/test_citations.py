"""Sources survive editing: an officer cites inputs in the text, and what cites nothing
is marked."""

import io

import docx
import pytest
from django.core.exceptions import ValidationError

from consult.models import Input
from positions import editing, review, selectors
from positions.exports import version_render
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def _rewrite(world, version, text):
    return editing.section_edit(
        paper=version.paper,
        base_number=version.number,
        key=f"issue:{world.issue.pk}",
        heading="Perlindungan",
        text=text,
        note="",
        user=world.staff,
    )


def test_a_rewritten_paragraph_cites_the_inputs_named_in_it(world):
    cited = inputs_for(world)
    version = aggregate(world)

    text = (
        f"Perlindungan harus dimulai sebelum keberangkatan [{cited[0].reference}] "
        f"dan berlanjut sampai kepulangan [{cited[2].reference}].\n\n"
        "Paragraf tanpa rujukan."
    )
    edited = _rewrite(world, version, text)

    section = edited.sections.get(key=f"issue:{world.issue.pk}")
    first, second = section.paragraphs.order_by("position")
    assert set(first.sources.values_list("pk", flat=True)) == {cited[0].pk, cited[2].pk}
    assert not second.sources.exists()
    # a later edit keeps the citation: the marker is part of the text
    again = _rewrite(world, edited, text.replace("Perlindungan harus", "Perlindungan wajib"))
    first = again.sections.get(key=f"issue:{world.issue.pk}").paragraphs.get(position=0)
    assert set(first.sources.values_list("pk", flat=True)) == {cited[0].pk, cited[2].pk}


def test_a_citation_of_an_unknown_input_is_refused_with_its_reference(world):
    inputs_for(world)
    version = aggregate(world)

    with pytest.raises(ValidationError, match="GCM-2017-9999"):
        _rewrite(world, version, "Teks [GCM-2017-9999].")
    # a number past any input's id is as unknown, not a database error
    with pytest.raises(ValidationError, match="GCM-2017-99999999999999999999"):
        _rewrite(world, version, "Teks [GCM-2017-99999999999999999999].")


def test_a_mistyped_citation_of_a_real_input_is_refused_not_silently_ignored(world):
    (cited, *_rest) = inputs_for(world)
    version = aggregate(world)
    year = cited.reference.split("-")[1]
    padded = f"GCM-{year}-0{cited.pk:04d}"  # one zero too many: the same number
    other_year = f"GCM-{int(year) + 1}-{cited.pk:04d}"

    for written in (padded, other_year):
        with pytest.raises(ValidationError, match=written):
            _rewrite(world, version, f"Teks [{written}].")


def test_unsourced_paragraphs_are_marked_on_the_page_and_in_the_directorate_export(world, login):
    cited = inputs_for(world)
    version = aggregate(world)
    edited = _rewrite(world, version, f"Bersumber [{cited[0].reference}].\n\nTanpa sumber.")

    page = login(world.staff).get(edited.get_absolute_url()).content.decode()
    assert page.count('class="badge draft unsourced"') == 1
    directorate = docx.Document(
        io.BytesIO(version_render(edited, format="docx", language="id", audience="directorate"))
    )
    marked = [p.text for p in directorate.paragraphs if "tanpa mengutip masukan" in p.text]
    assert len(marked) == 1
    assert "Tanpa sumber." in marked[0]


def test_a_reader_who_may_not_see_a_cited_input_does_not_see_its_marker(world, login):
    cited = inputs_for(world, confidentiality=Input.Confidentiality.DIRECTORATE)
    public = inputs_for(world, text="Public words on protection.", orgs=[world.ngo])[0]
    Input.objects.filter(pk=public.pk).update(confidentiality=Input.Confidentiality.PUBLIC)
    version = aggregate(world)
    edited = _rewrite(
        world,
        version,
        f"Perlindungan sejak di desa [{public.reference}] [{cited[1].reference}].",
    )
    review.version_transition(version=edited, move="submit", actor=world.staff)
    review.version_transition(version=edited, move="approve", actor=world.director)

    content = login(world.partner_participant).get(edited.get_absolute_url()).content.decode()
    assert public.reference in content
    assert cited[1].reference not in content


def test_the_citation_search_finds_inputs_by_reference_and_words(world, login):
    cited = inputs_for(world, text="Remitansi harus murah dan aman.")

    by_reference = selectors.inputs_to_cite(
        consultation=world.consultation, query=cited[1].reference
    )
    by_words = selectors.inputs_to_cite(consultation=world.consultation, query="remitansi")
    assert by_reference == [cited[1]]
    assert set(by_words) == set(cited)
    page = login(world.staff).get(
        f"/c/{world.consultation.slug}/paper/cite/", {"q": cited[0].reference}
    )
    assert f'data-reference="{cited[0].reference}"' in page.content.decode()
    assert login(world.partner_participant).get(
        f"/c/{world.consultation.slug}/paper/cite/", {"q": "x"}
    ).status_code in (403, 404)
