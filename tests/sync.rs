//! `completions/` and `man/` are generated from the CLI definition and committed; these tests
//! regenerate them in memory and fail when the committed copies drift.

use std::path::Path;

use backpain::generate;

const REFRESH: &str = "run `cargo run -- completions <shell>` / `cargo run -- man man/` (or BACKPAIN_BLESS=1 cargo test --test sync) to refresh";

fn check(path: &Path, expected: &[u8]) {
    if std::env::var_os("BACKPAIN_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, expected).unwrap();
    }
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(committed == expected, "{} is out of date: {REFRESH}", path.display());
}

#[test]
fn completions_are_in_sync() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for shell in generate::SHELLS {
        check(&dir.join(generate::completion_file(shell)), &generate::completion(shell));
    }
}

#[test]
fn man_pages_are_in_sync() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let pages = generate::man_pages();
    assert!(pages.len() >= 8, "a page per subcommand");
    for (name, page) in pages {
        check(&dir.join(name), &page);
    }
}
