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

## error, sw, step, prompt (src/cli/error.rs, src/cli/secret_input.rs, text::sw_meaning)

# What was sent before a stop. "counters": the remaining-tries counters, read without using a try.
error-sent-counters-only = Nothing was sent to the card beyond reading the counters; no try was used.
error-sent-nothing-no-try = Nothing was sent to the card; no try was used.
error-sent-nothing = Nothing was sent to the card.
# $pins: the names of the PINs checked, joined as a list; $count: how many.
error-sent-verified = { $count ->
    [one] The current { $pins } was checked on the card and is correct (its counter is back at its maximum); nothing was changed.
   *[other] The current { $pins } were checked on the card and are correct (their counters are back at their maximum); nothing was changed.
}
error-run-again = Run the command again.
error-report-to-developers = Please report this to the developers.

# Entry at the prompt or on standard input.
error-cancelled-what = Cancelled at the prompt.
# $expected lines were needed on the input, $got were given.
error-input-ended-what = The input ended: expected { $expected } { $expected ->
    [one] line
   *[other] lines
}, got { $got }.
error-input-ended-todo = Give one PIN per line, in the order the command's --help gives.
error-input-eof-what = The input ended (Ctrl-D) before the PIN was entered.
# $max: a number of bytes.
error-input-too-long-what = An entry is longer than { $max } bytes: that is not a PIN.
error-input-timeout-what = No PIN was entered in time.
# $why: why the input cannot be read (a prompt-… or error-io-… text).
error-input-unreadable-what = Cannot read the PIN: { $why }.
error-input-todo = Run it in a terminal, or give the PINs on standard input with --pin-stdin (see --help).

# An invalid PIN. $which is error-which-current or error-which-new (sentence start).
error-which-current = The { $pin }
error-which-new = The new { $pin }
error-pin-empty = { $which } is empty.
# $position: the place of the character, counting from 1.
error-pin-bad-character = { $which } has a character that is not allowed (character { $position }).
error-pin-not-digits = { $which } must contain digits only.
# $got: the number of characters given.
error-pin-length = { $which } has { $got ->
    [one] 1 character
   *[other] { $got } characters
}.
error-pin-letter-and-digit = { $which } needs at least one letter and one digit.
# $rule: the format the PIN must have (format-… messages).
error-pin-rule = Rule: { $rule }.
error-mismatch-once = The two entries of the new PIN differ.
# $attempts: how many times the two entries differed.
error-mismatch-many = The two entries of the new PIN differed { $attempts } times.
error-same-as-current-what = The new { $pin } is the same as the current one.
error-same-as-current-todo = Choose a different new { $pin }.
error-mixed-formats-what = The signature password cannot share a new value with the 4-digit PINs.
error-mixed-formats-todo = Change it on its own: mynapin change sign
# $id: a key reference's id as given to --only-ref (e.g. juki-common).
error-no-such-reference-what = { $id } is not one of these PINs' references.
error-declined-what = Not confirmed: the last try was not used.

# A PIN with, for the residence registry PIN, the place on the card it is kept in.
error-ref-phrase = { $pin } ({ $place })

# The reader's keypad. $name: the PIN (error-ref-phrase).
error-pinpad-not-sent = The reader sent nothing to the card for this entry: no try was used by it.
error-pinpad-again = Run the command again when ready; the instructions say what to type on the keypad.
error-pinpad-timeout-what = Nothing was typed on the reader's keypad in time (the { $name }).
error-pinpad-cancelled-what = The entry of the { $name } was cancelled on the reader.
error-pinpad-entries-differ-what = The two entries of the new { $name } typed on the reader differ: it was not changed.
error-pinpad-wrong-length-what = The { $name } typed on the reader does not have 4 digits.
error-pinpad-wrong-length-new-what = The new { $name } typed on the reader does not have 4 digits.
error-pinpad-rejected-what = The reader rejected the PIN-entry parameters (6B 80).
error-pinpad-rejected-todo = Type the PIN at the computer with --pinpad never, and report the reader's model to the developers (`mynapin doctor` shows it).
error-no-pinpad-what = --pinpad always: this reader has no PIN pad that can take the 4-digit PINs.
error-no-pinpad-todo = Use a reader with a PIN pad, or leave out --pinpad always to type the PIN at the computer. `mynapin readers` shows which readers have one.
error-pad-not-for-pin-what = The { $pin } cannot be typed on a numeric PIN pad (--pinpad always).
error-pad-not-for-pin-todo = Nothing was sent to the card. Leave out --pinpad always to type it at the computer.

