//! Issue 21: the routine sheet (`routine LOC --sheet`), read back as XML, and printed by a real
//! headless Chromium, whose PDF is counted, rasterised and read as text (`pdfinfo`, `pdftoppm`,
//! `pdftotext` from poppler-utils).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{self, backpain};

const LOCATIONS: [&str; 5] = ["lower", "upper", "sciatic", "hip", "neck"];
const CONDITIONS: [&str; 7] = [
    "hip-replacement",
    "hip-replacement-posterior",
    "hip-replacement-anterior",
    "pregnancy",
    "osteoporosis",
    "recent-surgery",
    "acute-sciatica",
];

/// `routine ARGS --sheet`, which must succeed.
fn sheet(args: &[&str]) -> String {
    let output = backpain().args(["routine"]).args(args).arg("--sheet").output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// `routine ARGS --json`, the routine the sheet must hold.
fn routine(args: &[&str]) -> serde_json::Value {
    let output = backpain().args(["routine"]).args(args).arg("--json").output().unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Every combination a person might ask for: each location, full and micro, with no
/// condition, each condition, each pair, each with and without morning mode and a region.
fn requests() -> Vec<Vec<String>> {
    let mut sets: Vec<Vec<&str>> = vec![vec![]];
    for (index, first) in CONDITIONS.iter().enumerate() {
        sets.push(vec![first]);
        for second in &CONDITIONS[index + 1..] {
            sets.push(vec![first, second]);
        }
    }
    let mut requests = Vec::new();
    for location in LOCATIONS {
        for set in &sets {
            for (extra, region) in [(None, "uk"), (Some("--morning"), "ca"), (Some("--micro"), "us")] {
                let mut args = vec![location.to_string(), "--region".into(), region.into()];
                for condition in set {
                    args.extend(["--condition".to_string(), condition.to_string()]);
                }
                args.extend(extra.map(str::to_string));
                requests.push(args);
            }
        }
    }
    requests
}

/// Text with every run of whitespace taken out, so a line broken anywhere still matches.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The sheet is one well-formed document that holds the whole routine: every drill with a
/// drawing, its dose, cues and every caution; the conditions' cautions; every red flag with the
/// region's words for its urgency; the sources; the date; the not-medical-advice line. Nothing
/// in it would be fetched.
#[test]
fn the_sheet_holds_every_drill_caution_and_red_flag() {
    let cases: [&[&str]; 4] = [
        &["lower"],
        &["hip", "--condition", "hip-replacement-posterior", "--condition", "osteoporosis", "--region", "uk"],
        &["neck", "--micro", "--condition", "pregnancy", "--region", "au"],
        &["sciatic", "--morning", "--condition", "acute-sciatica", "--region", "us"],
    ];
    for args in cases {
        let html = sheet(args);
        let expected = routine(args);
        let document = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
        )
        .unwrap_or_else(|err| panic!("{args:?}: {err}"));
        let text: String =
            document.descendants().filter(|node| node.is_text()).filter_map(|node| node.text()).collect();
        let body = squeezed(&text);
        let has = |what: &str| body.contains(&squeezed(what));
        let cards: Vec<roxmltree::Node> =
            document.descendants().filter(|node| node.attribute("class") == Some("drill")).collect();
        let steps = expected["steps"].as_array().unwrap();
        assert_eq!(cards.len(), steps.len(), "{args:?}: a card per drill");
        for (card, step) in cards.iter().zip(steps) {
            assert_eq!(card.attribute("id"), step["id"].as_str(), "{args:?}: in order");
            let lines = card.descendants().filter(|node| node.has_tag_name("line")).count();
            assert!(lines > 4, "{args:?} {}: drawn ({lines} lines)", step["id"]);
            let card_text: String = card.descendants().filter_map(|node| node.text()).collect();
            let card_text = squeezed(&card_text);
            for field in [&step["name"], &step["dose"]["text"]] {
                assert!(card_text.contains(&squeezed(field.as_str().unwrap())), "{args:?}: {field}");
            }
            for item in step["cues"].as_array().unwrap().iter().chain(step["cautions"].as_array().unwrap()) {
                assert!(card_text.contains(&squeezed(item.as_str().unwrap())), "{args:?}: {item} in its own card");
            }
        }
        for condition in expected["conditions"].as_array().unwrap() {
            assert!(has(condition["caution"].as_str().unwrap()), "{args:?}: {}", condition["id"]);
        }
        for flag in expected["red_flags"].as_array().unwrap() {
            assert!(has(flag["text"].as_str().unwrap()), "{args:?}: {}", flag["text"]);
            let when = flag["when"].as_str().unwrap();
            assert!(body.to_lowercase().contains(&squeezed(when).to_lowercase()), "{args:?}: {when}");
        }
        assert!(has(expected["disclaimer"].as_str().unwrap()), "{args:?}: not medical advice");
        let today = chrono::Local::now().format("%-d %B %Y").to_string();
        assert!(has(&today), "{args:?}: dated");
        for step in steps {
            for source in step["sources"].as_array().unwrap() {
                assert!(has(source["id"].as_str().unwrap()), "{args:?}: source {}", source["id"]);
            }
        }
        for node in document.descendants() {
            for attribute in node.attributes() {
                assert!(
                    !matches!(attribute.name(), "src" | "href") && !attribute.value().contains("url("),
                    "{args:?}: fetches {}",
                    attribute.value()
                );
            }
            assert!(!node.has_tag_name("script") && !node.has_tag_name("link"), "{args:?}: no scripts or links");
        }
        assert!(!html.contains("@import") && !html.contains("url("), "{args:?}: the style fetches nothing");
    }
}

/// About how much room a sheet takes on paper: its text without the drawings' markup, and
/// for each drill the room its drawing takes (about five lines of text).
fn printed_size(html: &str) -> usize {
    let mut text = 0;
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        text += rest[..start].len();
        rest = rest[start..].find("</svg>").map_or("", |end| &rest[start + end..]);
    }
    text + rest.len() + html.matches("<svg").count() * 400
}

