"""The managed router's lifetime: start, ready when SAM answers, restart after a crash, stop.

    router = ManagedRouter(options, conf_file_text=...)
    status = await router.start()    # RUNNING, SAM answering; RouterError otherwise
    router.status.sam_address        # "127.0.0.1:7656" (another port if that was busy)
    await router.aclose()            # SIGTERM, SIGKILL after a bound; lock released

`ManagedRouter` owns one supervision task (started by `start()`, awaited by
`aclose()`), which owns the i2pd child and its log pump. When i2pd ends by itself the
task starts it again after a capped exponential backoff, on the same ports where they
are still free and the same data dir (so the same router.keys): tunnels reconnect by
themselves (core/runtime.py's retry) to the same SAM address, with the same keys.
Everything runs on the loop that called `start()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import secrets
import signal
import time
from collections.abc import Callable
from pathlib import Path

from i2ptunnel_gui.core.router.config import (
    ManagedOptions,
    RouterConf,
    RouterPorts,
    merge_conf,
)
from i2ptunnel_gui.core.router.datadir import (
    DataDirLock,
    RouterLayout,
    default_root,
    stale_router_pid,
)
from i2ptunnel_gui.core.router.errors import RouterConfigError, RouterError, RouterStartError
from i2ptunnel_gui.core.router.ports import pick_ports
from i2ptunnel_gui.core.router.process import (
    STOP_GRACE,
    I2pdProcess,
    RouterLog,
    certs_dir,
    end_process,
    find_i2pd,
)
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.core.sam.probe import probe_sam
from i2ptunnel_gui.core.text import Text, joined, text_of

logger = logging.getLogger(__name__)

READY_TIMEOUT = 60.0  # exec → SAM HELLO takes 0.1-0.3 s offline (FINDINGS §2)
PROBE_INTERVAL = 0.1
PROBE_TIMEOUT = 2.0
BACKOFF_MIN = 1.0
BACKOFF_MAX = 60.0
STABLE_AFTER = 60.0  # a router that ran this long starts the backoff over


class ManagedRouter:
    def __init__(
        self,
        options: ManagedOptions,
        *,
        root: Path | str | None = None,
        conf_file_text: str = "",
        ready_timeout: float = READY_TIMEOUT,
        stop_grace: float = STOP_GRACE,
        backoff: tuple[float, float] = (BACKOFF_MIN, BACKOFF_MAX),
        stable_after: float = STABLE_AFTER,
    ) -> None:
        self.options = options
        self.conf_file_text = conf_file_text
        self.layout = RouterLayout(Path(root or default_root()).absolute())
        self.log = RouterLog(self.layout.logfile)
        self.ready_timeout = ready_timeout
        self.stop_grace = stop_grace
        self.backoff = backoff
        self.stable_after = stable_after
        self.status = RouterStatus()
        self.conf: RouterConf | None = None
        self.ended_stale: int | None = None  # pid of a stale i2pd ended by start()
        self._lock = DataDirLock(self.layout)
        self._ports: RouterPorts | None = None
        self._proc: I2pdProcess | None = None
        self._task: asyncio.Task[None] | None = None
        self._closing = asyncio.Event()
        self._listeners: list[Callable[[RouterStatus], None]] = []

    def subscribe(self, callback: Callable[[RouterStatus], None]) -> Callable[[], None]:
        """`callback(status)` on every change, on the loop that runs the router."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback)

    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None and proc.returncode is None else None

    async def start(self) -> RouterStatus:
        """Start i2pd; returns once its SAM bridge answers. RouterError (and nothing left
        running, the data dir free again) when it cannot."""
        if self._task is not None:
            return self.status
        self._closing.clear()
        try:
            problems = self.options.problems()
            if problems:
                raise RouterConfigError(joined(problems))
            binary = find_i2pd(self.options.binary)
            self.layout.prepare()
            self._lock.acquire()
            stale = stale_router_pid(self.layout)
            if stale is not None:
                logger.warning("ending i2pd pid %d left running on %s", stale, self.layout.root)
                self.log.add(f"(i2ptunnel-gui) ending i2pd pid {stale} left by an earlier run")
                await end_process(stale, self.stop_grace)
                self.ended_stale = stale
        except RouterError as e:
            self._lock.release()
            self._set(RouterState.FAILED, text_of(e))
            raise
        first: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._task = asyncio.get_running_loop().create_task(
            self._supervise(binary, first), name=f"managed i2pd {self.layout.root}"
        )
        try:
            await first
        except BaseException as e:
            await self._end_task()
            self._lock.release()
            if isinstance(e, RouterError):
                self._set(RouterState.FAILED, text_of(e))
            raise
        return self.status

    async def aclose(self) -> None:
        """Stop i2pd (SIGTERM, SIGKILL after `stop_grace`) and release the data dir."""
        self._closing.set()
        proc = self._proc
        if proc is not None:
            await proc.stop(self.stop_grace)
        await self._end_task()
        self._lock.release()
        if self.status.state is not RouterState.FAILED:
            self._set(RouterState.STOPPED, "")

    async def _end_task(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        except Exception:  # a bug in supervision: the router is stopped below anyway
            logger.exception("managed router supervision failed")

    async def _supervise(self, binary: Path, first: asyncio.Future[None]) -> None:
        failures = 0
        while not self._closing.is_set():
            began = time.monotonic()

            def ready() -> None:
                if not first.done():
                    first.set_result(None)

            try:
                code = await self._run_once(binary, ready)
                why = self._exit_reason(code)
            except RouterError as e:
                if not first.done():
                    first.set_exception(e)
                    return
                why = text_of(e)
            except BaseException as e:
                if not first.done():
                    if isinstance(e, asyncio.CancelledError):
                        first.cancel()
                    else:
                        first.set_exception(e)
                elif not isinstance(e, asyncio.CancelledError):
                    self._set(RouterState.FAILED, Text("router supervision failed: {error}",
                                                          error=repr(e)))
                raise
            if self._closing.is_set():
                return
            if time.monotonic() - began >= self.stable_after:
                failures = 0
            delay = min(self.backoff[1], self.backoff[0] * 2**failures)
            failures += 1
            logger.info("managed router: %s; restarting in %g s", why, delay)
            self._set(
                RouterState.RESTARTING,
                Text("{why}; restarting in {seconds:g} s", why=why, seconds=delay),
                restarts=self.status.restarts + 1,
            )
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._closing.wait()

    def _exit_reason(self, code: int) -> str:
        if code < 0:  # killed: its last log lines are about something else
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            return Text("i2pd was killed by {signal}", signal=name)
        return Text("i2pd exited with status {code}: {log}", code=code, log=self.log.tail(2))

    async def _run_once(self, binary: Path, ready: Callable[[], None]) -> int:
        """One i2pd run: config, spawn, wait for SAM, then until it exits."""
        self._ports = pick_ports(self.options, self._ports)
        conf = merge_conf(
            self._ports,
            self.options,
            control_password=secrets.token_urlsafe(18),
            console_password=secrets.token_urlsafe(18),
            certsdir=certs_dir(),
            conf_file_text=self.conf_file_text,
        )
        try:
            _write_private(self.layout.conf, conf.text)
        except OSError as e:
            raise RouterStartError(Text("cannot write {path}: {why}", path=str(self.layout.conf),
                                        why=e.strerror or str(e))) from e
        self.conf = conf
        proc = await I2pdProcess.spawn(binary, self.layout, self.log)
        self._proc = proc
        sam = str(conf.sam)
        self._set(RouterState.STARTING, Text("waiting for SAM at {address}", address=sam),
                  sam=sam, pid=proc.pid)
        pump = asyncio.get_running_loop().create_task(proc.pump_log(), name=f"i2pd {proc.pid} log")
        try:
            await self._wait_ready(proc, sam)
            self._set(RouterState.RUNNING, "", sam=sam, pid=proc.pid)
            ready()
            return await proc.wait()
        except BaseException:
            await asyncio.shield(proc.stop(self.stop_grace))
            raise
        finally:
            await _finish_pump(pump)

    async def _wait_ready(self, proc: I2pdProcess, sam: str) -> None:
        deadline = time.monotonic() + self.ready_timeout
        while True:
            probe = await probe_sam(sam, timeout=PROBE_TIMEOUT)
            if probe.reachable:
                return
            if proc.returncode is not None:
                await asyncio.sleep(0.1)  # let the log pump take the last lines
                raise RouterStartError(Text(
                    "i2pd exited with status {code} before its SAM bridge answered: {log}",
                    code=proc.returncode, log=self.log.tail(3)))
            if time.monotonic() > deadline:
                raise RouterStartError(Text(
                    "i2pd's SAM bridge at {address} did not answer within {seconds:g} s "
                    "({why}): {log}", address=sam, seconds=self.ready_timeout,
                    why=probe.message, log=self.log.tail(3)))
            await asyncio.sleep(PROBE_INTERVAL)

    def _set(
        self,
        state: RouterState,
        message: str,
        *,
        sam: str | None = None,
        pid: int | None = None,
        restarts: int | None = None,
    ) -> None:
        self.status = dataclasses.replace(
            self.status,
            state=state,
            message=message,
            sam_address=self.status.sam_address if sam is None else sam,
            pid=pid,
            restarts=self.status.restarts if restarts is None else restarts,
            since=time.time(),
        )
        for callback in tuple(self._listeners):
            try:
                callback(self.status)
            except Exception:
                logger.exception("router status listener failed")


async def _finish_pump(pump: asyncio.Task[None]) -> None:
    """The pipe closes when i2pd exits; a descendant holding it open is not waited for."""
    try:
        async with asyncio.timeout(2.0):
            await asyncio.shield(pump)
    except TimeoutError:
        pump.cancel()
    except asyncio.CancelledError:
        pump.cancel()
        raise
    except Exception:
        logger.exception("router log pump failed")


def _write_private(path: Path, text: str) -> None:
    """Atomically, 0600: the config holds the I2PControl and console passwords."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
