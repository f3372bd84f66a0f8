//! The Rust version the README and Cargo.toml promise is one that can build the locked
//! dependency tree: a crate that needs a newer compiler than ours fails here, not on a new
//! user's first `cargo install`.

use std::process::Command;

fn version(text: &str) -> Vec<u64> {
    // "1.89" and "1.89.0" are the same version.
    let mut parts: Vec<u64> = text.split('.').map(|part| part.parse().unwrap_or(0)).collect();
    parts.resize(3, 0);
    parts
}

#[test]
fn rust_version_is_the_real_minimum_of_the_locked_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        // Not offline-only: that needs every platform's crates already in the cache, and a new
        // contributor's cache holds only their own platform's, so the test failed on a fresh
        // machine. Cargo fetches what the lock names and the cache lacks (registries only).
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let packages = metadata["packages"].as_array().expect("a package list");
    let ours = packages
        .iter()
        .find(|package| package["name"] == "backpain")
        .and_then(|package| package["rust_version"].as_str())
        .expect("Cargo.toml sets rust-version");
    let newest = packages
        .iter()
        .filter_map(|package| Some((package["rust_version"].as_str()?, package["name"].as_str()?)))
        .max_by_key(|(rust, _)| version(rust))
        .expect("some package names a rust-version");
    assert!(
        version(newest.0) <= version(ours),
        "{} needs Rust {} but Cargo.toml says rust-version = \"{ours}\": raise it (and the README)",
        newest.1,
        newest.0
    );
    // Equal, not just enough: a minimum higher than any crate needs turns away users for nothing.
    assert_eq!(version(newest.0), version(ours), "rust-version {ours} is higher than the tree needs ({})", newest.0);
    let readme = include_str!("../../README.md");
    assert!(readme.contains(&format!("Rust {ours} or newer")), "the README names Rust {ours} as the minimum");
}
