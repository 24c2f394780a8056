"""axe-core, vendored from the npm package (tests/browser/vendor/axe.min.js, 4.14.1).

Nothing is fetched at run time: the script is evaluated in the page from disk, through
the browser's debugging protocol, which the page's Content-Security-Policy (no inline
scripts) does not apply to; a <script> tag would be refused.
"""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}
RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
}"""


def assert_accessible(page, name: str) -> None:
    """Fail on any serious or critical WCAG 2.1 A/AA violation axe finds on the page."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    violations = [v for v in page.evaluate(RUN) if v["impact"] in BLOCKING]
    assert not violations, f"axe on {name}: {violations}"
