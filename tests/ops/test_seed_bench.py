"""seed_bench fills only a benchmark database, through each section's hook."""

import io
import sys
import types

import pytest
from django.core.management import CommandError, call_command

from toronto_ai.ops.management.commands.seed_bench import ProgressBar

pytestmark = pytest.mark.django_db


@pytest.fixture
def bench_database_name(monkeypatch):
    monkeypatch.setattr("toronto_ai.ops.management.commands.seed_bench.database_name", lambda: "toronto_ai_bench")


def test_refuses_to_fill_a_database_that_is_not_for_benchmarks():
    with pytest.raises(CommandError, match="contains 'bench'"):
        call_command("seed_bench", "--posts", "5", stdout=io.StringIO())


def test_sections_without_a_hook_are_skipped_with_a_message(bench_database_name, monkeypatch):
    for name in ("blog.bench_seed", "meetups.bench_seed", "jobs.bench_seed"):
        monkeypatch.setitem(sys.modules, name, None)  # as if the module did not exist
    out = io.StringIO()
    call_command("seed_bench", "--posts", "3", "--meetups", "2", "--jobs", "1", stdout=out)
    text = out.getvalue()
    assert "posts    skipped: blog.bench_seed does not exist yet" in text
    assert "jobs     skipped: jobs.bench_seed does not exist yet" in text
    assert "Benchmark data ready" in text


def test_a_section_hook_gets_the_count_and_reports_progress(bench_database_name, monkeypatch):
    calls = []

    def seed(count, progress):
        for done in range(1, count + 1):
            progress(done)
        calls.append((count, progress.done))

    hook = types.ModuleType("jobs.bench_seed")
    hook.seed = seed
    monkeypatch.setitem(sys.modules, "jobs.bench_seed", hook)
    monkeypatch.setitem(sys.modules, "blog.bench_seed", None)
    monkeypatch.setitem(sys.modules, "meetups.bench_seed", None)
    call_command("seed_bench", "--posts", "0", "--meetups", "0", "--jobs", "25", stdout=io.StringIO())
    assert calls == [(25, 25)]


def test_negative_counts_are_refused(bench_database_name):
    with pytest.raises(CommandError, match="--jobs must be 0 or more"):
        call_command("seed_bench", "--jobs", "-1", stdout=io.StringIO())


def test_progress_bar_shows_done_over_total():
    stream = io.StringIO()
    bar = ProgressBar("posts", 10, stream)
    bar(4)
    bar(10)
    bar.finish()
    assert "10/10" in stream.getvalue()
    assert "#" * ProgressBar.WIDTH in stream.getvalue()


def test_the_real_section_hooks_fill_the_benchmark_database(bench_database_name):
    from blog.models import BlogPostPage
    from jobs.models import Job
    from meetups.models import MeetupPage

    out = io.StringIO()
    call_command("seed_bench", "--posts", "12", "--meetups", "7", "--jobs", "30", stdout=out)
    assert BlogPostPage.objects.live().count() >= 12
    assert MeetupPage.objects.live().count() >= 7
    assert Job.objects.active().count() >= 30
    assert "Benchmark data ready" in out.getvalue()
