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


def test_the_interface_speaks_the_workspaces_language_until_a_person_chooses(client):
    english_browser = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # an English browser gets the workspace's language (Bahasa Indonesia) ...
    assert "Ruang Kerja Konsultasi GCM" in english_browser
    assert '<html lang="id">' in english_browser
    # ... until the person picks English with the header's button
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert "GCM Consultation Workspace" in client.get("/login/").content.decode()


def test_a_deployment_may_let_the_browser_choose(client, settings):
    settings.LANGUAGE_FROM_BROWSER = True

    english = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "GCM Consultation Workspace" in english


def test_the_api_answers_in_the_language_its_client_asks_for(client):
    response = client.get("/api/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json()["error"]["message"].isascii()


def test_the_language_switch_remembers_the_choice(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})

    assert response.status_code == 302
    assert "GCM Consultation Workspace" in client.get("/login/").content.decode()
