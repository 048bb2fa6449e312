"""Qt-free core: relay engine, tunnel kinds, SAM client. Never import Qt here."""
