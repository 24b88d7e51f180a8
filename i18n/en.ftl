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

## change (src/cli/change.rs: verify and change)

# "The PIN" in running text; $secret in the messages below is one of these two.
change-secret-pin = PIN
change-secret-password = password
# The format of a new PIN, in its prompt.
change-hint-four-digits = 4 digits
change-hint-sign = 6-16 capital letters and digits
# A prompt for a PIN. $what: what is asked for (a change-ask- message, or for verify the PIN's
# full name); $tries: empty, or change-tries-tag. Ends with a space: the typing follows it.
change-prompt = { $what }{ $tries } (input is not shown):{" "}
# How many tries are left, after a prompt or a keypad instruction; $left: tries-left.
change-tries-tag = {" "}[{ $left }]
# $pin: a PIN's short name ("user-authentication PIN").
change-ask-current = Current { $pin }
# $pins: the PINs' short names, joined as a list.
change-ask-current-shared = Current PIN, the same for the { $pins }
# $hint: change-hint-four-digits or change-hint-sign.
change-ask-new = New { $pin } ({ $hint })
change-ask-new-shared = New PIN for the { $pins } (4 digits)
change-ask-again-sign = New signature password again
change-ask-again = New PIN again
# Asked on a terminal before the last try is used; $pin: the PIN's short name.
change-last-try = LAST TRY for the { $pin }: a wrong { $secret } blocks it. Type YES to continue:
change-last-try-unknown = The card does not say how many tries the { $pin } has left: this may be the last one. Type YES to continue:
change-fullwidth = full-width characters were converted to ASCII.
change-uppercased = lower-case letters were converted to upper case (the card stores upper case).
# Progress, shown with --verbose.
change-waiting = waiting for the { $secret } on the input
change-current-accepted = the current { $secret } is correct
# $place: change-place-juki-tech or change-place-tech.
change-changing = changing the { $place }
# The two entries of the new PIN differ; $attempt of $of allowed.
change-mismatch = the two entries of the new { $secret } differ; nothing was changed. Type them again ({ $attempt } of { $of }).
# The residence registry PIN is kept in two places on the card whose counts differ.
# $places: change-juki-place-count for each, joined as a list.
change-juki-disagree = warning: the residence registry PIN is kept in two places on the card, and they report different counts ({ $places }). The lower one counts. A change with mynapin sets both.
# $n: 1 or 2; $count: tries left of the maximum ("2/3", "?/3").
change-juki-place-count = place { $n } of 2: { $count }
# Where a PIN is kept, in the report of a change. $pin: the PIN's short name; $n: which of
# the residence registry PIN's two places (1 or 2); $tech: the technical name ("Juki AP,
# EF 001C"), shown with --verbose only. Other PINs are kept in one place: just their name.
change-place-juki = { $pin } — place { $n } of 2
change-place-juki-tech = { $pin } — place { $n } of 2 ({ $tech })
change-place-tech = { $pin } ({ $tech })
# One line per place in the report of a change. $place: the name above; $outcome: a
# change-outcome- message; $checked: a change-checked- message; $count: tries left of the
# maximum ("2/3", "?/3").
change-ref-line = { $place }: { $outcome }  [tries { $count }]
change-ref-line-checked = { $place }: { $outcome } — { $checked }  [tries { $count }]
change-outcome-changed = CHANGED (holds the new { $secret })
change-outcome-not-sent = not changed (holds the old { $secret }; no change command was sent)
# $sw: the card's answer in hex ("6A 80"); $meaning: what that answer means.
change-outcome-refused = not changed (the card refused it with { $sw }: { $meaning }; holds the old { $secret })
change-outcome-unknown-answer = UNKNOWN (the card answered { $sw }: { $meaning }, which does not rule out that it changed it: it holds the old or the new { $secret })
change-outcome-no-answer = UNKNOWN (the card's answer to the change was lost: it holds the old or the new { $secret })
change-checked-wrong = its current { $secret } was WRONG: one try used
change-checked-unknown = a try may have been used (the card's answer to the check was lost)
# The first line of the report of a change.
change-done-sign = Signature password change DONE.
change-done = PIN change DONE.
change-not-done-sign = Signature password change NOT done: nothing was changed.
change-not-done = PIN change NOT done: nothing was changed.
change-partial = PIN change NOT complete: some were changed, others not (see each line below).
change-unknown-sign = Signature password change outcome UNKNOWN: see the line below.
change-unknown = PIN change outcome UNKNOWN: see each line below.
# With --verbose, under the report of a residence registry PIN change. $first, $second: the
# technical names of its two places.
change-juki-note = The residence registry PIN is kept in two places on the card ({ $first }; { $second }); mynapin changes each with JICSAP CHANGE KEY (80 32), a card command known from a single public source.
# What to do after a change that stopped half-way. $command: the command to run
# ("mynapin change juki --only-ref juki-common").
change-todo-finish = To finish: { $command } (current = the OLD { $secret }, new = the NEW { $secret }).
change-todo-find-out = To find out without guessing twice: { $command } with the NEW { $secret } (a wrong answer costs one try and means the OLD { $secret } is still set).
# `mynapin change` without a PIN; a list of the PINs' ids and names follows.
change-which = Say which PIN to change (its name, never its value):
change-which-todo = For example: mynapin change auth — or several 4-digit PINs at once: mynapin change auth kenhojo juki
change-sign-alone = The signature password cannot share a new value with the 4-digit PINs.
change-sign-alone-todo = Change it on its own: mynapin change sign
change-only-ref-juki = --only-ref applies to the juki PIN alone.
change-only-ref-juki-todo = Use it as: mynapin change juki --only-ref juki-common
# No terminal and no --pin-stdin / --pin-fd.
change-no-input-todo = Give the PINs on standard input with --pin-stdin, or run it in a terminal. Nothing was sent to the card.
# `mynapin verify` succeeded. $pin: the PIN's short name; $tries: tries left of the maximum ("3/3").
verify-correct = Correct: the { $pin } is right. Tries left: { $tries }.
# PIN-pad readers. The Windows language id (LANGID, hex) in which the reader should show its
# own messages on its display: 0409 English (US), 0411 Japanese.
pad-reader-language = 0409
pad-sign-refused = The signature password cannot be typed on a numeric PIN pad (--pinpad always).
pad-sign-refused-todo = Type it at the computer: leave out --pinpad always (or use --pinpad never).
# Said once, before the first keypad entry; $entries: how many entries the whole operation takes.
pad-plan-verify = the reader has a PIN pad: type the PIN on its keypad, not on the computer ({ $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }). A wrong PIN typed on the keypad uses a try, as on the computer.
pad-plan-change = the reader has a PIN pad: type the PINs on its keypad, not on the computer — { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    } in all, each announced before you type it: the current PIN, then the new PIN twice, for each place on the card that keeps the PIN. A wrong current PIN typed on the keypad uses a try, as on the computer.
# The number of a keypad step in the whole operation: one entry ($no of $total), or two
# entries ($no and $next of $total).
pad-step-one = [entry { $no } of { $total }]
pad-step-two = [entries { $no }-{ $next } of { $total }]
# One keypad step. $step: pad-step-one or pad-step-two; $pin: the PIN's short name; $n: which
# of the residence registry PIN's two places (1 or 2); $tries: empty, or change-tries-tag.
pad-type-verify = { $step } Type the { $pin } on the reader's keypad and press OK{ $tries }
pad-type-verify-juki = { $step } Type the { $pin } (place { $n } of 2 on the card) on the reader's keypad and press OK{ $tries }
pad-type-current = { $step } Type the current { $pin } on the reader's keypad and press OK{ $tries }
pad-type-current-juki = { $step } Type the current { $pin } (place { $n } of 2 on the card) on the reader's keypad and press OK{ $tries }
pad-type-new = { $step } Type the NEW { $pin } (4 digits) on the reader's keypad and press OK, then type it again and press OK
pad-type-new-juki = { $step } Type the NEW { $pin } (4 digits, place { $n } of 2 on the card) on the reader's keypad and press OK, then type it again and press OK
## status, watch, readers, doctor, sim, serve, completions (src/cli/status.rs, watch.rs, readers.rs, doctor.rs, serve.rs, completions.rs, text.rs)

# The simulated reader's name; $fixture is a fixture's name (an id: "fresh") or file,
# $path the --sim-state file.
sim-reader-name = mynapin simulated card
sim-reader-name-fixture = mynapin simulated card ({ $fixture })
sim-reader-name-state = mynapin simulated card (state { $path })

# `mynapin status`. $name is the reader's name, $token the card's JPKI label.
status-reader = Reader: { $name }
status-card = Card:   My Number card ({ $token })
# The user-authentication certificate; $date is its last day (YYYY-MM-DD), $days the days left.
status-cert-valid = Certificate: user authentication, valid until { $date }
status-cert-expires-soon = Certificate: user authentication, valid until { $date } — expires in { $days ->
    [one] { $days } day
   *[other] { $days } days
}
status-cert-expired = Certificate: user authentication, EXPIRED on { $date }
status-cert-absent = Certificate: no user-authentication certificate on this card
status-cert-unreadable = Certificate: the user-authentication certificate could not be read
status-cert-expires-soon-warning = The certificates expire soon: renew them at the city office before then (the PINs are set again there; a kiosk cannot renew). See `mynapin guide auth --cert expired`.
status-cert-expired-warning = The certificate has expired: changing its PIN is pointless, and a kiosk cannot help. A new certificate is issued at the city office, and its PIN is set there. See `mynapin guide auth --cert expired`.
# The headings of the table's columns: tries left, state, which PIN.
status-col-tries = tries
status-col-state = state
status-col-pin = PIN
status-no-sign-cert = No signature certificate on this card (usual for children under 15).
# A warning below the table; $text is the warning.
status-warning = Warning: { $text }
# Shown with -v while the counters are read.
status-reading = reading the retry counters
# The juki PIN's two places disagree; $counts lists each place with its count, e.g.
# "residence registry, place 1 of 2: 3/3, residence registry, place 2 of 2: 1/3".
status-juki-mismatch = The two residence-registry PIN references report different counts ({ $counts }). The lower one counts. A change with mynapin sets both.
# One place in that list: $place (where on the card) and $tries ("3/3").
status-juki-count = { $place }: { $tries }
# With --verbose: a place on the card and its technical name ($tech, e.g. "Juki AP, EF 0018").
status-ref-tech = { $place } ({ $tech })

# `mynapin watch`.
watch-needs-reader = watch needs a reader: it waits for cards to come and go.
watch-needs-reader-todo = For a simulated card, serve it to pcscd: mynapin sim serve (see the README).
watch-waiting = watching for cards; place one on the reader (Ctrl-C to stop)
# Above each card's status; $n counts the cards since the start.
watch-card = == card { $n } ==
# A card that could not be read: $n as above, $reader its reader, $what why.
watch-card-failed = == card { $n } == { $reader }: { $what }
# At Ctrl-C; $n is how many cards were placed.
watch-stopped = stopped after { $n ->
    [one] { $n } card
   *[other] { $n } cards
}

# `mynapin readers`: one line per reader, "0: NAME — WHAT".
readers-line = { $index }: { $name } — { $what }
# The same with the reader's PIN pad ($pad: readers-pinpad).
readers-line-pinpad = { $index }: { $name } — { $what } — { $pad }
readers-no-card = no card
readers-my-number-card = My Number card
readers-smartphone = smartphone JPKI (not a card)
readers-other-card = a card that is not a My Number card
readers-in-use = card in use by another program
readers-unreadable = card present but unreadable
# A reader's PIN pad; $details is a list of the items below, joined by readers-pinpad-separator.
readers-pinpad = PIN pad ({ $details })
readers-pinpad-separator = {"; "}
readers-pinpad-verify-modify = verify and change on the keypad
readers-pinpad-verify-only = verify on the keypad, no change
readers-pinpad-modify-only = change on the keypad, no verify
readers-pinpad-no-entry = no PIN entry on the keypad
# The PIN lengths the pad accepts.
readers-pinpad-size = PIN { $min }-{ $max }
readers-pinpad-display = display
readers-pinpad-no-display = no display
readers-pinpad-not-usable = not usable for the 4-digit PINs
# With --verbose: the PC/SC part 10 features the reader listed ($list, technical names).
readers-pinpad-features = features { $list }

# `mynapin doctor`. Each finding is a line "[ok] …" or "[!!] …", and maybe "→ what to do".
doctor-mark-ok = [ok]
doctor-mark-problem = [!!]
# A finding about one reader: $reader is its name, $what the finding.
doctor-reader = { $reader }: { $what }
doctor-sim-answers = the simulated My Number card answers
doctor-pcscd-answers = the PC/SC service (pcscd) answers
doctor-pcscd-silent = the PC/SC service (pcscd) does not answer
doctor-service-silent = the system's PC/SC service does not answer
doctor-fix-start-pcscd = Start it: sudo systemctl start pcscd.socket
doctor-fix-install-pcscd = Install and start it: sudo apt install pcscd
doctor-fix-windows-service = Windows starts its Smart Card service (SCardSvr) when a reader is plugged in and stops it when none is: plug the reader in; if it still does not answer, start "Smart Card" in services.msc.
doctor-fix-macos-service = macOS's smart-card service (CryptoTokenKit) starts with a reader: unplug the reader and plug it in again.
doctor-fix-other-service = Start the system's PC/SC service (pcsc-lite's pcscd).
doctor-windows-driver = Windows: the Sony RC-S300 and contact CCID readers work with Windows' own driver; the older RC-S380 needs Sony's "NFC Port Software" to appear as a smart-card reader
doctor-macos-driver = macOS: CCID readers (Sony RC-S300, contact readers) work with macOS's built-in CCID driver; the Sony RC-S380 is not a CCID reader and has no macOS smart-card driver
doctor-no-reader = no reader is connected
doctor-fix-connect-reader = Connect a CCID reader (e.g. Sony RC-S300), then run mynapin doctor again.
doctor-no-card = no card
doctor-fix-place-card = Put the My Number card on this reader.
doctor-card-readable = My Number card readable
doctor-fix-not-my-number = Put a My Number card on the reader.
doctor-in-use = the card is in use by another program
doctor-fix-in-use = Close other programs that use the card (the JPKI client software, browsers signing in with the card) and run mynapin doctor again.
doctor-no-pinpad = no PIN pad (PINs are typed at the computer)
doctor-readable = A My Number card is readable.
doctor-not-readable = No My Number card is readable yet.
doctor-rcs380 = a Sony RC-S380 is connected: it is not a CCID reader, and pcscd on Linux does not see it
doctor-fix-rcs380 = Use a CCID reader such as the Sony RC-S300 (or any ISO 7816 contact reader).
# $version is the installed libccid package's version.
doctor-rcs300 = a Sony RC-S300 is connected; libccid { $version }
doctor-rcs300-unknown = a Sony RC-S300 is connected; libccid version unknown
doctor-fix-rcs300 = The RC-S300 needs libccid 1.4.35 or later: sudo apt install libccid (from a recent release).

# `mynapin sim serve`. $addr is the --vpcd address, $why the system's reason, $secs the wait.
serve-bad-address = the vpcd address "{ $addr }" is not a reachable HOST:PORT: { $why }
serve-fix-address = Give --vpcd as HOST:PORT, e.g. 127.0.0.1:35963.
serve-unreachable = vpcd at { $addr } did not accept a connection within { $secs } s (last error: { $why })
serve-fix-unreachable = Start pcscd with the vpcd driver first (scripts/pcscd-vpcd.sh), or wait longer with --wait-vpcd.
serve-signals = cannot install signal handlers: { $why }
serve-fix-signals = Run it again; if it persists, report it.
# --fault-sw's value is not N=SW; $n is what was given before "=", $max the largest number.
serve-fault-sw-form = expected N=SW, e.g. 5=6581
serve-fault-sw-number = "{ $n }" is not an APDU number (1..={ $max })

# `mynapin completions` and `mynapin manpage`: $why is the system's reason, $dir a folder.
completions-cannot-render = cannot render the man page: { $why }
completions-cannot-write-dir = cannot write the man pages into { $dir }: { $why }
completions-cannot-write-stdout = cannot write on standard output: { $why }
completions-fix-output = Check where the output goes (a full disk, a directory that does not exist or is not writable).
