"""The one object between the router service (its own thread) and Qt.

`RouterBridge(service)` re-emits the service's callbacks as Qt signals; they are
emitted on the service thread and Qt queues them to the receivers' (GUI) thread, as
ui/bridge.py does for the engine. The health signal carries a copy of the bandwidth
history taken on the service thread, so the GUI never reads a deque another thread
appends to. `apply()` awaits the service from the GUI loop without running router
work on it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from i2ptunnel_gui.core.router.monitor import HealthSample
from i2ptunnel_gui.core.router.prefs import RouterPrefs
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.core.router.status import RouterStatus


class RouterBridge(QObject):
    status_changed = Signal(object)  # RouterStatus
    health_changed = Signal(object, object)  # HealthSample, tuple[BandwidthPoint, ...]
    log_line = Signal(str)

    def __init__(self, service: RouterService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        service.on_status(self.status_changed.emit)
        service.on_health(self._health)
        service.on_log(self.log_line.emit)

    @property
    def last_health(self) -> HealthSample:
        monitor = self.service.monitor
        return monitor.latest if monitor is not None else HealthSample(None, "")

    def _health(self, sample: HealthSample) -> None:  # on the service thread
        monitor = self.service.monitor
        history = tuple(monitor.history) if monitor is not None else ()
        self.health_changed.emit(sample, history)

    @property
    def prefs(self) -> RouterPrefs:
        return self.service.prefs

    @property
    def status(self) -> RouterStatus:
        return self.service.status

    @property
    def sam_address(self) -> str:
        return self.service.sam_address

    async def apply(self, prefs: RouterPrefs) -> RouterStatus:
        """Switch the router to `prefs` (RouterError when the managed router cannot start)."""
        return await self.service.apply(prefs)
