//! Errors and warnings about a spec, with where they are and what to do.

use std::fmt;
use std::path::PathBuf;

/// A problem found in a spec: what is wrong, where, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, in one sentence.
    pub message: String,
    /// The spec file.
    pub file: PathBuf,
    /// The JSON pointer of the offending node (`#/paths/~1pets/get`), when known.
    pub pointer: Option<String>,
    /// 1-based line and column in the file, when known.
    pub position: Option<(u32, u32)>,
    /// What the user can do about it.
    pub help: Option<String>,
    /// Whether it is something apiforge cannot express (an operation's body type, say) rather
    /// than a mistake in the spec: such an operation is left out with a warning, unless the
    /// user asks for strictness.
    pub unsupported: bool,
}

impl Diagnostic {
    /// A diagnostic about the node at `pointer` in `file`.
    pub fn new(
        file: impl Into<PathBuf>,
        pointer: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            message: message.into(),
            file: file.into(),
            pointer,
            position: None,
            help: None,
            unsupported: false,
        }
    }

    /// Sets the 1-based line and column (saturating at `u32::MAX`, which no spec reaches:
    /// narrower than `usize` so that a `Result<_, Diagnostic>` stays small).
    pub fn set_position(&mut self, position: Option<(usize, usize)>) {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.position = position.map(|(line, column)| (narrow(line), narrow(column)));
    }

    /// Marks it as something apiforge cannot express, rather than a mistake in the spec.
    pub fn unsupported(mut self) -> Self {
        self.unsupported = true;
        self
    }

    /// Adds advice.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        write!(f, "\n  --> {}", self.file.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(pointer) = &self.pointer {
            write!(f, "\n   at {pointer}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n help: {help}")?;
        }
        Ok(())
    }
}

/// Something the generator could not carry into the model exactly but worked around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The JSON pointer of the node.
    pub pointer: String,
    /// What was done instead.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at {})", self.message, self.pointer)
    }
}

/// Escapes one JSON pointer reference token (RFC 6901).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Builds `#/a/b` from tokens.
pub fn pointer<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::from("#");
    for token in tokens {
        out.push('/');
        out.push_str(&escape_token(token));
    }
    out
}
