"""A consultation's dashboard for its staff: where inputs stand, and runs and drafts.

It lives in `positions` because it shows aggregation runs and draft versions, and
`consult` does not import `positions`; the consult half of the figures comes from
`consult.staff_selectors`.
"""

from django.shortcuts import render
from django.views import View

from consult.staff_selectors import consultation_dashboard
from consult.views import ConsultationMixin
from positions.models import AggregationRun, DraftVersion
from stakeholders.models import Organisation

CHART_HEIGHT = 80
BAR_WIDTH = 28


def weekly_chart(rows: list[dict]) -> dict:
    """Stacked bars of inputs sent per week, one colour band per organisation kind."""
    kinds = dict(Organisation.Kind.choices)
    weeks: dict = {}
    for row in rows:
        weeks.setdefault(row["week"], []).append((row["organisation__kind"], row["n"]))
    peak = max((sum(n for _kind, n in kinds_n) for kinds_n in weeks.values()), default=0)
    bars = []
    for index, (week, kinds_n) in enumerate(sorted(weeks.items())):
        y = CHART_HEIGHT
        segments = []
        for kind, n in kinds_n:
            height = round(CHART_HEIGHT * n / peak, 1) if peak else 0
            y -= height
            segments.append(
                {"kind": kind, "label": kinds.get(kind, kind), "n": n, "y": y, "h": height}
            )
        bars.append(
            {
                "week": week,
                "x": index * (BAR_WIDTH + 6),
                "total": sum(n for _kind, n in kinds_n),
                "segments": segments,
            }
        )
    return {
        "bars": bars,
        "width": max(len(bars) * (BAR_WIDTH + 6), BAR_WIDTH),
        "height": CHART_HEIGHT,
        "bar_width": BAR_WIDTH,
        "kinds": [
            (kind, label)
            for kind, label in kinds.items()
            if any(s["kind"] == kind for bar in bars for s in bar["segments"])
        ],
    }


class DashboardView(ConsultationMixin, View):
    permission_required = "consult.view_workspace"

    def get(self, request, slug):
        consultation = self.consultation
        figures = consultation_dashboard(consultation=consultation)
        runs = list(
            AggregationRun.objects.filter(
                paper__consultation=consultation, status__in=AggregationRun.ACTIVE
            ).select_related("requested_by")
        )
        drafts = list(
            DraftVersion.objects.filter(paper__consultation=consultation)
            .select_related("created_by", "paper__consultation")
            .order_by("-number")[:5]
        )
        awaiting = list(
            DraftVersion.objects.filter(
                paper__consultation=consultation, status=DraftVersion.Status.IN_REVIEW
            )
            .select_related("created_by", "paper__consultation")
            .order_by("number")
        )
        context = {
            "consultation": consultation,
            "figures": figures,
            "chart": weekly_chart(figures["weekly"]),
            "open_runs": runs,
            "drafts": drafts,
            "awaiting_review": awaiting,
        }
        return render(request, "positions/dashboard.html", context)
