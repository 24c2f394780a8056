"""Full-text search over inputs: PostgreSQL's `indonesian` and `english` configurations.

An input matches when its text matches the query under either configuration, so a staff
member finds "perlindungan" by typing "melindungi" and "workers" by typing "worker",
whatever language the input was written in. Both vectors are kept, concatenated, in the
stored column `consult_input.search_vector` under one GIN index (migration 0005 says
why), and the query is the OR of the two configurations' queries; nothing is computed
per row at search time. Elsewhere (SQLite, the laptop trial) it is a plain
case-insensitive contains.
"""

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Expression, QuerySet

CONFIGS = ("indonesian", "english")


class StoredSearchVector(Expression):
    """`<input table>.search_vector`: a PostgreSQL-only column, so not a model field.

    Resolved against the query's base table and relabelled with it, so a filtered
    queryset still works as a subquery (where Django renames the table U0).
    """

    output_field = SearchVectorField()
    contains_column_references = True

    def __init__(self, alias: str | None = None):
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query=None, *args, **kwargs):
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, relabels):
        clone = self.copy()
        clone.alias = relabels.get(self.alias, self.alias)
        return clone

    def get_group_by_cols(self):
        return [self]

    def as_sql(self, compiler, connection):
        column = connection.ops.quote_name("search_vector")
        return f"{compiler.quote_name_unless_alias(self.alias)}.{column}", []


def input_search(queryset: QuerySet, query: str) -> QuerySet:
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        return queryset.filter(text__icontains=query)
    either = SearchQuery(query, config=CONFIGS[0], search_type="websearch")
    for config in CONFIGS[1:]:
        either |= SearchQuery(query, config=config, search_type="websearch")
    return queryset.alias(_search_vector=StoredSearchVector()).filter(_search_vector=either)
