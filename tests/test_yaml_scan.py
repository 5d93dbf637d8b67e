"""gk reads a file without its event scan only when the scan could find nothing: no anchor,
alias or tag, and nesting that cannot pass 64 levels. Deep files are still refused."""

from __future__ import annotations

import yaml
from helpers import replace_in
from hypothesis import given, settings
from hypothesis import strategies as st

from gkcli import yamlnodes
from gkcli.yamlnodes import MAX_DEPTH, _needs_scan, _scan, compose


def depth(node: yaml.Node | None) -> int:
    if isinstance(node, yaml.SequenceNode):
        return 1 + max((depth(n) for n in node.value), default=0)
    if isinstance(node, yaml.MappingNode):
        return 1 + max((max(depth(k), depth(v)) for k, v in node.value), default=0)
    return 0


def test_a_block_mapping_nested_seventy_deep_is_refused(gk):
    nested = "".join(f"\n{'  ' * (3 + n)}k{n}:" for n in range(70)) + " 1"
    replace_in(gk.tasks, "    status: todo\n\n  # 五", "    status: todo\n    notes:" + nested + "\n\n  # 五")
    result = gk("--lang", "en", "list")
    assert result.exit_code == 1
    assert "nested more than 64 levels deep" in result.output


def test_sequences_nested_seventy_deep_on_one_line_are_refused(gk):
    replace_in(gk.tasks, "    status: todo\n\n  # 五",
               "    status: todo\n    notes:\n      " + "- " * 70 + "x\n\n  # 五")
    result = gk("--lang", "en", "list")
    assert result.exit_code == 1
    assert "nested more than 64 levels deep" in result.output


def test_the_shipped_table_is_read_without_the_scan():
    from helpers import SHIPPED

    for name in ("tasks.yaml", "leading_group.yaml"):
        assert not _needs_scan((SHIPPED / name).read_text(encoding="utf-8"))


values = st.recursive(
    st.one_of(st.text(alphabet="ab综合-:? ", max_size=6), st.integers(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(alphabet="ab综-", min_size=1, max_size=4), inner,
                                            max_size=3)),
    max_leaves=80)


def nest(data: object, wrappers: list[bool]) -> object:
    """``data`` inside a list (True) or a one-key mapping (False) per wrapper, outermost first."""
    for as_list in reversed(wrappers):
        data = [data] if as_list else {"k": data}
    return data


@settings(max_examples=300, deadline=None)
@given(values, st.lists(st.booleans(), max_size=80), st.integers(min_value=1, max_value=6),
       st.booleans())
def test_a_text_read_without_the_scan_is_one_the_scan_passes(data, wrappers, indent, flow):
    data = nest(data, wrappers)
    text = yaml.safe_dump(data, allow_unicode=True, indent=indent,
                          default_flow_style=None if flow else False, width=40)
    if _needs_scan(text):
        return
    assert _scan(text, "t.yaml") == (frozenset(), [])
    root, problems = compose(text, "t.yaml")
    assert problems == []
    assert depth(root) <= MAX_DEPTH


SCALARS = st.sampled_from(["1", "01", "0x1A", "1.5", ".inf", "true", "True", "yes", "no", "off",
                           "null", "~", "", "2021-06-20", "2021-6-20", "2021-06-20 10:00:00",
                           "综合股", "长期", "'1'", '"true"', "-1", "+1", "1_000", "0o17"])


def _tags(node: yaml.Node) -> list[tuple[str, str]]:
    if isinstance(node, yaml.ScalarNode):
        return [(node.tag, node.value)]
    if isinstance(node, yaml.SequenceNode):
        return [(node.tag, "")] + [t for child in node.value for t in _tags(child)]
    return [(node.tag, "")] + [t for k, v in node.value for t in _tags(k) + _tags(v)]


@given(st.lists(st.lists(st.tuples(SCALARS, SCALARS), min_size=1, max_size=5), min_size=1, max_size=4))
@settings(max_examples=60, deadline=None)
def test_tags_worked_out_once_per_process_are_pyyamls(files):
    """gk keeps each scalar's tag for the whole process (gk --all reads hundreds of files):
    file after file, every node's tag is the one PyYAML's own safe loader gives it."""
    for pairs in files:
        text = "items:\n" + "".join(f"  - k{i}: {a}\n    v: [{b}]\n" for i, (a, b) in enumerate(pairs))
        assert _tags(yaml.compose(text, Loader=yamlnodes._Composer)) == \
            _tags(yaml.compose(text, Loader=yaml.SafeLoader))


def test_a_large_table_of_one_line_flow_lists_is_read_without_the_scan():
    """Thousands of `assist: [运管股, 局各股室]` nest one level each: no scan for them."""
    items = "".join(f"  - id: {i}\n    assist: [运管股, 局各股室]\n    tags: {{a: 1}}\n"
                    for i in range(1, 3001))
    assert not _needs_scan("tasks:\n" + items)


DECORATIONS = st.sampled_from(['"]"', "']'", '"a]}b"', "x, # ] } here\n  y", "[a, b]", "{k: v}",
                               "综合股", "'it''s ]'", "[]", '"\\"]"', "{}"])


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=MAX_DEPTH - 2, max_value=MAX_DEPTH + 8),
       st.lists(st.lists(DECORATIONS, max_size=3), min_size=MAX_DEPTH + 8, max_size=MAX_DEPTH + 8),
       st.lists(st.booleans(), min_size=MAX_DEPTH + 8, max_size=MAX_DEPTH + 8))
def test_flow_levels_hidden_among_closing_brackets_in_strings_still_need_the_scan(levels, between,
                                                                                  as_map):
    """Closing brackets in quotes or comments, and flows with nothing nested, beside each
    level: whenever the text really nests deeper than the limit, it is scanned (and refused)."""
    text = "notes: "
    for level in range(levels):
        if as_map[level]:
            text += "{" + "".join(f"k{n}: {d}, " for n, d in enumerate(between[level])) + "k: "
        else:
            text += "[" + "".join(f"{d}, " for d in between[level])
    text += "x" + "".join("}" if as_map[level] else "]" for level in reversed(range(levels))) + "\n"
    real = depth(yaml.compose(text, Loader=yaml.SafeLoader))
    assert real >= levels + 1  # the mapping of notes, then each level (and a leaf beside it)
    if real > MAX_DEPTH:
        assert _needs_scan(text)
        assert compose(text, "t.yaml")[1][0].message == "too_deep"


def test_the_quick_readers_refuse_nesting_too_deep_instead_of_recursing(tmp_path):
    """libyaml would recurse through 30,000 levels until the process died: completion, the
    history's snapshots, the merge's units and gk import's 文号 reader all refuse it."""
    import subprocess
    import sys

    from helpers import ROOT

    deep = "notice:\n  number: 'x'\n  note: " + "[" * 30000 + "]" * 30000 + "\n"
    script = ("import sys, yaml\nfrom gkcli.yamlnodes import load_data\n"
              "try:\n    load_data(sys.stdin.read())\nexcept yaml.YAMLError:\n    print('refused')\n")
    done = subprocess.run([sys.executable, "-c", script], input=deep, capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "refused"
