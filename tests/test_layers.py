"""The layering: which part of the library may import which (docs/explanation/architecture.md).

The imports are read from the source with ast, so a lazy import inside a function counts as
much as one at the top. A part is a flat module (``_claims``) or a package (``zones``, with
all its modules); a part may import its own modules and parts of a lower rank only.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

PACKAGE = "chronoreconcile"
SRC = Path(__file__).resolve().parent.parent / "src" / PACKAGE

# Lowest first. A part may import only parts of a strictly lower rank (or its own modules).
RANKS = {
    "_units": 0,
    "_version": 0,
    "_errors": 1,
    # The foundations: zones, calendars and the network know nothing of events or claims.
    "zones": 2,
    "calendars": 2,
    "network": 2,
    "_durations": 2,
    "lexicon": 3,
    "_instants": 3,
    "_parsing": 4,
    "_spans": 4,
    "_wording": 4,
    "_alternatives": 5,  # read_when: the one wall-time path
    "_phrases": 5,  # a lexicon reading turned into a claim's bounds
    "_events": 6,
    "_claims": 7,
    "_ordering": 7,
    "_verdicts": 8,
    "_loading": 8,
    "_files": 2,  # the bytes of a chronology file: TOML/JSON in and out
    "_saving": 8,  # a chronology written back as a file
    "chronology": 9,
    "": 10,  # the package's __init__: the public names
    "_report": 11,
    "_zone_compare": 11,  # one chronology reconciled under two zone data sets
    "cli": 12,  # the command line renders reports
    "strategies": 12,
    "__main__": 13,
}

# What the foundations may import, spelled out (the ranks allow it; these say it is all).
FOUNDATIONS = {
    "_units": set(),
    "_version": set(),
    "_errors": {"_units"},
    "zones": {"_errors", "_units"},
    "calendars": {"_errors", "_units"},
    "network": {"_errors"},
}

# The only parts that may import the chronology package.
ABOVE_CHRONOLOGY = {"", "_report", "_zone_compare", "cli", "strategies"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str:
    """The part a dotted module belongs to: ``chronoreconcile.zones._tzif`` -> ``zones``."""
    rest = module.split(".")[1:]
    return rest[0] if rest else ""


@cache
def _modules() -> frozenset[str]:
    return frozenset(_module_name(p) for p in SRC.rglob("*.py"))


@cache
def _imports() -> dict[str, tuple[tuple[str, str | None, int], ...]]:
    """module -> (imported module, imported name or None, line) for each import of ours."""
    found: dict[str, tuple[tuple[str, str | None, int], ...]] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        rows: list[tuple[str, str | None, int]] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                rows += [(a.name, None, node.lineno) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    source = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    source = node.module or ""
                for a in node.names:
                    # "from . import calendars" imports a module, not a name.
                    if f"{source}.{a.name}" in _modules():
                        rows.append((f"{source}.{a.name}", None, node.lineno))
                    else:
                        rows.append((source, a.name, node.lineno))
        found[module] = tuple(r for r in rows if r[0] == PACKAGE or r[0].startswith(PACKAGE + "."))
    return found


def _part_imports() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for module, rows in _imports().items():
        own = _part(module)
        edges.setdefault(own, set()).update(_part(m) for m, _, _ in rows if _part(m) != own)
    return edges


def test_every_part_has_a_rank() -> None:
    # A new module or package must be placed in the order above before it is imported.
    assert {_part(m) for m in _modules()} - set(RANKS) == set()


def test_parts_import_only_lower_parts() -> None:
    wrong = sorted(
        f"{module}:{line} imports {source} (rank {RANKS[_part(source)]} >= {RANKS[_part(module)]})"
        for module, rows in _imports().items()
        for source, _, line in rows
        if _part(source) != _part(module) and RANKS[_part(source)] >= RANKS[_part(module)]
    )
    assert wrong == []


def test_the_foundations_import_only_what_they_say() -> None:
    edges = _part_imports()
    assert {part: edges.get(part, set()) - allowed for part, allowed in FOUNDATIONS.items()} == {
        part: set() for part in FOUNDATIONS
    }


def test_only_the_top_layers_import_the_chronology() -> None:
    users = {part for part, targets in _part_imports().items() if "chronology" in targets}
    assert users <= ABOVE_CHRONOLOGY


def test_no_private_name_crosses_a_module() -> None:
    # A package's __init__ re-exports what its siblings need under names without an
    # underscore; dunders (__version__) are not private.
    wrong = sorted(
        f"{module}:{line} imports {name} from {source}"
        for module, rows in _imports().items()
        for source, name, line in rows
        if name is not None and name.startswith("_") and not name.startswith("__")
    )
    assert wrong == []


def test_outside_a_package_only_its_init_is_imported() -> None:
    # zones._tzif is the zones package's business: other parts import from zones itself.
    wrong = sorted(
        f"{module}:{line} imports {source}"
        for module, rows in _imports().items()
        for source, _, line in rows
        if len(source.split(".")) > 2
        and _part(source) != _part(module)
        and (SRC / _part(source)).is_dir()
    )
    assert wrong == []


def test_every_module_says_what_it_may_import() -> None:
    silent = sorted(
        _module_name(path)
        for path in SRC.rglob("*.py")
        if "may import" not in (ast.get_docstring(ast.parse(path.read_text("utf-8"))) or "").lower()
    )
    assert silent == []


def _may_import_paragraph(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""
    lowered = doc.lower()
    start = lowered.find("may import")
    return " ".join(doc[start:].split("\n\n")[0].split())


def test_a_module_that_lists_what_it_may_import_imports_no_more() -> None:
    # Where the docstring names the parts (``_errors``, ``zones``), the imports must be
    # among them; a docstring that speaks of "the flat modules below" or "the public names"
    # is checked by the rank order alone.
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        said = _may_import_paragraph(path)
        if any(w in said.lower() for w in ("any", "flat modules", "public names", "every")):
            continue
        named = {part for part in RANKS if part and re.search(rf"(?<![\w.]){part}\b", said)}
        named |= {
            part for part in RANKS if (part and f"{PACKAGE}.{part}" in said) or f".{part}`" in said
        }
        actual = {_part(m) for m, _, _ in _imports()[module]} - {_part(module)}
        alone = any(w in said.lower() for w in ("sibling", "only", "nothing", "own modules"))
        if (named or alone) and actual - named:
            wrong.append(f"{module}: imports {sorted(actual - named)}, says {said!r}")
    assert wrong == []
