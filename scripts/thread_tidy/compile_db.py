"""The compilation database: which files a project run analyses.

Entries are read as build systems write them (relative directories,
"command" or "arguments", duplicates, stale files), narrowed to the paths
and the shard asked for and to one entry per configuration, and written
back with absolute paths for run-clang-tidy.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import configurations
from .errors import ThreadTidyError
from .sources import display_path

DATABASE = "compile_commands.json"


class DatabaseError(ThreadTidyError):
    pass


def load(build_dir: str) -> List[Dict[str, Any]]:
    path = os.path.join(build_dir, DATABASE)
    if not os.path.exists(path):
        raise DatabaseError("%s not found; configure with "
                            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON (or use bear)"
                            % path)
    try:
        with open(path, encoding="utf-8") as handle:
            entries = json.load(handle)
    except (OSError, ValueError) as err:
        raise DatabaseError("cannot read %s: %s" % (path, err))
    if not isinstance(entries, list):
        raise DatabaseError("%s is not a compilation database" % path)
    return entries


def entry_directory(entry: Dict[str, Any], database_dir: str) -> str:
    """A relative "directory" is relative to the database's own directory."""
    directory = entry.get("directory", "") or database_dir
    return os.path.normpath(os.path.join(database_dir, directory))


def entry_file(entry: Dict[str, Any], database_dir: str) -> str:
    return os.path.normpath(os.path.join(
        entry_directory(entry, database_dir), entry["file"]))


def shard_of(path: str, root: str, count: int) -> int:
    """1..count. Stable across machines that check the tree out at
    different places: the hash is of the path relative to the root."""
    relative = display_path(path, root)
    digest = hashlib.sha256(relative.encode("utf-8")).hexdigest()
    return int(digest[:12], 16) % count + 1


def _under(path: str, wanted: str) -> bool:
    return path == wanted or path.startswith(wanted.rstrip(os.sep) + os.sep)


@dataclass
class Selection:
    # one entry per configuration to analyse (configurations.py), with
    # absolute "file" and "directory", in the database's order
    entries: List[Dict[str, Any]] = field(default_factory=list)
    # paths asked for that matched no entry
    unmatched: List[str] = field(default_factory=list)
    # files of selected entries that do not exist
    missing_files: List[str] = field(default_factory=list)

    @property
    def files(self) -> List[str]:
        """The files analysed, each once."""
        return list(dict.fromkeys(entry["file"] for entry in self.entries))


def select(entries: Sequence[Any], paths: Sequence[str],
           shard: Optional[Tuple[int, int]], root: str,
           database_dir: str) -> Selection:
    """The entries of the files under paths (all when none) that fall in
    the shard (K, N); of entries that are one configuration, the first
    wins."""
    wanted = [os.path.normpath(os.path.abspath(p)) for p in paths]
    matched = set()
    selection = Selection()
    gone = set()
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"),
                                                         str):
            continue
        path = entry_file(entry, database_dir)
        hits = [w for w in wanted if _under(path, w)]
        if wanted and not hits:
            continue
        matched.update(hits)
        if shard and shard_of(path, root, shard[1]) != shard[0]:
            continue
        if not os.path.exists(path):
            gone.add(path)
            continue
        selection.entries.append(dict(
            entry, file=path, directory=entry_directory(entry, database_dir)))
    selection.entries = configurations.unique_entries(selection.entries)
    selection.unmatched = [w for w in wanted if w not in matched]
    selection.missing_files = sorted(gone)
    return selection


def write(path: str, entries: Sequence[Dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(list(entries), handle)
