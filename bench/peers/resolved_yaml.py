"""Reads the YAML `caseload check --resolved` prints: block maps, block lists of scalars, `[]`,
flow lists of scalars and plain or double-quoted scalars. Enough for the peer without PyYAML
(not among the project's Debian packages); anything else is refused at its line."""


class ResolvedYamlError(ValueError):
    pass


def scalar(text):
    """A YAML scalar as Python: true/false, a number, a quoted or plain string, [] or {}."""
    text = text.strip()
    if text in ("true", "false"):
        return text == "true"
    if text == "[]":
        return []
    if text == "{}":
        return {}
    if text.startswith("[") and text.endswith("]"):
        return [scalar(item) for item in text[1:-1].split(",")]
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _lines(text):
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        yield number, len(raw) - len(raw.lstrip(" ")), stripped


def _is_map_line(content):
    return content[0] not in '["{' and (": " in content or content.endswith(":"))


def _block(lines, start, indent):
    """Parses the block of lines[start:] at `indent`; returns (value, next index)."""
    number, _, first = lines[start]
    if first.startswith("- "):
        items, i = [], start
        while i < len(lines) and lines[i][1] == indent and lines[i][2].startswith("- "):
            item = lines[i][2][2:]
            if _is_map_line(item):  # a map in a list: its keys line up after the "- "
                lines[i] = (lines[i][0], indent + 2, item)
                value, i = _block(lines, i, indent + 2)
                items.append(value)
            else:
                items.append(scalar(item))
                i += 1
        return items, i
    if not _is_map_line(first):  # a value on the line under its key: `[]`
        return scalar(first), start + 1
    mapping, i = {}, start
    while i < len(lines) and lines[i][1] == indent:
        number, _, content = lines[i]
        key, colon, rest = content.partition(":")
        if not colon or not key or key.startswith("- "):
            raise ResolvedYamlError(f"line {number}: expected 'key: value', got {content!r}")
        key = scalar(key)
        i += 1
        if rest.strip():
            mapping[key] = scalar(rest)
        elif i < len(lines) and lines[i][1] > indent:
            mapping[key], i = _block(lines, i, lines[i][1])
        else:
            mapping[key] = None
    if i < len(lines) and lines[i][1] > indent:
        raise ResolvedYamlError(f"line {lines[i][0]}: unexpected indentation")
    return mapping, i


def load(text):
    lines = list(_lines(text))
    if not lines:
        return {}
    value, end = _block(lines, 0, lines[0][1])
    if end != len(lines):
        raise ResolvedYamlError(f"line {lines[end][0]}: unexpected indentation")
    return value
