//! `--print-schedule`: ready-to-install files that run `backpain remind --once` on the plan's
//! times: a systemd user service and timer, crontab lines, a launchd agent, a Windows Task
//! Scheduler task.

use chrono::Timelike;

use super::parse::control_character;
use super::schedule::{Days, Schedule};
use crate::time::compact;

/// Which scheduler to print files for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScheduleKind {
    /// The user service and its timer, each headed by its path.
    Systemd,
    /// Only ~/.config/systemd/user/backpain-remind.service.
    SystemdService,
    /// Only ~/.config/systemd/user/backpain-remind.timer.
    SystemdTimer,
    /// crontab lines (crontab -e).
    Cron,
    /// A launchd agent (~/Library/LaunchAgents).
    Launchd,
    /// A Task Scheduler task (XML for `schtasks /create /xml`).
    Windows,
}

/// What the scheduled command runs: the absolute program path and its arguments.
pub struct Job {
    pub program: String,
    pub args: Vec<String>,
}

/// The times of day reminders fire, as (hour, minute, days), or `None` when the interval does
/// not repeat within a day (no window and an interval that does not divide 24 h).
fn times_of_day(plan: &Schedule) -> Option<Vec<(u32, u32, Days)>> {
    let every = plan.every.num_minutes();
    let day = 24 * 60;
    match plan.window {
        None if day % every == 0 => Some((0..day / every).map(|k| clock(k * every, plan.days)).collect()),
        None => None,
        Some(window) => {
            let start = i64::from(window.start.num_seconds_from_midnight() / 60);
            let length = window.length().num_minutes();
            Some(
                (1..=length / every)
                    .map(|k| {
                        let minute = start + k * every;
                        // Past midnight, a wrapping window's reminder falls on the next day.
                        let days = if minute >= day { plan.days.next_day() } else { plan.days };
                        clock(minute % day, days)
                    })
                    .collect(),
            )
        }
    }
}

fn clock(minute_of_day: i64, days: Days) -> (u32, u32, Days) {
    ((minute_of_day / 60) as u32, (minute_of_day % 60) as u32, days)
}

/// Times grouped by (minute, days) so one line can carry several hours.
fn grouped(times: &[(u32, u32, Days)]) -> Vec<(u32, Days, Vec<u32>)> {
    let mut groups: Vec<(u32, Days, Vec<u32>)> = Vec::new();
    for &(hour, minute, days) in times {
        match groups.iter_mut().find(|(m, d, _)| *m == minute && *d == days) {
            Some(group) => group.2.push(hour),
            None => groups.push((minute, days, vec![hour])),
        }
    }
    groups
}

fn join<T: ToString>(items: impl IntoIterator<Item = T>, separator: &str) -> String {
    items.into_iter().map(|item| item.to_string()).collect::<Vec<_>>().join(separator)
}

/// The file(s) for `kind`, or why this plan cannot be written for it.
pub fn render(kind: ScheduleKind, plan: &Schedule, job: &Job) -> Result<String, String> {
    if plan.every.num_seconds() % 60 != 0 {
        return Err(format!(
            "--print-schedule needs --every in whole minutes, not {}; e.g. {}m",
            compact(plan.every),
            (plan.every.num_minutes()).max(1)
        ));
    }
    // Each format quotes its words, but none can carry a line break inside a line: a control
    // character in a word (the program's path, a habit, the config path) would let it add lines.
    if let Some((word, found)) =
        std::iter::once(&job.program).chain(&job.args).find_map(|word| Some((word, control_character(word)?)))
    {
        return Err(format!("cannot print a schedule for `{}`: it contains {found}", word.escape_debug()));
    }
    // XML 1.0 (launchd's plist, Task Scheduler's task) cannot hold U+FFFE or U+FFFF at all, not
    // even as a character reference: the file would not load.
    if matches!(kind, ScheduleKind::Launchd | ScheduleKind::Windows) {
        let words = std::iter::once(&job.program).chain(&job.args);
        if let Some(word) = words.into_iter().find(|word| word.contains(['\u{fffe}', '\u{ffff}'])) {
            return Err(format!(
                "cannot print a {} schedule for `{}`: XML cannot hold U+FFFE or U+FFFF; remove it",
                if kind == ScheduleKind::Launchd { "launchd" } else { "Task Scheduler" },
                word.escape_debug()
            ));
        }
    }
    Ok(match kind {
        ScheduleKind::Systemd => format!(
            "# ~/.config/systemd/user/backpain-remind.service\n{}\n# ~/.config/systemd/user/backpain-remind.timer\n{}",
            systemd_service(job),
            systemd_timer(plan)
        ),
        ScheduleKind::SystemdService => systemd_service(job),
        ScheduleKind::SystemdTimer => systemd_timer(plan),
        ScheduleKind::Cron => cron(plan, job)?,
        ScheduleKind::Launchd => launchd(plan, job),
        ScheduleKind::Windows => windows_task(plan, job),
    })
}

