//! `backpain log check-in` on a terminal: names the activities when there are none yet (a line
//! each, cooked mode), then asks each 0-10 question the flags left out with one key (Enter
//! skips). Ctrl-C anywhere records nothing.

use std::io::{self, BufRead, Write};
use std::time::Duration;

use super::log::{CheckInAnswers, MAX_ACTIVITIES};
use crate::history::{Activity, Peg};
use crate::platform::clock::{Clock, SessionClock};
use crate::tui::ask::{scale, Ahead, Asked};
use crate::tui::Keys;

/// How long one question waits before it counts as skipped.
const ASK_FOR: Duration = Duration::from_secs(300);

/// The answers, or `None` when interrupted. `flags` are what the command line gave;
/// `previous` the activities of the last check-in, rated again unless the flags name some.
pub fn ask(flags: &CheckInAnswers, previous: &[String], out: &mut dyn Write) -> anyhow::Result<Option<CheckInAnswers>> {
    let width = usize::from(crate::tui::size().0);
    let header = "Weekly check-in, about 20 seconds. One key per answer: 0-9, or 1 then 0 for 10. \
                  Enter skips a question; Ctrl-C stops and records nothing.";
    writeln!(out, "{}", crate::term::text::wrap(header, width).join("\n"))?;
    let names: Vec<String> = if !flags.activities.is_empty() {
        Vec::new()
    } else if previous.is_empty() {
        match name_activities(out, &mut io::stdin().lock(), width)? {
            Some(names) => names,
            None => return Ok(None),
        }
    } else {
        previous.to_vec()
    };
    let mut keys = crate::tui::TerminalKeys::open()?;
    let _raw = crate::tui::RawMode::enter()?;
    let mut clock = SessionClock::new(1);
    questions(flags, &names, out, &mut keys, &mut clock, width)
}

/// Up to three activity names, a line each; an empty line ends. `None` at end of input
/// before any name was typed is not an interruption: no activities.
fn name_activities(out: &mut dyn Write, input: &mut dyn BufRead, width: usize) -> io::Result<Option<Vec<String>>> {
    let text = format!(
        "Name up to {MAX_ACTIVITIES} activities your back makes hard, such as \"sit through a 2-hour meeting\" \
         (Enter on an empty line when done; asked once, then kept):"
    );
    writeln!(out, "{}", crate::term::text::wrap(&text, width).join("\n"))?;
    let mut names: Vec<String> = Vec::new();
    while names.len() < MAX_ACTIVITIES {
        write!(out, "  {}. ", names.len() + 1)?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            break;
        }
        if line.trim().is_empty() {
            break;
        }
        match crate::cli::parse_activity_name(line.trim_end_matches(['\n', '\r'])) {
            Ok(name) if names.iter().any(|known| known.eq_ignore_ascii_case(&name)) => {
                writeln!(out, "  (already named)")?;
            }
            Ok(name) => names.push(name),
            Err(err) => writeln!(out, "  {err}")?,
        }
    }
    Ok(Some(names))
}

