# mynapin's messages in English: the reference catalogue. Every other language declares
# the same messages with the same variables ({ $name }); the tests check it.
#
# Ids are grouped by where they are shown: common-, status-, change-, guide-, error-,
# doctor-, readers-, help- (command-line help), clap- (command-line errors), sim-, profile-.

## Shared vocabulary

# Joins the items of a list: "a, b, c".
list-separator = {", "}
tries-left = { $n ->
    [one] { $n } try left
   *[other] { $n } tries left
}

## PINs, key references, states (src/cli/text.rs)

pin-name-auth = User-authentication PIN (JPKI, 4 digits)
pin-name-sign = Signature password (JPKI, 6-16 capital letters and digits)
pin-name-kenhojo = Card-info input support PIN (4 digits)
pin-name-juki = Residence registry PIN (4 digits)
pin-short-auth = user-authentication PIN
pin-short-sign = signature password
pin-short-kenhojo = card-info input support PIN
pin-short-juki = residence registry PIN
# Where the card keeps a PIN. The residence registry PIN is kept in two places.
ref-auth = user authentication
ref-sign = signature
ref-kenhojo = card-info input support
ref-juki-ap = residence registry, place 1 of 2
ref-juki-common = residence registry, place 2 of 2
ref-derived = verification code
# The technical names, shown with --verbose; $ef is the key reference's EF (e.g. 001C).
ref-tech-jpki = JPKI AP, EF { $ef }
ref-tech-kenhojo = Kenhojo AP, EF { $ef }
ref-tech-juki-ap = Juki AP, EF { $ef }
ref-tech-juki-common = common DF, EF { $ef }
ref-tech-derived = verification code, EF { $ef }
state-ok = ok
state-low = LOW: 1 try left
state-blocked = BLOCKED
state-absent = not on this card
state-unknown = unknown
counter-not-reported = the card did not report the count; this is not zero (SW { $sw })
counter-implausible = the card reported more tries than this PIN can have: the count is not trusted (SW { $sw })
counter-error = unexpected answer SW { $sw }: { $meaning }
format-four-digits = exactly 4 digits (0-9)
format-sign-password = 6 to 16 characters of A-Z and 0-9, with at least one letter and one digit
format-digits = exactly { $n } digits
card-no-jpki = This card has no JPKI application: it is not a My Number card
card-old-juki = This is the old Basic Resident Registry card (住基カード), not a My Number card
card-smartphone = This is a smartphone's JPKI ({ $token }), not a My Number card
card-unknown-token = Unknown JPKI token "{ $token }": not a My Number card

## help, clap, cli (src/cli/mod.rs and the clap definitions of src/cli/*.rs)

# clap's help. Ids: help-<command path>-about / -long-about / -after-help (the top level is
# help-about); help-<path>-arg-<argument> (help-arg-<argument>: shared by several commands;
# help-global-arg-<argument>: the global options); help-value-<value>: a possible value;
# help-value-name-<name>: the placeholder of a value (<SECONDS>). All take $tags: the loaded
# languages (only --lang uses it).
help-about = Check and change the PINs of a My Number card safely
help-long-about =
    Check and change the four PINs of a Japanese My Number card through any PC/SC reader, without ever spending a try by the tool's fault: PINs are checked before anything is sent, the retry counter is read before every VERIFY, and the last try is refused unless you ask for it.
help-after-help =
    Exit codes:
      0  success
      1  unexpected card answer, change not (fully) done, internal error
      2  usage error or invalid input: nothing was sent to the card
      3  wrong PIN
      4  PIN blocked: reset required
      5  refused by a safety guard (last try, unknown count): nothing was sent
      6  no reader, no card, not a My Number card, PC/SC failure
      130, 143  stopped by Ctrl-C or SIGTERM (the report says what was done)

    PINs are never command-line arguments: they are read from the terminal without echo, or with --pin-stdin from standard input.

    Try it without a reader:
      mynapin --sim status
    The simulated card's PINs: 1234 (the 4-digit PINs), ABC123 (the signature password).
