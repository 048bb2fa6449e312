"""Write tunnels as a Java I2P or i2pd config, so that `reader.load(export(x))` gives
back `x` (apart from ids and key paths).

Where the router looks for a key file decides whether a server keeps its address:
- i2pd prefixes its data dir to every `keys =` value, absolute or not (2.45.1 opened
  `<datadir>//home/…` and made a new key), so an i2pd export names key files
  relative to the data dir, and `export_bundle` writes them next to the config;
- Java I2P reads an absolute `privKeyFile` as is and a relative one from its config
  dir, so a file export points at the app's key files (readable only by this user)
  and a bundle carries copies named relative to the config dir.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from i2ptunnel_gui.core.keystore import MAX_KEY_FILE, KeyStore, write_atomic
from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import parse_private_key
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.interop import i2pd, java
from i2ptunnel_gui.interop.clashes import listen_clashes
from i2ptunnel_gui.interop.model import ExportResult, InteropError

FORMATS = ("java", "i2pd")
I2PD_HEADER = "# i2pd tunnels, exported by i2ptunnel-gui (UTF-8)\n"
# the key file to refer to or copy for a tunnel; None: transient, or no file is known
KeyLocator = Callable[[TunnelSpec], Path | None]


def app_keys(keys_dir: Path) -> KeyLocator:
    """Key files as the app keeps them (KeyStore.key_path); None for transient tunnels."""
    store = KeyStore(keys_dir)
    return lambda s: store.key_path(s) if s.key_mode is KeyMode.PERSISTENT else None


def export(specs: Iterable[TunnelSpec], fmt: str, keys_dir: Path,
           output: Path | None = None, *, split: bool = False) -> ExportResult:
    """Write `specs` as `fmt` ("java" | "i2pd") to `output` (a folder if `split`), or
    only into `.text` if `output` is None. Key files are referred to, not copied."""
    return export_with(list(specs), fmt, app_keys(keys_dir), output, split=split)


def export_with(specs: list[TunnelSpec], fmt: str, key_of: KeyLocator,
                output: Path | None = None, *, split: bool = False) -> ExportResult:
    _check(specs, fmt)
    res = ExportResult()
    if output is not None and not split and output.is_dir():
        raise InteropError(f"{output} is a folder; give a file name (a Java export into a "
                           "folder is written one file per tunnel: end the path with '/')")
    names = bundle_key_names(specs)
    if fmt == "java":
        chunks = _java_chunks(specs, key_of, res)
        need_copy = [s.name for s in specs if s.name in res.exported and key_of(s)]
        if need_copy:
            res.steps.append(
                "Java I2P reads the key files where the app keeps them: the router must run "
                "as this user; for a router that runs as another user, export into a folder "
                "(a bundle with copies of the key files)")
        if split:
            if output is None:
                raise InteropError("a split Java export needs an output folder")
            _write_java_split(output, chunks, res, config_file=True)
            return res
        res.text = java.format_props(
            {f"tunnel.{i}.{k}": v for i, (_, p) in enumerate(chunks) for k, v in p.items()})
    else:
        texts = _i2pd_sections(specs, lambda s: _rel(names, s), res)
        keyed = [s.name for s in specs
                 if s.name in res.exported and s.key_mode is KeyMode.PERSISTENT]
        if keyed:
            res.warnings.append(
                f"i2pd reads `keys =` from its data dir: {len(keyed)} tunnel(s) name key "
                "files that must be copied there, or i2pd makes new addresses; export into "
                "a folder to get the key files with the config")
        res.text = I2PD_HEADER + "\n" + "\n".join(texts)
    if output is not None:
        write_atomic(output, res.text.encode(), 0o644)
        res.files.append(output)
    return res


def export_bundle(specs: Iterable[TunnelSpec], fmt: str, key_of: KeyLocator,
                  folder: Path) -> ExportResult:
    """Config plus copies of the key files it names, laid out as the router's folders:

    - i2pd: `folder/tunnels.conf` and `folder/<name>.dat` (`keys = <name>.dat`);
    - java: `folder/i2ptunnel.config.d/NN-<name>-i2ptunnel.config` and
      `folder/<name>.dat` (`privKeyFile=<name>.dat`, relative to the config dir).

    `.steps` says what to copy where. Refuses to replace a different key file or a
    tunnels.conf this app did not write.
    """
    specs = list(specs)
    _check(specs, fmt)
    res = ExportResult()
    names = bundle_key_names(specs)
    blobs = _read_keys(specs, key_of, res)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InteropError(f"cannot create {folder}: {e.strerror or e}") from e
    _check_key_targets(folder, names, blobs)
    if fmt == "i2pd":
        conf = folder / "tunnels.conf"
        _check_own_config(conf)
        texts = _i2pd_sections(specs, lambda s: _rel(names, s), res)
        res.text = I2PD_HEADER + "\n" + "\n".join(texts)
        write_atomic(conf, res.text.encode(), 0o644)
        res.files.append(conf)
    else:
        chunks = _java_chunks(specs, lambda s: _rel(names, s), res)
        _write_java_split(folder / "i2ptunnel.config.d", chunks, res, config_file=False)
    keys = _write_keys(folder, names, blobs, res)
    res.steps += _steps(fmt, folder, keys)
    return res


def bundle_key_names(specs: Iterable[TunnelSpec]) -> dict[str, str]:
    """tunnel id -> a file name for its key, unique, from the tunnel name."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for s in specs:
        base = re.sub(r"[^A-Za-z0-9._-]+", "_", s.name).strip("._") or "tunnel"
        name, n = f"{base}.dat", 2
        while name.lower() in used:
            name, n = f"{base}-{n}.dat", n + 1
        used.add(name.lower())
        out[s.id] = name
    return out


# -- pieces ---------------------------------------------------------------------