# Card errors. $name: the PIN (error-ref-phrase); $sw: a status word in hex (63 C2);
# $meaning: its meaning (sw-…); $step: what mynapin was doing (step-…).
# $kind: a card-… message saying what the card is.
error-not-my-number-card-what = { $kind }.
error-not-my-number-card-todo = Put a My Number card (マイナンバーカード) on the reader.
error-unexpected-answer-what = The card answered { $sw } ({ $meaning }) to { $step }.
error-unexpected-answer-todo = mynapin stopped and sent nothing more. Run `mynapin status` to see the counters; with --trace the exchange can be reported to the developers.
error-blocked-what = The { $name } is blocked: no tries left. It must be reset.
error-blocked-on-verify-what = The card refused the check of the { $name } as blocked (69 84), although its counter had said tries were left. Whether that check used a try is not known.
error-blocked-on-verify-todo = Run `mynapin status` to see the counters before anything else.
error-verify-unknown-answer-what = The card answered the check of the { $name } with { $sw } ({ $meaning }), which says neither right nor wrong. A try MAY have been used.
error-verify-unknown-lost-what = The answer to the check of the { $name } was lost (the card stopped answering or left the reader). A try MAY have been used.
error-verify-unknown-todo = mynapin sent nothing more and will not retry. Put the card back, keep it still, and run `mynapin status` to see the counter before trying again.
# $max: the most tries this PIN can have.
error-count-implausible-what = The card reported { $sw } for the { $name }: more tries than this PIN can have ({ $max }), so its count cannot be trusted.
# $pin: the PIN's short name.
error-sure-use-last-try = If you are sure of the { $pin }, run the command again with --use-last-try.
# $routes: where a blocked PIN can be reset (a phrase from the guide).
error-last-try-what = The { $name } has ONE try left. A wrong entry now blocks it, and then { $routes }.
# $id: the PIN's id for the command line (auth, sign, kenhojo, juki).
error-last-try-todo = If you are sure of the { $pin }, run the command again with --use-last-try. If not, do not guess: see `mynapin guide { $id } --state forgotten`.
error-count-unknown-what = The card did not report how many tries the { $name } has left, so mynapin cannot rule out that this would be the last one.
error-absent-what = This card has no { $name }.
error-absent-sign-todo = Cards of children under 15 usually carry no signature certificate. A signature certificate is issued at the city office.
error-absent-todo = Run `mynapin status --trace` and report the exchange to the developers.
error-out-of-sequence-what = Internal error: a change of the { $name } was not preceded by its VERIFY; nothing was sent.
error-wrong-pin-blocked-what = Wrong { $name }. It is now BLOCKED (no tries left).
# $n: tries left (1 or more).
error-wrong-pin-left-what = Wrong { $name }. { $n ->
    [one] 1 try
   *[other] { $n } tries
} left.
error-wrong-pin-left-todo = One try was used. When no tries are left the PIN is blocked, and then { $routes }. mynapin does not retry by itself; check the PIN before trying again{ $n ->
    [1] {" "}(the next try is the last: it needs --use-last-try).
   *[other] .
}
error-wrong-pin-unknown-what = Wrong { $name }. The card did not say how many tries are left.
error-wrong-pin-unknown-todo = Run `mynapin status` before trying again.