help-global-arg-reader = Reader to use: its number in `mynapin readers`, or part of its name (default: the only reader with a card)
help-global-arg-sim = Use a simulated My Number card instead of a reader: a built-in name (`mynapin sim fixtures`) or a TOML file; --sim alone is the fresh card (PINs 1234, signature password ABC123)
help-global-arg-sim-state = Keep the simulated card's state in FILE across runs: loaded if it exists (else the --sim card, else the fresh card), written back at the end; implies --sim
help-global-arg-json = Print machine-readable JSON on stdout (schemas mynapin.*.v1)
help-global-arg-lang = Language of the messages: { $tags } (default: from LC_ALL, LC_MESSAGES or LANG)
help-global-arg-trace = Print every command sent to the card and its answer on stderr (PIN data is always hidden)
help-global-arg-verbose = Say what mynapin is doing, on stderr (-vv for more)
help-global-arg-timeout = Give up on a card that does not answer one command within SECONDS (1-3600)
help-global-arg-wait = Wait for the card (and a reader) to be placed, up to SECONDS (60 if not given; 1-86400), instead of giving up at once
help-status-about = Show how many tries each PIN has left (reads only; never uses a try)
help-status-arg-check = Exit 4 if any PIN is blocked, 5 if any has one try left (for scripts)
help-status-after-help =
    With --check the exit code says it for scripts: 4 if any PIN is blocked, 5 if any has one try left, 0 otherwise (a PIN the card does not have, such as the signature password of an under-15 card, counts as neither).
help-watch-about = For window staff: wait for a card, print its status, wait for it to leave, repeat until Ctrl-C (--json: one mynapin.status.v1 object per line)
help-readers-about = List readers, whether a card is in each, and whether it is a My Number card
help-verify-about = Check that you still remember a PIN (one VERIFY, after reading the counter)
help-verify-arg-pin = Which PIN: its name, never its value
help-verify-after-help =
    With --pin-stdin: one line, the PIN.
    Nothing is sent when the PIN is blocked (exit 4), has one try left without --use-last-try (exit 5), or is not well-formed (exit 2). A wrong PIN uses one try (exit 3); mynapin never retries by itself.

    On a reader with a PIN pad (--pinpad auto, the default), the 4-digit PINs are typed on the reader's keypad, once for each place the card keeps the PIN in (juki: two). A wrong PIN typed there uses a try too. Cancel, no entry in time, or the wrong number of digits on the keypad: nothing reached the card (exit 2); the reader rejecting the entry parameters: exit 1.
help-change-about = Change one PIN, or several to the same new value
help-change-arg-pins = Which PINs: their names, never their values
help-change-arg-same-current = The PINs share one current value: ask for it once
help-change-after-help =
    Several PINs all get the same new value (residents often keep the three 4-digit PINs the same):
      mynapin change auth kenhojo juki
    The signature password has another format and is changed on its own.

    The current PIN is checked on the card before the new one is asked for; every current PIN is checked before anything is changed, and each place on the card is reported as changed, not changed or unknown. The residence registry PIN (juki) is kept in two places: both are changed.

    With --pin-stdin, lines in this order: the current PIN of each PIN in the order given (or one line with --same-current), the new PIN, the new PIN again:
      (echo 1234; echo 5678; echo 5678) | mynapin --sim change auth --pin-stdin

    On a reader with a PIN pad (--pinpad auto, the default), the 4-digit PINs are typed on the reader's keypad: for each place on the card the current PIN (all of them checked first), then the new PIN twice; with n places, 4n-1 entries (auth: 3, juki: 7), announced before the first. Cancel or no entry in time on the keypad: exit 2; the two new entries differ: nothing changed, exit 2.
