"""Diff summaries of a changed document."""

from monitor.extract.diff import diff_summary


def test_diff_summary_names_title_and_paragraph_changes():
    summary = diff_summary("Old", "one\ntwo", "New", "one\ntwo changed\nthree")
    assert summary.startswith('title changed: "Old" → "New"; 1 paragraph added, 1 paragraph changed')
    assert diff_summary("T", "a", "T", "a") == "no visible change (markup only)"
