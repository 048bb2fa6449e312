"""Client-side proxies on I2P: HTTP proxy, SOCKS, IRC filter, name lookup (docs/PROXIES.md)."""
