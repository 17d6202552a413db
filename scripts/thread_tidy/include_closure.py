"""TEMPORARY: replaced by the selection branch's module."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from . import configurations


@dataclass(frozen=True)
class Closure:
    main: str
    headers: Tuple[str, ...]


def scan(entries, toolchain, jobs) -> List[Optional[Closure]]:
    scan_deps = "/usr/lib/llvm-%d/bin/clang-scan-deps" % toolchain.major
    with tempfile.TemporaryDirectory() as tmp:
        db = []
        for i, e in enumerate(entries):
            args = configurations.arguments(e)
            out = []
            skip = False
            for a in args:
                if skip:
                    skip = False
                    continue
                if a in ("-o", "-MF", "-MT", "-MQ"):
                    skip = True
                    continue
                if a in ("-MD", "-MMD"):
                    continue
                out.append(a)
            db.append({"directory": e["directory"], "file": e["file"],
                       "arguments": out + ["-o", "tt-scan-%d.o" % i]})
        json.dump(db, open(os.path.join(tmp, "compile_commands.json"), "w"))
        text = subprocess.run([scan_deps, "-compilation-database",
                               os.path.join(tmp, "compile_commands.json"),
                               "-format", "make", "-j", str(jobs)],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL).stdout.decode()
    result: List[Optional[Closure]] = [None] * len(entries)
    for rule in text.replace("\\\n", " ").splitlines():
        target, _, deps = rule.partition(":")
        index = int(target.strip()[len("tt-scan-"):-2])
        files = [os.path.normpath(d) for d in deps.split()]
        result[index] = Closure(files[0], tuple(files[1:]))
    return result
