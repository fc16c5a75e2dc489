"""Client address: REMOTE_ADDR unless a setting says how many of our proxies add X-Forwarded-For."""

from django.test import RequestFactory

from toronto_ai.contact.spam import client_ip, ip_hash


def request(remote="198.51.100.20", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/contact/", **meta)


def test_forwarded_header_is_ignored_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(forwarded="1.2.3.4")) == "198.51.100.20"


def test_one_trusted_proxy_uses_the_address_it_saw_not_the_forged_ones(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", "6.6.6.6, 203.0.113.9")) == "203.0.113.9"


def test_two_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"


def test_garbage_forwarded_header_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", "not-an-ip")) == "10.0.0.2"
    assert client_ip(request("10.0.0.2", "")) == "10.0.0.2"


def test_ipv6_is_normalised(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("2001:DB8:0:0::1")) == "2001:db8::1"


def test_ip_hash_is_stable_keyed_and_not_the_address(settings):
    first = ip_hash("203.0.113.9")
    assert first == ip_hash("203.0.113.9") and "203.0.113.9" not in first
    assert first != ip_hash("203.0.113.10")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789abcdef"
    assert ip_hash("203.0.113.9") != first


def test_fewer_forwarded_hops_than_proxies_trusts_only_the_socket(settings):
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip(request("10.0.0.2", "6.6.6.6, 203.0.113.9")) == "10.0.0.2"
