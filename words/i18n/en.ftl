# mynapin's messages in English: the reference catalogue. Every other language declares
# the same messages with the same variables ({ $name }); the tests check it.
#
# Ids are grouped by where they are shown: common-, status-, change-, guide-, error-,
# doctor-, readers-, help- (command-line help), clap- (command-line errors), sim-, profile-.

## Shared vocabulary

# Joins the items of a list: "a, b, c".
list-separator = {", "}

# How a date is written. YYYY is the year; MM and DD the month and the day with two digits,
# M and D without a leading zero. Every other character is written as it is.
date-pattern = YYYY-MM-DD

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

## guide (words/src/guide/ for every front end, src/cli/guide.rs and guide_text.rs for the command line; core/src/procedure/national.rs, core/src/procedure/documents.rs)

# "… and then {phrase}." in the wrong-PIN and last-try messages; $partner: a pin-short-*.
guide-reset-kiosk-or-counter = only a convenience-store kiosk (if you know your { $partner }) or the city office counter can reset it
guide-reset-counter-only = only the city office counter can reset it

# The routes, short (in lists and in the one-line summary).
route-home = change at home
route-kiosk = kiosk
route-counter = the office of the municipality where the holder is registered

# The national rules, by rule id (src/procedure/national.rs): rule-<id, with . and _ as ->.
rule-home-change = A PIN that is known and not blocked can be changed at home with a card reader (the JPKI client software changes all four).
rule-change-needs-current-pin = Changing needs the current PIN; a forgotten or blocked PIN must be reset instead.
rule-kiosk-jpki-pins-only = Kiosks reset only the two certificate PINs; the residence registry and card-info input support PINs are reset at the city office.
rule-kiosk-partner-pin = To reset one certificate PIN at a kiosk you enter the other one (it must be known and not blocked); with both forgotten, only the counter can help.
rule-kiosk-valid-certificates = The kiosk reset needs both certificates valid, the signature certificate not revoked, and the four basic attributes unchanged since issuance.
rule-kiosk-holder-with-smartphone = The kiosk reset is reserved by the holder in the smartphone app, which checks the holder's face against the card.
rule-kiosk-only-for-resets = The kiosk resets a forgotten or blocked PIN; a known PIN is simply changed.
rule-counter-any-pin = The city office counter can reset or change any of the four PINs.
rule-counter-legal-representative = For a holder under 15 or an adult ward, the legal representative applies at the counter.
rule-cert-no-signature-certificate = Cards of holders under 15, of adult wards and face-authentication cards carry no signature certificate (so no signature password); others may decline it.
rule-cert-expired-renew-at-counter = An expired certificate is issued anew at the counter, where its PIN is set; a kiosk cannot help.
rule-cert-signature-revoked-by-move-or-name = A move or a change of name revokes the signature certificate; a new one is issued at the counter, with a new password.
rule-card-face-authentication = A face-authentication card (顔認証マイナンバーカード, since 2023-12) has no PINs and no signature certificate: services that need a PIN cannot be used; it can be switched back to a normal card at the counter, where the PINs are set.
rule-counter-city-rules = Who may apply at the counter, and what to bring, are each city's rules: the city's page is the authority.
rule-counter-baseline-checklist = What counters generally ask for: the holder's card, identity documents, and for a representative the proof of representation and their own identity documents.

# The convenience-store kiosk service (J-LIS).
kiosk-fee = free
# The chains whose kiosks reset the signature password.
kiosk-sign-stores = Seven-Eleven, Lawson, FamilyMart, Ministop, AEON Retail and others
# The chains whose kiosks reset the user-authentication PIN too.
kiosk-auth-stores = only some chains (Seven-Eleven, AEON Retail and a few others)
kiosk-check = Check the JPKI portal (公的個人認証サービス ポータルサイト) for the current list of stores.

