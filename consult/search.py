"""Full-text search over inputs: PostgreSQL's `indonesian` and `english` configurations.

An input matches when its text matches the query under either configuration, so a staff
member finds "perlindungan" by typing "melindungi" and "workers" by typing "worker",
whatever language the input was written in. The vectors are the expressions the GIN
indexes of migration 0003 are built on, so the search is an index scan. Elsewhere
(SQLite, the laptop trial) it is a plain case-insensitive contains.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

CONFIGS = ("indonesian", "english")


def input_search(queryset: QuerySet, query: str) -> QuerySet:
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        return queryset.filter(text__icontains=query)
    annotations = {f"_fts_{config}": SearchVector("text", config=config) for config in CONFIGS}
    matches = Q()
    for config in CONFIGS:
        matches |= Q(
            **{f"_fts_{config}": SearchQuery(query, config=config, search_type="websearch")}
        )
    return queryset.alias(**annotations).filter(matches)
