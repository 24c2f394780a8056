"""Both catalogues are complete: every string the UI shows has its Indonesian text."""

from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_every_message_has_an_indonesian_translation():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="id")

    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            "fuzzy" in message.flags
            or not all(message.string if isinstance(message.string, tuple) else [message.string])
        )
    ]

    assert untranslated == []


def test_the_interface_speaks_indonesian_by_default_and_english_on_request(client):
    indonesian = client.get("/login/").content.decode()
    english = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Ruang Kerja Konsultasi GCM" in indonesian
    assert '<html lang="id">' in indonesian
    assert "GCM Consultation Workspace" in english


def test_the_language_switch_remembers_the_choice(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})

    assert response.status_code == 302
    assert "GCM Consultation Workspace" in client.get("/login/").content.decode()
