
use builtin;
use str;

set edit:completion:arg-completer[backpain] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'backpain'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'backpain'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand myths 'The guide''s three myths, what is true instead, and how well each is supported'
            cand route 'Map a pain location to its cause, red flags and routine'
            cand routine 'Show (or play with --guided) the routine for a pain location'
            cand drills 'The drill catalogue: every exercise with its dose, cues, cautions and sources'
            cand sources 'The references behind every claim, by the id the other commands show'
            cand faq 'The implementation guide (habits) and common questions'
            cand remind 'Desk-break reminders: a desktop notification with a micro-stretch on a schedule'
            cand log 'Record a pain rating, a break done without backpain, or the weekly check-in'
            cand history 'List the history: sessions, reminders, breaks and pain ratings, oldest first'
            cand stats 'Breaks reminded and taken, sessions, streaks, a heatmap and pain, week by week'
            cand doctor 'What this desktop offers reminders (notification server, idle, lock, do-not-disturb, fullscreen), the systemd timer, the config file and the history, with fixes'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Write the man pages (backpain.1 and one per subcommand) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'backpain;myths'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --id 'Show one myth: all-the-same, morning-stretch or no-pain-no-gain'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --json 'Print JSON instead of a table (the shapes are documented in the README)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;route'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand -l 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar'
            cand --location 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar'
            cand --condition 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several'
            cand --region 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country''s numbers]'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --json 'Print JSON instead of a table (the shapes are documented in the README)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;routine'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand -l 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar'
            cand --location 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar'
            cand --sheet 'Write a printable sheet of the routine: html (the default) or pdf (through Chromium)'
            cand --minutes 'Fit the routine into this many minutes (core drills first, then fewer sets)'
            cand --wake-time 'When you woke up (HH:MM); within 2 hours of it, --morning turns on by itself'
            cand --condition 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several'
            cand --region 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country''s numbers]'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --micro 'The 2-3 minute desk-break routine instead of the full one'
            cand --guided 'Play the routine: countdowns, sides, rests and a progress bar (space pauses, n skips, q quits)'
            cand --pictures 'Draw each drill''s key positions above its row (off by default: it makes the table several screens long)'
            cand --quiet 'With --guided: no bell at transitions'
            cand --morning 'Swap drills that bend the spine forward for ones that don''t (first ~2 h after waking)'
            cand --json 'Print JSON instead of a table (the shapes are documented in the README)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;drills'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --id 'Show one drill by id (see `backpain drills` for the list)'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --svg 'With --id: the drill''s key positions as one SVG drawing, for a page or another tool'
            cand --json 'Print JSON instead of a table (the shapes are documented in the README)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;sources'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --id 'Show one reference by the id the other commands cite (see `backpain sources`)'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --json 'Print JSON instead of a table (the shapes are documented in the README)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'backpain;faq'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --json 'Print JSON instead of a table (the shapes are documented in the README)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'backpain;remind'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --every 'Time between reminders: 90m, 2h, 1h30m [default: 2h, the guide''s advice; its evidence is "plausible, unproven"]'
            cand -l 'Whose micro routine the reminders rotate through [default: lower]'
            cand --location 'Whose micro routine the reminders rotate through [default: lower]'
            cand --trigger 'Your habit trigger, the IF of "IF I stand up from my desk, THEN I do 3 cat-cows"'
            cand --action 'Your habit action, the THEN of the IF-THEN plan'
            cand --count 'Stop after this many reminders'
            cand --between 'Only remind within this time of day, e.g. 09:00-17:30 (22:00-02:00 wraps midnight)'
            cand --days 'Only remind on these days: mon-fri, mon,wed,fri, sat-sun, weekdays (any case)'
            cand --print-schedule 'Print a ready-made schedule running `remind --once` and exit: systemd (service and timer), systemd-service, systemd-timer, cron, launchd (macOS) or windows (a Task Scheduler task)'
            cand --natural-break 'Time away from the keyboard and mouse that counts as a break: the next reminder comes a full interval after you are back; `off` never counts it [default: 5m]'
            cand --when-away 'A reminder due while the screen is locked or nobody is at the keyboard waits until you are back (hold) or comes anyway (notify) [default: hold]'
            cand --when-fullscreen 'A reminder due while a window is fullscreen waits for it to end (hold) or comes anyway (notify) [default: hold]'
            cand --when-dnd 'A reminder due in do-not-disturb waits for it to end (hold) or comes anyway (notify) [default: hold]'
            cand --condition 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several'
            cand --region 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country''s numbers]'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --dry-run 'Print reminders instead of sending notifications, and record nothing in the history'
            cand --once 'Fire one reminder now and exit (for cron, systemd timers, launchd)'
            cand --json 'Print one JSON object per reminder (JSON Lines) instead of text'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;log'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand -h 'Print help'
            cand --help 'Print help'
            cand pain 'A pain rating from 0 (no pain) to 10 (worst imaginable) for a location'
            cand done 'A routine or break you did without backpain'
            cand check-in 'The weekly check-in, about 20 seconds: the three PEG questions (pain, and how much it got in the way of enjoying life and of general activity, over the past week) and up to three activities your back makes hard, each 0-10. On a terminal it asks what the flags leave out'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'backpain;log;pain'= {
            cand -l 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar'
            cand --location 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar'
            cand --note 'A few words of your own (at most 500 characters)'
            cand --at 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]'
            cand --id 'The entry''s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --json 'Print the recorded entry as JSON'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;log;done'= {
            cand -l 'Which routine: a location, its letter (A-E) or an alias such as lumbar'
            cand --location 'Which routine: a location, its letter (A-E) or an alias such as lumbar'
            cand --note 'A few words of your own (at most 500 characters)'
            cand --at 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]'
            cand --id 'The entry''s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --micro 'It was the 2-3 minute desk break, not the full routine'
            cand --json 'Print the recorded entry as JSON'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;log;check-in'= {
            cand --peg 'The three PEG answers, 0-10 each, in order: average pain in the past week, how much pain interfered with enjoyment of life, and with general activity (`-` for one not answered)'
            cand --activity 'An activity your back makes hard and how well you can do it now: 0 (unable) to 10 (as well as before). Repeat for up to three; the last check-in''s are asked for on a terminal'
            cand -l 'The location the check-in is about, if one [default: none: it is about you]'
            cand --location 'The location the check-in is about, if one [default: none: it is about you]'
            cand --note 'A few words of your own (at most 500 characters)'
            cand --at 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]'
            cand --id 'The entry''s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --change-activities 'On a terminal, name your activities again instead of rating the last check-in''s'
            cand --json 'Print the recorded entry as JSON'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;log;help'= {
            cand pain 'A pain rating from 0 (no pain) to 10 (worst imaginable) for a location'
            cand done 'A routine or break you did without backpain'
            cand check-in 'The weekly check-in, about 20 seconds: the three PEG questions (pain, and how much it got in the way of enjoying life and of general activity, over the past week) and up to three activities your back makes hard, each 0-10. On a terminal it asks what the flags leave out'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'backpain;log;help;pain'= {
        }
        &'backpain;log;help;done'= {
        }
        &'backpain;log;help;check-in'= {
        }
        &'backpain;log;help;help'= {
        }
        &'backpain;history'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --since 'Only entries from this date (2026-11-01) or this long ago (7d, 4w, 12h) on'
            cand -l 'Only entries for this location'
            cand --location 'Only entries for this location'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --json 'One JSON object per line (JSON Lines), each entry as stored'
            cand --csv 'CSV with a header row, one row per entry'
            cand --path 'Print the directory the history is kept in, and nothing else'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;stats'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --weeks 'How many weeks to show, this one included'
            cand -l 'Only this location''s sessions, reminders, breaks and pain'
            cand --location 'Only this location''s sessions, reminders, breaks and pain'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --json 'Print the same figures as JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'backpain;doctor'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --data-dir 'The data directory; the history is its history/ folder [default: `data-dir` in the config file''s [history] table, else $XDG_DATA_HOME/backpain or the platform''s data dir]'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand --json 'Print the report as JSON (the shape is documented in the README)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'backpain;completions'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'backpain;man'= {
            cand --color 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never'
            cand --config 'Read settings from FILE, not the standard config file'
            cand --no-pager 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'backpain;help'= {
            cand myths 'The guide''s three myths, what is true instead, and how well each is supported'
            cand route 'Map a pain location to its cause, red flags and routine'
            cand routine 'Show (or play with --guided) the routine for a pain location'
            cand drills 'The drill catalogue: every exercise with its dose, cues, cautions and sources'
            cand sources 'The references behind every claim, by the id the other commands show'
            cand faq 'The implementation guide (habits) and common questions'
            cand remind 'Desk-break reminders: a desktop notification with a micro-stretch on a schedule'
            cand log 'Record a pain rating, a break done without backpain, or the weekly check-in'
            cand history 'List the history: sessions, reminders, breaks and pain ratings, oldest first'
            cand stats 'Breaks reminded and taken, sessions, streaks, a heatmap and pain, week by week'
            cand doctor 'What this desktop offers reminders (notification server, idle, lock, do-not-disturb, fullscreen), the systemd timer, the config file and the history, with fixes'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Write the man pages (backpain.1 and one per subcommand) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'backpain;help;myths'= {
        }
        &'backpain;help;route'= {
        }
        &'backpain;help;routine'= {
        }
        &'backpain;help;drills'= {
        }
        &'backpain;help;sources'= {
        }
        &'backpain;help;faq'= {
        }
        &'backpain;help;remind'= {
        }
        &'backpain;help;log'= {
        }
        &'backpain;help;history'= {
        }
        &'backpain;help;stats'= {
        }
        &'backpain;help;doctor'= {
        }
        &'backpain;help;completions'= {
        }
        &'backpain;help;man'= {
        }
        &'backpain;help;help'= {
        }
    ]
    $completions[$command]
}
