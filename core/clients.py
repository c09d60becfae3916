"""Who is asking: the real client's address behind the TLS proxy, the same one allauth's rate limits use.

Behind a proxy REMOTE_ADDR is the proxy's, the same for everyone. The trusted proxy is configured, never assumed
(ALLAUTH_TRUSTED_PROXY_COUNT or ALLAUTH_TRUSTED_CLIENT_IP_HEADER, from the environment in production): a header
that no proxy of ours overwrites is written by the client, who would then choose their own address.
"""

import ipaddress

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.exceptions import PermissionDenied


def client_ip(request) -> str | None:
    """The client's address as allauth reads it (so a limit of ours and one of allauth's see the same person),
    or None when the request has none to read (a configured header is missing: it did not come through our proxy).
    """
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def client_network(request) -> str | None:
    """``client_ip``, an IPv6 address cut to its network as allauth's limits do: one home or phone gets a whole
    /64 (ALLAUTH_RATE_LIMIT_IPV6_PREFIX) and can rotate through it."""
    ip = client_ip(request)
    if ip is None:
        return None
    address = ipaddress.ip_address(ip)
    if address.version == 6:
        prefix = getattr(settings, "ALLAUTH_RATE_LIMIT_IPV6_PREFIX", 64)
        return str(ipaddress.IPv6Network(f"{address}/{prefix}", strict=False).network_address)
    return ip
