
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'backpain' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'backpain'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'backpain' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('myths', 'myths', [CompletionResultType]::ParameterValue, 'The guide''s three myths, what is true instead, and how well each is supported')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Map a pain location to its cause, red flags and routine')
            [CompletionResult]::new('routine', 'routine', [CompletionResultType]::ParameterValue, 'Show (or play with --guided) the routine for a pain location')
            [CompletionResult]::new('drills', 'drills', [CompletionResultType]::ParameterValue, 'The drill catalogue: every exercise with its dose, cues, cautions and sources')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'The references behind every claim, by the id the other commands show')
            [CompletionResult]::new('faq', 'faq', [CompletionResultType]::ParameterValue, 'The implementation guide (habits) and common questions')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Desk-break reminders: a desktop notification with a micro-stretch on a schedule')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a pain rating, a break done without backpain, or the weekly check-in')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the history: sessions, reminders, breaks and pain ratings, oldest first')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Breaks reminded and taken, sessions, streaks, a heatmap and pain, week by week')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'What this desktop offers reminders (notification server, idle, lock, do-not-disturb, fullscreen), the systemd timer, the config file and the history, with fixes')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (backpain.1 and one per subcommand) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'backpain;myths' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Show one myth: all-the-same, morning-stretch or no-pain-no-gain')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (the shapes are documented in the README)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;route' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country''s numbers]')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (the shapes are documented in the README)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;routine' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--sheet', '--sheet', [CompletionResultType]::ParameterName, 'Write a printable sheet of the routine: html (the default) or pdf (through Chromium)')
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'Fit the routine into this many minutes (core drills first, then fewer sets)')
            [CompletionResult]::new('--wake-time', '--wake-time', [CompletionResultType]::ParameterName, 'When you woke up (HH:MM); within 2 hours of it, --morning turns on by itself')
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country''s numbers]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--micro', '--micro', [CompletionResultType]::ParameterName, 'The 2-3 minute desk-break routine instead of the full one')
            [CompletionResult]::new('--guided', '--guided', [CompletionResultType]::ParameterName, 'Play the routine: countdowns, sides, rests and a progress bar (space pauses, n skips, q quits)')
            [CompletionResult]::new('--pictures', '--pictures', [CompletionResultType]::ParameterName, 'Draw each drill''s key positions above its row (off by default: it makes the table several screens long)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'With --guided: no bell at transitions')
            [CompletionResult]::new('--morning', '--morning', [CompletionResultType]::ParameterName, 'Swap drills that bend the spine forward for ones that don''t (first ~2 h after waking)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (the shapes are documented in the README)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;drills' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Show one drill by id (see `backpain drills` for the list)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--svg', '--svg', [CompletionResultType]::ParameterName, 'With --id: the drill''s key positions as one SVG drawing, for a page or another tool')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (the shapes are documented in the README)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;sources' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Show one reference by the id the other commands cite (see `backpain sources`)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (the shapes are documented in the README)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'backpain;faq' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (the shapes are documented in the README)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'backpain;remind' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Time between reminders: 90m, 2h, 1h30m [default: 2h, the guide''s advice; its evidence is "plausible, unproven"]')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Whose micro routine the reminders rotate through [default: lower]')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Whose micro routine the reminders rotate through [default: lower]')
            [CompletionResult]::new('--trigger', '--trigger', [CompletionResultType]::ParameterName, 'Your habit trigger, the IF of "IF I stand up from my desk, THEN I do 3 cat-cows"')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Your habit action, the THEN of the IF-THEN plan')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many reminders')
            [CompletionResult]::new('--between', '--between', [CompletionResultType]::ParameterName, 'Only remind within this time of day, e.g. 09:00-17:30 (22:00-02:00 wraps midnight)')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Only remind on these days: mon-fri, mon,wed,fri, sat-sun, weekdays (any case)')
            [CompletionResult]::new('--print-schedule', '--print-schedule', [CompletionResultType]::ParameterName, 'Print a ready-made schedule running `remind --once` and exit: systemd (service and timer), systemd-service, systemd-timer, cron, launchd (macOS) or windows (a Task Scheduler task)')
            [CompletionResult]::new('--natural-break', '--natural-break', [CompletionResultType]::ParameterName, 'Time away from the keyboard and mouse that counts as a break: the next reminder comes a full interval after you are back; `off` never counts it [default: 5m]')
            [CompletionResult]::new('--when-away', '--when-away', [CompletionResultType]::ParameterName, 'A reminder due while the screen is locked or nobody is at the keyboard waits until you are back (hold) or comes anyway (notify) [default: hold]')
            [CompletionResult]::new('--when-fullscreen', '--when-fullscreen', [CompletionResultType]::ParameterName, 'A reminder due while a window is fullscreen waits for it to end (hold) or comes anyway (notify) [default: hold]')
            [CompletionResult]::new('--when-dnd', '--when-dnd', [CompletionResultType]::ParameterName, 'A reminder due in do-not-disturb waits for it to end (hold) or comes anyway (notify) [default: hold]')
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country''s numbers]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print reminders instead of sending notifications, and record nothing in the history')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Fire one reminder now and exit (for cron, systemd timers, launchd)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object per reminder (JSON Lines) instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;log' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('pain', 'pain', [CompletionResultType]::ParameterValue, 'A pain rating from 0 (no pain) to 10 (worst imaginable) for a location')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'A routine or break you did without backpain')
            [CompletionResult]::new('check-in', 'check-in', [CompletionResultType]::ParameterValue, 'The weekly check-in, about 20 seconds: the three PEG questions (pain, and how much it got in the way of enjoying life and of general activity, over the past week) and up to three activities your back makes hard, each 0-10. On a terminal it asks what the flags leave out')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'backpain;log;pain' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A few words of your own (at most 500 characters)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The entry''s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the recorded entry as JSON')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;log;done' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Which routine: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Which routine: a location, its letter (A-E) or an alias such as lumbar')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A few words of your own (at most 500 characters)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The entry''s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--micro', '--micro', [CompletionResultType]::ParameterName, 'It was the 2-3 minute desk break, not the full routine')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the recorded entry as JSON')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;log;check-in' {
            [CompletionResult]::new('--peg', '--peg', [CompletionResultType]::ParameterName, 'The three PEG answers, 0-10 each, in order: average pain in the past week, how much pain interfered with enjoyment of life, and with general activity (`-` for one not answered)')
            [CompletionResult]::new('--activity', '--activity', [CompletionResultType]::ParameterName, 'An activity your back makes hard and how well you can do it now: 0 (unable) to 10 (as well as before). Repeat for up to three; the last check-in''s are asked for on a terminal')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'The location the check-in is about, if one [default: none: it is about you]')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'The location the check-in is about, if one [default: none: it is about you]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A few words of your own (at most 500 characters)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The entry''s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--change-activities', '--change-activities', [CompletionResultType]::ParameterName, 'On a terminal, name your activities again instead of rating the last check-in''s')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the recorded entry as JSON')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;log;help' {
            [CompletionResult]::new('pain', 'pain', [CompletionResultType]::ParameterValue, 'A pain rating from 0 (no pain) to 10 (worst imaginable) for a location')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'A routine or break you did without backpain')
            [CompletionResult]::new('check-in', 'check-in', [CompletionResultType]::ParameterValue, 'The weekly check-in, about 20 seconds: the three PEG questions (pain, and how much it got in the way of enjoying life and of general activity, over the past week) and up to three activities your back makes hard, each 0-10. On a terminal it asks what the flags leave out')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'backpain;log;help;pain' {
            break
        }
        'backpain;log;help;done' {
            break
        }
        'backpain;log;help;check-in' {
            break
        }
        'backpain;log;help;help' {
            break
        }
        'backpain;history' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries from this date (2026-11-01) or this long ago (7d, 4w, 12h) on')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only entries for this location')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Only entries for this location')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per line (JSON Lines), each entry as stored')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'CSV with a header row, one row per entry')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Print the directory the history is kept in, and nothing else')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;stats' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'How many weeks to show, this one included')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only this location''s sessions, reminders, breaks and pain')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Only this location''s sessions, reminders, breaks and pain')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the same figures as JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'backpain;doctor' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the report as JSON (the shape is documented in the README)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'backpain;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'backpain;man' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE, not the standard config file')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'backpain;help' {
            [CompletionResult]::new('myths', 'myths', [CompletionResultType]::ParameterValue, 'The guide''s three myths, what is true instead, and how well each is supported')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Map a pain location to its cause, red flags and routine')
            [CompletionResult]::new('routine', 'routine', [CompletionResultType]::ParameterValue, 'Show (or play with --guided) the routine for a pain location')
            [CompletionResult]::new('drills', 'drills', [CompletionResultType]::ParameterValue, 'The drill catalogue: every exercise with its dose, cues, cautions and sources')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'The references behind every claim, by the id the other commands show')
            [CompletionResult]::new('faq', 'faq', [CompletionResultType]::ParameterValue, 'The implementation guide (habits) and common questions')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Desk-break reminders: a desktop notification with a micro-stretch on a schedule')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a pain rating, a break done without backpain, or the weekly check-in')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the history: sessions, reminders, breaks and pain ratings, oldest first')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Breaks reminded and taken, sessions, streaks, a heatmap and pain, week by week')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'What this desktop offers reminders (notification server, idle, lock, do-not-disturb, fullscreen), the systemd timer, the config file and the history, with fixes')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (backpain.1 and one per subcommand) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'backpain;help;myths' {
            break
        }
        'backpain;help;route' {
            break
        }
        'backpain;help;routine' {
            break
        }
        'backpain;help;drills' {
            break
        }
        'backpain;help;sources' {
            break
        }
        'backpain;help;faq' {
            break
        }
        'backpain;help;remind' {
            break
        }
        'backpain;help;log' {
            break
        }
        'backpain;help;history' {
            break
        }
        'backpain;help;stats' {
            break
        }
        'backpain;help;doctor' {
            break
        }
        'backpain;help;completions' {
            break
        }
        'backpain;help;man' {
            break
        }
        'backpain;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
