# The command line's own messages in English (the mynapin binary: clap's help, prompts,
# progress and the texts only the command line says). The words every front end says
# are in words/i18n/en.ftl; both files make one catalogue per language at run time.
# scripts/partition-catalogue.py moves each message to the file of the crate that shows it.

## Shared vocabulary

tries-left = { $n ->
    [one] { $n } try left
   *[other] { $n } tries left
}

## PINs, key references, states (src/cli/text.rs)

pin-name-auth = User-authentication PIN (JPKI, 4 digits)
pin-name-sign = Signature password (JPKI, 6-16 capital letters and digits)
pin-name-kenhojo = Card-info input support PIN (4 digits)
pin-name-juki = Residence registry PIN (4 digits)
# The technical names, shown with --verbose; $ef is the key reference's EF (e.g. 001C).
ref-tech-jpki = JPKI AP, EF { $ef }
ref-tech-kenhojo = Kenhojo AP, EF { $ef }
ref-tech-juki-ap = Juki AP, EF { $ef }
ref-tech-juki-common = common DF, EF { $ef }
ref-tech-derived = verification code, EF { $ef }
counter-not-reported = the card did not report the count; this is not zero (SW { $sw })
counter-implausible = the card reported more tries than this PIN can have: the count is not trusted (SW { $sw })
counter-error = unexpected answer SW { $sw }: { $meaning }
counter-not-reported-plain = the card did not report the count; this is not zero
counter-implausible-plain = the card reported more tries than this PIN can have: the count is not trusted
counter-error-plain = the card gave an unexpected answer (mynapin -v status shows it)

## change (src/cli/change.rs: verify and change)

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
change-mismatch = the two entries of the new { $secret } differ. Nothing was sent to the card, so none of its tries was used. Type the new { $secret } twice again (typing attempt { $attempt } of { $of }).
# At a terminal, an entry that is not a valid PIN is asked again. $what: error-pin-… message;
# $rule: format-… message; $attempt of $of: the entry about to be typed.
change-invalid-again = { $what } Nothing was sent to the card, so none of its tries was used. Rule: { $rule }. Type it again (typing attempt { $attempt } of { $of }).
# A new PIN that is easy to guess: a warning, never a refusal; $kind: change-easy-same or
# change-easy-run (the PIN itself is never shown).
change-easy-to-guess = warning: the new { $secret } is easy to guess ({ $kind }). The city offices and J-LIS advise against such a { $secret }. Nothing has been changed yet: to choose another, press Ctrl-C now and run the command again; to keep it, type it again.
# The same when the PINs come from --pin-stdin or --pin-fd (the change goes on).
change-easy-to-guess-stream = warning: the new { $secret } is easy to guess ({ $kind }). The city offices and J-LIS advise against such a { $secret }. It is used as given; you can change it again later with mynapin change.
change-easy-same = every digit the same
change-easy-run = consecutive digits, going up or down
# The residence registry PIN is kept in two places on the card whose counts differ.
# $places: change-juki-place-count for each, joined as a list.
change-juki-disagree = warning: the residence registry PIN is kept in two places on the card, and they report different counts ({ $places }). The lower one counts. A change with mynapin sets both.
# $n: 1 or 2; $count: tries left of the maximum ("2/3", "?/3").
change-juki-place-count = place { $n } of 2: { $count }
change-place-juki-tech = { $pin } — place { $n } of 2 ({ $tech })
change-place-tech = { $pin } ({ $tech })
# One line per place in the report of a change. $place: the name above; $outcome: a
# change-outcome- message; $checked: a change-checked- message; $count: tries left of the
# maximum ("2/3", "?/3").
change-ref-line = { $place }: { $outcome }  [tries { $count }]
change-ref-line-checked = { $place }: { $outcome } — { $checked }  [tries { $count }]
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
change-todo-find-out = { $place }: it holds either the OLD or the NEW { $secret }, and nothing shows which. Reading its tries left costs nothing: `mynapin status`. Checking it with { $command } costs one of its { $max } tries if you type the one it does not hold.
# `mynapin change` without a PIN; a list of the PINs' ids and names follows.
change-which = Say which PIN to change (its name, never its value):
change-which-todo = For example: mynapin change auth — or several 4-digit PINs at once: mynapin change auth kenhojo juki
verify-which = Say which PIN to check (its name, never its value):
verify-which-todo = For example: mynapin verify auth — the PIN itself is typed at the prompt.
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

