//! Finding the line and column of a JSON pointer in the spec's source text.
//!
//! serde_json and serde_yaml report positions only for syntax errors; errors found later
//! (a dangling `$ref`, a bad parameter) know only their JSON pointer. Neither parser keeps
//! node positions, so this walks the text itself: exactly for JSON, and by indentation for
//! block-style YAML (flow-style YAML falls back to the nearest block ancestor).

/// 1-based line and column of the node at `pointer` (`#/a/b`), or of its nearest ancestor
/// that could be found; `None` only for an empty text.
pub fn locate(text: &str, is_json: bool, pointer: &str) -> Option<(usize, usize)> {
    let tokens = tokens(pointer);
    let offset = if is_json {
        json_offset(text, &tokens, 1, false)
    } else {
        yaml_offset(text, &tokens, 1)
    }?;
    Some(line_column(text, offset))
}

/// 1-based line and column of the `occurrence`-th (from 1) key named by the last token of
/// `pointer` in its mapping (`#/paths/~1a`, 2: the second `/a:` under `paths`): where a key
/// given twice is written the second time. The key itself, not its value; for flow-style
/// YAML, the nearest block ancestor.
pub fn locate_key(
    text: &str,
    is_json: bool,
    pointer: &str,
    occurrence: usize,
) -> Option<(usize, usize)> {
    let tokens = tokens(pointer);
    let occurrence = occurrence.max(1);
    let offset = if is_json {
        json_offset(text, &tokens, occurrence, true)
    } else {
        yaml_offset(text, &tokens, occurrence)
    }?;
    Some(line_column(text, offset))
}

fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .trim_start_matches('#')
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The offset of the node at `tokens`, where the last token names the `occurrence`-th of
/// equal keys; with `key_position`, the offset of that key rather than of its value.
fn json_offset(
    text: &str,
    tokens: &[String],
    occurrence: usize,
    key_position: bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    if pos >= bytes.len() {
        return None;
    }
    for (i, token) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        let mut wanted = if last { occurrence } else { 1 };
        match bytes.get(pos) {
            Some(b'{') => {
                let mut p = skip_ws(bytes, pos + 1);
                let mut found = None;
                while bytes.get(p) == Some(&b'"') {
                    let key_start = p;
                    let key_end = skip_string(bytes, p)?;
                    let matches = key_matches(&bytes[p..key_end], token);
                    p = skip_ws(bytes, key_end);
                    if bytes.get(p) != Some(&b':') {
                        return Some(pos);
                    }
                    p = skip_ws(bytes, p + 1);
                    if matches {
                        wanted -= 1;
                        if wanted == 0 {
                            found = Some(if last && key_position { key_start } else { p });
                            break;
                        }
                    }
                    p = skip_ws(bytes, skip_value(bytes, p, 0)?);
                    if bytes.get(p) == Some(&b',') {
                        p = skip_ws(bytes, p + 1);
                    }
                }
                match found {
                    Some(p) => pos = p,
                    None => return Some(pos),
                }
            }
            Some(b'[') => {
                let Ok(index) = token.parse::<usize>() else {
                    return Some(pos);
                };
                let mut p = skip_ws(bytes, pos + 1);
                for _ in 0..index {
                    if bytes.get(p) == Some(&b']') {
                        return Some(pos);
                    }
                    p = skip_ws(bytes, skip_value(bytes, p, 0)?);
                    if bytes.get(p) == Some(&b',') {
                        p = skip_ws(bytes, p + 1);
                    }
                }
                pos = p;
            }
            _ => return Some(pos),
        }
    }
    Some(pos)
}

/// Whether the quoted JSON string `quoted` is `token`: compared as is when it has no escapes
/// (the common case, without allocating), else decoded.
fn key_matches(quoted: &[u8], token: &str) -> bool {
    let inner = &quoted[1..quoted.len().saturating_sub(1).max(1)];
    if !inner.contains(&b'\\') {
        return inner == token.as_bytes();
    }
    serde_json::from_slice::<String>(quoted).is_ok_and(|key| key == token)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        pos += 1;
    }
    pos
}

fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut pos = start + 1;
    loop {
        match bytes.get(pos)? {
            b'\\' => pos += 2,
            b'"' => return Some(pos + 1),
            _ => pos += 1,
        }
    }
}

/// Skips one JSON value. Depth is bounded so that hostile nesting cannot overflow the stack.
fn skip_value(bytes: &[u8], pos: usize, depth: usize) -> Option<usize> {
    if depth > 512 {
        return None;
    }
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        open @ (b'{' | b'[') => {
            let close = if *open == b'{' { b'}' } else { b']' };
            let mut p = skip_ws(bytes, pos + 1);
            while bytes.get(p)? != &close {
                p = skip_ws(bytes, skip_value(bytes, p, depth + 1)?);
                if matches!(bytes.get(p)?, b',' | b':') {
                    p = skip_ws(bytes, p + 1);
                }
            }
            Some(p + 1)
        }
        _ => {
            let mut p = pos;
            while !matches!(
                bytes.get(p),
                None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            ) {
                p += 1;
            }
            Some(p)
        }
    }
}

/// The offset of the node at `tokens`, where the last token names the `occurrence`-th of
/// equal keys (always the key's offset: YAML keys and their values start on the key's line).
fn yaml_offset(text: &str, tokens: &[String], occurrence: usize) -> Option<usize> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    let indent_of = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let meaningful = |line: &str| {
        let trimmed = line.trim_start();
        !trimmed.is_empty() && !trimmed.starts_with('#') && trimmed != "---"
    };
    // The node found so far: its line, the column where its content starts, and the least
    // indentation its children have.
    let mut current: Option<(usize, usize)> = None;
    let mut min_indent = 0usize;
    // For a list item, the content after `- ` on its own line is its first child.
    let mut same_line: Option<(usize, usize)> = None;
    for (i, token) in tokens.iter().enumerate() {
        let mut wanted = if i + 1 == tokens.len() { occurrence } else { 1 };
        let start_line = current.map_or(0, |(line, _)| line + 1);
        let mut found = None;
        if let Some((line, column)) = same_line.take() {
            let content = &lines[line].1[column..];
            if yaml_key(content).as_deref() == Some(token.as_str()) {
                wanted -= 1;
                if wanted == 0 {
                    found = Some((line, column, column + 1, None));
                }
            }
        }
        let mut child_indent = same_line_indent(current, &lines);
        let mut index = 0usize;
        if found.is_none() {
            for (i, (_, line)) in lines.iter().enumerate().skip(start_line) {
                if !meaningful(line) {
                    continue;
                }
                let indent = indent_of(line);
                let is_item = line[indent..].starts_with("- ") || &line[indent..] == "-";
                if indent < min_indent && !(is_item && indent + 1 == min_indent) {
                    break;
                }
                let level = *child_indent.get_or_insert(indent);
                if indent != level {
                    continue;
                }
                let content = &line[indent..];
                if is_item {
                    if token.parse::<usize>() == Ok(index) {
                        found = Some((i, indent + 2, indent + 2, Some((i, indent + 2))));
                        break;
                    }
                    index += 1;
                } else if yaml_key(content).as_deref() == Some(token.as_str()) {
                    wanted -= 1;
                    if wanted == 0 {
                        found = Some((i, indent, indent + 1, None));
                        break;
                    }
                }
            }
        }
        match found {
            Some((line, column, children, inline)) => {
                current = Some((line, column));
                min_indent = children;
                same_line = inline.filter(|(l, c)| lines[*l].1.len() > *c);
            }
            None => break,
        }
    }
    match current {
        Some((line, column)) => lines.get(line).map(|(start, _)| start + column),
        None => lines
            .iter()
            .find(|(_, l)| meaningful(l))
            .map(|(start, l)| start + indent_of(l)),
    }
}

