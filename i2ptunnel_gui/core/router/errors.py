"""Why the managed router could not be set up or started; each message is for the user."""

from __future__ import annotations


class RouterError(Exception):
    """Base: the managed router could not be set up, started or reached."""


class RouterNotFound(RouterError, FileNotFoundError):  # noqa: N818 -- reads as a state
    """No usable i2pd binary (not on PATH, or the configured path is not executable)."""


class RouterConfigError(RouterError, ValueError):
    """The i2pd.conf lines (preferences or `--router-conf`) cannot be used."""


class RouterBusy(RouterError):  # noqa: N818 -- reads as a state
    """Another app instance already runs the managed router in this data dir."""


class RouterStartError(RouterError):
    """i2pd exited or its SAM bridge did not answer in time."""


class ControlError(RouterError):
    """I2PControl did not answer, refused the password or sent something unreadable."""


class ControlAuthError(ControlError):
    """I2PControl did not accept the password or the token."""