fn systemd_service(job: &Job) -> String {
    // systemd unquotes like a shell with C escapes, expands % specifiers and $VARIABLES.
    let quote = |word: &str| {
        let escaped = word.replace('\\', "\\\\").replace('"', "\\\"").replace('%', "%%").replace('$', "$$");
        if escaped.is_empty() || escaped.contains(|c: char| c.is_whitespace() || c == '\'' || c == ';') {
            format!("\"{escaped}\"")
        } else {
            escaped
        }
    };
    let command = join(std::iter::once(&job.program).chain(&job.args).map(|word| quote(word)), " ");
    format!(
        "[Unit]\nDescription=backpain desk-break reminder\n\n\
         [Service]\nType=oneshot\nExecStart={command}\n"
    )
}

fn systemd_days(days: Days) -> String {
    if days.is_all() {
        return String::new();
    }
    let text = days.to_string();
    let names = text.split(',').map(|part| {
        part.split('-')
            .map(|day| {
                let mut chars = day.chars();
                chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("..")
    });
    format!("{} ", join(names, ","))
}

fn systemd_timer(plan: &Schedule) -> String {
    let when = match times_of_day(plan) {
        Some(times) => {
            join(
                grouped(&times).into_iter().map(|(minute, days, hours)| {
                    let hours = join(hours.iter().map(|hour| format!("{hour:02}")), ",");
                    format!("OnCalendar={}*-*-* {hours}:{minute:02}:00", systemd_days(days))
                }),
                "\n",
            ) + "\nPersistent=true"
        }
        None => {
            let every = compact(plan.every);
            format!("# {every} does not repeat within a day: a monotonic timer, counted while awake.\nOnActiveSec={every}\nOnUnitActiveSec={every}")
        }
    };
    format!(
        "[Unit]\nDescription=backpain desk-break reminder, every {} ({})\n\n[Timer]\n{}{when}\nAccuracySec=1min\n\n\
         [Install]\nWantedBy=timers.target\n",
        compact(plan.every),
        describe_window(plan),
        hash_hint(plan)
    )
}

fn describe_window(plan: &Schedule) -> String {
    let days = if plan.days.is_all() { "every day".to_string() } else { plan.days.to_string() };
    match plan.window {
        Some(window) => format!("{window}, {days}"),
        None => days,
    }
}

/// The flags (without their `--`) that would keep a schedule without `--between` out of the
/// night, or `None` when a window was given: such a schedule runs round the clock because that
/// is what its flags say, and the file says so.
fn working_hours_hint(plan: &Schedule) -> Option<Vec<(&'static str, &'static str)>> {
    if plan.window.is_some() {
        return None;
    }
    let mut flags = vec![("between", "09:00-17:30")];
    if plan.days.is_all() {
        flags.push(("days", "mon-fri"));
    }
    Some(flags)
}

/// The hint as a `#` comment line, for crontabs and systemd units.
fn hash_hint(plan: &Schedule) -> String {
    match working_hours_hint(plan) {
        Some(flags) => {
            let flags = join(flags.iter().map(|(flag, value)| format!("--{flag} {value}")), " ");
            format!("# No --between: this fires at night too. For working hours only, print it again with {flags}.\n")
        }
        None => String::new(),
    }
}

fn cron_days(days: Days) -> String {
    if days.is_all() {
        return "*".into();
    }
    // cron counts Sunday as 0; our ranges run Monday to Sunday, so write single days.
    let numbers = [1, 2, 3, 4, 5, 6, 0];
    let chosen: Vec<u32> = (0..7)
        .filter(|&index| days.contains(chrono::Weekday::try_from(index as u8).unwrap_or(chrono::Weekday::Mon)))
        .map(|index| numbers[index])
        .collect();
    // Runs of three or more as ranges: 1-5.
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < chosen.len() {
        let mut last = index;
        while last + 1 < chosen.len() && chosen[last + 1] == chosen[last] + 1 {
            last += 1;
        }
        if last >= index + 2 {
            parts.push(format!("{}-{}", chosen[index], chosen[last]));
        } else {
            parts.extend(chosen[index..=last].iter().map(u32::to_string));
        }
        index = last + 1;
    }
    parts.join(",")
}

fn cron(plan: &Schedule, job: &Job) -> Result<String, String> {
    let times = times_of_day(plan).ok_or_else(|| {
        format!(
            "cron cannot repeat every {} across days; use an interval that divides 24h (2h, 90m, 3h) or --between",
            compact(plan.every)
        )
    })?;
    // Single-quoted for the shell. cron ends the command at a bare %, and unescapes `\%`; a `\`
    // of the word's own right before a % would escape cron's escape instead. So each % stands
    // outside the quotes as `\%`: cron turns it into `%`, which the shell keeps as it is.
    let quote = |word: &str| format!("'{}'", word.replace('\'', "'\\''").replace('%', "'\\%'"));
    let command = join(std::iter::once(&job.program).chain(&job.args).map(|word| quote(word)), " ");
    let mut text =
        format!("# backpain: desk-break reminder every {} ({})\n", compact(plan.every), describe_window(plan));
    text.push_str(&hash_hint(plan));
    for (minute, days, hours) in grouped(&times) {
        text.push_str(&format!("{minute} {} * * {} {command}\n", join(hours, ","), cron_days(days)));
    }
    Ok(text)
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn launchd(plan: &Schedule, job: &Job) -> String {
    let args = join(
        std::iter::once(&job.program).chain(&job.args).map(|word| format!("    <string>{}</string>", xml(word))),
        "\n",
    );
    let when = match (plan.window.is_some() || !plan.days.is_all(), times_of_day(plan)) {
        (true, Some(times)) => {
            let mut entries = Vec::new();
            for (hour, minute, days) in times {
                for weekday in 0..7u8 {
                    let Ok(day) = chrono::Weekday::try_from(weekday) else { continue };
                    if days.is_all() && weekday > 0 || !days.contains(day) {
                        continue;
                    }
                    let weekday_key = if days.is_all() {
                        String::new()
                    } else {
                        format!("<key>Weekday</key><integer>{}</integer>", day.num_days_from_sunday())
                    };
                    entries.push(format!(
                        "    <dict><key>Hour</key><integer>{hour}</integer><key>Minute</key><integer>{minute}</integer>{weekday_key}</dict>"
                    ));
                }
            }
            format!("  <key>StartCalendarInterval</key>\n  <array>\n{}\n  </array>", entries.join("\n"))
        }
        _ => format!("  <key>StartInterval</key>\n  <integer>{}</integer>", plan.every.num_seconds()),
    };
    // An XML comment cannot hold "--", so the flags are named without their hyphens.
    let hint = match working_hours_hint(plan) {
        Some(flags) => {
            let flags = join(flags.iter().map(|(flag, value)| format!("{flag} {value}")), " and ");
            format!("<!-- No time window: this fires at night too. For working hours only, print it again with the options {flags}. -->\n")
        }
        None => String::new(),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <!-- ~/Library/LaunchAgents/io.github.backpain.remind.plist -->\n{hint}\
         <plist version=\"1.0\">\n<dict>\n  <key>Label</key>\n  <string>io.github.backpain.remind</string>\n\
         \x20 <key>ProgramArguments</key>\n  <array>\n{args}\n  </array>\n{when}\n</dict>\n</plist>\n"
    )
}

/// One word as the Windows C runtime splits a command line (CommandLineToArgvW): quoted when it
/// holds a space, a tab or a quote, or is empty; a quote is `\"`, and backslashes before a quote
/// (or before the closing quote) are doubled.
fn windows_word(word: &str) -> String {
    if !word.is_empty() && !word.contains([' ', '\t', '"']) {
        return word.to_string();
    }
    let mut quoted = String::from('"');
    let mut backslashes = 0;
    for c in word.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                quoted.push_str(&"\\".repeat(backslashes * 2 + 1));
                quoted.push('"');
                backslashes = 0;
            }
            _ => {
                quoted.push_str(&"\\".repeat(backslashes));
                quoted.push(c);
                backslashes = 0;
            }
        }
    }
    quoted.push_str(&"\\".repeat(backslashes * 2));
    quoted.push('"');
    quoted
}

const WEEKDAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The task's schedule: one calendar trigger per time of day, on the plan's days, or a trigger
/// that repeats the interval when it does not repeat within a day.
fn windows_triggers(plan: &Schedule) -> String {
    let schedule = |days: Days| {
        if days.is_all() {
            "<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>".to_string()
        } else {
            let names: String = (0..7u8)
                .filter_map(|index| chrono::Weekday::try_from(index).ok())
                .filter(|day| days.contains(*day))
                .map(|day| format!("<{}/>", WEEKDAY_NAMES[day.num_days_from_monday() as usize]))
                .collect();
            format!("<ScheduleByWeek><DaysOfWeek>{names}</DaysOfWeek><WeeksInterval>1</WeeksInterval></ScheduleByWeek>")
        }
    };
    match times_of_day(plan) {
        Some(times) => join(
            times.into_iter().map(|(hour, minute, days)| {
                format!(
                    "    <CalendarTrigger>\n      <StartBoundary>2026-01-05T{hour:02}:{minute:02}:00</StartBoundary>\n      \
                     {}\n    </CalendarTrigger>",
                    schedule(days)
                )
            }),
            "\n",
        ),
        None => format!(
            "    <TimeTrigger>\n      <StartBoundary>2026-01-05T00:00:00</StartBoundary>\n      \
             <Repetition><Interval>PT{}M</Interval></Repetition>\n    </TimeTrigger>",
            plan.every.num_minutes()
        ),
    }
}

