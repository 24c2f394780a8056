"""Full-text search on PostgreSQL, in the `indonesian` and `english` configurations."""

import pytest
from django.db import connection
from django.urls import reverse

from consult.models import Input
from consult.search import input_search
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        import os

        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("full-text search needs PostgreSQL")
        pytest.skip("full-text search needs PostgreSQL")


def _input(world, text, language):
    return InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        text=text,
        language=language,
    )


def _found(query):
    return set(input_search(Input.objects.all(), query).values_list("pk", flat=True))


def test_indonesian_stemming_finds_other_forms_of_a_word(world):
    protection = _input(world, "Perlindungan bagi pekerja migran harus diperkuat.", "id")
    _input(world, "Jalur migrasi yang aman dan teratur.", "id")

    assert _found("melindungi") == {protection.pk}
    assert _found("dilindungi pekerja") == {protection.pk}


def test_english_stemming_finds_plurals_and_verb_forms(world):
    workers = _input(world, "Protecting migrant workers abroad is a priority.", "en")
    _input(world, "Smuggling of migrants must end.", "en")

    assert _found("worker protection") == {workers.pk}
    assert _found("protected") == {workers.pk}


def test_websearch_syntax_excludes_words(world):
    a = _input(world, "Trafficking in persons and smuggling.", "en")
    _input(world, "Trafficking in persons only.", "en")

    assert _found("trafficking -smuggling") == {Input.objects.exclude(pk=a.pk).get().pk}


def test_search_from_the_staff_list(world, login):
    match = _input(world, "Akses layanan kesehatan bagi pekerja migran.", "id")
    _input(world, "Something unrelated.", "en")

    response = login(world.staff).get(
        reverse("staff:inputs", args=[world.consultation.slug]), {"q": "kesehatan"}
    )

    assert [i.pk for i in response.context["page"].object_list] == [match.pk]


def test_search_uses_the_stored_vector_and_its_gin_index(world):
    for n in range(30):
        _input(world, f"Pekerja migran nomor {n}", "id")
    queryset = input_search(Input.objects.all(), "pekerja")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "input_search_vector" in plan
    # Nothing is computed per row: the query tests the stored column only.
    assert "to_tsvector" not in plan


def test_the_stored_vector_follows_an_edited_text(world):
    input = _input(world, "Remitansi pekerja migran.", "id")
    assert _found("remitansi") == {input.pk}

    Input.objects.filter(pk=input.pk).update(text="Consular services abroad.")

    assert _found("remitansi") == set()
    assert _found("service") == {input.pk}


def test_a_search_works_inside_a_subquery(world):
    match = _input(world, "Akses layanan kesehatan bagi pekerja migran.", "id")
    _input(world, "Something unrelated.", "en")
    searched = input_search(Input.objects.all(), "kesehatan").values("pk")

    assert list(Input.objects.filter(pk__in=searched).values_list("pk", flat=True)) == [match.pk]


def test_a_phrase_does_not_straddle_the_two_vectors(world):
    _input(world, "Workers protection.", "en")

    # "protection workers" would appear if the english vector's positions followed
    # straight on from the indonesian one's without a gap.
    assert _found('"protection workers"') == set()


def test_the_search_planner_prefers_the_index_for_a_selective_word(world):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) <= 1.5
