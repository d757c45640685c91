"""Shared by the web tests: a small bilingual fixture corpus and a real uvicorn server.

The corpus: twelve documents (English and Spanish, three kinds of source, 2019–2026) including a
syndicated wire story in three copies (one cluster), an unrelated "cargo transfer" story, and
a document whose title and text carry `<script>`; plus the knowledge records (events index)
of the agreements they report.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

from monitor.index import Repository
from tests.support import free_port

SCRIPT_TITLE = "<script>alert('pwned')</script> Asylum transfers to Honduras resume"


def _doc(doc_id: str, *, title: str, text: str, published: str, lang: str = "en", source: str = "wire-news",
         kind: str = "feed", events: list[tuple[str, str, str | None, str]] = (), relevant: bool = True,
         cluster: str | None = None) -> tuple[str, dict[str, Any]]:
    return doc_id, {
        "url": f"https://news.example.org/{doc_id}", "canonical_url": f"https://news.example.org/{doc_id}",
        "source_id": source, "source_kind": kind, "title": title, "text": text, "content_hash": doc_id,
        "fetched": "2026-11-20T10:00:00+00:00", "published": published, "lang": lang, "tags": [],
        "relevant": relevant, "reconciled": True, "cluster_id": cluster or doc_id,
        "events": [{"action": a, "receiving": r, "population": p, "evidence": e, "confidence": 0.9,
                    "background": False} for a, r, p, e in events],
    }


DOCUMENTS: list[tuple[str, dict[str, Any]]] = [
    _doc("dhs-mexicans-gt", title="DHS confirms Mexicans seeking asylum may be transferred to Guatemala",
         text="The Department of Homeland Security said certain Mexican nationals seeking asylum in the "
              "United States may now be transferred to Guatemala under the Asylum Cooperative Agreement.",
         published="2020-01-07T15:00:00+00:00", source="dhs-news", kind="json_api",
         events=[("made_amenable", "GT", "MX", "Certain Mexican nationals may now be transferred to Guatemala.")]),
    *[
        _doc(f"wire-{n}", title="Mexicans may be sent to Guatemala under asylum deal",
             text="Mexican asylum seekers at the US border may be sent to Guatemala, officials said on Tuesday, "
                  "expanding the safe third country arrangement.",
             published=f"2020-01-0{7 + n}T12:00:00+00:00", source=source, cluster="cluster-wire-mx",
             events=[("made_amenable", "GT", "MX", "Mexican asylum seekers may be sent to Guatemala.")])
        for n, source in enumerate(("wire-news", "daily-herald", "city-courier"))
    ],
    _doc("prensa-mexicanos", title="Guatemala recibirá a solicitantes de asilo mexicanos",
         text="El gobierno de Guatemala confirmó que recibirá a solicitantes de asilo mexicanos trasladados "
              "desde Estados Unidos en virtud del acuerdo de cooperación en materia de asilo.",
         published="2020-01-08T09:00:00+00:00", lang="es", source="prensa-gt", kind="html_list",
         events=[("made_amenable", "GT", "MX", "Guatemala recibirá a solicitantes de asilo mexicanos.")]),
    _doc("honduras-firma", title="Honduras firma acuerdo de tercer país seguro con Estados Unidos",
         text="Honduras firmó un acuerdo de cooperación en materia de asilo con Estados Unidos, conocido como "
              "acuerdo de tercer país seguro.",
         published="2019-09-25T18:00:00+00:00", lang="es", source="cancilleria-hn", kind="html_list",
         events=[("agreement_signed", "HN", None, "Honduras firmó un acuerdo de cooperación en materia de asilo.")]),
    _doc("guatemala-signs", title="Guatemala signs safe third country agreement",
         text="Guatemala signed an asylum cooperative agreement with the United States on Friday.",
         published="2019-07-26T20:00:00+00:00",
         events=[("agreement_signed", "GT", None, "Guatemala signed an asylum cooperative agreement.")]),
    _doc("biden-ends", title="Biden administration ends asylum cooperative agreements",
         text="The United States suspended and began terminating the asylum cooperative agreements with "
              "Guatemala, Honduras and El Salvador.",
         published="2021-02-06T14:00:00+00:00",
         events=[("agreement_terminated", "GT", None, "The United States began terminating the agreements."),
                 ("agreement_terminated", "HN", None, "The United States began terminating the agreements.")]),
    _doc("port-cargo", title="Port authority signs cargo transfer agreement",
         text="The port authority signed a transfer agreement for cargo containers with a shipping company.",
         published="2020-02-01T08:00:00+00:00", source="port-news", relevant=False),
    _doc("script-title", title=SCRIPT_TITLE,
         text="Officials said asylum transfers to Honduras resume. <b>bold</b> & <script>document.write('x')</script>",
         published="2020-03-01T10:00:00+00:00", source="dubious-blog"),
    _doc("venezolanos-cr", title="Venezolanos podrán ser trasladados a Costa Rica",
         text="Los venezolanos que piden asilo podrán ser trasladados a Costa Rica según el nuevo acuerdo.",
         published="2026-04-10T11:00:00+00:00", lang="es", source="crhoy", kind="html_list",
         events=[("made_amenable", "CR", "VE", "Los venezolanos podrán ser trasladados a Costa Rica.")]),
    _doc("gt-paused", title="Transfers to Guatemala paused due to coronavirus",
         text="Asylum transfers to Guatemala were paused because of the coronavirus pandemic.",
         published="2020-03-17T16:00:00+00:00",
         events=[("agreement_suspended", "GT", None, "Asylum transfers to Guatemala were paused.")]),
]


def _record(action: str, receiving: str, population: str | None, *, doc_ids: list[str]) -> tuple[str, dict[str, Any]]:
    docs = dict(DOCUMENTS)
    first = docs[doc_ids[0]]
    evidence = next(e["evidence"] for e in first["events"] if e["action"] == action and e["receiving"] == receiving)
    sources = [{"document_id": d, "url": docs[d]["url"], "evidence": evidence, "seen": "2026-11-20T10:00:00+00:00"}
               for d in doc_ids]
    return f"{action}:{receiving}:{population or '-'}", {
        "action": action, "receiving": receiving, "population": population, "evidence": evidence,
        "first_seen": "2026-11-20T10:00:00+00:00", "document_id": doc_ids[0], "url": first["url"],
        "title": first["title"], "published": first["published"], "affected_count": None,
        "alerts_planned": True, "sources": sources,
    }


KNOWLEDGE = [
    _record("agreement_signed", "GT", None, doc_ids=["guatemala-signs"]),
    _record("made_amenable", "GT", "MX", doc_ids=["dhs-mexicans-gt", "prensa-mexicanos", "wire-0"]),
    _record("agreement_suspended", "GT", None, doc_ids=["gt-paused"]),
    _record("agreement_terminated", "GT", None, doc_ids=["biden-ends"]),
    _record("agreement_signed", "HN", None, doc_ids=["honduras-firma"]),
    _record("agreement_terminated", "HN", None, doc_ids=["biden-ends"]),
    _record("made_amenable", "CR", "VE", doc_ids=["venezolanos-cr"]),
]


def load(repo: Repository) -> None:
    """Index the corpus and its knowledge records through the repository."""
    repo.documents.load(DOCUMENTS)
    for record_id, body in KNOWLEDGE:
        repo.findings.create(record_id, body)


@contextlib.contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def corpus_index(es_url: str, prefix: str) -> Iterator[Repository]:
    """A repository for `prefix` holding the corpus; its indices and templates are removed after."""
    repo = Repository(es_url, prefix=prefix)
    try:
        repo.ensure_indices()
        load(repo)
        yield repo
    finally:
        client = repo.client
        indices = list(client.indices.get(index=f"{prefix}-*", allow_no_indices=True, ignore_unavailable=True))
        if indices:
            client.indices.delete(index=",".join(indices))
        client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")
        repo.close()
