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

## output (src/cli/output.rs)

# The error report on stderr, after "mynapin: "; $what is the error's message (a sentence).
output-error = error: { $what }
# JSON output could not be written (an internal error); $error is the reason, from the
# JSON library (in English).
output-json-failed = internal error: cannot write JSON: { $error }