## error, sw, step, prompt (src/cli/error.rs, src/cli/secret_input.rs, text::sw_meaning)

error-sent-nothing-no-try = Nothing was sent to the card; no try was used.
error-sent-nothing = Nothing was sent to the card.
error-run-again = Run the command again.
error-report-to-developers = Please report this to the developers.
error-input-ended-todo = Give one PIN per line, in the order the command's --help gives.
error-input-todo = Run it in a terminal, or give the PINs on standard input with --pin-stdin (see --help).
# $rule: the format the PIN must have (format-… messages).
error-pin-rule = Rule: { $rule }.
error-input-cut-off-what = The input ended in the middle of its last line (no line end after it), and that entry does not match the new { $secret }: the input may have been cut off.
error-input-cut-off-todo = Check that the input holds every line, each ending with a line break, then run the command again.
error-same-as-current-todo = Choose a different new { $pin }.

# The reader's keypad. $name: the PIN (error-ref-phrase).
error-pinpad-not-sent = The reader sent nothing to the card for this entry: no try was used by it.
error-pinpad-again = Run the command again when ready; the instructions say what to type on the keypad.
error-pinpad-rejected-todo = Type the PIN at the computer with --pinpad never, and report the reader's model to the developers (`mynapin doctor` shows it).
error-no-pinpad-todo = Use a reader with a PIN pad, or leave out --pinpad always to type the PIN at the computer. `mynapin readers` shows which readers have one.
error-not-my-number-card-todo = Put a My Number card (マイナンバーカード) on the reader.
error-unexpected-answer-todo = mynapin stopped and sent nothing more. Run `mynapin status` to see the counters; with --trace the exchange can be reported to the developers.
error-blocked-on-verify-todo = Run `mynapin status` to see the counters before anything else.
error-verify-unknown-todo = mynapin sent nothing more and will not retry. Put the card back, keep it still, and run `mynapin status` to see the counter before trying again.
# $pin: the PIN's short name.
error-sure-use-last-try = If you are sure of the { $pin }, run the command again with --use-last-try.
# $id: the PIN's id for the command line (auth, sign, kenhojo, juki).
error-last-try-todo = If you are sure of the { $pin }, run the command again with --use-last-try. If not, do not guess: see `mynapin guide { $id } --state forgotten`.
error-absent-sign-todo = Cards of children under 15 usually carry no signature certificate. A signature certificate is issued at the city office.
error-absent-todo = Run `mynapin status --trace` and report the exchange to the developers.
error-wrong-pin-left-todo = When no tries are left the PIN is blocked, and then { $routes }. mynapin does not retry by itself; check the PIN before trying again.
# After the second wrong entry: the next wrong one blocks the PIN. $routes: reset-routes phrase; $id: the PIN's id.
error-wrong-pin-last-todo = Warning: one more wrong entry blocks the PIN, and then { $routes }. Do not guess. If you do not remember it, see what to do: `mynapin guide { $id } --state forgotten`.
error-wrong-pin-unknown-todo = Run `mynapin status` before trying again.
error-no-service-todo = Then run `mynapin doctor`. Without a reader, try `mynapin --sim status`.
error-service-stopped-todo = When it runs again, run the command again.
error-no-reader-todo = Connect a reader (for example a Sony RC-S300) and try again; `mynapin doctor` checks the setup. Without a reader, try `mynapin --sim status`.
error-reader-not-found-todo = Give --reader an index or part of a name from this list:
error-ambiguous-reader-todo = Choose one with --reader N (N from `mynapin readers`):
error-no-card-todo = Put the My Number card on the reader (contactless readers: keep it still, flat on the reader) and try again.
error-card-removed-todo = Put it back, keep it still, and run `mynapin status` to see the counters.
error-card-in-use-todo = Close other programs that use the card (the JPKI client software, browsers signing in with the card, other card tools) and try again.
error-card-reset-todo = Close other programs that use the card and run `mynapin status`.
error-bad-response-todo = Keep the card still on the reader and run `mynapin status`.
error-timeout-todo = Take the card off the reader, put it back, and run `mynapin status`. If it happens again, run `mynapin doctor`.
error-connect-timeout-todo = Nothing was sent to the card. Close other programs that use the card (the JPKI client software, browsers signing in with the card, other card tools) and try again.
error-no-card-in-time-todo = Nothing was sent. Run the command again and place the card when it asks (contactless readers: flat on the reader, and keep it still).
error-interrupted-todo = The command in progress was let finish; nothing more was sent.
error-abandoned-todo = Nothing more was sent. The report says what is known of each PIN; run `mynapin status` to read the counters (reading them uses no try).
error-reader-unsupported-todo = Nothing was sent to the card. Use --pinpad never to type the PIN at the computer, and run `mynapin doctor` to see what the reader offers.
error-pcsc-todo = Run `mynapin doctor` to check the reader setup.

