//! `completions/` and `man/` are generated from the CLI definition and committed; these tests
//! regenerate them in memory and fail when the committed copies drift.

use std::path::Path;

use backpain::cli::generate;

const REFRESH: &str = "run `cargo run -- completions <shell>` / `cargo run -- man man/` (or BACKPAIN_BLESS=1 cargo test --test it sync::) to refresh";

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

/// The pages a user reads: `man backpain-route` shows the command as it is typed, its examples
/// under EXAMPLES, and `backpain.1` sends the reader only to pages that exist.
#[test]
fn man_pages_read_well() {
    let pages = generate::man_pages();
    let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
    for (name, page) in &pages {
        let page = String::from_utf8_lossy(page);
        let section = |heading: &str| {
            let start = page.find(&format!(".SH {heading}\n")).map(|at| at + heading.len() + 5)?;
            let rest = &page[start..];
            Some(rest[..rest.find(".SH ").unwrap_or(rest.len())].to_string())
        };
        let synopsis = section("SYNOPSIS").unwrap_or_else(|| panic!("{name} has a SYNOPSIS"));
        if name.starts_with("backpain-") {
            // backpain-log-pain.1 is `backpain log pain`, and backpain-log-check-in.1 `backpain
            // log check-in`: the command as typed, its words joined by hyphens, is the page's name.
            let typed = synopsis
                .strip_prefix("\\fB")
                .and_then(|rest| rest.split("\\fR").next())
                .map(|command| command.replace("\\-", "-"))
                .unwrap_or_default();
            assert!(
                typed.starts_with("backpain ") && format!("{}.1", typed.replace(' ', "-")) == *name,
                "{name}: SYNOPSIS names the command as typed (`{typed}`):\n{synopsis}"
            );
            assert!(!page.contains("What applies to you"), "{name}: the description is the command's own");
        }
        assert!(!page.contains(".SH EXTRA"), "{name}: no catch-all EXTRA section");
        // Issue 19: the pages lacked FILES, ENVIRONMENT and SEE ALSO.
        let see_also = section("\"SEE ALSO\"").unwrap_or_else(|| panic!("{name} has SEE ALSO"));
        if name == "backpain.1" {
            let files = section("FILES").unwrap_or_else(|| panic!("backpain.1 has FILES"));
            assert!(files.contains("config.toml") && files.contains("history"), "{files}");
            let environment = section("ENVIRONMENT").unwrap_or_else(|| panic!("backpain.1 has ENVIRONMENT"));
            for variable in ["NO_COLOR", "BACKPAIN_PAGER", "TERMINAL", "TZ", "XDG_CONFIG_HOME"] {
                assert!(environment.contains(variable), "ENVIRONMENT names {variable}:\n{environment}");
            }
            assert_eq!(see_also.matches("(1)").count(), pages.len() - 1, "backpain.1 points to every page");
        } else {
            assert!(see_also.contains("\\fBbackpain\\fR(1)"), "{name} points to backpain(1): {see_also}");
        }
        let examples = section("EXAMPLES").unwrap_or_else(|| panic!("{name} has EXAMPLES"));
        assert!(examples.contains("backpain"), "{name}: EXAMPLES holds example commands:\n{examples}");
        for word in page.split(|c: char| c.is_whitespace()) {
            if let Some(at) = word.find("(1)") {
                let referenced = format!("{}.1", word[..at].replace("\\-", "-"));
                if referenced.starts_with("backpain") {
                    assert!(
                        names.contains(&referenced.as_str()),
                        "{name} refers to {referenced}, which does not exist"
                    );
                }
            }
        }
    }
}

/// `--every <TAB>` offers no file names: a duration is not a file.
#[test]
fn values_that_are_not_files_complete_no_file_names() {
    let bash = String::from_utf8(generate::completion(clap_complete::Shell::Bash)).unwrap();
    let remind = &bash[bash.find("backpain__subcmd__remind)").expect("a remind section")..];
    let every = &remind[remind.find("--every)").expect("--every completes")..];
    let every = &every[..every.find(";;").unwrap_or(every.len())];
    assert!(!every.contains("compgen -f"), "--every completes file names:\n{every}");
    let config = &remind[remind.find("--config)").expect("--config completes")..];
    let config = &config[..config.find(";;").unwrap_or(config.len())];
    assert!(config.contains("compgen -f") || config.contains("filenames"), "--config still completes files:\n{config}");
}

/// `backpain route <TAB>` offers the locations a person can type there (issue 19: only
/// `--location` offered them), in a real bash running the generated script.
#[test]
fn the_location_in_words_completes_in_a_real_bash() {
    if !crate::common::require_tools(&["bash"], "bash completion") {
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/completions/backpain.bash");
    for line in ["backpain route ", "backpain routine ", "backpain log pain 5 "] {
        let words = line.split_whitespace().count();
        let program = format!(
            "source {script}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({line} ''); \
             COMP_CWORD={words}; _backpain backpain '' \"${{COMP_WORDS[COMP_CWORD-1]}}\"; echo \"${{COMPREPLY[@]}}\""
        );
        let output = std::process::Command::new("bash").args(["--norc", "-c", &program]).output().unwrap();
        let offered = String::from_utf8_lossy(&output.stdout);
        for location in ["lower", "upper", "sciatic", "hip", "neck"] {
            assert!(offered.split_whitespace().any(|word| word == location), "{line:?} offers {offered}");
        }
    }
}
