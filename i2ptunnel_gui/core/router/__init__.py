"""The managed router: an i2pd the app starts, watches and stops itself (no Qt)."""
