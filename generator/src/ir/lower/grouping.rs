//! Modules small enough to read: a tag (or path group) holding more than [`MAX_GROUP`]
//! operations is split by the resource each path names after the segments they all share
//! (GitHub's `repos` tag: `/repos/{owner}/{repo}/pulls/...` → `repos_pulls`), so a
//! 500-operation tag is not one 50,000-line module.

use std::collections::BTreeMap;

use super::OperationDraft;
use crate::ir::names::{self, Scope};

/// The most operations a module holds before it is split.
pub(super) const MAX_GROUP: usize = 50;

/// A resource needs this many operations to get a module of its own when its group is split;
/// fewer stay in the group's module, so a split does not scatter one-operation modules.
const MIN_SPLIT: usize = 3;

/// Splits every group of more than [`MAX_GROUP`] operations, again while a part is still too
/// large and its paths name a further resource. Module names are claimed from `scope`.
pub(super) fn split_large_groups(operations: &mut [OperationDraft], scope: &mut Scope) {
    // Each split makes the shared prefix of a part longer, so a few rounds suffice; the bound
    // only guards against a spec whose paths never differ.
    for _ in 0..8 {
        let mut by_group: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, op) in operations.iter().enumerate() {
            by_group.entry(op.group.clone()).or_default().push(i);
        }
        let mut changed = false;
        for (group, members) in by_group {
            if members.len() > MAX_GROUP {
                changed |= split(operations, &group, &members, scope);
            }
        }
        if !changed {
            return;
        }
    }
}

/// Splits one group; `false` when its paths name no further resource to split by.
fn split(
    operations: &mut [OperationDraft],
    group: &str,
    members: &[usize],
    scope: &mut Scope,
) -> bool {
    let segments: Vec<Vec<&str>> = members
        .iter()
        .map(|&i| {
            operations[i]
                .path
                .split('/')
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    let shared = shared_segments(&segments);
    let mut parts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (&i, path) in members.iter().zip(&segments) {
        if let Some(resource) = path.iter().skip(shared).find(|s| !s.starts_with('{')) {
            parts.entry((*resource).to_owned()).or_default().push(i);
        }
    }
    let mut changed = false;
    for (resource, ops) in parts {
        if ops.len() < MIN_SPLIT || ops.len() == members.len() {
            continue;
        }
        let module = scope.claim(format!("{group}_{}", names::snake(&resource)));
        for i in ops {
            operations[i].group.clone_from(&module);
        }
        changed = true;
    }
    changed
}

/// How many leading segments (literal or parameter, compared as written) every path has in
/// common, leaving each at least one of its own.
fn shared_segments(paths: &[Vec<&str>]) -> usize {
    let Some(first) = paths.first() else {
        return 0;
    };
    let mut shared = 0;
    while let Some(segment) = first.get(shared) {
        if paths
            .iter()
            .any(|p| p.get(shared) != Some(segment) || p.len() <= shared + 1)
        {
            break;
        }
        shared += 1;
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Method;

    fn op(path: &str, group: &str) -> OperationDraft {
        OperationDraft {
            id: path.to_owned(),
            ident: String::new(),
            type_ident: String::new(),
            call_ident: String::new(),
            handle: None,
            group: group.to_owned(),
            method: Method::Get,
            path: path.to_owned(),
            path_segments: Vec::new(),
            summary: None,
            description: None,
            deprecated: false,
            params: Vec::new(),
            body: None,
            responses: Vec::new(),
            pagination: None,
        }
    }

    #[test]
    fn a_huge_tag_splits_by_resource_and_small_ones_stay() {
        let mut ops = Vec::new();
        for resource in ["pulls", "issues", "releases", "hooks"] {
            for i in 0..30 {
                ops.push(op(
                    &format!("/repos/{{owner}}/{{repo}}/{resource}/{i}"),
                    "repos",
                ));
            }
        }
        // Two operations on a resource stay in the tag's module.
        ops.push(op("/repos/{owner}/{repo}/topics", "repos"));
        ops.push(op("/repos/{owner}/{repo}/topics/{name}", "repos"));
        ops.push(op("/users/{user}", "users"));
        let mut scope = Scope::with_reserved(["repos", "users", "repos_hooks"]);
        split_large_groups(&mut ops, &mut scope);
        let count = |group: &str| ops.iter().filter(|o| o.group == group).count();
        assert_eq!(count("repos_pulls"), 30);
        assert_eq!(count("repos_issues"), 30);
        assert_eq!(count("repos_releases"), 30);
        // A name already taken gets a number, never a clash.
        assert_eq!(count("repos_hooks2"), 30);
        assert_eq!(count("repos"), 2);
        assert_eq!(count("users"), 1);
    }

    #[test]
    fn parts_still_too_large_split_again_and_paths_alike_stop() {
        let mut ops: Vec<OperationDraft> = (0..120)
            .map(|i| op(&format!("/a/b{}/c{}/{i}", i % 2, i % 4), "a"))
            .collect();
        // Paths with nothing to tell them apart stay together, however many.
        ops.extend((0..60).map(|_| op("/same/{id}", "same")));
        let mut scope = Scope::new();
        split_large_groups(&mut ops, &mut scope);
        let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
        for op in &ops {
            *groups.entry(op.group.as_str()).or_default() += 1;
        }
        assert_eq!(groups.get("same"), Some(&60));
        assert!(
            groups
                .iter()
                .filter(|(g, _)| **g != "same")
                .all(|(_, n)| *n <= MAX_GROUP),
            "{groups:?}"
        );
        assert!(groups.contains_key("a_b0_c0"), "{groups:?}");
    }
}
