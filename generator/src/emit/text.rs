//! Making spec descriptions safe and readable as rustdoc and Markdown.
//!
//! Descriptions are untrusted text. In Rust they always travel inside a string literal token
//! (`#[doc = "..."]`), so they cannot inject code; but rustdoc would still run a fenced code
//! block as a doctest, warn on HTML it does not understand, on bare URLs and on `[brackets]`
//! that look like intra-doc links. Real specs (Chargebee's among them) are full of HTML.
//! [`markdown`] turns such text into plain CommonMark that rustdoc accepts without warnings.

/// Converts a description to Markdown that rustdoc renders without warnings and never runs.
pub fn markdown(text: &str) -> String {
    // A carriage return alone (VTEX's descriptions) is a line break to Markdown, and rustc
    // refuses it in a doc comment.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let html_free = html_to_markdown(&text);
    let mut out = String::with_capacity(html_free.len());
    let mut in_fence = false;
    let mut in_indented = false;
    let mut in_list_item = false;
    // Where the current list item's text starts (`- ` at column 0: 2).
    let mut item_indent = 0;
    for mut line in html_free.lines() {
        let trimmed = line.trim_start();
        let indented =
            (line.starts_with("    ") || line.starts_with('\t')) && !line.trim().is_empty();
        if !indented {
            in_indented = false;
        }
        let is_item = is_list_item(trimmed);
        if !in_fence {
            if trimmed.is_empty() {
                in_list_item = false;
            } else if is_item {
                in_list_item = true;
                item_indent = line.len() - trimmed.len() + marker_width(trimmed);
            } else if in_list_item && !indented {
                // A line right after a list item continues it; indent it to the item's text,
                // so that Markdown and clippy (doc_lazy_continuation, and
                // doc_overindented_list_items for Docker's three-space continuations) read
                // it that way.
                out.push_str(&" ".repeat(item_indent));
                line = trimmed;
            }
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            if in_fence {
                in_fence = false;
                out.push_str(trimmed.get(..3).unwrap_or("```"));
            } else {
                in_fence = true;
                // A code block in a description is an illustration, never a doctest.
                out.push_str(&trimmed[..3]);
                out.push_str("text");
            }
        } else if in_fence {
            out.push_str(line);
        } else if indented {
            // An indented block is a code block (and would be a doctest): fence it as text.
            // Consecutive indented lines share one fence.
            if in_indented {
                out.truncate(out.len() - "```\n".len());
            } else {
                out.push_str("```text\n");
            }
            out.push_str(line.trim_start());
            out.push_str("\n```");
            in_indented = true;
            out.push('\n');
            continue;
        } else {
            out.push_str(&escape_inline(line));
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("```\n");
    }
    collapse_blank_lines(out.trim())
}

/// The width of a list item's marker and the space after it (`- `: 2, `10. `: 4).
fn marker_width(item: &str) -> usize {
    let digits = item.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        digits + 2
    } else {
        2
    }
}

fn is_list_item(line: &str) -> bool {
    let bullet = line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ");
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    bullet || (digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") ")))
}

fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// The first sentence or line, for summaries in tables and one-line docs.
pub fn first_line(text: &str) -> String {
    let md = markdown(text);
    md.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Escapes a single line outside code blocks: HTML-looking `<`, `[` not starting a link,
/// and bare URLs. Code spans are left alone.
fn escape_inline(line: &str) -> String {
    // Most lines of a description are plain prose: nothing to escape.
    if !line.contains(['`', '\\', '<', '>', '[', ']']) && !line.contains("http") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.char_indices().peekable();
    let mut in_code = false;
    while let Some((i, c)) = chars.next() {
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            continue;
        }
        if in_code {
            out.push(c);
            continue;
        }
        match c {
            '\\' => {
                // Keep existing Markdown escapes as they are.
                out.push(c);
                if let Some((_, next)) = chars.next() {
                    out.push(next);
                }
            }
            '<' => out.push_str("&lt;"),
            '>' if i == 0 || line[..i].trim().is_empty() => out.push('>'),
            '>' => out.push_str("&gt;"),
            '[' => {
                let rest = &line[i..];
                if let Some(end) = rest.find("](") {
                    // A real Markdown link: copy `[text](url)`. A relative URL would lead
                    // nowhere from rustdoc or docs.rs ([`resolve_links`] made absolute the
                    // ones it could): only its text is kept.
                    let text = &rest[1..end];
                    let url_start = i + end + 2;
                    let url_len = line[url_start..]
                        .find(')')
                        .unwrap_or(line.len() - url_start);
                    let url = &line[url_start..url_start + url_len];
                    if is_absolute(url) {
                        out.push('[');
                        out.push_str(&escape_inline(text));
                        out.push_str("](");
                        out.push_str(url);
                        out.push(')');
                    } else {
                        out.push_str(&escape_inline(text));
                    }
                    // Past the URL and its closing parenthesis.
                    while chars.peek().is_some_and(|(j, _)| *j <= url_start + url_len) {
                        chars.next();
                    }
                } else {
                    out.push_str("\\[");
                }
            }
            ']' => out.push_str("\\]"),
            'h' if line[i..].starts_with("http://") || line[i..].starts_with("https://") => {
                let len = line[i..]
                    .find(|c: char| c.is_whitespace() || c == ')' || c == '"')
                    .unwrap_or(line.len() - i);
                let url = line[i..i + len].trim_end_matches(['.', ',', ';', ':']);
                out.push('<');
                out.push_str(url);
                out.push('>');
                while chars.peek().is_some_and(|(j, _)| *j < i + url.len()) {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether a link target leads somewhere on its own: it starts with a scheme (`https:`,
/// `mailto:`).
fn is_absolute(target: &str) -> bool {
    let Some((scheme, _)) = target.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
}

/// `target` resolved against `base` (`https://host` or `https://host/docs/`), as a browser
/// would: `/docs/x` from the base's origin, `x` below the base; `None` for a bare fragment or
/// query, which only means something on the page it was written for.
fn resolve_url(target: &str, base: &str) -> Option<String> {
    if is_absolute(target) {
        return Some(target.to_owned());
    }
    if target.is_empty() || target.starts_with(['#', '?']) {
        return None;
    }
    let base = base.trim_end_matches('/');
    let (scheme, rest) = base.split_once("://")?;
    if let Some(network) = target.strip_prefix("//") {
        return Some(format!("{scheme}://{network}"));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    Some(match target.strip_prefix('/') {
        Some(path) => format!("{scheme}://{host}/{path}"),
        None => format!("{base}/{target}"),
    })
}

/// Makes the relative link targets of a description absolute against `base`, the API's
/// documentation (`https://apidocs.chargebee.com`): Markdown `[text](/docs/x)` and HTML
/// `href="/docs/x"`. Run before [`markdown`], which keeps only the text of a link still
/// relative.
pub fn resolve_links(text: &str, base: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let markdown = rest.find("](").map(|at| (at, at + 2, ')'));
        let html = rest.find("href=\"").map(|at| (at, at + 6, '"'));
        let next = match (markdown, html) {
            (Some(m), Some(h)) => Some(if m.0 <= h.0 { m } else { h }),
            (m, h) => m.or(h),
        };
        let Some((_, start, close)) = next else {
            break;
        };
        out.push_str(&rest[..start]);
        let target_len = rest[start..].find(close).unwrap_or(rest.len() - start);
        let target = &rest[start..start + target_len];
        match resolve_url(target, base) {
            Some(url) => out.push_str(&url),
            None => out.push_str(target),
        }
        rest = &rest[start + target_len..];
    }
    out.push_str(rest);
    out
}

/// Tags that are dropped or rewritten; anything else in angle brackets (`Vec<String>`) is text.
const HTML_TAGS: &[&str] = &[
    "a", "b", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "li", "ol", "p", "pre", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
];

/// Rewrites the HTML commonly found in descriptions into Markdown, and drops other tags.
fn html_to_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut link: Option<String> = None;
    while let Some(start) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..start]));
        let after = &rest[start + 1..];
        let name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let is_tag = HTML_TAGS.contains(&name.as_str());
        let end = after.find('>');
        let (Some(end), true) = (end, is_tag) else {
            out.push('<');
            rest = after;
            continue;
        };
        if after[..end].contains('<') {
            out.push('<');
            rest = after;
            continue;
        }
        let tag = &after[..end];
        let closing = tag.starts_with('/');
        match (name.as_str(), closing) {
            ("code", _) => out.push('`'),
            ("a", false) => {
                link = attribute(tag, "href")
                    .filter(|h| h.starts_with("http://") || h.starts_with("https://"));
                if link.is_some() {
                    out.push('[');
                }
            }
            ("a", true) => {
                if let Some(href) = link.take() {
                    out.push_str("](");
                    out.push_str(&href);
                    out.push(')');
                }
            }
            ("br", _) => out.push('\n'),
            ("p", true) | ("div", true) | ("ul", _) | ("ol", _) => out.push_str("\n\n"),
            ("li", false) => out.push_str("\n- "),
            ("strong" | "b", _) => out.push_str("**"),
            ("em" | "i", _) => out.push('*'),
            ("pre", _) => out.push_str("\n```\n"),
            _ => {}
        }
        rest = &after[end + 1..];
    }
    out.push_str(&decode_entities(rest));
    out
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[at..].find('"')?;
    Some(decode_entities(&tag[at..at + len]))
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let entity = after
            .find(';')
            .filter(|&end| end <= 10)
            .map(|end| (&after[..end], end));
        let decoded = entity.and_then(|(name, _)| match name {
            "nbsp" => Some(' '),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            _ => {
                let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                code.and_then(char::from_u32).filter(|c| !c.is_control())
            }
        });
        match (decoded, entity) {
            (Some(c), Some((_, end))) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes text for one cell of a Markdown table: one line, no unescaped `|`.
pub fn table_cell(text: &str) -> String {
    markdown(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_become_line_breaks() {
        // VTEX's descriptions: rustc refuses a bare CR in a doc comment.
        assert_eq!(markdown("one\rtwo\r\nthree"), "one\ntwo\nthree");
        assert!(!markdown("a\r\rb").contains('\r'));
    }

    #[test]
    fn html_becomes_markdown() {
        let input = "<p class=\"mb-2\">The <a href=\"/docs/x\">invoice</a> has <code class=\"c\">status</code> &amp; <a href=\"https://e.com/a\" target=\"_blank\">more</a>.</p>";
        assert_eq!(
            markdown(input),
            "The invoice has `status` & [more](https://e.com/a)."
        );
    }

    #[test]
    fn code_blocks_never_become_doctests() {
        assert_eq!(
            markdown("x\n```\npanic!(\"boom\")\n```"),
            "x\n```text\npanic!(\"boom\")\n```"
        );
        assert_eq!(
            markdown("```rust\nfn main() {}"),
            "```text\nfn main() {}\n```"
        );
        assert_eq!(
            markdown("x\n\n    indented();"),
            "x\n\n```text\nindented();\n```"
        );
        assert_eq!(
            markdown("```\na\n```\n    b();\n    c();\nd"),
            "```text\na\n```\n```text\nb();\nc();\n```\nd"
        );
    }

    #[test]
    fn rustdoc_hazards_are_escaped() {
        assert_eq!(
            markdown("a Vec<String> [note] see http://x.io/a."),
            "a Vec&lt;String&gt; \\[note\\] see <http://x.io/a>."
        );
        assert_eq!(
            markdown("[Quantity](https://e.com/q#a) of `Vec<T>`"),
            "[Quantity](https://e.com/q#a) of `Vec<T>`"
        );
        assert_eq!(markdown("\\* \\`code\\`"), "\\* \\`code\\`");
    }

    #[test]
    fn entities_decode_and_list_items_continue() {
        assert_eq!(
            markdown("customer&#x27;s &#39;x&#39; &amp;c &bogus; a&b"),
            "customer's 'x' &c &bogus; a&b"
        );
        assert_eq!(
            markdown("* refund - of `amount`\nto the customer\n\nnext"),
            "* refund - of `amount`\n  to the customer\n\nnext"
        );
        // Docker's three-space continuations, and a numbered item's, align with its text.
        assert_eq!(
            markdown("- `dangling` prune only\n   unused images\n10. ten\n whole"),
            "- `dangling` prune only\n  unused images\n10. ten\n    whole"
        );
    }

    #[test]
    fn table_cells_are_one_line() {
        assert_eq!(table_cell("a | b\n\nc"), "a \\| b<br>c");
    }

    #[test]
    fn relative_links_resolve_against_the_docs_host() {
        let base = "https://apidocs.chargebee.com";
        let text =
            "[type of currency](/docs/api/getting-started) and <a href=\"/docs/api/x\">x</a>";
        assert_eq!(
            markdown(&resolve_links(text, base)),
            "[type of currency](https://apidocs.chargebee.com/docs/api/getting-started) and [x](https://apidocs.chargebee.com/docs/api/x)"
        );
        // A base with a path: root-relative targets start at its origin, others below it.
        let base = "https://e.com/docs/";
        assert_eq!(
            resolve_links("[a](/x) [b](y/z) [c](//cdn.e.com/w) [d](#top)", base),
            "[a](https://e.com/x) [b](https://e.com/docs/y/z) [c](https://cdn.e.com/w) [d](#top)"
        );
        // Absolute links are left as they are.
        let absolute = "[a](https://other.org/p) <a href=\"mailto:x@e.com\">m</a>";
        assert_eq!(resolve_links(absolute, base), absolute);
    }

    #[test]
    fn relative_links_without_a_docs_host_are_plain_text() {
        assert_eq!(
            markdown("See the [type of currency](/docs/api/getting-started), or [top](#top)."),
            "See the type of currency, or top."
        );
        assert_eq!(
            markdown("The <a href=\"/docs/x\">invoice</a>."),
            "The invoice."
        );
        // Still a link when it leads somewhere.
        assert_eq!(markdown("[a](mailto:x@e.com)"), "[a](mailto:x@e.com)");
    }
}
