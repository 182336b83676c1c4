"""The network interfaces the room can listen on, best first.

The facilitator chooses one: the server listens on that address alone. Private addresses of
real adapters come first (the venue's Wi-Fi, a travel router, the laptop's hotspot); Docker,
WSL, VPN and other virtual adapters after them, where phones cannot reach; this computer
alone (loopback) last, for trying the page on the laptop itself.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

VIRTUAL_PREFIXES = (
    "docker",
    "br-",
    "veth",
    "virbr",
    "vbox",
    "vmnet",
    "vmware",
    "vethernet",  # Hyper-V's and WSL's switches on Windows
    "wsl",
    "tun",
    "tap",
    "utun",
    "wg",
    "tailscale",
    "zt",
    "lxc",
    "lxd",
    "podman",
    "cni",
    "flannel",
    "awdl",
    "llw",
    "bridge",
    "anpi",
    "ham",
)


@dataclass(frozen=True)
class Interface:
    name: str
    address: str
    private: bool
    virtual: bool
    loopback: bool

    @property
    def rank(self) -> tuple[int, str, str]:
        if self.loopback:
            group = 3
        elif self.virtual:
            group = 2
        elif self.private:
            group = 0
        else:
            group = 1
        return (group, self.name.lower(), self.address)


def is_virtual(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(VIRTUAL_PREFIXES) or "virtual" in lowered or "docker" in lowered


def describe(name: str, address: str) -> Interface:
    ip = ipaddress.ip_address(address)
    return Interface(name, address, ip.is_private, is_virtual(name), ip.is_loopback)


def ranked(pairs: list[tuple[str, str]]) -> list[Interface]:
    """(interface name, IPv4 address) pairs as the chooser lists them, best first."""
    found = {describe(name, address) for name, address in pairs}
    return sorted(
        (i for i in found if not ipaddress.ip_address(i.address).is_link_local),
        key=lambda i: i.rank,
    )


def interfaces() -> list[Interface]:
    """This computer's IPv4 interfaces that are up, best first."""
    import psutil  # loads only when the room is about to open

    stats = psutil.net_if_stats()
    pairs = [
        (name, entry.address)
        for name, entries in psutil.net_if_addrs().items()
        if name not in stats or stats[name].isup
        for entry in entries
        if entry.family == socket.AF_INET and entry.address
    ]
    listed = ranked(pairs)
    if not any(i.loopback for i in listed):
        listed.append(describe("lo", "127.0.0.1"))
    return listed
