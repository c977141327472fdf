"""Is a raw folder the synthetic demo? Only then may the documented demo key pseudonymise it.

The generator writes `_syntetiska_data.json` with the SHA-256 of every file it wrote (`filer`). A folder is synthetic
when that marker exists and every file under the folder (except the marker) is listed with its hash: a real
delivery put into a demo folder, or a demo file edited by hand, makes it not synthetic.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MARKER = "_syntetiska_data.json"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hash_files(root: Path, relatives) -> dict[str, str]:
    return {rel: file_hash(Path(root) / rel) for rel in sorted(relatives)}


def register_synthetic(root: Path, relatives) -> None:
    """Add files to the marker's list (the test fixtures, hand-written synthetic rows copied into a demo folder)."""
    marker_path = Path(root) / MARKER
    marker = json.loads(marker_path.read_text(encoding="utf-8"))
    marker.setdefault("filer", {}).update(hash_files(root, relatives))
    marker_path.write_text(json.dumps(marker, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def syntetisk_avvikelse(raw_root: str) -> str:
    """'' when raw_root is the synthetic demo; else why not (names at most three files, never their content)."""
    root = Path(raw_root)
    marker_path = root / MARKER
    if not marker_path.is_file():
        return f"the raw folder '{root}' has no {MARKER}"
    try:
        listed = json.loads(marker_path.read_text(encoding="utf-8")).get("filer") or {}
    except (ValueError, OSError):
        return f"{MARKER} in '{root}' cannot be read"
    foreign = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != MARKER):
        rel = path.relative_to(root).as_posix()
        if listed.get(rel) != file_hash(path):
            foreign.append(rel)
    if foreign:
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        return (f"'{root}' holds files the generator did not write (or that were changed): "
                f"{', '.join(foreign[:3])}{more}")
    return ""