/// The PEG items the flags left out, then each activity in `names`; raw mode must be on.
pub fn questions(
    flags: &CheckInAnswers,
    names: &[String],
    out: &mut dyn Write,
    keys: &mut dyn Keys,
    clock: &mut dyn Clock,
    width: usize,
) -> anyhow::Result<Option<CheckInAnswers>> {
    let mut keys = Ahead::new(keys);
    let mut answers = flags.clone();
    let mut ask = |out: &mut dyn Write, question: &str| -> io::Result<Option<Option<u8>>> {
        let asked = scale(out, &mut keys, clock, question, ASK_FOR)?;
        write!(out, "\r\n")?;
        Ok(match asked {
            Asked::Value(value) => Some(Some(value)),
            Asked::Skipped => Some(None),
            Asked::Interrupted => None,
        })
    };
    if flags.peg.is_none() {
        let measure = crate::dataset::outcome_measure("peg").expect("the dataset has the PEG");
        write!(out, "\r\nAbout the past week (PEG):\r\n")?;
        let mut values = [None; 3];
        for (n, item) in measure.items.iter().enumerate().take(3) {
            // Raw mode: the question wrapped to the terminal by hand, each line ended with \r\n.
            let wrapped = crate::term::text::wrap(item.question, width).join("\r\n");
            let question = format!("{wrapped}\r\n  0 {} ... 10 {}: ", item.low, item.high);
            match ask(out, &question)? {
                Some(value) => values[n] = value,
                None => return Ok(None),
            }
        }
        answers.peg = Some(Peg { pain: values[0], enjoyment: values[1], activity: values[2] });
    }
    if flags.activities.is_empty() && !names.is_empty() {
        write!(out, "\r\nYour activities, 0 unable to do it ... 10 as well as before the problem:\r\n")?;
        for name in names {
            match ask(out, &format!("  {name}: "))? {
                Some(score) => answers.activities.push(Activity { name: name.clone(), score }),
                None => return Ok(None),
            }
        }
    }
    Ok(Some(answers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::clock::VirtualClock;
    use crate::tui::keys::Script;
    use crate::tui::Key;

    fn run(flags: &CheckInAnswers, names: &[&str], keys: Vec<(f64, Key)>) -> (Option<CheckInAnswers>, String) {
        let names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
        let mut out = Vec::new();
        let answers = questions(flags, &names, &mut out, &mut Script(keys), &mut VirtualClock::default(), 80).unwrap();
        (answers, String::from_utf8(out).unwrap())
    }

    #[test]
    fn keys_typed_fast_answer_each_question_in_turn() {
        let keys = [(1.0, '6'), (1.05, '1'), (1.1, '5'), (1.15, '1'), (1.2, '0'), (1.25, '3')];
        let keys = keys.into_iter().map(|(at, c)| (at, Key::Char(c))).collect();
        let (answers, out) = run(&CheckInAnswers::default(), &["Sit through a meeting", "Garden"], keys);
        let answers = answers.unwrap();
        assert_eq!(answers.peg, Some(Peg { pain: Some(6), enjoyment: Some(1), activity: Some(5) }));
        let scores: Vec<(&str, Option<u8>)> =
            answers.activities.iter().map(|activity| (activity.name.as_str(), activity.score)).collect();
        assert_eq!(scores, [("Sit through a meeting", Some(10)), ("Garden", Some(3))]);
        assert!(out.contains("What number best describes your pain on average in the past week?"), "{out}");
        assert!(out.contains("  Garden: 3\r\n"), "{out}");
    }

    #[test]
    fn enter_skips_one_question_and_ctrl_c_records_nothing() {
        let keys = vec![(1.0, Key::Enter), (2.0, Key::Char('4')), (3.0, Key::Char('4')), (4.0, Key::Enter)];
        let (answers, _) = run(&CheckInAnswers::default(), &["Garden"], keys);
        let answers = answers.unwrap();
        assert_eq!(answers.peg, Some(Peg { pain: None, enjoyment: Some(4), activity: Some(4) }));
        assert_eq!(answers.activities, [Activity { name: "Garden".into(), score: None }], "kept, unrated");
        let (answers, _) =
            run(&CheckInAnswers::default(), &["Garden"], vec![(1.0, Key::Char('4')), (2.0, Key::Interrupt)]);
        assert_eq!(answers, None);
    }

    #[test]
    fn what_the_flags_gave_is_not_asked_again() {
        let flags = CheckInAnswers {
            peg: Some(Peg { pain: Some(2), enjoyment: Some(2), activity: Some(2) }),
            activities: vec![],
        };
        let (answers, out) = run(&flags, &["Garden"], vec![(1.0, Key::Char('7'))]);
        assert!(!out.contains("PEG"), "{out}");
        assert_eq!(answers.unwrap().activities[0].score, Some(7));
    }

    #[test]
    fn names_are_one_line_each_checked_and_at_most_three() {
        let mut out = Vec::new();
        let typed = "Sit through a meeting\nsit through a meeting\nbad\u{1b}]0;x\u{7}name\nGarden\nLift\nextra\n";
        let names = name_activities(&mut out, &mut typed.as_bytes(), 80).unwrap().unwrap();
        assert_eq!(names, ["Sit through a meeting", "Garden", "Lift"]);
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("(already named)"), "{out}");
        assert!(out.contains("contains an escape character"), "{out}");
        let names = name_activities(&mut Vec::new(), &mut "\n".as_bytes(), 80).unwrap().unwrap();
        assert!(names.is_empty(), "Enter at once: no activities");
    }
}
