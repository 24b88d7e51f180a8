# mynapin's messages in English: the reference catalogue. Every other language declares
# the same messages with the same variables ({ $name }); the tests check it.
#
# Ids are grouped by where they are shown: common-, status-, change-, guide-, error-,
# doctor-, readers-, help- (command-line help), clap- (command-line errors), sim-, profile-.

## Shared vocabulary

# Joins the items of a list: "a, b, c".
list-separator = {", "}

## PINs, key references, states (src/cli/text.rs)

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
state-ok = ok
state-low = LOW: 1 try left
state-blocked = BLOCKED
state-absent = not on this card
state-unknown = unknown
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
# Where a PIN is kept, in the report of a change. $pin: the PIN's short name; $n: which of
# the residence registry PIN's two places (1 or 2); $tech: the technical name ("Juki AP,
# EF 001C"), shown with --verbose only. Other PINs are kept in one place: just their name.
change-place-juki = { $pin } — place { $n } of 2
change-outcome-changed = CHANGED (holds the new { $secret })
change-outcome-not-sent = not changed (holds the old { $secret }; no change command was sent)
# $sw: the card's answer in hex ("6A 80"); $meaning: what that answer means.
change-outcome-refused = not changed (the card refused it with { $sw }: { $meaning }; holds the old { $secret })
change-outcome-unknown-answer = UNKNOWN (the card answered { $sw }: { $meaning }, which does not rule out that it changed it: it holds the old or the new { $secret })
change-outcome-no-answer = UNKNOWN (the card's answer to the change was lost: it holds the old or the new { $secret })
change-checked-wrong = its current { $secret } was WRONG: one try used
change-checked-unknown = a try may have been used (the card's answer to the check was lost)
change-sign-alone = The signature password cannot share a new value with the 4-digit PINs.

## error, sw, step, prompt (src/cli/error.rs, src/cli/secret_input.rs, text::sw_meaning)

# What was sent before a stop. "counters": the remaining-tries counters, read without using a try.
error-sent-counters-only = Nothing was sent to the card beyond reading the counters; no try was used.
# $pins: the names of the PINs checked, joined as a list; $count: how many.
error-sent-verified = { $count ->
    [one] The current { $pins } was checked on the card and is correct (its counter is back at its maximum); nothing was changed.
   *[other] The current { $pins } were checked on the card and are correct (their counters are back at their maximum); nothing was changed.
}

# Entry at the prompt or on standard input.
error-cancelled-what = Cancelled at the prompt.
# $expected lines were needed on the input, $got were given.
error-input-ended-what = The input ended: expected { $expected } { $expected ->
    [one] line
   *[other] lines
}, got { $got }.
error-input-eof-what = The input ended (Ctrl-D) before the PIN was entered.
# $max: a number of bytes.
error-input-too-long-what = An entry is longer than { $max } bytes: that is not a PIN.
error-input-timeout-what = No PIN was entered in time.
# $why: why the input cannot be read (a prompt-… or error-io-… text).
error-input-unreadable-what = Cannot read the PIN: { $why }.

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
# $got: the number of digits given (a PIN of digits only).
error-pin-digits-length = { $which } has { $got ->
    [one] 1 digit
   *[other] { $got } digits
}.
error-pin-letter-and-digit = { $which } needs at least one letter and one digit.
error-mismatch-once = The two entries of the new PIN differ.
# $attempts: how many times the two entries differed.
error-mismatch-many = The two entries of the new PIN differed { $attempts } times.
error-same-as-current-what = The new { $pin } is the same as the current one.
# $id: a key reference's id as given to --only-ref (e.g. juki-common).
error-no-such-reference-what = { $id } is not one of these PINs' references.
error-declined-what = Not confirmed: the last try was not used.

# A PIN with, for the residence registry PIN, which of its two places on the card ($n: 1 or 2).
error-ref-phrase = { $pin } (place { $n } of 2)
error-pinpad-timeout-what = Nothing was typed on the reader's keypad in time (the { $name }).
error-pinpad-cancelled-what = The entry of the { $name } was cancelled on the reader.
error-pinpad-entries-differ-what = The two entries of the new { $name } typed on the reader differ: it was not changed.
error-pinpad-wrong-length-what = The { $name } typed on the reader does not have 4 digits.
error-pinpad-wrong-length-new-what = The new { $name } typed on the reader does not have 4 digits.
error-pinpad-rejected-what = The reader rejected the PIN-entry parameters (6B 80).
error-no-pinpad-what = --pinpad always: this reader has no PIN pad that can take the 4-digit PINs.
error-pad-not-for-pin-what = The { $pin } cannot be typed on a numeric PIN pad.

# Card errors. $name: the PIN (error-ref-phrase); $sw: a status word in hex (63 C2);
# $meaning: its meaning (sw-…); $step: what mynapin was doing (step-…).
# $kind: a card-… message saying what the card is.
error-not-my-number-card-what = { $kind }.
error-unexpected-answer-what = The card answered { $sw } ({ $meaning }) to { $step }.
error-blocked-what = The { $name } is blocked: no tries left. It must be reset.
error-blocked-on-verify-what = The card refused the check of the { $name } as blocked ({ $sw }), although its counter had said tries were left. Whether that check used a try is not known.
error-verify-unknown-answer-what = The card answered the check of the { $name } with { $sw } ({ $meaning }), which says neither right nor wrong. A try MAY have been used.
error-verify-unknown-lost-what = The answer to the check of the { $name } was lost (the card stopped answering or left the reader). A try MAY have been used.
# $max: the most tries this PIN can have.
error-count-implausible-what = The card reported { $sw } for the { $name }: more tries than this PIN can have ({ $max }), so its count cannot be trusted.
# $routes: where a blocked PIN can be reset (a phrase from the guide).
error-last-try-what = The { $name } has ONE try left. A wrong entry now blocks it, and then { $routes }.
error-count-unknown-what = The card did not report how many tries the { $name } has left, so mynapin cannot rule out that this would be the last one.
error-absent-what = This card has no { $name }.
error-out-of-sequence-what = Internal error: a change of the { $name } was not preceded by its VERIFY; nothing was sent.
error-wrong-pin-blocked-what = Wrong { $name }. It is now BLOCKED (no tries left).
# $n: tries left (1 or more).
error-wrong-pin-left-what = Wrong { $name }. One try was used: { $n ->
    [one] 1 try
   *[other] { $n } tries
} left.
# $n is 1: the next try is the last one.
error-wrong-pin-last-what = Wrong { $name }. One try was used: only the last try is left.
error-wrong-pin-unknown-what = Wrong { $name }. The card did not say how many tries are left.

# Reader and PC/SC errors.
error-no-service-what = The PC/SC service (pcscd) is not running.
error-no-service-windows-what = The Smart Card service (SCardSvr) is not running.
error-service-stopped-what = The PC/SC service (pcscd) stopped while mynapin was waiting for the card; nothing was sent to the card.
error-no-reader-what = No smart-card reader is connected.
# $selector: what was given to --reader.
error-reader-not-found-what = No reader matches "{ $selector }".
error-ambiguous-reader-what = Several readers could be meant.
# $reader: the reader's name.
error-no-card-what = No card in the reader ({ $reader }).
error-card-removed-what = The card was removed or lost contact during the operation.
error-card-removed-not-sent-what = The card was taken out of the reader before mynapin sent its next command: that command did not reach the card.
error-card-in-use-what = The card is in use by another program.
error-card-reset-what = Another program reset the card during the operation.
error-bad-response-what = The card's answer was cut off or malformed (it may have left the reader).
# $secs: a number of seconds.
error-timeout-what = The card did not answer within { $secs } s; mynapin gave up.
error-connect-timeout-what = mynapin could not connect to the card within { $secs } s: another program probably holds it.
error-no-card-in-time-what = No card was placed on the reader within { $secs } s.
error-interrupted-sigterm-what = Stopped by SIGTERM before the next command to the card.
error-interrupted-ctrl-c-what = Stopped by Ctrl-C before the next command to the card.
error-interrupted-sighup-what = Stopped because the terminal was closed (SIGHUP), before the next command to the card.
error-interrupted-sigquit-what = Stopped by Ctrl-\ (SIGQUIT) before the next command to the card.
error-interrupted-sigpipe-what = Stopped because the output was closed (SIGPIPE), before the next command to the card.
# $cause: one of the stop-cause-* phrases; $secs: how long the answer was waited for after it.
error-abandoned-what = { $cause }, and the card had not answered the command in progress { $secs } s later: mynapin stopped waiting, as asked. That command may or may not have been carried out.
stop-cause-ctrl-c = Ctrl-C was pressed
stop-cause-sigterm = SIGTERM was received
stop-cause-sighup = The terminal was closed (SIGHUP)
stop-cause-sigquit = Ctrl-\ was pressed (SIGQUIT)
stop-cause-sigpipe = The output was closed (SIGPIPE)
error-internal-encode-what = Internal error: a command for the card could not be built; nothing was sent.
error-reader-unsupported-what = The reader does not support this request (PIN-pad entry).
# $reason: what PC/SC reported (error-pcsc-…); $code: its code in hex (0x80100017).
error-pcsc-what = PC/SC error { $code }: { $reason }.
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

## guide (src/cli/guide.rs, src/cli/guide_text.rs, src/cli/profile_cmd.rs, src/procedure/national.rs, src/procedure/documents.rs)

# "… and then {phrase}." in the wrong-PIN and last-try messages; $partner: a pin-short-*.
guide-reset-kiosk-or-counter = only a convenience-store kiosk (if you know your { $partner }) or the city office counter can reset it
guide-reset-counter-only = only the city office counter can reset it

# The routes, short (in lists and in the one-line summary).
route-home = change at home
route-kiosk = kiosk
route-counter = the office of the municipality where the holder is registered

## fixture reasons (src/sim/fixture.rs, worded by src/cli/error.rs fixture_reason: the rule a simulated card's fixture value or a `sim serve --fault` spec breaks; shown as $detail of error-fixture-invalid-what, or as clap's reason for --fault / --fault-sw)

# What to do next, in plain words for any front end (no command or option in them: the command
# line words the same steps with its commands, change-todo-…). $place: where the PIN is kept
# (change-place-juki, or the PIN's short name); $secret: change-secret-pin or -password;
# $max: the place's maximum tries; $pin: a PIN's short name.
next-step-finish = { $place } still holds the OLD { $secret }: change it again, with the OLD { $secret } as the current one and the NEW { $secret } as the new one.
next-step-find-out = { $place } holds either the OLD or the NEW { $secret }, and nothing shows which. Reading its tries left costs nothing; checking it with one of them costs one of its { $max } tries if it holds the other.
next-step-read-status = Read the card's tries left before anything else: that costs nothing.
next-step-see-guide = The { $pin } is blocked: see what to do to reset it.
# What was sent before a stop, when it was more than the counter queries and correct checks.
sent-more = Commands that use a try or change a PIN were sent: what each place on the card holds, and what it cost, is said for each place.
