"""SAM v3: protocol.py (sans-IO wire format), keys.py (destinations, b32),
errors.py (typed RESULT errors), connection.py + control.py (sockets),
client.py (the API tunnels use: SamSession, naming_lookup, dest_generate)."""
