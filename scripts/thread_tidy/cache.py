"""The result cache of project runs: the diagnostics of each analysis (one
file in one configuration), reused while nothing that can change them has
changed.

An entry is found by a key over what the analysis was asked to do: the
file, its directory and compile command, the clang-tidy and plugin builds,
the checks, the header filter, the extra arguments and every clang-tidy
configuration file that applies to the file. The entry then lists each file
of the analysis's include closure (system headers too) with the SHA-256 of
its contents as it was before the analysis ran; it is reused only when every
one of them still has that content. Whatever cannot be read or does not look
like an entry of this format is ignored and rebuilt, never trusted.

Entries are written to a temporary file and renamed into place, so parallel
runs sharing the directory never see half an entry; two runs that store the
same key both store a valid entry, and the last one stays.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence

# Bumped whenever an entry's layout or meaning changes: entries of another
# format are foreign and ignored.
FORMAT = "thread-tidy-cache-1"
# The same for the stored selections of relevance.py.
SELECTION_FORMAT = "thread-tidy-selection-1"
# clang-tidy reads these in the file's directory and every parent.
CONFIG_FILE_NAME = ".clang-tidy"
_CHUNK = 1 << 20


def default_directory(environ: Mapping[str, str] = os.environ) -> str:
    """$XDG_CACHE_HOME/thread-tidy, else ~/.cache/thread-tidy."""
    base = environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return os.path.join(base, "thread-tidy")


class ContentHashes:
    """SHA-256 of file contents, each file read once per run: the TUs of a
    project share most of their headers."""

    def __init__(self) -> None:
        self._known: Dict[str, Optional[str]] = {}

    def of(self, path: str) -> Optional[str]:
        """The hex digest of path's contents; None when it cannot be read
        (then nothing that depends on it is cached or reused)."""
        if path not in self._known:
            self._known[path] = self._read(path)
        return self._known[path]

    @staticmethod
    def _read(path: str) -> Optional[str]:
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as handle:
                for chunk in iter(lambda: handle.read(_CHUNK), b""):
                    digest.update(chunk)
        except OSError:
            return None
        return digest.hexdigest()


@dataclass(frozen=True)
class RunIdentity:
    """What every analysis of one run shares and an entry must match: the
    tools and the options that reach clang-tidy."""
    clang_tidy_version: str  # what clang-tidy --version prints
    clang_tidy_digest: str
    plugin_digest: str
    checks: str
    header_filter: Optional[str]
    config_file_digest: Optional[str]  # --config-file's contents
    extra_arg: Sequence[str] = field(default_factory=tuple)
    extra_arg_before: Sequence[str] = field(default_factory=tuple)

    def text(self) -> str:
        return json.dumps([FORMAT, self.clang_tidy_version,
                           self.clang_tidy_digest, self.plugin_digest,
                           self.checks, self.header_filter,
                           self.config_file_digest, list(self.extra_arg),
                           list(self.extra_arg_before)])


@dataclass
class Statistics:
    reused: int = 0
    stored: int = 0
    # entries that could not be read or were not of this format
    ignored: int = 0


class ResultCache:
    """Entries under directory, two levels deep by key."""

    def __init__(self, directory: str, identity: RunIdentity,
                 hashes: Optional[ContentHashes] = None):
        self.directory = directory
        self.identity = identity.text()
        self.hashes = hashes or ContentHashes()
        self.statistics = Statistics()
        # Directory -> digest of the .clang-tidy files from it upwards.
        self._configs: Dict[str, str] = {}
        # Set when the directory cannot be written: the run goes on without.
        self.write_error: Optional[str] = None

    # --- keys ----------------------------------------------------------------

    def key(self, entry: Dict[str, Any], arguments: Sequence[str]) -> str:
        """The key of analysing entry (absolute "file" and "directory")
        with its compile command arguments."""
        text = json.dumps([self.identity, entry["file"], entry["directory"],
                           list(arguments),
                           self._configuration(os.path.dirname(
                               entry["file"]))])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _configuration(self, directory: str) -> str:
        """Digest of the .clang-tidy files clang-tidy may read for a file
        in directory: its own and every parent's (a missing one counts as
        missing, so creating one changes the key)."""
        if directory in self._configs:
            return self._configs[directory]
        parent = os.path.dirname(directory)
        above = self._configuration(parent) if parent != directory else ""
        own = self.hashes.of(os.path.join(directory, CONFIG_FILE_NAME))
        digest = hashlib.sha256(
            ("%s/%s" % (above, own or "-")).encode("utf-8")).hexdigest()
        self._configs[directory] = digest
        return digest

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key + ".json")

    # --- inputs --------------------------------------------------------------

    def inputs(self, closure: Sequence[str]) -> Optional[List[List[str]]]:
        """[path, digest] of each file of an include closure (or of what a
        selection read), read now, before the analysis; None when one
        cannot be read."""
        pairs = []
        for path in dict.fromkeys(closure):
            digest = self.hashes.of(path)
            if digest is None:
                return None
            pairs.append([path, digest])
        return pairs

    # --- lookup and store ----------------------------------------------------

    def lookup(self, key: str) -> Optional[List[Dict[str, Any]]]:
        """The diagnostics stored under key when every input still has the
        contents it had; None on a miss."""
        path = self._path(key)
        try:
            with open(path, encoding="utf-8") as handle:
                entry = json.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.statistics.ignored += 1
            return None
        diagnostics = self._valid(entry, key)
        if diagnostics is None:
            self.statistics.ignored += 1
            return None
        if not self._unchanged(entry["inputs"]):
            return None
        self.statistics.reused += 1
        try:  # the access time tells a user's clean-up what is still used
            os.utime(path)
        except OSError:
            pass
        return diagnostics

    @staticmethod
    def _valid(entry: Any, key: str) -> Optional[List[Dict[str, Any]]]:
        """The entry's diagnostics when it is an entry of this format for
        key, else None."""
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or \
                entry.get("key") != key:
            return None
        inputs, diagnostics = entry.get("inputs"), entry.get("diagnostics")
        if not isinstance(inputs, list) or not inputs or not all(
                isinstance(pair, list) and len(pair) == 2 and
                all(isinstance(part, str) for part in pair)
                for pair in inputs):
            return None
        if not isinstance(diagnostics, list) or not all(
                isinstance(diag, dict) for diag in diagnostics):
            return None
        return diagnostics

    def _unchanged(self, inputs: List[List[str]]) -> bool:
        return all(self.hashes.of(path) == digest for path, digest in inputs)

    def store(self, key: str, inputs: List[List[str]],
              diagnostics: List[Dict[str, Any]]) -> None:
        """Writes the entry atomically; a directory that cannot be written
        turns the cache off for the rest of the run (write_error says
        why)."""
        if self._write(self._path(key), {
                "format": FORMAT, "key": key, "inputs": inputs,
                "diagnostics": diagnostics}):
            self.statistics.stored += 1

    def _write(self, path: str, document: Dict[str, Any]) -> bool:
        """Writes document to path atomically; False when the directory
        cannot be written, which turns the cache off for the rest of the
        run (write_error says why)."""
        if self.write_error:
            return False
        text = json.dumps(document)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=os.path.dirname(path), prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(temporary, path)
            except BaseException:
                _remove(temporary)
                raise
        except OSError as err:
            self.write_error = "cannot write the cache %s: %s" % (
                self.directory, err.strerror or err)
            return False
        return True

    # --- selections ----------------------------------------------------------

    def selection_key(self, parts: Any,
                      files: Sequence[str]) -> Optional[str]:
        """The key of a relevance selection over parts (what it was asked:
        JSON-able) and the contents of files; None when one cannot be
        read."""
        digests = self.inputs(files)
        if digests is None:
            return None
        text = json.dumps([SELECTION_FORMAT, self.identity, parts, digests])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _selection_path(self, key: str) -> str:
        return os.path.join(self.directory, "selections", key + ".json")

    def lookup_selection(self, key: str) -> Optional[Dict[int, str]]:
        """The reasons of the stored selection (by entry index), or None
        when there is none or it is not a selection of this format."""
        try:
            with open(self._selection_path(key), encoding="utf-8") as handle:
                document = json.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.statistics.ignored += 1
            return None
        if not isinstance(document, dict):
            document = {}
        reasons = document.get("reasons")
        if document.get("format") != SELECTION_FORMAT or \
                document.get("key") != key or \
                not isinstance(reasons, dict) or not all(
                    index.isdigit() and isinstance(reason, str)
                    for index, reason in reasons.items()):
            self.statistics.ignored += 1
            return None
        return {int(index): reason for index, reason in reasons.items()}

    def store_selection(self, key: str, reasons: Dict[int, str]) -> None:
        self._write(self._selection_path(key), {
            "format": SELECTION_FORMAT, "key": key,
            "reasons": {str(index): reason
                        for index, reason in reasons.items()}})


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
