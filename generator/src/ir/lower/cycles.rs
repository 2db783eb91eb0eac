//! Boxing the fields that make a struct contain itself (Tarjan's strongly connected
//! components over the type graph).

use std::collections::HashMap;

use crate::ir::{TypeDef, TypeKind, TypeRef};

/// A struct that contains itself (directly, or through other structs, without a `Vec` or a
/// map in between) would have infinite size: such fields are boxed.
pub(super) fn mark_boxed_fields(types: &mut [TypeDef]) {
    let index: HashMap<String, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.ident.clone(), i))
        .collect();
    // Direct edges: a field or union variant of type `Named` (possibly optional).
    let direct: Vec<Vec<usize>> = types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Struct { fields, .. } => fields
                .iter()
                .filter_map(|f| direct_target(&f.ty, &index))
                .collect(),
            TypeKind::Union { variants, .. } => variants
                .iter()
                .filter_map(|v| direct_target(&v.ty, &index))
                .collect(),
            TypeKind::Enum { .. } => Vec::new(),
        })
        .collect();
    // A field needs a box exactly when its target reaches back to its owner: when both are in
    // one strongly connected component.
    let component = strongly_connected_components(&direct);
    for (owner, def) in types.iter_mut().enumerate() {
        if let TypeKind::Struct { fields, .. } = &mut def.kind {
            for field in fields.iter_mut() {
                if let Some(target) = direct_target(&field.ty, &index) {
                    field.boxed = component[target] == component[owner];
                }
            }
        }
    }
}

/// Tarjan's algorithm, iterative (no recursion to overflow on deep graphs): the component
/// number of each node.
fn strongly_connected_components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut order, mut low, mut component) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut counter, mut components) = (0, 0);
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // Each frame: a node and the index of its next edge to visit.
        let mut frames = vec![(root, 0usize)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut next)) = frames.last_mut() {
            if let Some(&child) = edges[node].get(*next) {
                *next += 1;
                if order[child] == UNSEEN {
                    order[child] = counter;
                    low[child] = counter;
                    counter += 1;
                    stack.push(child);
                    on_stack[child] = true;
                    frames.push((child, 0));
                } else if on_stack[child] {
                    low[node] = low[node].min(order[child]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = components;
                    if member == node {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

fn direct_target(ty: &TypeRef, index: &HashMap<String, usize>) -> Option<usize> {
    match ty {
        TypeRef::Named(name) => index.get(name).copied(),
        _ => None,
    }
}