# Reader and PC/SC errors.
error-no-service-what = The PC/SC service (pcscd) is not running.
error-no-service-todo = Then run `mynapin doctor`. Without a reader, try `mynapin --sim status`.
error-no-reader-what = No smart-card reader is connected.
error-no-reader-todo = Connect a reader (for example a Sony RC-S300) and try again; `mynapin doctor` checks the setup. Without a reader, try `mynapin --sim status`.
# $selector: what was given to --reader.
error-reader-not-found-what = No reader matches "{ $selector }".
error-reader-not-found-todo = Give --reader an index or part of a name from this list:
error-ambiguous-reader-what = Several readers could be meant.
error-ambiguous-reader-todo = Choose one with --reader N (N from `mynapin readers`):
# $reader: the reader's name.
error-no-card-what = No card in the reader ({ $reader }).
error-no-card-todo = Put the My Number card on the reader (contactless readers: keep it still, flat on the reader) and try again.
error-card-removed-what = The card was removed or lost contact during the operation.
error-card-removed-todo = Put it back, keep it still, and run `mynapin status` to see the counters.
error-card-in-use-what = The card is in use by another program.
error-card-in-use-todo = Close other programs that use the card (the JPKI client software, browsers signing in with the card, other card tools) and try again.
error-card-reset-what = Another program reset the card during the operation.
error-card-reset-todo = Close other programs that use the card and run `mynapin status`.
error-bad-response-what = The card's answer was cut off or malformed (it may have left the reader).
error-bad-response-todo = Keep the card still on the reader and run `mynapin status`.
# $secs: a number of seconds.
error-timeout-what = The card did not answer within { $secs } s; mynapin gave up.
error-timeout-todo = Take the card off the reader, put it back, and run `mynapin status`. If it happens again, run `mynapin doctor`.
error-connect-timeout-what = mynapin could not connect to the card within { $secs } s: another program probably holds it.
error-connect-timeout-todo = Nothing was sent to the card. Close other programs that use the card (the JPKI client software, browsers signing in with the card, other card tools) and try again.
error-no-card-in-time-what = No card was placed on the reader within { $secs } s.
error-no-card-in-time-todo = Nothing was sent. Run the command again and place the card when it asks (contactless readers: flat on the reader, and keep it still).
error-interrupted-sigterm-what = Stopped by SIGTERM before the next command to the card.
error-interrupted-ctrl-c-what = Stopped by Ctrl-C before the next command to the card.
error-interrupted-todo = The command in progress was let finish; nothing more was sent.
error-internal-encode-what = Internal error: a command for the card could not be built; nothing was sent.
error-reader-unsupported-what = The reader does not support this request (PIN-pad entry).
error-reader-unsupported-todo = Nothing was sent to the card. Use --pinpad never to type the PIN at the computer, and run `mynapin doctor` to see what the reader offers.
# $reason: what PC/SC reported (error-pcsc-…); $code: its code in hex (0x80100017).
error-pcsc-what = PC/SC error { $code }: { $reason }.
error-pcsc-todo = Run `mynapin doctor` to check the reader setup.
error-pcsc-reader-unavailable = the reader is not available
error-pcsc-unknown-reader = the reader is not known
error-pcsc-unpowered-card = the card is not powered
error-pcsc-unresponsive-card = the card does not respond
error-pcsc-unsupported-card = the card is not supported by the reader
error-pcsc-service-stopped = the PC/SC service stopped
error-pcsc-comm-error = communication with the reader failed
error-pcsc-no-access = access was denied
error-pcsc-timeout = the reader did not answer in time
error-pcsc-other = see the PC/SC documentation for this code

# The simulated card's files. $path: a file or a built-in name; $reason: why (error-io-… or
# error-read-…); $detail: the file checker's own words (line, column, field).
error-fixture-read-what = Cannot read the fixture { $path }: { $reason }.
error-fixture-malformed-what = The fixture { $path } is malformed: { $detail }
error-fixture-invalid-what = The fixture { $path } is not a possible card: { $detail }
error-fixture-todo = Check the fixture file against fixtures/cards/fresh.toml, or use a built-in name: mynapin sim fixtures.
error-sim-busy-what = The simulated card { $path } is in use by another run of mynapin.
error-sim-busy-todo = Wait for the other run to finish, then try again.
error-state-file-what = Cannot use the simulated card's state file { $path }: { $reason }.
error-state-file-todo = Check the path and its permissions; nothing was sent to the card.
error-state-read-only = it is read-only

