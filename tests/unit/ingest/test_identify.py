"""Identity, change and syndication clusters (pure; the candidates lookup is a plain function)."""

from monitor.extract.fingerprint import THRESHOLD, dedup_keys, similarity
from monitor.ingest.identify import (
    assign_clusters,
    choose_cluster,
    content_hash,
    document_id,
    KnownDocuments,
    entry_lookup_keys,
    lookup_groups,
    superseded_version,
)
from monitor.models import Entry
from tests.fixtures.sources.corpus.measure import dedup_separation

WIRE = "The agreement allows officials to send migrants who ask for asylum at the border to Guatemala instead."


def test_document_id_is_stable_across_tracking_variants():
    assert document_id("https://news.example/a?utm_medium=rss") == document_id("https://news.example/a")
    assert document_id("HTTPS://News.Example/a#top") == document_id("https://news.example/a")
    assert document_id("https://news.example/a") != document_id("https://news.example/b")


def test_content_hash_changes_with_title_or_text():
    assert content_hash("T", "a") == content_hash("T", "a")
    assert len({content_hash("T", "a"), content_hash("T2", "a"), content_hash("T", "b")}) == 3


def test_an_entry_is_known_by_its_id_its_listed_url_or_its_canonical_url():
    entry = Entry(source_id="s", url="https://news.example/a?utm_source=rss")
    ids, urls = entry_lookup_keys([entry])
    assert ids == [document_id(entry.url)] and urls == [entry.url, "https://news.example/a"]
    assert KnownDocuments([{"id": "x", "canonical_url": "https://news.example/a"}]).find(entry)["id"] == "x"
    assert KnownDocuments([{"id": document_id(entry.url)}]).find(entry) is not None
    assert KnownDocuments([{"id": "y", "url": "https://news.example/b"}]).find(entry) is None


def test_of_several_stored_matches_the_first_listed_wins_whatever_the_key():
    entry = Entry(source_id="s", url="https://news.example/a?utm_source=rss")
    known = KnownDocuments([{"id": "by-canonical", "canonical_url": "https://news.example/a"},
                            {"id": document_id(entry.url)}, {"id": "by-url", "url": entry.url}])
    assert known.find(entry)["id"] == "by-canonical"


def test_a_superseded_version_keeps_the_old_text_and_names_the_change():
    version_id, body = superseded_version("d", {"id": "d", "title": "Old", "text": "one", "version": 2},
                                          {"title": "New", "text": "one\ntwo"}, now=__import__("datetime").datetime(2026, 1, 1))
    assert version_id == "d:v2" and body["text"] == "one" and body["document_id"] == "d"
    assert "title changed" in body["diff_summary"] and "id" not in body


def test_near_duplicates_cluster_and_different_stories_do_not():
    low, high = dedup_separation().gap
    assert low < THRESHOLD < high  # the threshold sits in the measured gap
    copy = "WASHINGTON (Reuters) - " + WIRE + " Critics objected."
    assert similarity(WIRE, copy) >= THRESHOLD and set(dedup_keys(WIRE)) & set(dedup_keys(copy))
    assert choose_cluster(copy, [{"id": "x", "text": WIRE, "cluster_id": "c1"}, {"id": "y", "text": "port fees"}]) == "c1"
    assert choose_cluster("unrelated words about football", [{"id": "x", "text": WIRE}]) is None


def test_lookup_groups_respect_the_clause_budget():
    docs = [(f"d{n}", [f"k{n}-{i}" for i in range(64)]) for n in range(10)]
    groups = lookup_groups(docs, budget=200)
    assert [len(g) for g in groups] == [3, 3, 3, 1]  # 3 × 64 keys fit 200, a fourth would not
    assert [d for g in groups for d in g] == [d for d, _ in docs]
    assert lookup_groups([], budget=10) == []


def test_assign_clusters_joins_indexed_copies_and_earlier_documents_of_the_batch():
    other = "A football club signed a new striker for the coming season after long talks with his agent."
    bodies = {
        "copy": {"text": "MIAMI (AP) - " + WIRE + " More follows.", "dedup_bands": dedup_keys(WIRE + " More follows.")},
        "second": {"text": WIRE + " Critics objected loudly.", "dedup_bands": dedup_keys(WIRE + " Critics objected loudly.")},
        "sport": {"text": other, "dedup_bands": dedup_keys(other)},
    }
    indexed = {"id": "wire", "text": WIRE, "cluster_id": "cluster-wire", "dedup_bands": dedup_keys(WIRE)}
    calls = []

    def lookup(keys, exclude):
        calls.append((len(keys), sorted(exclude)))
        return [indexed] if set(keys) & set(indexed["dedup_bands"]) else []

    assign_clusters(bodies, ["copy", "second", "sport"], lookup)
    assert bodies["copy"]["cluster_id"] == "cluster-wire" and bodies["second"]["cluster_id"] == "cluster-wire"
    assert bodies["sport"]["cluster_id"] == "sport"  # a story of its own
    assert len(calls) == 1 and calls[0][1] == ["copy", "second", "sport"]  # one lookup for the batch


def test_a_batch_of_thousands_of_similar_notes_is_clustered_with_few_lookups():
    notes = {f"n{i}": f"Council note {i}: the parks committee met on Tuesday and approved the minutes of the "
                       f"previous session, item {i % 7}, with no objections from members present."
             for i in range(3000)}
    bodies = {k: {"text": t, "dedup_bands": dedup_keys(t)} for k, t in notes.items()}
    calls = []
    assign_clusters(bodies, list(bodies), lambda keys, exclude: calls.append(len(keys)) or [])
    assert all(n <= 4096 for n in calls) and len(calls) < 100
    assert all(b["cluster_id"] for b in bodies.values())
    assert len({b["cluster_id"] for b in bodies.values()}) < 3000  # near-identical notes share clusters
