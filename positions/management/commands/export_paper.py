"""manage.py export_paper --consultation SLUG --format docx|pdf|md|json [--version N]
[--language id|en] [--audience directorate|public] --out FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from consult.models import Consultation
from positions.exports import version_render


class Command(BaseCommand):
    help = "Export a version of a consultation's position paper (the latest by default)."

    def add_base_argument(self, parser, *args, **kwargs):
        # `--version N` names the paper's version here, not Django's.
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--consultation", required=True, help="the consultation's slug")
        parser.add_argument("--format", required=True, choices=["docx", "pdf", "md", "json"])
        parser.add_argument("--version", dest="number", type=int, help="the version number")
        parser.add_argument("--language", choices=["id", "en"], help="the headings' language")
        parser.add_argument("--audience", choices=["directorate", "public"], default="directorate")
        parser.add_argument("--out", required=True, help="the file to write")

    def handle(self, *args, consultation, format, number, language, audience, out, **options):
        paper = getattr(Consultation.objects.filter(slug=consultation).first(), "paper", None)
        if paper is None:
            raise CommandError(f"No position paper for consultation {consultation!r}")
        versions = paper.versions.order_by("-number")
        version = versions.filter(number=number).first() if number else versions.first()
        if version is None:
            raise CommandError("No such version")
        content = version_render(version, format=format, language=language, audience=audience)
        Path(out).write_bytes(content)
        self.stdout.write(f"version {version.number} written to {out} ({len(content)} bytes)")