# Why a file cannot be read or written.
error-io-not-found = it does not exist
error-io-permission = permission denied
error-io-exists = it already exists
error-io-is-directory = it is a directory
error-io-not-directory = a part of the path is not a directory
error-io-read-only-fs = the file system is read-only
error-io-storage-full = the disk is full
error-io-no-device = no such device
# $code: the system's error number.
error-io-other = system error { $code }
# $max: a number of bytes.
error-read-too-large = it is larger than { $max } bytes
error-read-not-text = it is not UTF-8 text
error-read-directory = it is a directory, not a file

# What mynapin was doing when the card answered unexpectedly (after "to": "… to the PIN check").
# $applet: one of the step-applet-… names.
step-select-applet = selecting { $applet }
step-applet-jpki = the JPKI application
step-applet-kenhojo = the card-info input support application
step-applet-juki = the residence registry application
step-applet-common = the common application
step-applet-kenmen = the card-face application
step-select-file = selecting a file
step-read-token = reading the card's token
step-counter-query = the retry-counter query
step-verify = the PIN check (VERIFY)
step-change-reference-data = the PIN change (CHANGE REFERENCE DATA)
step-change-key = the PIN change (JICSAP CHANGE KEY)
step-read-certificate = reading a certificate

# The meaning of a status word (the card's two-byte answer), shown after its hex.
sw-success = normal processing
sw-bytes-available = more response bytes available
sw-end-of-file = end of file reached before reading Le bytes
sw-verification-failed-no-counter = verification failed, no counter reported
sw-retries-left-none = verification failed, no tries left (blocked)
sw-retries-left = verification failed or counter query: tries left
sw-memory-failure = memory failure
sw-wrong-length = wrong length
sw-logical-channel-not-supported = logical channel not supported
sw-secure-messaging-not-supported = secure messaging not supported
sw-incompatible-file-structure = command incompatible with file structure
sw-security-status-not-satisfied = security status not satisfied
sw-authentication-method-blocked = authentication method blocked
sw-reference-data-not-usable = reference data not usable (blocked)
sw-conditions-not-satisfied = conditions of use not satisfied
sw-command-not-allowed = command not allowed (no current EF)
sw-incorrect-data = incorrect parameters in the data field
sw-function-not-supported = function not supported
sw-file-not-found = file or application not found
sw-incorrect-p1-p2 = incorrect parameters P1-P2
sw-referenced-data-not-found = referenced data not found
sw-wrong-p1-p2 = wrong parameters P1-P2 (offset outside the file)
sw-wrong-le = wrong Le field
sw-ins-not-supported = instruction not supported
sw-cla-not-supported = class not supported
sw-no-precise-diagnosis = no precise diagnosis
sw-other-warning = warning
sw-other-execution-error = execution error
sw-other-checking-error = checking error
sw-other-unknown = unknown status word

# Reading PINs. The first four are sentences (shown as the error); the others complete
# error-input-unreadable-what. $fd: a file descriptor number; $reason: why (error-io-… texts).
prompt-fd-is-output = --pin-fd { $fd } is standard output or error, not an input.
prompt-fd-cannot-open = Cannot open file descriptor { $fd }: { $reason }.
prompt-fd-unsupported = --pin-fd is available on Linux and macOS only; use --pin-stdin.
prompt-stdin-unreadable = Cannot read standard input: { $reason }.
prompt-no-terminal = no terminal ({ $reason })
prompt-read-failed = reading failed ({ $reason })
# The word that confirms a last try, besides YES (which every language accepts).
prompt-yes = yes
