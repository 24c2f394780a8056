"""One language detector for forms, imports and the aggregation core."""

import pytest

from common.text import language_of
from positions.aggregation.text import Analyzer

pytestmark = pytest.mark.django_db

TEXTS = [
    ("Pemerintah harus melindungi pekerja migran sejak sebelum berangkat.", "id"),
    ("Kalo bisa biaya penempatan dihapus aja", "id"),
    ("Terima kasih.", "id"),
    ("Perlindungan pekerja migran", "id"),
    ("Migrant workers deserve protection at every stage.", "en"),
    ("Thank you for organising this.", "en"),
    ("80 km/h auf Landstraßen und 100 km/h auf Autobahnen ist genug.", "other"),
    ("农民工需要更好的保护", "other"),
    ("👍👍👍", "other"),
    ("yes", "other"),
    ("Ang mga manggagawa ay dapat protektahan ng pamahalaan.", "other"),
]


@pytest.mark.parametrize(("text", "language"), TEXTS)
def test_the_detector_names_indonesian_english_or_other(text, language):
    assert language_of(text) == language


@pytest.mark.parametrize(("text", "language"), TEXTS)
def test_a_form_without_a_chosen_language_stores_the_detectors_answer(world, text, language):
    from consult.services import input_save

    saved = input_save(
        author=world.ngo_participant,
        organisation=world.ngo,
        session=world.session,
        issue=world.issue,
        kind="statement",
        text=text,
    )

    assert saved.language == language


def test_text_in_another_language_is_not_stemmed_as_indonesian():
    analyzer = Analyzer([])

    features = analyzer.features(["landstraßen", "autobahnen", "geschwindigkeit"], "other")

    assert features == ["other:landstraßen", "other:autobahnen", "other:geschwindigkeit"]