/// Children of a list item share the column of the item's first key.
fn same_line_indent(current: Option<(usize, usize)>, lines: &[(usize, &str)]) -> Option<usize> {
    let (line, column) = current?;
    let text = lines.get(line)?.1;
    let before = text.get(..column)?;
    before.trim_end().ends_with('-').then_some(column)
}

/// The key of a `key: value` line, unquoted.
fn yaml_key(content: &str) -> Option<String> {
    if let Some(rest) = content.strip_prefix('"') {
        let end = rest.find("\":")?;
        return serde_json::from_str(&format!("\"{}\"", &rest[..end])).ok();
    }
    if let Some(rest) = content.strip_prefix('\'') {
        let end = rest.find("':")?;
        return Some(rest[..end].replace("''", "'"));
    }
    let end = content
        .find(": ")
        .or_else(|| content.strip_suffix(':').map(str::len))?;
    Some(content[..end].trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::{locate, locate_key};

    #[test]
    fn finds_nested_json_nodes() {
        let text =
            "{\n  \"a\": {\"x\": 1},\n  \"paths\": {\n    \"/p\": [10, {\"k\": true}]\n  }\n}";
        assert_eq!(locate(text, true, "#/paths"), Some((3, 12)));
        assert_eq!(locate(text, true, "#/paths/~1p/1/k"), Some((4, 22)));
        // A missing node points at its nearest ancestor.
        assert_eq!(locate(text, true, "#/paths/~1q"), Some((3, 12)));
    }

    #[test]
    fn finds_nested_yaml_nodes() {
        let text = "openapi: 3.0.3\npaths:\n  /p:\n    get:\n      parameters:\n        - name: a\n        - name: b\n          in: query\n";
        assert_eq!(locate(text, false, "#/paths/~1p/get"), Some((4, 5)));
        assert_eq!(
            locate(text, false, "#/paths/~1p/get/parameters/1"),
            Some((7, 11))
        );
        assert_eq!(
            locate(text, false, "#/paths/~1p/get/parameters/1/in"),
            Some((8, 11))
        );
        assert_eq!(locate(text, false, "#/paths/~1p/post"), Some((3, 3)));
    }

    #[test]
    fn finds_the_second_occurrence_of_a_json_key() {
        let text = "{\n  \"paths\": {\n    \"/a\": {},\n    \"/b\": {\"x\": 1,\n   \"x\": 2},\n    \"/a\": []\n  }\n}";
        assert_eq!(locate_key(text, true, "#/paths/~1a", 1), Some((3, 5)));
        assert_eq!(locate_key(text, true, "#/paths/~1a", 2), Some((6, 5)));
        assert_eq!(locate_key(text, true, "#/paths/~1b/x", 2), Some((5, 4)));
        // Escaped keys are compared decoded.
        let text = "{\"a\": 1, \"\\u0061\": 2}";
        assert_eq!(locate_key(text, true, "#/a", 2), Some((1, 10)));
        // No second occurrence: the parent.
        assert_eq!(locate_key(text, true, "#/b", 2), Some((1, 1)));
    }

    #[test]
    fn finds_the_second_occurrence_of_a_yaml_key() {
        let text = "openapi: 3.0.3\npaths:\n  /a:\n    get: {}\n  /b: {}\n  '/a':\n    put: {}\nlist:\n  - name: a\n    in: query\n    name: b\n";
        assert_eq!(locate_key(text, false, "#/paths/~1a", 1), Some((3, 3)));
        assert_eq!(locate_key(text, false, "#/paths/~1a", 2), Some((6, 3)));
        assert_eq!(locate_key(text, false, "#/list/0/name", 1), Some((9, 5)));
        assert_eq!(locate_key(text, false, "#/list/0/name", 2), Some((11, 5)));
        // Flow style: the line of the nearest block ancestor.
        let text = "a: 1\nb: {x: 1, x: 2}\n";
        assert_eq!(locate_key(text, false, "#/b/x", 2), Some((2, 1)));
        assert_eq!(locate_key(text, false, "#/a", 0), Some((1, 1)));
    }
}