# The simulated card's files. $path: a file or a built-in name; $reason: why (error-io-… or
# error-read-…); $detail: the file checker's own words (line, column, field).
error-fixture-read-what = Cannot read the fixture { $path }: { $reason }.
error-fixture-malformed-what = The fixture { $path } is malformed: { $detail }
error-fixture-invalid-what = The fixture { $path } is not a possible card: { $detail }
error-fixture-todo = Check the fixture file against sim/fixtures/cards/fresh.toml, or use a built-in name: mynapin sim fixtures.
error-sim-busy-what = The simulated card { $path } is in use by another run of mynapin.
error-sim-busy-todo = Wait for the other run to finish, then try again.
error-state-file-what = Cannot use the simulated card's state file { $path }: { $reason }.
error-state-file-todo = Check the path and its permissions; nothing was sent to the card.
error-state-read-only = it is read-only
error-state-lock = its lock file { $lock } cannot be used ({ $reason })
error-state-not-saved-what = The simulated card's new state could not be saved to { $path } ({ $reason }): { $holds }
error-state-not-saved-holds-old = the file still holds the card as it was before this command, so the next run will not see what the card did in this one (for example, a try used).
error-state-not-saved-holds-none = the file was not created, so the next run starts again from the card it started from this time, without what the card did in this one.
error-state-not-saved-todo = What the card answered in this run is reported above. Free some space or make the folder writable before the next run.

# Why a file cannot be read or written.
error-io-not-found = it does not exist
error-io-permission = permission denied
error-io-exists = it already exists
error-io-is-directory = it is a directory
error-io-not-directory = a part of the path is not a directory
error-io-read-only-fs = the file system is read-only
error-io-storage-full = the disk is full
error-io-no-device = no such device
error-io-refused = nothing accepts connections there
error-io-address = not an address that can be used
error-io-timed-out = no answer in time
# $code: the system's error number.
error-io-other = system error { $code }
# $max: a number of bytes.
error-read-too-large = it is larger than { $max } bytes
error-read-not-text = it is not UTF-8 text
error-read-directory = it is a directory, not a file

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

## guide (words/src/guide/ for every front end, src/cli/guide.rs and guide_text.rs for the command line; core/src/procedure/national.rs, core/src/procedure/documents.rs)

# The short guide's last line; $pin: the PIN's id.
guide-full-checklist = Full checklist: mynapin guide { $pin }
# A PIN with one try left; $routes: guide-reset-*; $pin: the PIN's id.
guide-low-line = One try left: a wrong entry blocks it, and then { $routes }. If you are not sure of the PIN, do not try; see `mynapin guide { $pin } --state forgotten`.
# Between requirement names in JSON's one-line "rule".
guide-rule-separator = {"; "}
# $doc: what --have named.
guide-unknown-document = Unknown document "{ $doc }".
guide-unknown-document-todo = Name a document by its number, its name or its id; see the list with: mynapin guide --list-documents
guide-profile-fix = Fix the profile; core/profiles/takatsuki.toml shows the schema.