def _check(specs: list[TunnelSpec], fmt: str) -> None:
    if fmt not in FORMATS:
        raise InteropError(f"unknown format {fmt!r}; expected java or i2pd")
    clashes = listen_clashes(s for s in specs if s.kind is not TunnelKind.FORWARD)
    if clashes:
        raise InteropError("; ".join(str(c) for c in clashes) + ": the router would run "
                           "only one of them; change a port first (nothing exported)")


def _rel(names: dict[str, str], spec: TunnelSpec) -> Path | None:
    """The key file a persistent tunnel names in a bundle (relative to the router's dir)."""
    return Path(names[spec.id]) if spec.key_mode is KeyMode.PERSISTENT else None


def _java_chunks(specs: list[TunnelSpec], key_ref: KeyLocator, res: ExportResult,
                 ) -> list[tuple[str, dict[str, str]]]:
    chunks: list[tuple[str, dict[str, str]]] = []
    for spec in specs:
        try:
            props, warns = java.tunnel_props(spec, key_ref(spec))
        except ValueError as e:
            res.warnings.append(str(e))
            continue
        res.warnings += warns
        chunks.append((spec.name, props))
        res.exported.append(spec.name)
    return chunks


def _i2pd_sections(specs: list[TunnelSpec], key_ref: KeyLocator,
                   res: ExportResult) -> list[str]:
    texts: list[str] = []
    for spec in specs:
        try:
            text, warns = i2pd.format_section(spec, key_ref(spec))
        except ValueError as e:
            res.warnings.append(str(e))
            continue
        texts.append(text)
        res.warnings += warns
        res.exported.append(spec.name)
    return texts


def _write_java_split(folder: Path, chunks: list[tuple[str, dict[str, str]]],
                      res: ExportResult, *, config_file: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (name, props) in enumerate(chunks):
        f = folder / java.split_file_name(i, name)
        if config_file:  # where Java saves it back; a bundle does not know that yet
            props = dict(props, configFile=str(f.resolve()))
        write_atomic(f, java.format_props(props).encode(), 0o644)
        res.files.append(f)


def _read_keys(specs: list[TunnelSpec], key_of: KeyLocator,
               res: ExportResult) -> dict[str, bytes]:
    """tunnel id -> key blob, for the tunnels whose key file exists. A source config's
    key may be 0644 (it is copied 0600); it must be a valid key."""
    blobs: dict[str, bytes] = {}
    for s in specs:
        path = key_of(s)
        if path is None or s.kind is TunnelKind.FORWARD:
            continue
        try:
            if path.stat().st_size > MAX_KEY_FILE:
                raise InteropError(f"{s.name}: key file {path} is too big to be a key")
            blob = path.read_bytes()
        except FileNotFoundError:
            res.warnings.append(f"{s.name}: no key file yet ({path}; the tunnel never "
                                "ran): the router will make a new address for it")
            continue
        except OSError as e:
            raise InteropError(f"{s.name}: cannot read key file {path}: "
                               f"{e.strerror or e}") from e
        try:
            parse_private_key(blob)
        except KeyFormatError as e:
            raise InteropError(f"{s.name}: {path} is not an I2P private key: {e}") from e
        blobs[s.id] = blob
    return blobs


def _check_key_targets(folder: Path, names: dict[str, str], blobs: dict[str, bytes]) -> None:
    for tid, blob in blobs.items():
        target = folder / names[tid]
        try:
            old = target.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as e:
            raise InteropError(f"cannot read {target}: {e.strerror or e}") from e
        if old != blob:
            raise InteropError(f"{target} already holds a different key; export into "
                               "another folder (nothing exported)")


def _check_own_config(conf: Path) -> None:
    try:
        head = conf.read_text(encoding="utf-8", errors="replace")[:len(I2PD_HEADER)]
    except FileNotFoundError:
        return
    except OSError as e:
        raise InteropError(f"cannot read {conf}: {e.strerror or e}") from e
    if head != I2PD_HEADER:
        raise InteropError(f"{conf} exists and was not written by this app; export into "
                           "another folder (nothing exported)")


def _write_keys(folder: Path, names: dict[str, str], blobs: dict[str, bytes],
                res: ExportResult) -> list[str]:
    written: list[str] = []
    for tid, blob in blobs.items():
        target = folder / names[tid]
        try:
            write_atomic(target, blob, 0o600)
        except OSError as e:
            raise InteropError(f"cannot write {target}: {e.strerror or e}") from e
        res.files.append(target)
        written.append(names[tid])
    return written


def _steps(fmt: str, folder: Path, keys: list[str]) -> list[str]:
    listed = ", ".join(keys)
    if fmt == "i2pd":
        steps = [f"copy {folder / 'tunnels.conf'} to i2pd's tunnels config (tunconf: "
                 "/etc/i2pd/tunnels.conf on Debian, else tunnels.conf in its data dir), "
                 "or into its tunnels.d/ folder"]
        if keys:
            steps.append(f"copy the key files ({listed}) from {folder} into i2pd's data dir "
                         "(datadir: /var/lib/i2pd on Debian, ~/.i2pd otherwise), owned by "
                         "the user i2pd runs as, mode 0600: i2pd reads `keys =` there")
    else:
        steps = [f"copy the files in {folder / 'i2ptunnel.config.d'} into the "
                 "i2ptunnel.config.d/ folder of Java I2P's config dir (~/.i2p, or "
                 "/var/lib/i2p/i2p-config for the Debian service)"]
        if keys:
            steps.append(f"copy the key files ({listed}) from {folder} into that config dir "
                         "itself, owned by the user the router runs as, mode 0600: Java I2P "
                         "reads a relative privKeyFile there")
    steps.append("restart the router; each server keeps the address the app shows")
    return steps
