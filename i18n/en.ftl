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

## guide (src/cli/guide.rs, src/cli/guide_text.rs, src/cli/profile_cmd.rs, src/procedure/national.rs, src/procedure/documents.rs)

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
doc-health-insurance-card = health or long-term care insurance card
doc-employee-id = employee ID
doc-student-id = student ID
doc-registry-certificate = certificate of registered matters (guardianship)
doc-family-register = family register copy
doc-inquiry-answer-sheet = inquiry/answer sheet mailed by the city
doc-power-of-attorney = power of attorney
doc-sealed-pin = the PIN in a sealed envelope

# The routes, short (in lists and in the one-line summary).
route-home = change at home
route-kiosk = kiosk
route-counter = city office counter
# The routes, as the headings of the guide; $purpose is one of guide-purpose-*.
route-heading-home = Change it yourself (at home, with a card reader)
route-heading-kiosk = Convenience-store kiosk (multi-copy machine)
route-heading-counter = City office counter ({ $purpose })
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
guide-why-partner-unknown = the kiosk needs your { $pin } (if you know it, add --know { $id })
guide-why-partner-blocked = the kiosk needs your { $pin }, which is blocked too
guide-why-partner-absent = the card has no signature certificate, so no signature password to enter (as for holders under 15, adult wards and face-authentication cards, or when it was declined)
guide-why-holder-only = the kiosk reset is done by the holder, with the holder's smartphone and face check
guide-why-needs-legal-representative = for a holder under 15 or an adult ward, a legal representative must apply (use --applicant legal)
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
# $app: the app's name; $hours: hours from the reservation; $opens, $closes: HH:MM; $fee:
# kiosk-fee.
guide-first-kiosk = First step (kiosk): reserve the reset in the smartphone app "{ $app }", then within { $hours } hours reset it at a convenience-store multi-copy machine ({ $opens }-{ $closes }, { $fee }).
# The same when the kiosk needs the other PIN ($partner, a pin-short-*), not known to be known.
guide-first-kiosk-if-partner = First step (kiosk): if you know your { $partner }, reserve the reset in the smartphone app "{ $app }", then within { $hours } hours reset it at a convenience-store multi-copy machine ({ $opens }-{ $closes }, { $fee }). Otherwise: the city office counter.
# $purpose: one of guide-purpose-*.
guide-first-counter = First step: visit the city office ({ $purpose }) with the card and identity documents.
# $why: one guide-why-*; $first: guide-first-counter.
guide-kiosk-cannot = The kiosk cannot help: { $why }. { $first }
# The short guide's last line; $pin: the PIN's id.
guide-full-checklist = Full checklist: mynapin guide { $pin }
# "… and then {phrase}." in the wrong-PIN and last-try messages; $partner: a pin-short-*.
guide-reset-kiosk-or-counter = only a convenience-store kiosk (if you know your { $partner }) or the city office counter can reset it
guide-reset-counter-only = only the city office counter can reset it
# A PIN with one try left; $routes: guide-reset-*; $pin: the PIN's id.
guide-low-line = One try left: a wrong entry blocks it, and then { $routes }. If you are not sure of the PIN, do not try; see `mynapin guide { $pin } --state forgotten`.

# The page.
guide-title = My Number card PINs: what to do
# $title: guide-title; $city: the city's name.
guide-title-city = { $title } — { $city }
# $city: the city's name; $source: the page it comes from (title, issuer, date, address).
guide-city = City: { $city } (source: { $source })
guide-city-none = City: none chosen. The counter checklist below is the national baseline (what counters generally ask for), not a city's rule; for a city's own rules use --city takatsuki|toyokawa or --profile FILE.
# $who: one of guide-applicant-*.
guide-applicant = Applicant: { $who }
guide-applicant-self = the holder
guide-applicant-legal = a legal representative
guide-applicant-agent = a voluntary agent
# $what: why the card could not be read.
guide-card-unreadable = The card could not be read: { $what }
guide-every-pin = No PIN was named, so the routes for every PIN are shown, for a PIN that is forgotten or blocked. For your case: mynapin guide PIN --state forgotten|blocked|known
guide-read-from-card = (PIN states and certificate expiry read from the card)
guide-none-blocked = No PIN on this card is blocked. For a PIN you have forgotten: mynapin guide PIN --state forgotten
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
guide-step-home-juki = mynapin changes this PIN in both places where the card keeps it. Mynaportal cannot change this PIN; the JPKI client software can.
# With --verbose only.
guide-step-home-juki-verbose = The card command for it (CHANGE KEY) is known from a single public source.
# $app: the app's name.
guide-step-kiosk-reserve = Reserve in the smartphone app "{ $app }" (it photographs the card face, reads the chip and checks your face).
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
guide-step-counter-switch-to-normal-card = At the counter the face-authentication card is switched back to a normal card and you set the PINs. Until then the card works as an identity document and a health insurance card (face check), but not for services that need a PIN.

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
guide-documents-not-stated = Documents: not stated in this profile — ask the city.
guide-no-rule-for-applicant = This page states no rule for this applicant: ask the city.
guide-bring-national = Bring (national baseline — not the city's own rule; ask the city)
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
# Between requirement names in JSON's one-line "rule".
guide-rule-separator = {"; "}
# A citation: $date the page's date.
guide-updated = updated { $date }
guide-address-not-recorded = address not recorded
# The tick box of a document in the HTML page (for screen readers).
guide-box-presented = presented
guide-box-to-bring = to bring
# $doc: what --have named.
guide-unknown-document = Unknown document "{ $doc }".
guide-unknown-document-todo = See the ids with: mynapin guide --list-documents
guide-profile-fix = Fix the profile; profiles/takatsuki.toml shows the schema.

# mynapin profile check.
profile-fix = Fix the entry named above; docs/city-profile.md describes every field and profiles/TEMPLATE.toml.example is a starting point.
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
# A citation and its section: $source the page (title, issuer, date, address), $section the
# heading of the section.
guide-source-section = { $source } ({ $section })
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