# The documents a counter may ask for, by document id (src/procedure/documents.rs):
# doc-<id, with _ as ->.
doc-mynumber-card = the holder's My Number card
doc-own-mynumber-card = a My Number card other than the one being processed (the representative's own)
doc-drivers-license = driver's license
doc-driving-history-certificate = driving history certificate
doc-passport = passport
doc-physical-disability-certificate = physical disability certificate
doc-mental-disability-certificate = mental disability health and welfare certificate
doc-ryoiku-techo = rehabilitation (ryoiku) certificate
doc-residence-card = residence card
doc-special-permanent-resident-certificate = special permanent resident certificate
doc-temporary-refuge-permit = temporary refuge permit
doc-provisional-stay-permit = provisional stay permit
doc-qualification-certificate = health insurance eligibility certificate
doc-pension-book = pension book
doc-pension-certificate = pension certificate
doc-welfare-recipient-certificate = public assistance recipient certificate
doc-child-support-allowance-certificate = child support allowance certificate
doc-medical-recipient-certificate = medical care recipient certificate
doc-medical-certificate = medical care card
doc-official-license = a license issued by a public office (marine officer, electrician, real-estate broker…)
doc-photo-staff-or-student-id = staff or student ID with photo
doc-health-insurance-card = health insurance card (expired on 2025-12-01; replaced by the 資格確認書 or the マイナ保険証)
doc-employee-id = employee ID
doc-student-id = student ID
doc-registry-certificate = certificate of registered matters (guardianship)
doc-family-register = family register copy
doc-inquiry-answer-sheet = inquiry/answer sheet mailed by the city
doc-power-of-attorney = power of attorney
doc-sealed-pin = the PIN in a sealed envelope
doc-long-term-care-insurance-card = long-term care insurance card
# The routes, as the headings of the guide; $purpose is one of guide-purpose-*.
route-heading-home = Change it yourself (at home, with a card reader)
route-heading-kiosk = Convenience-store kiosk (multi-copy machine)
route-heading-counter = The office of the municipality where the holder is registered ({ $purpose })
# What the counter does.
guide-purpose-change = change
guide-purpose-reset = reset
guide-purpose-renew-certificates = new certificates
guide-purpose-issue-signature-certificate = new signature certificate
guide-purpose-switch-to-normal-card = switch to a normal card

# Why a route is closed. $pin is a PIN's short name (pin-short-*), $id its id (auth, sign).
guide-why-needs-current-pin = changing needs the current PIN
guide-why-blocked = a blocked PIN cannot be changed, only reset
guide-why-certificate-expired = the certificate has expired: a new one is issued at the counter, and its PIN is set there
guide-why-certificate-revoked = the signature certificate is revoked (e.g. after a move or a change of name): a new one is issued at the counter
guide-why-kiosk-not-for-this-pin = kiosks reset only the two certificate PINs (user authentication, signature)
guide-why-not-needed = not needed: you know the PIN
guide-why-partner-unknown = the kiosk asks for your { $pin }: it works when you know it and it is not blocked
guide-why-partner-blocked = the kiosk needs your { $pin }, which is blocked too
guide-why-partner-absent = the card has no signature certificate, so no signature password to enter (as for holders under 15, adult wards and face-authentication cards, or when it was declined)
guide-why-holder-only = the kiosk reset is done by the holder, with the holder's smartphone and face check
guide-why-needs-legal-representative = for a holder under 15 or an adult ward, a legal representative must apply
guide-why-applicant-not-allowed = this city does not accept this applicant
guide-why-face-auth-card = a face-authentication card (顔認証マイナンバーカード) has no PINs: services that need a PIN cannot be used until it is switched back to a normal card at the counter
guide-why-signature-certificate-not-issued = no signature certificate is issued to a holder under 15 or to an adult ward
# Between two reasons (each guide-why-*).
guide-why-separator = {"; "}

# The summary at the head of each PIN. $route: one route-*; $routes: several, joined by
# guide-routes-or.
guide-routes-none = Routes: none open as things stand (see the reasons below).
guide-routes-one = Route: { $route } only.
guide-routes-many = Routes: { $routes }.
guide-routes-or = {" or "}
# The first step. $pin: the PIN's id (auth, sign, kenhojo, juki).
guide-first-home = First step: change it yourself with the card on a reader: mynapin change { $pin }
guide-first-home-plain = First step: change it yourself with a card reader and a computer.
# $app: the app's name; $hours: hours from the reservation; $opens, $closes: HH:MM; $fee:
# kiosk-fee.
guide-first-kiosk = First step (kiosk): reserve the reset in the smartphone app "{ $app }", then within { $hours } hours reset it at a convenience-store multi-copy machine ({ $opens }-{ $closes }, { $fee }).
# The same when the kiosk needs the other PIN ($partner, a pin-short-*), not known to be known.
guide-first-kiosk-if-partner = First step (kiosk): if you know your { $partner }, reserve the reset in the smartphone app "{ $app }", then within { $hours } hours reset it at a convenience-store multi-copy machine ({ $opens }-{ $closes }, { $fee }). Otherwise: the office of the municipality where the holder is registered.
# $purpose: one of guide-purpose-*.
guide-first-counter = First step: go to the office of the municipality where the holder is registered ({ $purpose }) with the card and identity documents.
guide-first-counter-agent = First step: the agent applies at the office of the municipality where the holder is registered (first visit). The municipality then mails an inquiry (照会書兼回答書) to the holder. The agent brings it back, filled in by the holder, at a second visit. { $n } visits in all.
guide-first-counter-contact = First step: before going, contact the municipality, which mails the forms an agent needs (the inquiry and others; this takes several days). The agent then brings them to the office of the municipality where the holder is registered.
# $why: one guide-why-*; $first: guide-first-counter.
guide-kiosk-cannot = The kiosk cannot help: { $why }. { $first }

# The page.
guide-title = My Number card PINs: what to do
# $title: guide-title; $city: the city's name.
guide-title-city = { $title } — { $city }
# $city: the city's name; $source: the page it comes from (title, issuer, date, address).
guide-city = City: { $city } (source: { $source })
guide-city-none = City: none chosen. The checklist below is a general guide drawn from several cities' pages, not a rule of the state or of any city.
guide-where = The procedure is done at the office of the municipality where the holder is registered as a resident.
guide-where-find = To find that municipality's page, search for its name with "マイナンバーカード 暗証番号 再設定"; if you cannot find it, call the municipality's main number.
guide-where-city = This guide is for people registered as residents of { $city }.
# $who: one of guide-applicant-*.
guide-applicant = Applicant: { $who }
guide-applicant-self = the holder
guide-applicant-legal = a legal representative
guide-applicant-agent = a voluntary agent
# $what: why the card could not be read.
guide-card-unreadable = The card could not be read: { $what }
guide-every-pin = No PIN was named, so the gist for each of the four PINs is shown, for a PIN that is forgotten or blocked.
guide-every-pin-more = Full steps and checklist: mynapin guide { $pin } --state forgotten
guide-every-pin-verbose = With the rules and sources: mynapin -v guide
guide-read-from-card = (PIN states and certificate expiry read from the card)
guide-none-blocked = No PIN on this card is blocked. For a PIN you have forgotten, ask for its guide (for example: mynapin guide auth --state forgotten).
guide-none-blocked-plain = No PIN on this card is blocked.
# A PIN's heading: $pin, a pin-short-*; $state, one of guide-state-*.
guide-pin-heading = { $pin } — { $state }
guide-state-blocked = BLOCKED
guide-state-forgotten = forgotten
guide-state-known = known
# A route's heading: $n its number, $mark guide-available or guide-not-available, $route a
# route-heading-*.
guide-route-heading = { $n }. [{ $mark }] { $route }
guide-available = available
guide-not-available = not available
guide-conditional = conditional
guide-kiosk-condition = Works when you know your { $partner } and it is not blocked. Otherwise, go to the office.
guide-juki-two-places = The residence-registry PIN is stored in two places on the card; a change or a reset changes both together.
# $n: how many visits to the counter.
guide-visits = Visits: { $n }
guide-notes = Notes
guide-why-heading = Why: the rules and their sources
# A rule: $says what it says (rule-*), $refs the numbers of its sources ([1][2]); with
# --verbose also $id, the rule's stable id (kiosk.partner_pin).
guide-rule-line = { $says } { $refs }
guide-rule-line-verbose = { $says } ({ $id }) { $refs }

# The steps of each route. $pin: the PIN's id.
guide-step-home = Run `mynapin change { $pin }` with the card on the reader (current PIN, then the new one twice).
guide-step-home-plain = With a card reader and a computer, enter the current PIN once and the new one twice.
guide-step-home-juki = mynapin changes this PIN in both places where the card keeps it. Mynaportal cannot change this PIN; the JPKI client software can.
# With --verbose only.
guide-step-home-juki-verbose = The card command for it (CHANGE KEY) is known from a single public source.
# $app: the app's name.
guide-step-kiosk-reserve = On a smartphone that can read the My Number card, reserve in the app "{ $app }" (it photographs the card face, reads the chip and checks your face).
guide-step-kiosk-go = Within { $hours } hours, go to a convenience-store multi-copy machine ({ $opens }-{ $closes }, { $fee }).
# $partner: the PIN entered at the kiosk; $pin: the PIN reset (both pin-short-*).
guide-step-kiosk-enter = Enter your { $partner } there, then set the new { $pin }.
# $rule: rule-kiosk-valid-certificates.
guide-step-kiosk-conditions = Conditions: { $rule }
# $pin: a pin-short-*; $stores: kiosk-sign-stores or kiosk-auth-stores; $check: kiosk-check.
guide-step-kiosk-stores = Stores that reset the { $pin }: { $stores }. { $check }
guide-step-contact-first = Contact the city before coming (required).
guide-step-counter-change = At the counter you enter the current PIN and set a new one.
guide-step-counter-reset = At the counter the PIN is reset and you set a new one.
guide-step-counter-renew-certificates = At the counter the certificates are issued anew (renewal) and their PINs are set again; a kiosk cannot do this.
guide-step-counter-issue-signature-certificate = At the counter a new signature certificate is issued and you set its password (6-16 upper-case letters and digits).
guide-step-counter-switch-to-normal-card = At the counter the face-authentication card is switched back to a normal card and you set the PINs. Until then the card works as an identity document and as a health insurance card (マイナ保険証, face check), but not for services that need a PIN.

# The city's counter. $name: an office's name; $value: guide-agents-yes/-no or guide-not-stated.
guide-office = Office: { $name }
guide-agents = agents: { $value }
guide-agents-yes = yes
guide-agents-no = no
guide-not-stated = not stated
# $text: the city's words.
guide-hours = Hours: { $text }
guide-holidays = Holidays: { $text }
guide-reservation = Reservation: { $text }
# $name: whose line; $number: the phone number; $hours: when it answers.
guide-phone = Phone: { $name } { $number } ({ $hours })
# $fee: the city's words, or guide-fee-not-stated.
guide-fee = Fee: { $fee }
guide-fee-not-stated = not stated for this procedure

# The checklist of documents.
guide-documents-not-stated = Documents: not stated on the city's page — ask the city.
guide-no-rule-for-applicant = This page states no rule for this applicant: ask the city.
guide-bring-national = Bring (a general guide, not the city's own rule; ask the city)
# $city: the city's name.
guide-bring-city = Bring ({ $city })
guide-documents-national-instead = Documents: not stated by the city's page — ask the city. What counters generally ask for:
# After a requirement that the case does not need.
guide-not-needed-same-household = { " — " }not needed (same household confirmed)
# A category of identity documents: $name its name, $docs its documents (joined as a list).
guide-category = { $name }: { $docs }
# $n documents of category $name.
guide-count = { $name } ×{ $n }
# Joins the parts of one alternative, and the alternatives.
guide-count-and = {" + "}
guide-count-or = {" or "}
guide-documents-satisfied = Documents presented: all there (SATISFIED).
guide-documents-missing = Documents presented: NOT satisfied. Missing:
# $need: what is needed (guide-count-*), $have: what was presented.
guide-need-have = need { $need }; have { $have }
# What was presented, when nothing counted.
guide-have-none = none
# $source: the citation of the checklist.
guide-checklist-source = Checklist source: { $source }
# A citation: $date the page's date.
guide-updated = updated { $date }
guide-address-not-recorded = address not recorded (search the city's site for the page title)
# The tick box of a document in the HTML page (for screen readers).
guide-box-presented = presented
guide-box-to-bring = to bring
guide-record-heading = For the office
guide-record-date = Date
guide-record-applicant = Applicant
guide-record-clerk = Clerk
guide-record-presented = Documents presented
have-holder-word = holder
have-representative-word = representative
# A citation and its section: $source the page (title, issuer, date, address), $section the
# heading of the section.
guide-source-section = { $source }, section "{ $section }"
guide-source-checked = checked { $date }

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