# mynapin profile check.
profile-fix = Fix the entry named above; docs/city-profile.md describes every field and core/profiles/TEMPLATE.toml.example is a starting point.
# The profile file could not be read at all. $names: the built-in profiles' names, as a list.
profile-fix-read = Check the file's name and that it can be read. A built-in profile is given by its name alone: { $names }.
# $file: the file; $id: the profile's id; $name: the city's name; $n: how many cited entries.
profile-valid = { $file }: valid profile "{ $id }" ({ $name }), { $n } cited entries.
# $title, $issuer, $date, $address: the page's.
profile-page = Page: 「{ $title }」, { $issuer }, { $date }, { $address }
profile-date-not-stated = date not stated
# $langs: the language tags the profile's texts cover (joined as a list).
profile-languages = Languages: { $langs }. A text a language lacks is shown in English, else in Japanese.
profile-covers = Covers:
profile-not-stated = Not stated (the guide says "not stated — ask the city" for these):
# Lines of the coverage lists. $path: a field's path in the profile.
profile-tri-yes = { $path } = yes
profile-tri-no = { $path } = no
# $n: how many entries.
profile-count = { $path }: { $n }
# $fee: the city's words on the fee.
profile-fee = fee: { $fee }
# $name: the office's name.
profile-office-agents = { $path } ({ $name })
# $other: reset or change.
profile-same-as = { $path }: the same rules as { $other }
profile-procedure-not-stated = { $path } (the page does not state this procedure; the guide offers the national baseline, marked as national)
# $allowed: profile-tri-word-*; $n: how many requirements.
profile-applicant = { $path }: allowed = { $allowed }, { $n ->
    [one] { $n } requirement
   *[other] { $n } requirements
}
# $n: how many visits.
profile-visits = { $path }.visits = { $n }
# $field: at_branches or advance_contact; $value: profile-tri-word-*.
profile-field = { $path }.{ $field } = { $value }
profile-tri-word-yes = yes
profile-tri-word-no = no
# A language a profile covers only in part: $tag its tag, $n how many texts have it, $total
# how many texts the profile has.
profile-language-partial = { $tag } ({ $n } of { $total } texts)
# A profile that cannot be used. $origin: the file; $line: the line; $what: one of
# profile-error-read, -parse, -entry.
profile-error = { $origin }: { $what }
profile-error-at-line = { $origin }, line { $line }: { $what }
# $message: the file system's own words.
profile-error-read = { $message }
# $message: the TOML reader's own words (in English).
profile-error-parse = { $message }
# $field: the entry's path; $value: the offending value; $problem: one of profile-problem-*.
profile-error-entry = { $field }: "{ $value }": { $problem }
profile-problem-fee-word = a table of texts by language with a source, or "not_stated"
profile-problem-source-not-cited = cite the profile's page (page.file) or a national reference id
profile-problem-address-not-http = an http(s) address
profile-problem-unknown-document = unknown document id (see mynapin guide --list-documents)
profile-problem-document-twice = a document may be in one category only
profile-problem-both-same-as = change and reset cannot both be `same_as` the other
profile-problem-same-as-not-other = must name the other procedure
profile-problem-needs-stated-or-same-as = needs `stated` or `same_as`
profile-problem-not-stated-needs-text = say what the page says instead
profile-problem-stated-needs-applicants = a stated procedure needs its applicants
profile-problem-one-kind = exactly one of all_of, any_of, count
profile-problem-count-needs-owner = a counting rule needs `owner`
profile-problem-unknown-category = unknown category

## fixture reasons (src/sim/fixture.rs, worded by src/cli/error.rs fixture_reason: the rule a simulated card's fixture value or a `sim serve --fault` spec breaks; shown as $detail of error-fixture-invalid-what, or as clap's reason for --fault / --fault-sw)

