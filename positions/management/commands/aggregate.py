"""manage.py aggregate --consultation SLUG [--language id|en] [--json OUT]: a run in this
process."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from consult.models import Consultation
from positions import selectors, services
from positions.aggregation import draft_structure
from positions.models import PAPER_LANGUAGES, AggregationRun


class Command(BaseCommand):
    help = "Aggregate a consultation's submitted inputs into a new draft version."

    def add_arguments(self, parser):
        parser.add_argument("--consultation", required=True, help="the consultation's slug")
        parser.add_argument("--json", dest="out", help="write the structured draft here")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in PAPER_LANGUAGES],
            help="the language the paper is written in, from this run on (a consultation "
            "held in English: the paper's statements, labels and counts in English)",
        )

    def handle(self, *args, consultation, out=None, language=None, **options):
        try:
            consultation = Consultation.objects.get(slug=consultation)
        except Consultation.DoesNotExist:
            raise CommandError(f"No consultation {consultation!r}") from None
        paper = services.paper_get_or_create(consultation=consultation)
        if language:
            services.paper_language_write(paper=paper, language=language)
        user = consultation.created_by or get_user_model().objects.order_by("pk").first()
        run = AggregationRun.objects.create(paper=paper, requested_by=user)
        run = services.aggregation_run_execute(run_id=run.pk)
        if run.status != AggregationRun.Status.SUCCEEDED:
            raise CommandError(run.error or "the run failed")
        self.stdout.write(f"version {run.draft_version.number} written by run {run.pk}")
        if out:
            issues = selectors.aggregation_issues(consultation=consultation)
            references = {
                record.id: record.reference
                for record in selectors.aggregation_inputs(consultation=consultation)
            }
            structure = draft_structure(issues, services.aggregation_results(run=run), references)
            structure["manifest"] = run.manifest
            Path(out).write_text(json.dumps(structure, ensure_ascii=False, indent=2))
