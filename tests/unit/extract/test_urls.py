"""Canonical URLs: tracking stripped, declared canonicals trusted only on the same site."""

from monitor.extract.urls import canonical_url, choose_canonical


def test_canonical_urls_strip_tracking_and_default_ports():
    assert canonical_url("HTTPS://Gob.MX:443/sre/prensa/x?utm_source=t&idiom=es&fbclid=1#a") == \
        "https://gob.mx/sre/prensa/x?idiom=es"


def test_a_declared_canonical_is_trusted_only_on_the_same_site():
    assert choose_canonical("https://www.dhs.gov/news/1?x=1", "/news/1") == "https://www.dhs.gov/news/1"
    assert choose_canonical("https://dhs.gov/a", "https://www.dhs.gov/b?utm_source=x") == "https://www.dhs.gov/b"
    assert choose_canonical("https://evil.example/a", "https://www.dhs.gov/b") == "https://evil.example/a"