/// A private scratch directory under the target dir, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Chromium run headless on `page`, printing to `pdf`.
fn print(page: &Path, pdf: &Path, profile: &Path) {
    let output = Command::new("chromium")
        .args(["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(pdf.exists(), "chromium printed nothing: {}", String::from_utf8_lossy(&output.stderr));
}

fn pages(pdf: &Path) -> usize {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let line = info.lines().find(|line| line.starts_with("Pages:")).expect("pdfinfo names the page count");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// Each page of `pdf` rasterised in grey (`pdftoppm -gray`, PGM); for each, whether the right
/// margin (the last 7 mm) holds no ink: content that overflowed the page would land there.
fn right_margins_blank(pdf: &Path, dir: &Path) -> Vec<bool> {
    let prefix = dir.join("page");
    let status = Command::new("pdftoppm").args(["-r", "50", "-gray"]).arg(pdf).arg(&prefix).status().unwrap();
    assert!(status.success());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pgm"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).unwrap();
            // "P5\n<width> <height>\n255\n" then one byte a pixel.
            let mut fields = Vec::new();
            let mut at = 0;
            while fields.len() < 4 {
                while bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                let start = at;
                while !bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
            }
            let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
            let pixels = &bytes[at + 1..];
            assert_eq!(pixels.len(), width * height);
            let margin = 7 * 50 * 10 / 254; // 7 mm at 50 dpi
            (0..height)
                .all(|row| pixels[row * width + width - margin..(row + 1) * width].iter().all(|&grey| grey > 240))
        })
        .collect()
}

/// A real browser prints the sheet: the longest sheets of every combination a person might ask
/// for (location, micro, morning, each condition and each pair of them) fit on two pages of A4
/// and of Letter, nothing runs off the right edge, and the PDF's text holds every drill and
/// every emergency red flag. `routine --sheet pdf` itself prints through the Chromium it finds.
#[test]
fn a_real_browser_prints_the_longest_sheets_on_two_pages() {
    if !common::require_tools(&["chromium", "pdfinfo", "pdftoppm", "pdftotext"], "printing the sheet") {
        return;
    }
    let mut sized: Vec<(usize, Vec<String>, String)> = requests()
        .into_iter()
        .map(|args| {
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let output = backpain().arg("routine").args(&refs).arg("--sheet").output().unwrap();
            // A routine the conditions empty entirely is still a sheet (its red flags show).
            assert!(output.status.success(), "{args:?}");
            let html = String::from_utf8(output.stdout).unwrap();
            (printed_size(&html), args, html)
        })
        .collect();
    sized.sort_by_key(|sheet| std::cmp::Reverse(sheet.0));
    let dir = scratch("sheet-print");
    for (rank, (_, args, html)) in sized.iter().take(4).enumerate() {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let expected = routine(&refs);
        for size in ["A4", "letter"] {
            let case = dir.join(format!("{rank}-{size}"));
            std::fs::create_dir_all(&case).unwrap();
            let page = case.join("sheet.html");
            std::fs::write(&page, html.replacen("@page { ", &format!("@page {{ size: {size}; "), 1)).unwrap();
            let pdf = case.join("sheet.pdf");
            print(&page, &pdf, &case.join("profile"));
            assert!(pages(&pdf) <= 2, "{args:?} on {size}: {} pages", pages(&pdf));
            for (number, blank) in right_margins_blank(&pdf, &case).iter().enumerate() {
                assert!(blank, "{args:?} on {size}: page {} has ink in its right margin", number + 1);
            }
            let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
            let text = squeezed(&String::from_utf8(text.stdout).unwrap());
            for step in expected["steps"].as_array().unwrap() {
                let name = step["name"].as_str().unwrap();
                assert!(text.contains(&squeezed(name)), "{args:?} on {size}: {name}");
            }
            for flag in expected["red_flags"].as_array().unwrap().iter().filter(|flag| flag["urgency"] == "emergency") {
                let words = flag["text"].as_str().unwrap();
                assert!(text.contains(&squeezed(words)), "{args:?} on {size}: {words}");
            }
        }
    }
    // Through backpain itself: a PDF on stdout, two pages at most.
    let output = backpain().args(["routine", "lower", "--sheet", "pdf"]).env("TMPDIR", &dir).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.starts_with(b"%PDF"), "a PDF");
    let pdf = dir.join("routine.pdf");
    std::fs::write(&pdf, &output.stdout).unwrap();
    assert!((1..=2).contains(&pages(&pdf)));
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("backpain-sheet-"))
        .collect();
    assert!(left.is_empty(), "its scratch directory is removed");
}

