"""Record ids as a browser or a client sends them: text that must become a key.

`"12".isdigit()` is also true of "²" and "١٢", which `int()` or the database then
refuses with a server error; an id past the largest key a database holds overflows the
query. Both are a forged or broken form, never a record: they read as no id at all.
"""

from collections.abc import Iterable

MAX_ID = 2**63 - 1  # the largest primary key PostgreSQL and SQLite hold


def id_read(value: str) -> int | None:
    """The id `value` names, or None when it names none."""
    value = value.strip()
    if not (value.isascii() and value.isdecimal()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def ids_read(values: Iterable[str]) -> list[int]:
    """The ids among `values`, in their order; what names no id is left out."""
    return [number for number in map(id_read, values) if number is not None]
