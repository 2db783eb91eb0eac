//! The part of JSONPath (RFC 9535) that overlays use to pick nodes of a spec: the root `$`,
//! names (`.name`, `['name']`), wildcards (`.*`, `[*]`), indexes (`[0]`, `[-1]`), the
//! descendant segment (`..name`, `..*`) and filters on the children of a node
//! (`[?@.in == 'query']`, `[?@.required]`, joined with `&&` or `||`).
//!
//! Written here rather than taken from a crate: the JSONPath crates for serde_json bring a
//! parser-combinator stack (and regex for RFC 9535's function extensions) for what overlays
//! in the wild use, which is this subset; an expression outside it is refused with the
//! column where it stops being understood, never evaluated approximately.

use serde_json::Value;

/// One step from a node to one of its children.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq)]
struct Segment {
    /// `..`: the selector applies to the node and every node below it.
    descendant: bool,
    selector: Selector,
}

#[derive(Debug, Clone, PartialEq)]
enum Selector {
    Name(String),
    Wildcard,
    Index(i64),
    Filter(Filter),
}

/// `a || b || ...` of `c && d && ...`.
#[derive(Debug, Clone, PartialEq)]
struct Filter {
    any: Vec<Vec<Test>>,
}

#[derive(Debug, Clone, PartialEq)]
enum Test {
    /// `@.a.b`: the member exists.
    Exists(Vec<String>),
    /// `@.a == 'x'`, `@.a != 1`.
    Compare {
        path: Vec<String>,
        equal: bool,
        value: Value,
    },
}

/// Why a query could not be read: what, and at which character (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The character offset in the query where it went wrong.
    pub at: usize,
    /// What was expected.
    pub message: String,
}

impl Query {
    /// Parses a query.
    ///
    /// # Errors
    ///
    /// A [`ParseError`] for anything outside the supported subset.
    pub fn parse(text: &str) -> Result<Query, ParseError> {
        let mut parser = Parser {
            chars: text.chars().collect(),
            at: 0,
        };
        parser.expect('$')?;
        let mut segments = Vec::new();
        while parser.at < parser.chars.len() {
            segments.push(parser.segment()?);
        }
        Ok(Query { segments })
    }

    /// The paths of every node the query selects in `root`, in document order.
    pub fn select(&self, root: &Value) -> Vec<Vec<Step>> {
        let mut current: Vec<(Vec<Step>, &Value)> = vec![(Vec::new(), root)];
        for segment in &self.segments {
            let mut next = Vec::new();
            for (path, node) in current {
                if segment.descendant {
                    descend(&path, node, &mut |p, n| {
                        apply(&segment.selector, p, n, &mut next);
                    });
                } else {
                    apply(&segment.selector, &path, node, &mut next);
                }
            }
            current = next;
        }
        let mut paths: Vec<Vec<Step>> = current.into_iter().map(|(path, _)| path).collect();
        // `..` may reach one node twice (`$..*..x`); a node is changed once.
        let mut seen = std::collections::HashSet::new();
        paths.retain(|p| seen.insert(p.clone()));
        paths
    }
}

/// Calls `visit` on `node` and every node below it, parents first.
fn descend<'v>(path: &[Step], node: &'v Value, visit: &mut dyn FnMut(&[Step], &'v Value)) {
    visit(path, node);
    let mut child = path.to_vec();
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                child.push(Step::Key(key.clone()));
                descend(&child, value, visit);
                child.pop();
            }
        }
        Value::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                child.push(Step::Index(i));
                descend(&child, value, visit);
                child.pop();
            }
        }
        _ => {}
    }
}

fn apply<'v>(
    selector: &Selector,
    path: &[Step],
    node: &'v Value,
    out: &mut Vec<(Vec<Step>, &'v Value)>,
) {
    let with = |step: Step| {
        let mut p = path.to_vec();
        p.push(step);
        p
    };
    match (selector, node) {
        (Selector::Name(name), Value::Object(map)) => {
            if let Some(value) = map.get(name) {
                out.push((with(Step::Key(name.clone())), value));
            }
        }
        (Selector::Index(index), Value::Array(items)) => {
            let len = items.len() as i64;
            let i = if *index < 0 { len + index } else { *index };
            if (0..len).contains(&i) {
                let i = i as usize;
                out.push((with(Step::Index(i)), &items[i]));
            }
        }
        (Selector::Wildcard | Selector::Filter(_), Value::Object(map)) => {
            for (key, value) in map {
                if matches(selector, value) {
                    out.push((with(Step::Key(key.clone())), value));
                }
            }
        }
        (Selector::Wildcard | Selector::Filter(_), Value::Array(items)) => {
            for (i, value) in items.iter().enumerate() {
                if matches(selector, value) {
                    out.push((with(Step::Index(i)), value));
                }
            }
        }
        _ => {}
    }
}

