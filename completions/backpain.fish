# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_backpain_global_optspecs
    string join \n color= no-pager config= h/help V/version
end

function __fish_backpain_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_backpain_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_backpain_using_subcommand
    set -l cmd (__fish_backpain_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c backpain -n "__fish_backpain_needs_command" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_needs_command" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_needs_command" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_needs_command" -s h -l help -d 'Print help'
complete -c backpain -n "__fish_backpain_needs_command" -s V -l version -d 'Print version'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "myths" -d 'The guide\'s three myths, what is true instead, and how well each is supported'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "route" -d 'Map a pain location to its cause, red flags and routine'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "routine" -d 'Show (or play with --guided) the routine for a pain location'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "drills" -d 'The drill catalogue: every exercise with its dose, cues, cautions and sources'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "sources" -d 'The references behind every claim, by the id the other commands show'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "faq" -d 'The implementation guide (habits) and common questions'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "remind" -d 'Desk-break reminders: a desktop notification with a micro-stretch on a schedule'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "log" -d 'Record a pain rating, a break done without backpain, or the weekly check-in'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "history" -d 'List the history: sessions, reminders, breaks and pain ratings, oldest first'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "stats" -d 'Breaks reminded and taken, sessions, streaks, a heatmap and pain, week by week'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "doctor" -d 'What this desktop offers reminders (notification server, idle, lock, do-not-disturb, fullscreen), the systemd timer, the config file and the history, with fixes'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "man" -d 'Write the man pages (backpain.1 and one per subcommand) into a directory'
complete -c backpain -n "__fish_backpain_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c backpain -n "__fish_backpain_using_subcommand myths" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand myths" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand myths" -l id -d 'Show one myth: all-the-same, morning-stretch or no-pain-no-gain' -r -f -a "all-the-same\t'All back pain is the same'
morning-stretch\t'Stretch first thing in the morning'
no-pain-no-gain\t'No pain, no gain'"
complete -c backpain -n "__fish_backpain_using_subcommand myths" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand myths" -l json -d 'Print JSON instead of a table (the shapes are documented in the README)'
complete -c backpain -n "__fish_backpain_using_subcommand myths" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand route" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand route" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand route" -s l -l location -d 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand route" -l condition -d 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several' -r -f -a "hip-replacement\t'Hip replacement (approach not known)'
hip-replacement-posterior\t'Hip replacement, posterior approach'
hip-replacement-anterior\t'Hip replacement, anterior approach'
pregnancy\t'Pregnancy'
osteoporosis\t'Osteoporosis'
recent-surgery\t'Recent back, hip or neck surgery'
acute-sciatica\t'Acute sciatica'"
complete -c backpain -n "__fish_backpain_using_subcommand route" -l region -d 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country\'s numbers]' -r -f -a "uk\t'United Kingdom'
us\t'United States'
ca\t'Canada'
au\t'Australia'
nz\t'New Zealand'
ie\t'Ireland'
de\t'Germany'
in\t'India'
eu\t'European Union (elsewhere)'"
complete -c backpain -n "__fish_backpain_using_subcommand route" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand route" -l json -d 'Print JSON instead of a table (the shapes are documented in the README)'
complete -c backpain -n "__fish_backpain_using_subcommand route" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand routine" -s l -l location -d 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l sheet -d 'Write a printable sheet of the routine: html (the default) or pdf (through Chromium)' -r -f -a "html\t'A self-contained HTML page (print it from any browser)'
pdf\t'A PDF, printed by a headless Chromium or Chrome'"
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l minutes -d 'Fit the routine into this many minutes (core drills first, then fewer sets)' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l wake-time -d 'When you woke up (HH:MM); within 2 hours of it, --morning turns on by itself' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l condition -d 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several' -r -f -a "hip-replacement\t'Hip replacement (approach not known)'
hip-replacement-posterior\t'Hip replacement, posterior approach'
hip-replacement-anterior\t'Hip replacement, anterior approach'
pregnancy\t'Pregnancy'
osteoporosis\t'Osteoporosis'
recent-surgery\t'Recent back, hip or neck surgery'
acute-sciatica\t'Acute sciatica'"
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l region -d 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country\'s numbers]' -r -f -a "uk\t'United Kingdom'
us\t'United States'
ca\t'Canada'
au\t'Australia'
nz\t'New Zealand'
ie\t'Ireland'
de\t'Germany'
in\t'India'
eu\t'European Union (elsewhere)'"
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l micro -d 'The 2-3 minute desk-break routine instead of the full one'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l guided -d 'Play the routine: countdowns, sides, rests and a progress bar (space pauses, n skips, q quits)'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l pictures -d 'Draw each drill\'s key positions above its row (off by default: it makes the table several screens long)'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l quiet -d 'With --guided: no bell at transitions'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l morning -d 'Swap drills that bend the spine forward for ones that don\'t (first ~2 h after waking)'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -l json -d 'Print JSON instead of a table (the shapes are documented in the README)'
complete -c backpain -n "__fish_backpain_using_subcommand routine" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand drills" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand drills" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand drills" -l id -d 'Show one drill by id (see `backpain drills` for the list)' -r -f -a "knee-to-chest\t'Knee-to-chest'
seated-knee-hug\t'Seated knee hug'
knee-rolls\t'Knee rolls'
bottom-to-heels\t'Bottom-to-heels stretch'
prone-press-up\t'Back extension (press-up)'
half-kneeling-hip-flexor\t'Half-kneeling hip-flexor stretch'
standing-hip-flexor\t'Standing hip-flexor stretch'
cat-cow\t'Cat-cow'
seated-cat-cow\t'Seated cat-cow'
doorway-chest-stretch\t'Doorway chest stretch'
seated-chair-extension\t'Seated extension over chair back'
seated-rotation\t'Seated rotation'
shoulder-blade-squeeze\t'Shoulder-blade squeeze'
thread-the-needle\t'All-fours rotation'
supine-figure-4\t'Lying figure-4 (piriformis)'
seated-figure-4\t'Seated figure-4'
knee-to-opposite-shoulder\t'Knee to opposite shoulder'
seated-nerve-slider\t'Seated sciatic nerve slider'
short-walk\t'Short walk'
glute-bridge\t'Glute bridge'
standing-hamstring\t'Standing hamstring stretch'
standing-thigh-stretch\t'Standing thigh stretch'
pelvic-tilt\t'Pelvic tilt (lying)'
seated-pelvic-tilt\t'Seated pelvic tilt'
chin-tuck\t'Chin tuck'
neck-rotation\t'Neck rotation'
neck-side-bend\t'Neck side-bend'
levator-stretch\t'Levator scapulae stretch'
shoulder-rolls\t'Shoulder rolls'
sit-to-stand\t'Sit-to-stand'
heel-raises\t'Heel raises'
mini-squat\t'Mini squats'
seated-hip-march\t'Seated hip marching'
neck-isometric\t'Neck tense-and-hold'
sit-to-stand-high-chair\t'Sit-to-stand from a high chair'
standing-hip-abduction\t'Standing leg lift to the side'
gentle-seated-twist\t'Gentle seated twist'
supported-balance\t'Supported heel-to-toe stand'"
complete -c backpain -n "__fish_backpain_using_subcommand drills" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand drills" -l svg -d 'With --id: the drill\'s key positions as one SVG drawing, for a page or another tool'
complete -c backpain -n "__fish_backpain_using_subcommand drills" -l json -d 'Print JSON instead of a table (the shapes are documented in the README)'
complete -c backpain -n "__fish_backpain_using_subcommand drills" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand sources" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand sources" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand sources" -l id -d 'Show one reference by the id the other commands cite (see `backpain sources`)' -r -f -a "nhs-lbp\t''
nhs-sciatica-video\t''
cuh-thoracic\t''
mpft-neck\t''
nice-ng59\t''
george-2021\t''
blanpied-2017\t''
snook-1998\t''
snook-2002\t''
adams-1987\t''
adams-1990\t''
steffens-2015\t''
acsm-2021\t''
weppler-2010\t''
magnusson-1996\t''
hayden-2021\t''
owen-2020\t''
luger-2019\t''
gollwitzer-2006\t''
mayo-15min\t''
ellis-2012\t''
feller-2024\t''
wmas-999-111\t''
neas-111\t''
gov-scot-nhs24\t''
hscni-ooh\t''
us-911\t''
crtc-911\t''
healthlink-bc-811\t''
quebec-811\t''
healthdirect-000\t''
healthdirect-care\t''
vic-nurse-on-call\t''
qld-13health\t''
nz-ambulance-111\t''
nz-healthline\t''
hse-112-999\t''
hse-gp-ooh\t''
laekbw-116117\t''
in-erss-112\t''
nhm-108\t''
eu-112\t''
ec-116117\t''
nhs-back-pain\t''
norfolk-ces\t''
glos-cancer-flags\t''
nhs-meningitis\t''
ichd3-dissection\t''
gwent-neck\t''
hse-aortic-dissection\t''
nidirect-pe\t''
nhs-dvt\t''
bedford-calf\t''
leeds-thr\t''
alderhey-hip\t''
hse-pregnancy-exercise\t''
giangregorio-2015\t''
hull-spine-surgery\t''
ctm-sciatica\t''
nhs-wales-back\t''
gstt-lbp\t''
rjah-flare\t''
nhs-inform-back-ex\t''
keele-startback\t''
nhs-tayside-exercises\t''
nhs-older-exercises\t''
sterling-2019\t''
saint-lukes-squeeze\t''
nidirect-aaa\t''
nice-ng65\t''
glos-infection-flags\t''
chelwest-joint-infection\t''
uhb-midwife\t''
nca-pgp\t''
leeds-pregnancy-faq\t''
nct-kidney\t''
borne-premature\t''
wales-111-spondylosis\t''
korfitsen-2023\t''
waterbury-posterior\t''
duke-anterior\t''
hip-precautions-by-approach\t''
mkuh-thr\t''
cuh-thr\t''
nshealth-sitting\t''
brooke-wavell-2022\t''
devon-thoracic\t''
may-2018\t''
costa-2012\t''
henschke-2008\t''
leeds-shoulder-dislocation\t''
au-1800medicare\t''
pengel-2003\t''
about-isometric-neck\t''
nhs-lumbar-decompression\t''
ostelo-2008\t''
farrar-2001\t''
krebs-2009\t''
stratford-1995\t''"
complete -c backpain -n "__fish_backpain_using_subcommand sources" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand sources" -l json -d 'Print JSON instead of a table (the shapes are documented in the README)'
complete -c backpain -n "__fish_backpain_using_subcommand sources" -s h -l help -d 'Print help'
complete -c backpain -n "__fish_backpain_using_subcommand faq" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand faq" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand faq" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand faq" -l json -d 'Print JSON instead of a table (the shapes are documented in the README)'
complete -c backpain -n "__fish_backpain_using_subcommand faq" -s h -l help -d 'Print help'
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l every -d 'Time between reminders: 90m, 2h, 1h30m [default: 2h, the guide\'s advice; its evidence is "plausible, unproven"]' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand remind" -s l -l location -d 'Whose micro routine the reminders rotate through [default: lower]' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l trigger -d 'Your habit trigger, the IF of "IF I stand up from my desk, THEN I do 3 cat-cows"' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l action -d 'Your habit action, the THEN of the IF-THEN plan' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l count -d 'Stop after this many reminders' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l between -d 'Only remind within this time of day, e.g. 09:00-17:30 (22:00-02:00 wraps midnight)' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l days -d 'Only remind on these days: mon-fri, mon,wed,fri, sat-sun, weekdays (any case)' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l print-schedule -d 'Print a ready-made schedule running `remind --once` and exit: systemd (service and timer), systemd-service, systemd-timer, cron, launchd (macOS) or windows (a Task Scheduler task)' -r -f -a "systemd\t'The user service and its timer, each headed by its path'
systemd-service\t'Only ~/.config/systemd/user/backpain-remind.service'
systemd-timer\t'Only ~/.config/systemd/user/backpain-remind.timer'
cron\t'crontab lines (crontab -e)'
launchd\t'A launchd agent (~/Library/LaunchAgents)'
windows\t'A Task Scheduler task (XML for `schtasks /create /xml`)'"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l natural-break -d 'Time away from the keyboard and mouse that counts as a break: the next reminder comes a full interval after you are back; `off` never counts it [default: 5m]' -r -f
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l when-away -d 'A reminder due while the screen is locked or nobody is at the keyboard waits until you are back (hold) or comes anyway (notify) [default: hold]' -r -f -a "hold\t'Wait until it ends, then remind once'
notify\t'Remind anyway'"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l when-fullscreen -d 'A reminder due while a window is fullscreen waits for it to end (hold) or comes anyway (notify) [default: hold]' -r -f -a "hold\t'Wait until it ends, then remind once'
notify\t'Remind anyway'"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l when-dnd -d 'A reminder due in do-not-disturb waits for it to end (hold) or comes anyway (notify) [default: hold]' -r -f -a "hold\t'Wait until it ends, then remind once'
notify\t'Remind anyway'"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l condition -d 'A condition whose precautions apply to you, such as pregnancy or a hip replacement (by approach when you know it); repeat it for several' -r -f -a "hip-replacement\t'Hip replacement (approach not known)'
hip-replacement-posterior\t'Hip replacement, posterior approach'
hip-replacement-anterior\t'Hip replacement, anterior approach'
pregnancy\t'Pregnancy'
osteoporosis\t'Osteoporosis'
recent-surgery\t'Recent back, hip or neck surgery'
acute-sciatica\t'Acute sciatica'"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l region -d 'Where you are, so red flags name your emergency numbers [default: neutral wording that names no country\'s numbers]' -r -f -a "uk\t'United Kingdom'
us\t'United States'
ca\t'Canada'
au\t'Australia'
nz\t'New Zealand'
ie\t'Ireland'
de\t'Germany'
in\t'India'
eu\t'European Union (elsewhere)'"
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l dry-run -d 'Print reminders instead of sending notifications, and record nothing in the history'
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l once -d 'Fire one reminder now and exit (for cron, systemd timers, launchd)'
complete -c backpain -n "__fish_backpain_using_subcommand remind" -l json -d 'Print one JSON object per reminder (JSON Lines) instead of text'
complete -c backpain -n "__fish_backpain_using_subcommand remind" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -s h -l help -d 'Print help'
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -f -a "pain" -d 'A pain rating from 0 (no pain) to 10 (worst imaginable) for a location'
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -f -a "done" -d 'A routine or break you did without backpain'
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -f -a "check-in" -d 'The weekly check-in, about 20 seconds: the three PEG questions (pain, and how much it got in the way of enjoying life and of general activity, over the past week) and up to three activities your back makes hard, each 0-10. On a terminal it asks what the flags leave out'
complete -c backpain -n "__fish_backpain_using_subcommand log; and not __fish_seen_subcommand_from pain done check-in help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -s l -l location -d 'Where it hurts: a location, its letter (A-E) or an alias such as lumbar' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l note -d 'A few words of your own (at most 500 characters)' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l at -d 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l id -d 'The entry\'s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l json -d 'Print the recorded entry as JSON'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from pain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -s l -l location -d 'Which routine: a location, its letter (A-E) or an alias such as lumbar' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l note -d 'A few words of your own (at most 500 characters)' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l at -d 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l id -d 'The entry\'s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l micro -d 'It was the 2-3 minute desk break, not the full routine'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l json -d 'Print the recorded entry as JSON'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l peg -d 'The three PEG answers, 0-10 each, in order: average pain in the past week, how much pain interfered with enjoyment of life, and with general activity (`-` for one not answered)' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l activity -d 'An activity your back makes hard and how well you can do it now: 0 (unable) to 10 (as well as before). Repeat for up to three; the last check-in\'s are asked for on a terminal' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -s l -l location -d 'The location the check-in is about, if one [default: none: it is about you]' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l note -d 'A few words of your own (at most 500 characters)' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l at -d 'When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now]' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l id -d 'The entry\'s id (a UUID), so a script that retries records it once: entries with one id count once [default: a new random one]' -r
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l change-activities -d 'On a terminal, name your activities again instead of rating the last check-in\'s'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l json -d 'Print the recorded entry as JSON'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from check-in" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "pain" -d 'A pain rating from 0 (no pain) to 10 (worst imaginable) for a location'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "done" -d 'A routine or break you did without backpain'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "check-in" -d 'The weekly check-in, about 20 seconds: the three PEG questions (pain, and how much it got in the way of enjoying life and of general activity, over the past week) and up to three activities your back makes hard, each 0-10. On a terminal it asks what the flags leave out'
complete -c backpain -n "__fish_backpain_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c backpain -n "__fish_backpain_using_subcommand history" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand history" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand history" -l since -d 'Only entries from this date (2026-11-01) or this long ago (7d, 4w, 12h) on' -r
complete -c backpain -n "__fish_backpain_using_subcommand history" -s l -l location -d 'Only entries for this location' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand history" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand history" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand history" -l json -d 'One JSON object per line (JSON Lines), each entry as stored'
complete -c backpain -n "__fish_backpain_using_subcommand history" -l csv -d 'CSV with a header row, one row per entry'
complete -c backpain -n "__fish_backpain_using_subcommand history" -l path -d 'Print the directory the history is kept in, and nothing else'
complete -c backpain -n "__fish_backpain_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand stats" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand stats" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand stats" -l weeks -d 'How many weeks to show, this one included' -r
complete -c backpain -n "__fish_backpain_using_subcommand stats" -s l -l location -d 'Only this location\'s sessions, reminders, breaks and pain' -r -f -a "lower\t'Lower back (lumbar)'
upper\t'Upper back (thoracic)'
sciatic\t'Sciatic nerve'
hip\t'Hip & pelvis'
neck\t'Neck & upper back'"
complete -c backpain -n "__fish_backpain_using_subcommand stats" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand stats" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand stats" -l json -d 'Print the same figures as JSON'
complete -c backpain -n "__fish_backpain_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backpain -n "__fish_backpain_using_subcommand doctor" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand doctor" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand doctor" -l data-dir -d 'The data directory; the history is its history/ folder [default: `data-dir` in the config file\'s [history] table, else $XDG_DATA_HOME/backpain or the platform\'s data dir]' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand doctor" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand doctor" -l json -d 'Print the report as JSON (the shape is documented in the README)'
complete -c backpain -n "__fish_backpain_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c backpain -n "__fish_backpain_using_subcommand completions" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand completions" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand completions" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand completions" -s h -l help -d 'Print help'
complete -c backpain -n "__fish_backpain_using_subcommand man" -l color -d 'When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backpain -n "__fish_backpain_using_subcommand man" -l config -d 'Read settings from FILE, not the standard config file' -r -F
complete -c backpain -n "__fish_backpain_using_subcommand man" -l no-pager -d 'Print long output straight to the terminal instead of through the pager ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same'
complete -c backpain -n "__fish_backpain_using_subcommand man" -s h -l help -d 'Print help'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "myths" -d 'The guide\'s three myths, what is true instead, and how well each is supported'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "route" -d 'Map a pain location to its cause, red flags and routine'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "routine" -d 'Show (or play with --guided) the routine for a pain location'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "drills" -d 'The drill catalogue: every exercise with its dose, cues, cautions and sources'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "sources" -d 'The references behind every claim, by the id the other commands show'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "faq" -d 'The implementation guide (habits) and common questions'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "remind" -d 'Desk-break reminders: a desktop notification with a micro-stretch on a schedule'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "log" -d 'Record a pain rating, a break done without backpain, or the weekly check-in'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "history" -d 'List the history: sessions, reminders, breaks and pain ratings, oldest first'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "stats" -d 'Breaks reminded and taken, sessions, streaks, a heatmap and pain, week by week'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "doctor" -d 'What this desktop offers reminders (notification server, idle, lock, do-not-disturb, fullscreen), the systemd timer, the config file and the history, with fixes'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "man" -d 'Write the man pages (backpain.1 and one per subcommand) into a directory'
complete -c backpain -n "__fish_backpain_using_subcommand help; and not __fish_seen_subcommand_from myths route routine drills sources faq remind log history stats doctor completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
