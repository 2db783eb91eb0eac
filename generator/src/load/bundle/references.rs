//! A `$ref` value taken apart: a pointer into the same file, or a relative path and a pointer
//! into that file.
//!
//! Kept apart from reading files so that what is refused (URLs, absolute paths, fragments
//! that are not JSON pointers) is decided on the text alone, before the disk is touched.

/// A `$ref`'s value, taken apart.
#[derive(Debug, PartialEq)]
pub(super) enum Reference {
    /// A pointer into the file that holds the `$ref` (`#/components/schemas/Pet`, percent
    /// decoded; `#` for the whole file).
    Internal(String),
    /// A relative path (percent-decoded), and a pointer into that file.
    External { path: String, fragment: String },
}

/// Takes a `$ref` apart; an error is its message and help.
pub(super) fn parse_reference(reference: &str) -> Result<Reference, (String, String)> {
    let (file, fragment) = match reference.split_once('#') {
        Some((file, fragment)) => (file, Some(fragment)),
        None => (reference, None),
    };
    if has_scheme(file) {
        return Err((
            format!("`$ref: {reference}` is a URL; apiforge follows references to local files only"),
            "bundle the spec first (for example with `redocly bundle`), or save the document beside the spec and reference it by a relative path".to_owned(),
        ));
    }
    let fragment = match fragment {
        None | Some("") => "#".to_owned(),
        Some(fragment) if fragment.starts_with('/') => format!("#{}", percent_decode(fragment)),
        Some(_) => {
            return Err((
                format!("`$ref: {reference}` has a fragment that is not a JSON pointer"),
                "write the part after `#` as a JSON pointer, such as `#/components/schemas/Pet`; named anchors are not supported".to_owned(),
            ))
        }
    };
    if file.is_empty() {
        return Ok(Reference::Internal(fragment));
    }
    let path = percent_decode(file);
    if path.starts_with('/') || path.starts_with('\\') {
        return Err((
            format!("`$ref: {reference}` is an absolute path"),
            "write the path relative to the file that holds the `$ref`, such as `../components/schemas/Pet.yaml`".to_owned(),
        ));
    }
    Ok(Reference::External { path, fragment })
}

/// Whether `file` starts with a URI scheme (`https:`, `file:`, `urn:`); a single letter is a
/// Windows drive, not a scheme.
fn has_scheme(file: &str) -> bool {
    let Some((scheme, _)) = file.split_once(':') else {
        return false;
    };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Decodes `%XX` escapes; a text whose escapes do not decode to UTF-8 is kept as written.
pub(super) fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_taken_apart() {
        let external = |path: &str, fragment: &str| {
            Ok(Reference::External {
                path: path.to_owned(),
                fragment: fragment.to_owned(),
            })
        };
        assert_eq!(
            parse_reference("#/components/schemas/Pet"),
            Ok(Reference::Internal("#/components/schemas/Pet".into()))
        );
        assert_eq!(
            parse_reference("../schemas/Pet.yaml"),
            external("../schemas/Pet.yaml", "#")
        );
        assert_eq!(
            parse_reference("common.json#/components/schemas/Pet"),
            external("common.json", "#/components/schemas/Pet")
        );
        assert_eq!(parse_reference("a.yaml#"), external("a.yaml", "#"));
        // Percent-encoding is decoded in both parts; `~1` stays a pointer escape.
        assert_eq!(
            parse_reference("my%20api.yaml#/paths/~1pets~1%7Bid%7D"),
            external("my api.yaml", "#/paths/~1pets~1{id}")
        );
        for refused in [
            "https://example.com/pet.yaml",
            "http://example.com/pet.yaml#/Pet",
            "file:///etc/pet.yaml",
            "urn:pet",
            "/etc/pet.yaml",
            "pet.yaml#Pet",
        ] {
            assert!(parse_reference(refused).is_err(), "{refused}");
        }
        // A single letter before `:` is a Windows drive, not a scheme (and then relative).
        assert!(!has_scheme("c:pets.yaml"));
    }

    #[test]
    fn percent_decoding_keeps_what_does_not_decode() {
        assert_eq!(percent_decode("a%2Fb%7e"), "a/b~");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        // Not UTF-8 once decoded: kept as written.
        assert_eq!(percent_decode("%ff"), "%ff");
    }
}