/// Without a browser, `--sheet pdf` says what to install and how to print the HTML instead
/// (exit 1, nothing on stdout); one that fails is named, with the same way out.
#[test]
fn without_a_browser_the_pdf_sheet_says_how_to_get_one() {
    let empty = scratch("sheet-no-browser");
    let output = backpain()
        .args(["routine", "lower", "--sheet", "pdf"])
        .env("PATH", &empty)
        .env_remove("BACKPAIN_BROWSER")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let said = String::from_utf8(output.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("chromium") && said.contains("--sheet > routine.html"), "{said}");
    let output = backpain()
        .args(["routine", "lower", "--sheet", "pdf"])
        .env("BACKPAIN_BROWSER", "/bin/false")
        .env("TMPDIR", &empty)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("/bin/false printed no PDF") && said.contains("--sheet > routine.html"), "{said}");
    for args in [&["routine", "lower", "--sheet", "--json"][..], &["routine", "lower", "--sheet", "png"]] {
        assert_eq!(backpain().args(args).output().unwrap().status.code(), Some(2), "{args:?}");
    }
}

/// Ctrl-C while the browser prints: the browser (in its own process group, so the terminal's
/// Ctrl-C never reaches it) is stopped, the private temporary directory is removed, nothing is
/// written, and the exit is 130.
#[cfg(unix)]
#[test]
fn ctrl_c_while_printing_stops_the_browser_and_leaves_no_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("sheet-interrupted");
    let temp = dir.join("tmp");
    std::fs::create_dir(&temp).unwrap();
    let pid_file = dir.join("browser.pid");
    let browser = dir.join("slow-browser");
    std::fs::write(&browser, "#!/bin/sh\necho $$ > \"$SLOW_BROWSER_PID\"\nexec sleep 60\n").unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_backpain"))
        .args(["routine", "lower", "--sheet", "pdf"])
        .env("BACKPAIN_BROWSER", &browser)
        .env("SLOW_BROWSER_PID", &pid_file)
        .env("TMPDIR", &temp)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let browser_pid = loop {
        if let Some(pid) = std::fs::read_to_string(&pid_file).ok().and_then(|text| text.trim().parse::<i32>().ok()) {
            break pid;
        }
        assert!(std::time::Instant::now() < deadline, "the browser never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(std::fs::read_dir(&temp).unwrap().count(), 1, "the private directory while printing");
    let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_dir(&temp).unwrap().count(), 0, "the temporary directory is removed");
    let alive = std::path::Path::new(&format!("/proc/{browser_pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{browser_pid}/stat")).unwrap_or_default().contains(") Z ");
    assert!(!alive, "the browser {browser_pid} is stopped");
}

/// `--sheet` takes an optional format, so `routine --sheet lower` reads `lower` as one: the
/// error says to put the location first (exit 2, one line).
#[test]
fn a_location_after_sheet_is_told_to_go_first() {
    let output = backpain().args(["routine", "--sheet", "lower"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let said = String::from_utf8(output.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("`lower` is a location") && said.contains("`backpain routine lower --sheet`"), "{said}");
    let said =
        String::from_utf8(backpain().args(["routine", "lower", "--sheet", "png"]).output().unwrap().stderr).unwrap();
    assert!(said.contains("sheet format `png` is not known; use html or pdf"), "{said}");
}

/// On a terminal the sheet is not dumped as markup: one line says where to send it (exit 2).
#[test]
fn on_a_terminal_the_sheet_says_to_send_it_to_a_file() {
    if !common::require_tools(&["script"], "a sheet on a terminal") {
        return;
    }
    let binary = assert_cmd::cargo::cargo_bin("backpain");
    for (format, file) in [("", "routine.html"), (" pdf", "routine.pdf")] {
        let output = Command::new("script")
            .args(["-qec", &format!("{} routine lower --sheet{format}", binary.display()), "/dev/null"])
            .env("XDG_CONFIG_HOME", "/nonexistent/backpain-test")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "--sheet{format}");
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(said.contains(&format!("--sheet{format} > {file}")) && !said.contains("<html"), "{said}");
    }
}
