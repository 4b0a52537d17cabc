"""The README documents every setting, and documents nothing that is not one."""

import re
from pathlib import Path

from kb.settings import SETTINGS

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _table_names() -> set[str]:
    section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `KB_([A-Z_]+)` \|", section, flags=re.M))


def test_every_setting_is_in_the_readme_table():
    assert {s.name for s in SETTINGS} == _table_names() - {"CONFIG"}


def test_readme_defaults_match_the_code():
    section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    for s in SETTINGS:
        row = re.search(rf"^\| `KB_{s.name}` \| ([^|]*) \|", section, flags=re.M)
        shown = row.group(1).strip().strip("`").replace(",", "")
        assert shown == (str(s.default) if s.default != "" else "(empty)"), s.name


def test_readme_opens_with_the_two_commands():
    head = README[:1500]
    assert "make run" in head and "make test" in head