fn windows_task(plan: &Schedule, job: &Job) -> String {
    let arguments = join(job.args.iter().map(|word| windows_word(word)), " ");
    let hint = match working_hours_hint(plan) {
        Some(flags) => {
            let flags = join(flags.iter().map(|(flag, value)| format!("{flag} {value}")), " and ");
            format!("<!-- No time window: this fires at night too. For working hours only, print it again with the options {flags}. -->\n")
        }
        None => String::new(),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!-- schtasks /create /tn backpain-remind /xml backpain-remind.xml -->\n{hint}\
         <Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\n\
         \x20 <RegistrationInfo>\n    <Description>{}</Description>\n  </RegistrationInfo>\n\
         \x20 <Triggers>\n{}\n  </Triggers>\n\
         \x20 <Settings>\n    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\n\
         \x20   <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\n\
         \x20   <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\n\
         \x20   <StartWhenAvailable>true</StartWhenAvailable>\n\
         \x20   <ExecutionTimeLimit>PT5M</ExecutionTimeLimit>\n    <Enabled>true</Enabled>\n  </Settings>\n\
         \x20 <Actions Context=\"Author\">\n    <Exec>\n      <Command>{}</Command>\n      \
         <Arguments>{}</Arguments>\n    </Exec>\n  </Actions>\n</Task>\n",
        xml(&format!("backpain desk-break reminder, every {} ({})", compact(plan.every), describe_window(plan))),
        windows_triggers(plan),
        xml(&job.program),
        xml(&arguments)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remind::parse;

    fn plan(every: &str, between: Option<&str>, days: Option<&str>) -> Schedule {
        Schedule {
            every: crate::time::within_a_week(every).unwrap(),
            window: between.map(|text| parse::window(text).unwrap()),
            days: days.map(|text| parse::days(text).unwrap()).unwrap_or(Days::ALL),
        }
    }

    fn job() -> Job {
        Job {
            program: "/usr/local/bin/backpain".into(),
            args: ["remind", "--once", "--trigger", "I stand up, 100%"].map(String::from).to_vec(),
        }
    }

    /// What cron hands the shell: the command up to the first bare %, each `\%` made `%` (Vixie
    /// cron's do_command: a backslash escapes only a %, and is kept before anything else).
    fn as_cron_runs_it(line: &str) -> String {
        let command = line.splitn(6, ' ').nth(5).unwrap();
        let mut out = String::new();
        let mut escaped = false;
        for c in command.chars() {
            if escaped {
                if c != '%' {
                    out.push('\\');
                }
                out.push(c);
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '%' {
                break;
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn xml_schedules_refuse_the_two_characters_xml_cannot_hold() {
        for kind in [ScheduleKind::Launchd, ScheduleKind::Windows] {
            for bad in ["a\u{fffe}b", "a\u{ffff}b"] {
                let job = Job { program: "/bin/backpain".into(), args: vec!["--trigger".into(), bad.into()] };
                let err = render(kind, &plan("2h", None, None), &job).unwrap_err();
                assert!(err.contains("XML cannot hold U+FFFE or U+FFFF"), "{err}");
            }
        }
        let job = Job { program: "/bin/backpain".into(), args: vec!["--trigger".into(), "a\u{ffff}b".into()] };
        assert!(render(ScheduleKind::Cron, &plan("2h", Some("09:00-17:00"), None), &job).is_ok());
    }

    #[test]
    fn a_cron_line_gives_the_shell_every_word_as_it_was_for_every_byte() {
        let words = ["100%", "a\\%b", "\\", "%%", "'%'", "\\\\%", "it's", "\\'%", "end\\"];
        for word in words {
            let job = Job { program: "/bin/backpain".into(), args: vec!["--trigger".into(), word.into()] };
            let text = render(ScheduleKind::Cron, &plan("2h", Some("09:00-17:00"), None), &job).unwrap();
            let line = text.lines().find(|line| !line.starts_with('#')).unwrap();
            let words = shlex::split(&as_cron_runs_it(line)).unwrap_or_else(|| panic!("{word:?}: {line}"));
            assert_eq!(words, ["/bin/backpain", "--trigger", word], "{word:?}: {line}");
        }
        // Every byte a shell can take in a single-quoted word (no NUL, no control characters).
        let all: String = (0x20u8..0x7f).map(char::from).collect();
        let job = Job { program: "/bin/backpain".into(), args: vec![all.clone()] };
        let text = render(ScheduleKind::Cron, &plan("2h", Some("09:00-17:00"), None), &job).unwrap();
        let line = text.lines().find(|line| !line.starts_with('#')).unwrap();
        assert_eq!(shlex::split(&as_cron_runs_it(line)).unwrap(), ["/bin/backpain", all.as_str()]);
    }

    #[test]
    fn systemd_timer_names_the_working_hours() {
        let text =
            render(ScheduleKind::SystemdTimer, &plan("2h", Some("09:00-17:30"), Some("mon-fri")), &job()).unwrap();
        assert!(text.contains("OnCalendar=Mon..Fri *-*-* 11,13,15,17:00:00\nPersistent=true\n"), "{text}");
        let text = render(ScheduleKind::SystemdTimer, &plan("90m", None, None), &job()).unwrap();
        assert!(text.contains("OnCalendar=*-*-* 00,03,06,09,12,15,18,21:00:00\n"), "{text}");
        assert!(text.contains("OnCalendar=*-*-* 01,04,07,10,13,16,19,22:30:00\n"), "{text}");
        let text = render(ScheduleKind::SystemdTimer, &plan("7h", None, None), &job()).unwrap();
        assert!(text.contains("OnUnitActiveSec=7h"), "{text}");
    }

    #[test]
    fn systemd_service_quotes_and_escapes() {
        let text = render(ScheduleKind::SystemdService, &plan("2h", None, None), &job()).unwrap();
        assert!(
            text.contains("ExecStart=/usr/local/bin/backpain remind --once --trigger \"I stand up, 100%%\"\n"),
            "{text}"
        );
    }

    #[test]
    fn no_word_can_add_a_line_and_each_format_quotes_its_specials() {
        let hostile = |args: &[&str]| Job {
            program: "/usr/local/bin/backpain".into(),
            args: args.iter().map(|arg| arg.to_string()).collect(),
        };
        let every_day = plan("2h", Some("09:00-17:30"), None);
        for kind in [ScheduleKind::Cron, ScheduleKind::Systemd, ScheduleKind::SystemdService, ScheduleKind::Launchd] {
            for word in ["x\n* * * * * touch /tmp/p #", "a\rb", "nul\0", "esc\x1b"] {
                let err = render(kind, &every_day, &hostile(&["remind", "--trigger", word])).unwrap_err();
                assert!(err.contains("cannot print a schedule") && !err.contains('\n'), "{err}");
            }
        }
        let odd = hostile(&["--trigger", "it's $HOME; 100% \\ \"quoted\" <b>&"]);
        let service = render(ScheduleKind::SystemdService, &every_day, &odd).unwrap();
        assert!(service.contains("\"it's $$HOME; 100%% \\\\ \\\"quoted\\\" <b>&\"\n"), "{service}");
        let cron = render(ScheduleKind::Cron, &every_day, &odd).unwrap();
        assert!(cron.contains(" '--trigger' 'it'\\''s $HOME; 100'\\%' \\ \"quoted\" <b>&'\n"), "{cron}");
        let plist = render(ScheduleKind::Launchd, &every_day, &odd).unwrap();
        assert!(plist.contains("<string>it's $HOME; 100% \\ &quot;quoted&quot; &lt;b&gt;&amp;</string>"), "{plist}");
    }

    #[test]
    fn cron_lines() {
        let text = render(ScheduleKind::Cron, &plan("2h", Some("09:00-17:30"), Some("mon,wed,sun")), &job()).unwrap();
        assert!(text.contains("\n0 11,13,15,17 * * 1,3,0 '/usr/local/bin/backpain' 'remind' '--once' '--trigger' 'I stand up, 100'\\%''\n"), "{text}");
        assert!(render(ScheduleKind::Cron, &plan("7h", None, None), &job()).unwrap_err().contains("divides 24h"));
        assert!(render(ScheduleKind::Cron, &plan("90s", None, None), &job()).unwrap_err().contains("whole minutes"));
    }

    #[test]
    fn a_schedule_without_a_window_suggests_working_hours_in_a_comment() {
        let all_day = plan("2h", None, None);
        let cron = render(ScheduleKind::Cron, &all_day, &job()).unwrap();
        let hint = "# No --between: this fires at night too. For working hours only, print it again with --between 09:00-17:30 --days mon-fri.\n";
        assert!(cron.contains(&format!(")\n{hint}0 0,2,4,")), "{cron}");
        let timer = render(ScheduleKind::SystemdTimer, &all_day, &job()).unwrap();
        assert!(timer.contains(&format!("[Timer]\n{hint}OnCalendar=")), "{timer}");
        let weekdays = render(ScheduleKind::Cron, &plan("2h", None, Some("mon-fri")), &job()).unwrap();
        assert!(weekdays.contains("print it again with --between 09:00-17:30.\n"), "{weekdays}");
        let plist = render(ScheduleKind::Launchd, &all_day, &job()).unwrap();
        assert!(
            plist.contains("<!-- No time window: this fires at night too. For working hours only, print it again with the options between 09:00-17:30 and days mon-fri. -->\n<plist"),
            "{plist}"
        );
        for comment in plist.split("<!--").skip(1) {
            let inside = comment.split("-->").next().unwrap_or_default();
            assert!(!inside.contains("--"), "no -- inside an XML comment: {inside}");
        }
        // With a window there is nothing to suggest.
        let working = plan("2h", Some("09:00-17:30"), Some("mon-fri"));
        for kind in [ScheduleKind::Cron, ScheduleKind::Systemd, ScheduleKind::Launchd] {
            let text = render(kind, &working, &job()).unwrap();
            assert!(!text.contains("at night"), "{text}");
        }
    }

    #[test]
    fn launchd_plist() {
        let text = render(ScheduleKind::Launchd, &plan("2h", None, None), &job()).unwrap();
        assert!(text.contains("<key>StartInterval</key>\n  <integer>7200</integer>"), "{text}");
        let text = render(ScheduleKind::Launchd, &plan("4h", Some("09:00-17:00"), Some("mon")), &job()).unwrap();
        assert!(text.contains("<key>Hour</key><integer>13</integer><key>Minute</key><integer>0</integer><key>Weekday</key><integer>1</integer>"), "{text}");
        assert!(text.contains("<string>I stand up, 100%</string>"));
    }

    /// The Windows task: `plan` from the tests above, a program path with spaces.
    mod windows {
        use super::*;

        fn windows_job(args: &[&str]) -> Job {
            Job {
                program: r"C:\Program Files\backpain\backpain.exe".into(),
                args: args.iter().map(|a| a.to_string()).collect(),
            }
        }

        #[test]
        fn a_windows_task_is_well_formed_xml_with_every_value_escaped() {
            let hostile =
                ["remind", "--once", "--trigger", r#"I <stand> & say "go" \ now"#, "--action", "</Arguments>"];
            let text = render(
                ScheduleKind::Windows,
                &plan("2h", Some("09:00-17:30"), Some("mon-fri")),
                &windows_job(&hostile),
            )
            .unwrap();
            let document = roxmltree::Document::parse(&text).unwrap_or_else(|err| panic!("{err}:\n{text}"));
            let task = document.root_element();
            assert_eq!(task.tag_name().name(), "Task");
            let text_of =
                |name: &str| document.descendants().find(|node| node.has_tag_name(name)).and_then(|node| node.text());
            assert_eq!(text_of("Command"), Some(r"C:\Program Files\backpain\backpain.exe"));
            assert_eq!(
                text_of("Arguments"),
                Some(r#"remind --once --trigger "I <stand> & say \"go\" \ now" --action </Arguments>"#),
                "the arguments read back as the C runtime splits them"
            );
            let starts: Vec<&str> =
                document.descendants().filter(|n| n.has_tag_name("StartBoundary")).filter_map(|n| n.text()).collect();
            assert_eq!(
                starts,
                ["2026-01-05T11:00:00", "2026-01-05T13:00:00", "2026-01-05T15:00:00", "2026-01-05T17:00:00"]
            );
            let days: Vec<&str> = document
                .descendants()
                .find(|n| n.has_tag_name("DaysOfWeek"))
                .unwrap()
                .children()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            assert_eq!(days, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]);
            assert_eq!(text_of("StartWhenAvailable"), Some("true"), "a missed reminder runs once when the PC is back");
        }

        #[test]
        fn an_interval_that_does_not_repeat_within_a_day_repeats_on_a_time_trigger() {
            let text =
                render(ScheduleKind::Windows, &plan("7h", None, None), &windows_job(&["remind", "--once"])).unwrap();
            let document = roxmltree::Document::parse(&text).unwrap();
            let interval = document.descendants().find(|n| n.has_tag_name("Interval")).and_then(|n| n.text());
            assert_eq!(interval, Some("PT420M"));
            assert!(text.contains("fires at night too"), "{text}");
        }

        #[test]
        fn windows_words_split_back_as_written() {
            assert_eq!(windows_word("plain"), "plain");
            assert_eq!(windows_word(""), r#""""#);
            assert_eq!(windows_word("two words"), r#""two words""#);
            assert_eq!(windows_word(r#"say "hi""#), r#""say \"hi\"""#);
            assert_eq!(windows_word(r"C:\dir with space\"), r#""C:\dir with space\\""#);
            assert_eq!(windows_word(r#"a\"b"#), r#""a\\\"b""#);
        }
    }
}
