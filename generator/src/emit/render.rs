//! Rendering the crate files and the operation pages from their contexts, the pages on all
//! cores.

use minijinja::Value;

use super::docs::tidy;
use super::templates::Renderer;
use super::Files;
use crate::Error;

/// What the templates see (`docs` builds it from the IR, typed in `docs::context`), converted
/// for minijinja.
pub(super) struct Context {
    pub krate: Value,
    pub dependencies: Value,
    pub api: Value,
    pub servers: Value,
    pub auth: Value,
    pub common: Value,
    pub modules: Value,
    pub pages: Value,
    pub operations: Vec<Value>,
    pub features: Value,
    pub tls: Value,
}

/// Renders `Cargo.toml`, `README.md`, `docs/index.md` and one page per operation (into
/// `docs/<doc_files[i]>`).
pub(super) fn render(
    renderer: &Renderer<'_>,
    context: Context,
    doc_files: &[String],
) -> Result<Files, Error> {
    let Context {
        krate,
        dependencies,
        api,
        servers,
        auth,
        common,
        modules,
        pages,
        operations,
        features,
        tls,
    } = context;
    let operations = Value::from(operations);
    let whole = minijinja::context! {
        krate => krate.clone(),
        dependencies => dependencies,
        api => api.clone(),
        servers => servers.clone(),
        auth => auth.clone(),
        common => common.clone(),
        modules => modules,
        pages => pages,
        operations => operations.clone(),
        features => features,
        tls => tls,
    };
    let mut files = Files::new();
    files.insert(
        "Cargo.toml".into(),
        renderer.render_value("Cargo.toml.j2", &whole)?,
    );
    files.insert(
        "README.md".into(),
        tidy(&renderer.render_value("README.md.j2", &whole)?),
    );
    files.insert(
        "docs/index.md".into(),
        tidy(&renderer.render_value("docs_index.md.j2", &whole)?),
    );
    drop(whole);
    // A page needs its operation, not all of them (cloning the whole context per page made
    // large specs quadratic).
    let page = |index: usize| -> Result<(String, String), Error> {
        let page_context = minijinja::context! {
            krate => krate.clone(),
            api => api.clone(),
            servers => servers.clone(),
            auth => auth.clone(),
            common => common.clone(),
            op => operations.get_item_by_index(index).unwrap_or_default(),
        };
        let file = doc_files.get(index).map_or("", String::as_str);
        Ok((
            format!("docs/{file}"),
            tidy(&renderer.render_value("operation.md.j2", &page_context)?),
        ))
    };
    // A worker per core, but not more than pages; this thread is one of them.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(doc_files.len().max(1));
    type Page = (usize, Result<(String, String), Error>);
    let work = |worker: usize| -> Vec<Page> {
        let mut done = Vec::new();
        for index in (worker..doc_files.len()).step_by(threads) {
            let rendered = page(index);
            let failed = rendered.is_err();
            done.push((index, rendered));
            // Its first error is enough: the earliest page's error is reported.
            if failed {
                break;
            }
        }
        done
    };
    let mut pages: Vec<Page> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads)
            .map(|worker| {
                let work = &work;
                scope.spawn(move || work(worker))
            })
            .collect();
        let mut pages = work(0);
        for handle in handles {
            pages.extend(handle.join().unwrap_or_default());
        }
        pages
    });
    pages.sort_by_key(|(index, _)| *index);
    let rendered = pages.len();
    for (_, page) in pages {
        let (path, text) = page?;
        files.insert(path, text);
    }
    if rendered != doc_files.len() {
        return Err(Error::Template {
            name: "operation.md.j2".to_owned(),
            message: "a page could not be rendered".to_owned(),
        });
    }
    Ok(files)
}