# Where the reason applies. $field: a field's path as the file writes it (refs.auth.query_sw, faults.rules[2], sw, match); $reason: one of fixture-reason-*.
fixture-reason-at = { $field }: { $reason }
fixture-reason-no-description = description = {"{"}{"}"} has no text: give it in at least one language (en = "…")
# $max: the longest token, in characters.
fixture-reason-token = token must be at most { $max } ASCII characters
# $field: refs.ID.tries_left; $tries: the value given; $max: the reference's maximum.
fixture-reason-tries-above-max = { $field } = { $tries } is above the maximum { $max }
# $field: refs.ID.value.
fixture-reason-ref-value = { $field } must be non-empty ASCII
# $field: a list's path (refs.ID.query_sequence); $max: the most entries.
fixture-reason-too-many-entries = { $field }: at most { $max } entries
fixture-reason-sign-expired = sign_certificate cannot be "expired" (only the user-authentication certificate has an expired test certificate)
fixture-reason-my-number-digits = person.my_number must be 12 digits
# $field: person.birth or person.card_expiry.
fixture-reason-date-format = { $field } must be a date of 8 digits, YYYYMMDD (e.g. 19900101)
fixture-reason-municipality-digits = person.municipality_code must be 5 digits
fixture-reason-serial-length = person.card_serial must be 15 digits
fixture-reason-sex = person.sex must be one ISO 5218 code (0, 1, 2 or 9)
# $field: person.name, person.address or answer; $max: the most bytes.
fixture-reason-too-long = { $field }: at most { $max } bytes
# $name: the atr value given; $presets: the preset names, joined as a list.
fixture-reason-atr-name = atr: "{ $name }" is not one of { $presets } nor hex bytes
fixture-reason-atr-bytes = atr: 2 to 33 bytes starting 3B or 3F
fixture-reason-nth-from-one = nth counts from 1
fixture-reason-sw-and-answer = give sw or answer, not both
fixture-reason-no-action = needs an action: sw, answer or hold_ms
# $max: the longest hold, in milliseconds.
fixture-reason-hold-too-long = hold_ms: at most { $max } milliseconds
# $text: the value given; $n: the first character that is not a hex digit, counted from 1.
fixture-reason-hex-char = "{ $text }": character { $n } is not a hex digit
# $text: the value given, whose hex digits are odd in number.
fixture-reason-hex-odd = "{ $text }" is not whole bytes of hex (an odd number of digits)
# $text: the value given.
fixture-reason-bad-sw = "{ $text }" is not a two-byte status word (e.g. 6C 00)
# $part: the part of the --fault spec, between commas, that has no "=".
fixture-reason-expected-key-value = "{ $part }": expected KEY=VALUE (e.g. match=00200098,sw=6C00)
# $key: nth or hold_ms; $value: the value given.
fixture-reason-not-a-number = { $key }: "{ $value }" is not a number
# $value: the value given.
fixture-reason-bad-when = when: "{ $value }" is not instead or after
# $key: the key given; $keys: the keys a rule has, joined as a list.
fixture-reason-unknown-key = unknown key "{ $key }" (the keys are { $keys })
fixture-reason-needs-match = needs match=HEX (a prefix of the command APDU)

## status, watch, readers, doctor, sim, serve, completions (src/cli/status.rs, watch.rs, readers.rs, doctor.rs, serve.rs, completions.rs, text.rs)

# The simulated reader's name; $fixture is a fixture's name (an id: "fresh") or file,
# $path the --sim-state file.
sim-reader-name = mynapin simulated card
sim-reader-name-fixture = mynapin simulated card ({ $fixture })
sim-reader-name-state = mynapin simulated card (state { $path })

# `mynapin status`. $name is the reader's name, $token the card's JPKI label.
status-reader = Reader: { $name }
status-card = Card:   My Number card ({ $token })
status-card-plain = Card:   My Number card
# The user-authentication certificate; $date is its last day (written as date-pattern says), $days the days left.
status-cert-valid = Certificate: user authentication, valid until { $date }
status-cert-expires-soon = Certificate: user authentication, valid until { $date } — expires in { $days ->
    [one] { $days } day
   *[other] { $days } days
}
status-cert-expired = Certificate: user authentication, EXPIRED on { $date }
status-cert-absent = Certificate: no user-authentication certificate on this card
status-cert-unreadable = Certificate: the user-authentication certificate could not be read
status-cert-not-read = Certificate: not read (--no-cert)
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
status-juki-two-places = (The residence-registry PIN is stored in two places on the card; a change changes both together.)
# With --verbose: a place on the card and its technical name ($tech, e.g. "Juki AP, EF 0018").
status-ref-tech = { $place } ({ $tech })

