//! The shape of the code, checked (issue 19): the top-level modules import one another without
//! a cycle, and the domain never imports the command line. Read from the sources themselves,
//! test code left out (a test may use the whole crate).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The command-line layer: parsing, dispatch, the context, the start-up path (help, the JSON
/// writer) and generated files.
const CLI: [&str; 4] = ["cli", "cmd", "lib", "startup"];

/// The domain: what backpain knows and does, whatever shows it.
const DOMAIN: [&str; 11] =
    ["dataset", "plan", "guided", "remind", "history", "presence", "time", "profile", "config", "report", "figure"];

/// Each top-level module (`src/x.rs` or `src/x/`) and the top-level modules its code names as
/// `crate::y`, test modules left out.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|entry| entry.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = match first.trim_end_matches(".rs") {
            "main" => "lib".to_string(),
            name => name.to_string(),
        };
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests sit at the end of a file, from `#[cfg(test)] mod tests`.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
        let names = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            // `crate::Env` and other items of the crate root belong to lib.rs.
            let name = if name.starts_with(char::is_uppercase) || name == "run" || name == "run_process" {
                "lib".to_string()
            } else {
                name
            };
            if name != module && !name.is_empty() {
                names.insert(name);
            }
        }
    }
    graph
}

#[test]
fn the_domain_never_imports_the_command_line() {
    let graph = imports();
    for module in DOMAIN {
        let names = graph.get(module).unwrap_or_else(|| panic!("no module {module}: update DOMAIN"));
        let wrong: Vec<&String> = names.iter().filter(|name| CLI.contains(&name.as_str())).collect();
        assert!(wrong.is_empty(), "{module} imports the command-line layer: {wrong:?}");
    }
}

#[test]
fn the_modules_import_one_another_without_a_cycle() {
    let graph = imports();
    // Depth-first, keeping the path: a module met again on its own path closes a cycle.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if let Some(start) = path.iter().position(|on| *on == module) {
            let mut cycle = path[start..].to_vec();
            cycle.push(module);
            panic!("an import cycle: {}", cycle.join(" -> "));
        }
        if !done.insert(module) {
            return;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if graph.contains_key(next) {
                visit(next, graph, path, done);
            }
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done);
    }
    assert!(done.len() > 15, "read {} modules", done.len());
}

/// The check itself: it sees an import and a cycle where there is one.
#[test]
fn the_reading_sees_imports() {
    let graph = imports();
    assert!(graph["cmd"].contains("history") && graph["history"].contains("report"), "{graph:?}");
    assert!(!graph["history"].contains("cmd"));
}
