"""Which compilation database entries are one analysis.

Build systems list a file once per object they make of it: CMake's static
and shared libraries of one project (RocksDB's) list every file twice, once
with -fPIC. The checks see the preprocessed source and the language, not
the generated code, so entries of one file whose flags differ only in code
generation, warnings or output paths are analysed once. Every other flag
(-D, -U, -I, -isystem, -include, -std, -x, --target, -fno-exceptions,
-fno-rtti, -m...) can change what the preprocessor or the parser sees, and
makes another configuration.

-fPIC and -O define __PIC__ and __OPTIMIZE__; code that branches on those
is assumed not to differ in its threads. The same holds for the one define
that CMake adds by itself to the objects of a shared library,
-D<target>_EXPORTS (the DEFINE_SYMBOL property): projects test it only to
choose between __declspec(dllexport) and dllimport, or a visibility
attribute. It is what tells RocksDB's shared objects from its static ones.
"""
from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence, Set, Tuple

# Flags whose presence changes only the generated code or the output.
_OUTPUT_ONLY = frozenset((
    "-c", "-fPIC", "-fpic", "-pipe", "-w", "-MD", "-MMD", "-MP",
    "-ffunction-sections", "-fdata-sections", "-fno-function-sections",
    "-fno-data-sections", "-fvisibility-inlines-hidden",
    "-fcolor-diagnostics", "-fno-color-diagnostics"))
# The same, with their value in the next argument or attached (-MFdep.d).
_OUTPUT_WITH_VALUE = ("-o", "-MF", "-MT", "-MQ")
_OUTPUT_PATTERNS = (
    re.compile(r"-O([0-3sgz])?$"),
    # -g, -g3, -ggdb, -gdwarf-4, -gsplit-dwarf...; not -gcc-toolchain.
    re.compile(r"-g(?!cc-)[\w=,.-]*$"),
    re.compile(r"-fvisibility=.*"),
    # CMake's DEFINE_SYMBOL of a shared library target (see above).
    re.compile(r"-D\w+_EXPORTS$"),
    re.compile(r"-fdiagnostics-color.*"),
    # Warning flags; not -Werror (an error stops the checks), nor -Wp,
    # (preprocessor flags such as -Wp,-D_FORTIFY_SOURCE=2).
    re.compile(r"-W(?!error|fatal-errors|p,)[\w=+,.-]*$"))
# Kept flags whose value is the next argument: the value is kept as it is,
# even when it looks like an output flag (-Xclang -g).
_KEPT_WITH_VALUE = frozenset((
    "-D", "-U", "-I", "-include", "-imacros", "-isystem", "-iquote",
    "-idirafter", "-isysroot", "--sysroot", "-x", "-target", "-Xclang",
    "-Xpreprocessor", "-arch", "-gcc-toolchain", "--gcc-toolchain"))


def arguments(entry: Dict[str, Any]) -> List[str]:
    """The command line of an entry, from "arguments" or "command"."""
    if isinstance(entry.get("arguments"), list):
        return [str(argument) for argument in entry["arguments"]]
    if isinstance(entry.get("command"), str):
        try:
            return shlex.split(entry["command"])
        except ValueError:  # unbalanced quotes: compare the text as it is
            return [entry["command"]]
    return []


def _is_output_only(argument: str) -> bool:
    return argument in _OUTPUT_ONLY or any(
        pattern.match(argument) for pattern in _OUTPUT_PATTERNS)


def _attached_output_value(argument: str) -> bool:
    return any(argument.startswith(flag) and len(argument) > len(flag)
               for flag in _OUTPUT_WITH_VALUE)


def analysis_flags(command: Sequence[str], source: str,
                   directory: str) -> Tuple[str, ...]:
    """The flags of command that can change what the checks see, in their
    order: without the compiler's output and code generation flags and
    without the source file itself."""
    flags: List[str] = []
    skip_value = False
    keep_value = False
    for argument in command:
        if keep_value:
            flags.append(argument)
            keep_value = False
        elif skip_value:
            skip_value = False
        elif argument in _OUTPUT_WITH_VALUE:
            skip_value = True
        elif _attached_output_value(argument) or _is_output_only(argument):
            continue
        elif os.path.normpath(os.path.join(directory, argument)) == source:
            continue
        else:
            flags.append(argument)
            keep_value = argument in _KEPT_WITH_VALUE
    return tuple(flags)


@dataclass(frozen=True)
class Configuration:
    """What an analysis of one entry depends on. Relative paths in flags
    (-I../include) are the directory's, so it is part of it."""
    file: str
    directory: str
    flags: Tuple[str, ...]


def configuration(entry: Dict[str, Any]) -> Configuration:
    """The configuration of an entry with absolute "file" and
    "directory"."""
    return Configuration(entry["file"], entry["directory"], analysis_flags(
        arguments(entry), entry["file"], entry["directory"]))


def unique_entries(entries: Sequence[Dict[str, Any]]
                   ) -> List[Dict[str, Any]]:
    """The entries (with absolute "file" and "directory") of distinct
    configurations, in their order; the first entry of each wins."""
    seen: Set[Configuration] = set()
    unique = []
    for entry in entries:
        key = configuration(entry)
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    return unique
