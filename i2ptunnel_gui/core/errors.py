"""Domain errors. Dual inheritance lets callers catch builtins too."""

from __future__ import annotations


class TunnelError(Exception):
    """Base of every error the engine reports to a user."""


class ConfigError(TunnelError, ValueError):
    """A tunnel definition or argument is invalid."""


class ListenError(TunnelError, OSError):
    """The local listener could not be opened (port in use, bad address)."""


class TargetError(TunnelError, ConnectionError):
    """The target of a connection refused, reset or did not answer."""


class UnknownTunnel(TunnelError, KeyError):  # noqa: N818 -- reads as a domain noun
    """No tunnel with that id."""

    def __str__(self) -> str:  # KeyError quotes its arg; we want plain text
        return str(self.args[0]) if self.args else "unknown tunnel"


class EngineStopped(TunnelError, RuntimeError):  # noqa: N818 -- a state, not an "Error"
    """The engine thread is not running."""