help-arg-pinpad = Where the 4-digit PINs are typed: on the reader's PIN pad (PC/SC secure PIN entry: the computer never sees them) or at the computer; the signature password is always typed at the computer
help-arg-pin-stdin = Read the PINs from standard input, one per line (the command's help gives the order)
help-arg-pin-fd = Read the PINs from file descriptor N, one per line (Linux and macOS)
help-arg-use-last-try = Allow using the LAST remaining try: a wrong PIN then blocks it (asks once more on a terminal)
help-arg-only-ref = For juki only: act on one of the two places the card keeps it in (to finish a change that stopped half-way)
help-guide-about = What to do when a PIN cannot simply be changed: kiosk or counter, with the city's checklist of documents; --have checks the documents presented
help-guide-arg-which = The PIN, by its name, never its value (default: every blocked PIN on the card)
help-guide-arg-pin = The same as the PIN argument
help-guide-arg-state = Its situation (default: from the card's counters; else forgotten)
help-guide-arg-know = Other PINs the resident knows (comma-separated)
help-guide-arg-applicant = Who comes to the counter
help-guide-arg-under-15 = The holder is under 15
help-guide-arg-adult-ward = The holder is an adult ward
help-guide-arg-same-household = The parent-child relation is confirmed in the same household (resident register)
help-guide-arg-face-auth = The card is a face-authentication card (it has no PINs)
help-guide-arg-no-sign-cert = The card has no signature certificate (declined, or not issued)
help-guide-arg-cert = The JPKI certificates (default: from the user-authentication certificate's expiry when a card is read; else unknown)
help-guide-arg-city = The city whose counter rules to use
help-guide-arg-profile = Another city's profile (the TOML schema of profiles/*.toml)
help-guide-arg-have = Documents presented, by their ids from --list-documents (holder:ID for the holder's own when someone else applies)
help-guide-arg-visit = Check only the documents of this visit (procedures with two visits)
help-guide-arg-format = Output format
help-guide-arg-list-documents = List the document ids for --have
help-guide-after-help =
    Examples:
      The blocked PINs of the card, read from it:
        mynapin --sim=sign-blocked guide
      A blocked signature password, in Takatsuki:
        mynapin guide sign --state blocked --know auth --city takatsuki
      A forgotten residence registry PIN, an agent applying, as Markdown:
        mynapin guide juki --state forgotten --applicant agent --format markdown
      Checking the documents presented:
        mynapin guide auth --city takatsuki --have mynumber_card,drivers_license
      The document ids:
        mynapin guide --list-documents
help-doctor-about = Check the PC/SC setup: pcscd, readers (known troublemakers included), the card; exit 0 only when a My Number card is readable
help-profile-about = City profiles: `profile check FILE` validates one and shows what it covers
help-profile-check-about = Validate a city profile (TOML) and show what it covers and what it leaves not stated; FILE may also be a built-in profile (takatsuki, toyokawa, national)
help-profile-check-arg-file = The profile: a TOML file or a built-in name
help-sim-about = The simulated card: list the built-in ones, or serve one to pcscd through vpcd
help-sim-fixtures-about = List the built-in simulated cards (usable as --sim=NAME)
help-sim-serve-about = Serve a simulated card to pcscd through vsmartcard's vpcd, so that any PC/SC application sees it in a reader
help-sim-serve-after-help =
    Start pcscd with a vpcd reader first (see scripts/pcscd-vpcd.sh), then:
      mynapin sim serve --fixture sign-blocked &
      mynapin status
    Any PC/SC application now sees a My Number card. Stop it with SIGTERM or Ctrl-C (its state is saved with --state).
help-sim-serve-arg-vpcd = vpcd's address: port 35963 is the reader "Virtual PCD 00 00", 35964 "Virtual PCD 00 01"
help-sim-serve-arg-fixture = The card: a built-in name or a TOML file (default: the fresh card)
help-sim-serve-arg-state = Keep the card's state in FILE (loaded if it exists; written after every command)
help-sim-serve-arg-latency-ms = Answer each command after N milliseconds (0-10000; a contact card takes about 5-20, contactless about 20-50)
help-sim-serve-arg-wait-vpcd = Give up when vpcd has not accepted a connection for this many seconds (1-3600)
help-sim-serve-arg-close-after = Fault: answer N commands, then close the connection (card pulled out) and exit
help-sim-serve-arg-mute-after = Fault: answer N commands, then never answer again (a hung card)
help-sim-serve-arg-mute-ms = With --mute-after: answer the held command after M milliseconds instead of never
help-sim-serve-arg-fault-sw = Fault: answer command number N with the status word SW (4 hex digits) instead of processing it, e.g. 5=6581
help-sim-serve-arg-fault = Fault rule (repeatable), with the keys of a fixture's [[faults.rules]], e.g. match=00200098,nth=1,when=after,sw=6C00 or answer=90 or hold_ms=2000
help-completions-about = Print the shell completion script on stdout
help-completions-arg-shell = The shell to complete for
help-manpage-about = Print the man page generated from this command-line definition (for packagers)
help-manpage-arg-dir = Write one page per command (mynapin.1, mynapin-status.1, …) into DIR, instead of printing mynapin.1 on stdout
# clap's own help command and flags.
help-cmd-help-about = Print this message or the help of the given command
help-cmd-help-arg-subcommand = Print the help of this command
help-flag-help = Print help (see more with --help)
help-flag-help-long = Print help (see a summary with -h)
help-flag-version = Print the version
# Possible values.
help-value-auth = { pin-name-auth }
help-value-sign = { pin-name-sign }
help-value-kenhojo = { pin-name-kenhojo }
help-value-juki = { pin-name-juki }
help-value-juki-ap = Residence registry, place 1 of 2 (technically: Juki AP, EF 001C)
help-value-juki-common = Residence registry, place 2 of 2 (technically: common DF, EF 001C)
help-value-auto = On the reader's PIN pad when it has one, else at the computer
help-value-always = On the reader's PIN pad; refused if the reader has none (or for the signature password)
help-value-never = At the computer, even on a reader with a PIN pad
help-value-text = Plain text
help-value-markdown = Markdown with tick boxes
help-value-html = One self-contained HTML page to print (A4), no network
help-value-takatsuki = Takatsuki City
help-value-toyokawa = Toyokawa City
help-value-known = Known and not blocked: it can be changed
help-value-forgotten = Not remembered (not blocked yet)
help-value-blocked = Blocked after too many wrong tries
help-value-valid = Valid
help-value-expired = Expired
help-value-revoked = Revoked (e.g. the signature certificate after a move or a change of name)
help-value-unknown = Not known
help-value-self = The card holder
help-value-legal = A legal representative (parent of an under-15, guardian of an adult ward)
help-value-agent = A voluntary agent
help-value-bash = Bash
help-value-zsh = Zsh
help-value-fish = fish
help-value-powershell = PowerShell
help-value-elvish = Elvish
# Value placeholders (<SECONDS>); help-<path>-arg-<argument>-value-name for one argument.
help-value-name-n-name = N|NAME
help-value-name-fixture = FIXTURE
help-value-name-file = FILE
help-value-name-lang = LANG
help-value-name-seconds = SECONDS
help-value-name-which = WHICH
help-value-name-when = WHEN
help-value-name-ref = REF
help-value-name-pin = PIN
help-value-name-doc = DOC,…
help-value-name-n = N
help-value-name-m = M
help-value-name-host-port = HOST:PORT
help-value-name-n-sw = N=SW
help-value-name-spec = SPEC
help-value-name-dir = DIR
help-value-name-shell = SHELL
help-value-name-state = STATE
help-value-name-know = KNOW
help-value-name-applicant = APPLICANT
help-value-name-cert = CERT
help-value-name-city = CITY
help-value-name-format = FORMAT
help-value-name-command = COMMAND
help-sim-serve-arg-latency-ms-value-name = N
help-sim-serve-arg-close-after-value-name = N
help-sim-serve-arg-mute-after-value-name = N
help-sim-serve-arg-mute-ms-value-name = M
help-guide-arg-visit-value-name = N
# Headings of the help; $heading is one of them. help-usage-options stands for "any options"
# in a usage line.
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-global = Global options
help-heading-line = { $heading }:
# The usage line; $usage: the command and its arguments.
help-usage-line = Usage: { $usage }
help-usage-options = [OPTIONS]
# An argument's help ($help) with its possible values ($values: joined names; $list: one
# help-value-item per line) or its default ($value).
help-with-values = { $help } [possible values: { $values }]
help-with-values-long =
    { $help }

    Possible values:
    { $list }
help-value-item = - { $name }: { $help }
help-with-default = { $help } [default: { $value }]
help-with-default-long =
    { $help }

    Default: { $value }
# clap's argument errors. $arg: the argument as the usage shows it (--timeout <SECONDS>);
# $value: what was given; $other: the arguments it conflicts with.
clap-error = error: { $message }
clap-unknown-argument = unexpected argument '{ $arg }'
clap-unknown-command = unrecognized command '{ $command }'
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-value-required = a value is required for '{ $arg }' but none was given
clap-possible-values = possible values: { $values }
clap-value-hint = { $arg }: { $help }
clap-no-equals = '{ $arg }' takes its value after an equals sign (e.g. --wait=60)
clap-conflict = '{ $arg }' cannot be used with { $other }
clap-missing-required = required arguments were not given: { $args }
clap-missing-command = '{ $command }' needs a command
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }'
clap-wrong-number = '{ $arg }' got the wrong number of values
clap-multiple-use = '{ $arg }' cannot be given more than once
clap-invalid-utf8 = an argument is not valid UTF-8
clap-error-generic = the command line cannot be understood
clap-did-you-mean = tip: a similar one exists: { $suggestion }
clap-try-help = For more information, try '--help'.
clap-hidden-value = (hidden)
clap-note-pin-name = note: the argument names WHICH PIN (auth, sign, kenhojo or juki), never its value; PINs are typed at the prompt or given with --pin-stdin.
# Progress (-v) and prompts of the command line itself.
cli-note-connecting = connecting to the reader (exclusive)
cli-note-card-recognized = My Number card recognized
cli-place-card = Place your My Number card on the reader… (Ctrl-C to cancel)
# The simulated reader's name; $fixture: the --sim value, $path: the --sim-state file.
cli-sim-reader = mynapin simulated card
cli-sim-reader-fixture = mynapin simulated card ({ $fixture })
cli-sim-reader-state = mynapin simulated card (state { $path })
