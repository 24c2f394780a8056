"""Templates as a reader meets them: no template source shown on a page."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_template_comment_spans_lines():
    # Django's {# #} ends at the line: one left open prints its words on the page
    open_comments = [
        f"{path.relative_to(ROOT)}:{number}"
        for pattern in ("templates/**/*.html", "*/templates/**/*.html")
        for path in ROOT.glob(pattern)
        if ".venv" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]
    assert not open_comments
