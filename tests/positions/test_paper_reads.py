"""The demo-like draft as an officer reads it: a summary first, sides named, the
paragraphs still in another language listed for translation."""

import datetime

from consult.models import Input
from positions.models import Section
from tests.positions.paper_helpers import aggregate, inputs_for

ENGLISH = [
    "Trafficking syndicates operate freely across the border with Malaysia.",
    "Across the Malaysian border, trafficking syndicates operate almost freely.",
    "Syndicates trafficking people operate freely at the border with Malaysia.",
]


def _english_inputs(world):
    orgs = [world.ngo, world.ministry, world.partner]
    for org, text in zip(orgs, ENGLISH, strict=True):
        inputs_for(world, text=text, orgs=[org])
    Input.objects.update(language=Input.Language.ENGLISH)


def test_the_draft_opens_with_a_summary_and_lists_paragraphs_to_translate(world, login):
    _english_inputs(world)
    version = aggregate(world)

    kinds = list(version.sections.values_list("kind", flat=True))
    assert kinds[:2] == [Section.Kind.BACKGROUND, Section.Kind.SUMMARY]
    # the summary quoting the English statement says so, as the section does
    summary = version.sections.get(kind=Section.Kind.SUMMARY)
    quoting = [p.text for p in summary.paragraphs.all() if "Trafficking" in p.text]
    assert quoting
    assert all("Perlu diterjemahkan" in text for text in quoting)
    page = login(world.staff).get(version.get_absolute_url())
    content = page.content.decode()
    assert "Perlu diterjemahkan" in content
    assert 'id="translate-h"' in content
    assert "#section-issue:" in content  # a link to the section holding it


def test_participants_are_not_shown_the_translation_list(world, login):
    _english_inputs(world)
    version = aggregate(world)

    page = login(world.partner_participant).get(version.get_absolute_url())
    assert page.status_code == 200
    assert "Perlu diterjemahkan" in page.content.decode()  # the paragraph itself is shown
    assert 'id="translate-h"' not in page.content.decode()


def test_a_theme_whose_inputs_are_under_its_sub_themes_says_so(world):
    world.other_issue.parent = world.issue
    world.other_issue.code = "1.1"
    world.other_issue.save()
    inputs_for(world)
    Input.objects.update(issue=world.other_issue)

    version = aggregate(world)

    parent = version.sections.get(issue=world.issue)
    assert [p.text for p in parent.paragraphs.all()] == [
        "Masukan tentang isu ini diajukan pada sub-temanya: 1.1."
    ]
    # and the summary counts the issues inputs were given on, the sub-theme, not its parent
    summary = version.sections.get(kind=Section.Kind.SUMMARY).paragraphs.first()
    assert "tentang 1 isu tematik" in summary.text


def test_the_background_dates_sessions_as_the_papers_language_writes_them(world):
    world.session.date = datetime.date(2017, 12, 4)
    world.session.save()
    inputs_for(world)

    version = aggregate(world)

    background = version.sections.get(kind=Section.Kind.BACKGROUND)
    texts = [p.text for p in background.paragraphs.all()]
    assert any("4 Desember 2017" in text for text in texts), texts


def test_an_english_paper_names_issues_by_their_english_titles(world):
    from positions.services import paper_get_or_create

    world.issue.title_en = "Trafficking in persons"
    world.issue.save()
    inputs_for(world)
    paper = paper_get_or_create(consultation=world.consultation)
    paper.language = "en"
    paper.save()

    headings = list(aggregate(world).sections.values_list("heading", flat=True))

    assert any(h.endswith("Trafficking in persons") for h in headings), headings
    assert not any(world.issue.title in h for h in headings)

    paper.language = "id"  # the Indonesian paper keeps the title staff wrote first
    paper.save()
    headings = list(aggregate(world).sections.values_list("heading", flat=True))
    assert any(world.issue.title in h for h in headings)