fn matches(selector: &Selector, value: &Value) -> bool {
    let Selector::Filter(filter) = selector else {
        return true;
    };
    filter.any.iter().any(|all| {
        all.iter().all(|test| match test {
            Test::Exists(path) => member(value, path).is_some(),
            Test::Compare {
                path,
                equal,
                value: expected,
            } => {
                // RFC 9535: a comparison with a member that is absent is false for `==` and
                // true for `!=`.
                let found = member(value, path);
                (found == Some(expected)) == *equal
            }
        })
    })
}

fn member<'v>(value: &'v Value, path: &[String]) -> Option<&'v Value> {
    path.iter().try_fold(value, |node, name| node.get(name))
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError {
            at: self.at,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        let n = s.chars().count();
        if self
            .chars
            .get(self.at..self.at + n)
            .is_some_and(|w| w.iter().copied().eq(s.chars()))
        {
            self.at += n;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<(), ParseError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.error(format!("expected `{c}`")))
        }
    }

    fn spaces(&mut self) {
        while self.peek().is_some_and(|c| c == ' ') {
            self.at += 1;
        }
    }

    fn segment(&mut self) -> Result<Segment, ParseError> {
        if self.eat_str("..") {
            let selector = if self.peek() == Some('[') {
                self.bracket()?
            } else {
                self.dotted()?
            };
            return Ok(Segment {
                descendant: true,
                selector,
            });
        }
        let selector = if self.eat('.') {
            self.dotted()?
        } else if self.peek() == Some('[') {
            self.bracket()?
        } else {
            return Err(self.error("expected `.name`, `[...]` or `..`"));
        };
        Ok(Segment {
            descendant: false,
            selector,
        })
    }

    /// After `.` or `..`: a member name or `*`.
    fn dotted(&mut self) -> Result<Selector, ParseError> {
        if self.eat('*') {
            return Ok(Selector::Wildcard);
        }
        let name = self.name();
        if name.is_empty() {
            return Err(self.error("expected a member name or `*`"));
        }
        Ok(Selector::Name(name))
    }

    /// A member name written without quotes: RFC 9535's `member-name-shorthand`.
    fn name(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-' || !c.is_ascii())
        {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    fn bracket(&mut self) -> Result<Selector, ParseError> {
        self.expect('[')?;
        self.spaces();
        let selector = match self.peek() {
            Some('*') => {
                self.at += 1;
                Selector::Wildcard
            }
            Some('\'' | '"') => Selector::Name(self.string()?),
            Some('?') => {
                self.at += 1;
                self.spaces();
                // `[?(@.a == 'b')]`, as older JSONPath wrote filters, reads the same.
                let parenthesized = self.eat('(');
                let filter = self.filter()?;
                if parenthesized {
                    self.spaces();
                    self.expect(')')?;
                }
                Selector::Filter(filter)
            }
            Some(c) if c == '-' || c.is_ascii_digit() => Selector::Index(self.integer()?),
            _ => {
                return Err(self.error(
                    "expected a quoted name, `*`, an index or a filter `?...`; slices and several selectors in one bracket are not supported",
                ))
            }
        };
        self.spaces();
        self.expect(']')?;
        Ok(selector)
    }

    fn integer(&mut self) -> Result<i64, ParseError> {
        let start = self.at;
        self.eat('-');
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let text: String = self.chars[start..self.at].iter().collect();
        text.parse().map_err(|_| ParseError {
            at: start,
            message: "expected an integer".into(),
        })
    }

    fn string(&mut self) -> Result<String, ParseError> {
        let Some(quote) = self.peek() else {
            return Err(self.error("expected a quoted string"));
        };
        self.at += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error(format!("unterminated string: expected `{quote}`"))),
                Some(c) if c == quote => {
                    self.at += 1;
                    return Ok(out);
                }
                Some('\\') => {
                    self.at += 1;
                    match self.peek() {
                        Some(c @ ('\\' | '\'' | '"' | '/')) => out.push(c),
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        _ => return Err(self.error("unsupported escape in a string")),
                    }
                    self.at += 1;
                }
                Some(c) => {
                    out.push(c);
                    self.at += 1;
                }
            }
        }
    }

    fn filter(&mut self) -> Result<Filter, ParseError> {
        let mut any = vec![vec![self.test()?]];
        loop {
            self.spaces();
            if self.eat_str("&&") {
                let test = self.test()?;
                if let Some(all) = any.last_mut() {
                    all.push(test);
                }
            } else if self.eat_str("||") {
                any.push(vec![self.test()?]);
            } else {
                return Ok(Filter { any });
            }
        }
    }

    fn test(&mut self) -> Result<Test, ParseError> {
        self.spaces();
        self.expect('@')?;
        let mut path = Vec::new();
        loop {
            if self.eat('.') {
                let name = self.name();
                if name.is_empty() {
                    return Err(self.error("expected a member name"));
                }
                path.push(name);
            } else if self.peek() == Some('[') {
                self.at += 1;
                self.spaces();
                path.push(self.string()?);
                self.spaces();
                self.expect(']')?;
            } else {
                break;
            }
        }
        self.spaces();
        let equal = if self.eat_str("==") {
            true
        } else if self.eat_str("!=") {
            false
        } else {
            return Ok(Test::Exists(path));
        };
        self.spaces();
        let value = self.literal()?;
        Ok(Test::Compare { path, equal, value })
    }

    fn literal(&mut self) -> Result<Value, ParseError> {
        match self.peek() {
            Some('\'' | '"') => Ok(Value::String(self.string()?)),
            _ if self.eat_str("true") => Ok(Value::Bool(true)),
            _ if self.eat_str("false") => Ok(Value::Bool(false)),
            _ if self.eat_str("null") => Ok(Value::Null),
            Some(c) if c == '-' || c.is_ascii_digit() => Ok(Value::from(self.integer()?)),
            _ => Err(self.error("expected a string, number, `true`, `false` or `null`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn select(query: &str, doc: &Value) -> Vec<String> {
        Query::parse(query)
            .unwrap_or_else(|e| panic!("{query}: {e:?}"))
            .select(doc)
            .iter()
            .map(|path| {
                path.iter()
                    .map(|s| match s {
                        Step::Key(k) => k.clone(),
                        Step::Index(i) => i.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect()
    }

    #[test]
    fn names_wildcards_indexes_and_descendants() {
        let doc = json!({"paths": {"/a": {"get": {"x": 1}, "post": {"x": 2}}}, "tags": [{"name": "t"}, {"name": "u"}]});
        assert_eq!(select("$.paths['/a'].get", &doc), ["paths//a/get"]);
        assert_eq!(
            select("$.paths[\"/a\"].*", &doc),
            ["paths//a/get", "paths//a/post"]
        );
        assert_eq!(select("$.tags[-1]", &doc), ["tags/1"]);
        assert_eq!(
            select("$.tags[*].name", &doc),
            ["tags/0/name", "tags/1/name"]
        );
        assert_eq!(select("$..x", &doc), ["paths//a/get/x", "paths//a/post/x"]);
        assert_eq!(select("$", &doc), [""]);
        assert!(select("$.nothing.here", &doc).is_empty());
    }

    #[test]
    fn filters_compare_and_test_members() {
        let doc = json!({"parameters": [
            {"name": "a", "in": "query", "required": true},
            {"name": "b", "in": "header"},
            {"name": "c", "in": "query"}
        ]});
        assert_eq!(
            select("$.parameters[?@.in == 'query']", &doc),
            ["parameters/0", "parameters/2"]
        );
        assert_eq!(
            select("$.parameters[?(@.required)]", &doc),
            ["parameters/0"]
        );
        assert_eq!(
            select("$.parameters[?@.in == 'query' && @.name != 'a']", &doc),
            ["parameters/2"]
        );
        assert_eq!(
            select("$.parameters[?@.name == 'a' || @.name == 'b'].name", &doc),
            ["parameters/0/name", "parameters/1/name"]
        );
        assert_eq!(select("$..[?@.required == true]", &doc), ["parameters/0"]);
    }

    #[test]
    fn what_is_not_understood_is_refused_where_it_stops() {
        for (query, at) in [
            ("paths", 0),
            ("$.paths[1:2]", 9),
            ("$.paths[?@.a ~= 1]", 13),
            ("$.a['b", 6),
            ("$.", 2),
        ] {
            let error = Query::parse(query).expect_err(query);
            assert_eq!(error.at, at, "{query}: {error:?}");
        }
    }
}
