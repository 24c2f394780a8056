"""manage.py import_inputs FILE --consultation SLUG [--create --convener NAME [--title TITLE]]."""

from django.core.management.base import BaseCommand, CommandError

from consult.importing import DEFAULT_CONVENER, ImportRejected, inputs_import_file


class Command(BaseCommand):
    help = (
        "Import inputs from a CSV or JSON file into a consultation; a file with a bad row "
        "is rejected whole. Re-importing updates changed inputs and skips unchanged ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file")
        parser.add_argument("--consultation", required=True, help="the consultation's slug")
        parser.add_argument(
            "--create",
            action="store_true",
            help="create the consultation and any thematic issue the file names",
        )
        parser.add_argument(
            "--convener",
            help="the organisation convening a consultation that --create makes (the paper "
            "names it; created as a ministry if unknown)",
        )
        parser.add_argument(
            "--title", default="", help="the title of a consultation that --create makes"
        )

    def handle(self, *args, file, consultation, create, convener, title, **options):
        if create and not convener:
            raise CommandError(
                "--create needs --convener: the organisation that convenes the "
                "consultation, which the paper names (e.g. 'Direktorat Sosbud & OINB')"
            )
        try:
            result, report = inputs_import_file(
                path=file,
                consultation_slug=consultation,
                create=create,
                convener=convener or DEFAULT_CONVENER,
                title=title,
            )
        except FileNotFoundError:
            raise CommandError(f"No file {file}") from None
        except ImportRejected as rejected:
            for line, problem in rejected.problems:
                self.stderr.write(f"{file}:{line}: {problem}")
            raise CommandError(
                f"{len(rejected.problems)} problem(s); nothing was imported"
            ) from None
        if report.consultation_created:
            self.stdout.write(f"created consultation {result.slug}")
        for code in report.issues_created:
            self.stdout.write(f"created thematic issue {code}")
        for name in report.organisations_created:
            self.stdout.write(f"created organisation {name}")
        self.stdout.write(
            f"{report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged in {result.slug}"
        )
