import pytest

from monitor.errors import BlockedURL
from monitor.fetch.guard import address_allowed, check_url


def resolver_for(*addresses):
    def resolve(host, port):
        return list(addresses)
    return resolve


@pytest.mark.parametrize("address", [
    "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "169.254.10.1", "100.64.0.1",
    "0.0.0.0", "fd00:ec2::254", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "224.0.0.1",
])
def test_private_link_local_and_metadata_addresses_are_refused(address):
    assert not address_allowed(address, allow_loopback=True)


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "::1"])
def test_loopback_needs_the_explicit_allowance(address):
    assert not address_allowed(address, allow_loopback=False)
    assert address_allowed(address, allow_loopback=True)


def test_public_addresses_pass():
    assert address_allowed("93.184.216.34", allow_loopback=False)
    assert address_allowed("2606:2800:220:1:248:1893:25c8:1946", allow_loopback=False)


def test_a_host_with_any_refused_address_is_refused():
    with pytest.raises(BlockedURL, match="10.1.2.3"):
        check_url("https://news.example/feed", allow_loopback=False, resolver=resolver_for("93.184.216.34", "10.1.2.3"))


def test_check_url_returns_resolved_addresses_when_allowed():
    assert check_url("https://news.example/feed", allow_loopback=False, resolver=resolver_for("93.184.216.34")) == [
        "93.184.216.34"
    ]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "http:///nohost"])
def test_only_http_urls_with_hosts_are_fetched(url):
    with pytest.raises(BlockedURL):
        check_url(url, allow_loopback=True, resolver=resolver_for("93.184.216.34"))


def test_unresolvable_hosts_are_refused_with_a_reason():
    def failing(host, port):
        raise OSError("Name or service not known")

    with pytest.raises(BlockedURL, match="cannot resolve"):
        check_url("https://nowhere.invalid/", allow_loopback=False, resolver=failing)