# `mynapin watch`.
watch-sim-state = watch does not keep a simulated card's state (--sim-state): it places cards one after another.
watch-sim-state-todo = Give the cards to place with --sim, for example: mynapin --sim=fresh,sign-blocked watch
# --sim=LIST: $n simulated cards will be placed in turn.
watch-sim-list = { $n ->
    [one] simulated card: 1 will be placed, read and taken out
   *[other] simulated cards: { $n } will be placed, read and taken out one after another
}
watch-sim-dir-unreadable = Cannot read the directory { $dir } ({ $reason }).
watch-sim-dir-empty = The directory { $dir } holds no simulated card (no .toml file).
watch-sim-dir-todo = Give built-in names (mynapin sim fixtures) or TOML files separated by commas, or a directory of .toml fixtures.
watch-config-bad = The config file { $path } is not valid TOML (expected a line such as city = "takatsuki").
watch-config-bad-city = The config file { $path } names the city "{ $city }", which mynapin does not know.
watch-config-todo = Correct the file (city = "takatsuki" or "toyokawa"), or give --city or MYNAPIN_CITY.
# The last line of a blocked PIN's short guide with watch --city.
watch-guide-city = Full checklist for { $name }: mynapin guide { $pin } --city { $city }
# After each card.
watch-remove = Please take the card out.
watch-waiting = watching for cards; place one on the reader (Ctrl-C to stop)
watch-service-stopped = the PC/SC service (pcscd) stopped; watch keeps running and waits for it to start again (Ctrl-C to stop)
watch-service-back = the PC/SC service (pcscd) is running again; watching for cards
# Above each card's status; $n counts the cards since the start, $time is when it was read
# (HH:MM:SS, local time).
watch-card = == card { $n } · { $time } ==
# A card that could not be read: $n and $time as above, $reader its reader, $what why.
watch-card-failed = == card { $n } · { $time } == { $reader }: { $what }
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
# Windows: its PC/SC service is the Smart Card service (service name SCardSvr), not pcscd.
doctor-scardsvr-answers = the Smart Card service (SCardSvr) answers
doctor-scardsvr-silent = the Smart Card service (SCardSvr) does not answer
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
serve-two-cards = --sim={ $sim } and --fixture { $fixture } name two different cards: which one to serve is not clear
serve-fix-two-cards = Name the card once: mynapin sim serve --fixture { $fixture } (or mynapin --sim={ $fixture } sim serve).
serve-two-states = --sim-state and --state name two different state files
serve-fix-two-states = Name the state file once (with sim serve: --state).
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
      4  PIN blocked: reset required (also when the wrong PIN just entered blocked it)
      5  refused by a safety guard (last try, unknown count): nothing was sent
      6  no reader, no card, not a My Number card, PC/SC failure
      7  --sim-state: the simulated card answered, but its new state could not be saved
      8  status --check: the card did not report a PIN's count
      9  status --check: the user-authentication certificate has expired
      129-143  stopped by a signal, 128 + its number: 129 SIGHUP (terminal closed),
               130 Ctrl-C (or Ctrl-D at a prompt), 131 SIGQUIT, 141 SIGPIPE (output closed), 143 SIGTERM
               (the report says what was done)

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
help-status-arg-check = For scripts, exit with the most urgent of: 4 a PIN is blocked, 5 a PIN has one try left, 8 the card did not report a count, 9 the user-authentication certificate has expired (else 0)
help-status-arg-no-cert = Do not read the user-authentication certificate's expiry date (one card command fewer: 10 in all)
help-status-after-help =
    With --check the exit code says it for scripts, the most urgent first: 4 if any PIN is blocked, 5 if any has one try left, 8 if the card did not report a PIN's count, 9 if the user-authentication certificate has expired, 0 otherwise (a PIN the card does not have, such as the signature password of an under-15 card, counts as none of these). The text and JSON are the same with and without --check.
help-watch-about = For window staff: wait for a card, print its status, ask for it to be taken out, wait for it to leave, repeat until Ctrl-C (--json: one mynapin.status.v1 object per line)
help-watch-arg-clear = Clear the screen before each new card, so that the previous holder's result does not stay on it
help-watch-arg-city = Word the short guide of every blocked PIN with this city's rules (default: MYNAPIN_CITY, then city = "NAME" in ~/.config/mynapin/config.toml)
help-watch-after-help =
    What it prints for each card: a heading with its number and the time it was read ("== card 3 · 14:05:12 =="), the reader, the card, the certificate's expiry, one line per PIN (tries left, state), for a blocked PIN what to do and where, then "Please take the card out." A card that cannot be read is one line; watch goes on. Messages about the wait itself go to stderr.

    Try it without a reader: the simulated cards are placed, read and taken out one after another:
      mynapin --sim=fresh,sign-blocked,all-blocked watch --city takatsuki
      mynapin --sim=DIR watch   (every .toml fixture in DIR, by name)
