"""One stored search vector per input, for both languages, under one GIN index.

0004 indexed `to_tsvector('indonesian', text)` and `to_tsvector('english', text)` as two
expression indexes. They serve a query that matches few inputs, but when a word is in
most inputs (say *migran*) PostgreSQL rightly prefers a sequential scan, and then it
computes both vectors of every row again, on every request: 160 ms for 10,000 inputs
before anything is sorted or counted. A generated, stored column holds both vectors
concatenated (`||` shifts the second one's positions, so phrases never straddle them);
a scan then only tests it, and the one GIN index serves the selective queries. The
column exists on PostgreSQL only and is not a model field: `consult.search` names it,
SQLite keeps its contains search, and Django's inserts never list it.

The index is built without GIN's pending list (`fastupdate = off`): inputs arrive one at
a time from people typing, so a slightly slower insert costs nothing, while a pending
list of thousands of unmerged entries (after an import, until autovacuum runs) makes
every search scan it linearly.

Also an index for the input list's default order (newest first).
"""

from django.db import migrations, models

VECTOR = (
    "to_tsvector('indonesian'::regconfig, COALESCE(text, '')) || "
    "to_tsvector('english'::regconfig, COALESCE(text, ''))"
)


def search_vector_create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE consult_input ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX input_search_vector ON consult_input USING gin (search_vector) "
        "WITH (fastupdate = off)"
    )
    for config in ("indonesian", "english"):
        schema_editor.execute(f"DROP INDEX IF EXISTS input_text_fts_{config}")


def search_vector_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE consult_input DROP COLUMN IF EXISTS search_vector")
    for config in ("indonesian", "english"):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS input_text_fts_{config} ON consult_input "
            f"USING gin (to_tsvector('{config}'::regconfig, COALESCE(text, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [("consult", "0004_moderation_audit")]

    operations = [
        migrations.RunPython(search_vector_create, search_vector_drop),
        migrations.AddIndex(
            model_name="input",
            index=models.Index(fields=["-submitted_at", "-id"], name="input_submitted_newest"),
        ),
    ]
