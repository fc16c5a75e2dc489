"""PostgreSQL only: the index behind the board's "newest first" order (SQLite cannot index
NULLS LAST); and keep Job.search_vector up to date with a trigger (so the one-statement
upsert needs nothing more) and index it with GIN. Other databases search with LIKE."""

from django.db import migrations

FORWARD = [
    """
    CREATE FUNCTION jobs_job_search_vector_update() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A') ||
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.company, '')), 'B') ||
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.snippet, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    # Upserts rewrite every row they see (to refresh last_seen_at): recompute the vector only
    # when the text really changed.
    """
    CREATE TRIGGER jobs_job_search_vector_insert BEFORE INSERT
    ON jobs_job FOR EACH ROW EXECUTE FUNCTION jobs_job_search_vector_update()
    """,
    """
    CREATE TRIGGER jobs_job_search_vector_update BEFORE UPDATE OF title, company, snippet ON jobs_job
    FOR EACH ROW WHEN (
        OLD.title IS DISTINCT FROM NEW.title
        OR OLD.company IS DISTINCT FROM NEW.company
        OR OLD.snippet IS DISTINCT FROM NEW.snippet
        OR NEW.search_vector IS NULL
    )
    EXECUTE FUNCTION jobs_job_search_vector_update()
    """,
    """
    UPDATE jobs_job SET search_vector =
        setweight(to_tsvector('pg_catalog.english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.english', coalesce(company, '')), 'B') ||
        setweight(to_tsvector('pg_catalog.english', coalesce(snippet, '')), 'C')
    """,
    "CREATE INDEX jobs_job_search_vector_gin ON jobs_job USING gin (search_vector)",
    # The board's order (JobQuerySet.newest_first) over active postings.
    "CREATE INDEX jobs_job_active_newest ON jobs_job (posted_on DESC NULLS LAST, first_seen_at DESC, id DESC)"
    " WHERE expired_at IS NULL",
]
BACKWARD = [
    "DROP INDEX IF EXISTS jobs_job_active_newest",
    "DROP INDEX IF EXISTS jobs_job_search_vector_gin",
    "DROP TRIGGER IF EXISTS jobs_job_search_vector_insert ON jobs_job",
    "DROP TRIGGER IF EXISTS jobs_job_search_vector_update ON jobs_job",
    "DROP FUNCTION IF EXISTS jobs_job_search_vector_update()",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("jobs", "0002_job_scraperun_searchquery")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