help-readers-about = List readers, whether a card is in each, and whether it is a My Number card
help-verify-about = Check that you still remember a PIN (one VERIFY, after reading the counter)
help-verify-arg-pin = Which PIN: its name, never its value
help-verify-after-help =
    With --pin-stdin: one line, the PIN.
    Nothing is sent when the PIN is blocked (exit 4), has one try left without --use-last-try (exit 5), or is not well-formed (exit 2). A wrong PIN uses one try (exit 3; exit 4 when it was the last one and the PIN is now blocked); mynapin never retries by itself.

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
help-guide-arg-profile = Another city's profile (the TOML schema of core/profiles/*.toml)
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
# The same on Windows (a help text ID-windows replaces ID there).
help-doctor-about-windows = Check the smart-card setup: the Smart Card service (SCardSvr), readers, the card; exit 0 only when a My Number card is readable
help-profile-about = City profiles: `profile check FILE` validates one and shows what it covers
help-profile-check-about = Validate a city profile (TOML) and show what it covers and what it leaves not stated; FILE may also be a built-in profile (takatsuki, toyokawa, national)
help-profile-check-arg-file = The profile: a TOML file or a built-in name
help-sim-about = The simulated card: list the built-in ones, or serve one to pcscd through vpcd
help-sim-fixtures-about = List the built-in simulated cards (usable as --sim=NAME)
help-sim-serve-about = Serve a simulated card to pcscd through vsmartcard's vpcd, so that any PC/SC application sees it in a reader
help-sim-serve-after-help =
    Start pcscd with a vpcd reader first (scripts/pcscd-vpcd.sh prints the port it chose), then pass that port:
      eval "$(bash scripts/pcscd-vpcd.sh /tmp/pc)"
      mynapin sim serve --vpcd 127.0.0.1:$VPCD_PORT0 --fixture sign-blocked &
      mynapin --wait=30 status
    Any PC/SC application now sees a My Number card in the reader "mynapin vpcd 00 00". With --sim=NAME that card is served (a different --fixture is an error). Stop it with SIGTERM or Ctrl-C (its state is saved with --state).
help-sim-serve-arg-vpcd = vpcd's address (default 127.0.0.1:35963). The reader's name is the FRIENDLYNAME of pcscd's vpcd entry: with scripts/pcscd-vpcd.sh port 35963 is "mynapin vpcd 00 00" and 35964 "mynapin vpcd 00 01" (with the configuration Debian's vsmartcard-vpcd package installs, "Virtual PCD 00 00" and "Virtual PCD 00 01"). When pcscd-vpcd.sh chose another port, pass the VPCD_PORT0 it printed.
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
clap-invalid-value-reason = invalid value '{ $value }' for '{ $arg }': { $reason }
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
# A build without the "sim" feature (cargo build --no-default-features): --sim, --sim-state,
# `sim fixtures` and `sim serve` were asked for.
cli-no-sim = This build of mynapin has no simulated card: it was built without the "sim" feature, so --sim, --sim-state, sim fixtures and sim serve are not available.
cli-no-sim-todo = Use a card in a reader, or a build of mynapin with the simulated card (the default build).
# The simulated reader's name; $fixture: the --sim value, $path: the --sim-state file.

## output (src/cli/output.rs)

# The error report on stderr, after "mynapin: "; $what is the error's message (a sentence).
output-error = error: { $what }
# JSON output could not be written (an internal error); $error is the reason, from the
# JSON library (in English).
output-json-failed = internal error: cannot write JSON: { $error }

## sim events (src/cli/serve.rs: what the served card does, on stderr)

# $addr is vpcd's HOST:PORT; $why a worded connection error.
serve-event-waiting = waiting for vpcd at { $addr } ({ $why }); is pcscd running with the vpcd driver?
serve-event-inserted = card inserted at { $addr }
serve-event-fault-removed = fault injected: card removed after { $after } APDUs
serve-event-reconnecting = vpcd closed the connection; reconnecting
serve-event-muted = fault injected: no answer to APDU { $apdu }
serve-event-malformed = (malformed command)
serve-event-empty-answer = fault: empty answer to APDU { $apdu }; the card is removed and inserted again
# A fault rule holds an answer; $header is the command's first four bytes in hex.
sim-hold = holding APDU { $apdu } ({ $header }) for { $ms } ms

## TOML errors (src/cli/text.rs: a fixture's or a profile's TOML that does not fit its schema)

# The position in the file; the error follows.
toml-position = line { $line }, column { $column }: { "" }
toml-unknown-field = unknown field `{ $field }`
toml-missing-field = missing field `{ $field }`
toml-duplicate-key = `{ $field }` is given twice
toml-unknown-variant = unknown value `{ $value }`
toml-invalid-value = a value of the wrong kind
toml-other = not valid TOML
