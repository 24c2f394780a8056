"""A paragraph's Markdown as blocks of formatted runs, for formats that are not HTML.

Staff write Markdown in the editor (bold, italic, lists, links); the version page shows
it rendered, and so must the DOCX: "**sebelum keberangkatan**" becomes a bold run, not
two asterisks. The text goes through the same sanitised rendering as the page
(`editing.markdown_render`), and the HTML it gives is read back into blocks — one per
paragraph or list item — of runs carrying bold, italic and a link's address.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from positions.editing import markdown_render


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass
class Block:
    kind: str = "paragraph"  # "paragraph", "bullet" or "number"
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lists: list[str] = []
        self.bold = self.italic = 0
        self.href = ""
        self.current: Block | None = None

    def _block(self) -> Block:
        if self.current is None:
            kind = {"ul": "bullet", "ol": "number"}.get(self.lists[-1], "") if self.lists else ""
            self.current = Block(kind or "paragraph")
            self.blocks.append(self.current)
        return self.current

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.current = None
            self.lists.append(tag)
        elif tag in ("p", "li", "blockquote"):
            self.current = None
        elif tag == "h4":  # a heading: a block of its own, in bold
            self.current = None
            self.bold += 1
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
        elif tag == "br":
            self._block().runs.append(Run("\n"))

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.current = None
        elif tag in ("p", "li", "blockquote"):
            self.current = None
        elif tag == "h4":
            self.current = None
            self.bold = max(0, self.bold - 1)
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a":
            self.href = ""

    def handle_data(self, data):
        if not data.strip() and self.current is None:
            return  # whitespace between blocks
        self._block().runs.append(Run(data, bool(self.bold), bool(self.italic), self.href))


def markdown_blocks(text: str) -> list[Block]:
    """The paragraph's blocks, at least one (an empty text gives one empty block)."""
    reader = _Reader()
    reader.feed(str(markdown_render(text)))
    reader.close()
    blocks = [block for block in reader.blocks if block.text.strip()]
    return blocks or [Block()]
