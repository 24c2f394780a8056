"""axe-core, vendored from the npm package (tests/browser/vendor/axe.min.js, 4.14.1).

Nothing is fetched at run time: the script is injected into the page from disk.
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
        page.add_script_tag(path=str(AXE))
    violations = [v for v in page.evaluate(RUN) if v["impact"] in BLOCKING]
    assert not violations, f"axe on {name}: {violations}"
