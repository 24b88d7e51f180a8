# What only mynapin-app's window says. The names of the PINs, their states, the outcomes and
# the errors are in mynapin-words' catalogue and are not copied here.

app-title = My Number card PINs
app-nav-status = Card status
app-nav-change = Change a PIN
app-nav-guide = Reset guide
app-nav-settings = Settings

## The card
app-card-looking = Looking for the card reader…
app-place-card = Place your card on the reader
app-place-card-detail = Once the card is placed, the tries left of its four PINs are read. Reading them uses no PIN and costs no try.
app-card-reading = Reading the card. Please do not move it.
app-reader-name = Reader: { $name }
app-card-failed = The card could not be read
app-card-failed-todo = Take the card off the reader and place it again. No PIN was sent, so no try was used.
app-pick-reader = There are several card readers. Choose the one to use.
app-any-reader = Whichever reader holds the card
app-read-again = Read again
app-reader-problem = The card reader cannot be used
app-fix-service = Unplug the reader and plug it in again. On Windows, plugging in a reader starts the "Smart Card" service. If that does not help, restart the computer.
app-fix-no-reader = Plug the reader's USB cable in again. On Windows, Sony's RC-S300 works with the built-in driver; the older RC-S380 needs Sony's "NFC Port Software".
app-fix-in-use = Close the other programs that use the card (the JPKI client software, a browser logged in with the card), then press "Read again".
app-fix-other = Plug the reader in again and place the card again. No PIN was sent, so no try was used.

## Status
app-next-heading = What to do next
app-next-fine = No PIN is blocked. To change a PIN, go to "Change a PIN".
app-next-blocked = Blocked: { $pins }. A computer cannot unblock it. See "Reset guide" for whether a convenience-store kiosk can reset it or you need to visit your city office.
app-next-last-try = One try left: { $pins }. One more mistake blocks it. Use it only if you are sure of it; if not, do not use it and see "Reset guide".
app-next-unknown = The card did not say how many tries are left for: { $pins }. Use it only if you are sure of it.
app-next-cert-expired = The user-authentication certificate has expired. Changing a PIN will not make it work again. Get a new certificate at your city office (a convenience-store kiosk cannot do this).
app-use-auth = A 4-digit PIN for logging in to Mynaportal, getting certificates at convenience stores, and checking in at hospitals.
app-use-sign = A password (capital letters and digits, 6–16 characters) for signing documents in online applications such as e-Tax.
app-use-kenhojo = A 4-digit PIN that lets an application read the name, address and other data written on the card.
app-use-juki = A 4-digit PIN for residence-registry procedures such as a change of address.
app-tries-left = { $n } of { $max } tries left
app-tries-unknown = Tries left: unknown (the card did not say)
app-tries-absent = Not on this card
app-juki-place = { $place }: { $tries }
app-juki-mismatch = Note: the residence registry PIN's two places on the card have different counts. The lower one is what you really have. A change changes both.
app-no-sign-cert = This card has no signature certificate (usual for a card of someone under 15).
app-date = { $y }-{ $m }-{ $d }
app-cert-valid = Certificate valid until { $date }
app-cert-soon = Certificate valid until { $date } ({ $days } days left). Renew it at your city office before then.
app-cert-expired = The certificate expired on { $date }.
app-cert-absent = This card has no user-authentication certificate.
app-cert-unreadable = The certificate's expiry date could not be read.
app-to-guide = See how to reset the blocked PIN

## Change
app-change-title = Change a PIN
app-change-needs-card = Place your card on the reader to change a PIN
app-change-choose = Choose the PINs to change. Several 4-digit PINs can be changed to the same new PIN at once.
app-choose-pin = { $pin } ({ $state })
app-change-sign-alone = The signature password has another format: it is changed on its own.
app-change-juki-both = The residence registry PIN is changed in both of its places on the card.
app-guide-for = How to reset the { $pin }
app-next = Next
app-stop = Stop
app-last-try = The { $pin } has one try left. A mistake blocks it, and a computer cannot unblock it.
app-count-unknown = The card did not say how many tries the { $pin } has left. It may be the last one.
app-last-try-detail = Go on only if you are sure of the current PIN. If you are not, press "Stop" and see the reset guide.
app-last-try-go = I am sure: go on
app-enter-current = Enter the current { $pin }
app-enter-new = Enter the new PIN
app-enter-confirm = Enter the new PIN again, to confirm it
app-key-back = Delete one
app-key-clear = Clear
app-key-entered = Digits entered
app-mismatch = The two entries differ. Nothing was sent to the card. Enter the new PIN again.
app-normalized-fullwidth = Full-width characters are used as half-width ones.
app-normalized-upper = Lower-case letters are used as capitals (the card stores capitals).
app-weak-same = Note: every character of the new PIN is the same, which is easy to guess. To choose another, press "Stop".
app-weak-run = Note: the new PIN is a run of characters, which is easy to guess. To choose another, press "Stop".
app-review = These places on the card will be changed. Nothing has been sent yet.
app-pad-review = This reader has a keypad: the PINs are typed on the reader's keypad, not on the computer.
app-change-go = Change
app-change-running = Changing. Please do not move the card.
app-progress-accepted = The current PIN is correct.
app-progress-changing = Changing the { $place }…
app-pad-type = Type { $what } on the reader's keypad ({ $no }/{ $total })
app-pad-current = the current { $pin }
app-pad-new = the new PIN
app-change-done = Changed
app-change-stopped = The change did not go all the way
app-change-not-started = The card could not be reached

## Guide
app-guide-title = Reset guide
app-guide-which = Which PIN?
app-guide-state = Its state
app-guide-blocked = Blocked
app-guide-forgotten = Forgotten
app-guide-city = City (its counter and what to bring)
app-guide-no-city = None (the nationwide guide)
app-guide-print = Open the printable page
app-guide-printed = The printable page is open in your browser. Print it from the browser.
app-guide-print-failed = The printable page could not be opened ({ $reason }). Try "Save to a file".
app-guide-save = Save to a file
app-guide-saved = Saved: { $path }
app-guide-save-failed = It could not be saved ({ $reason }).

## Settings
app-settings-title = Settings
app-settings-language = Language
app-settings-text-size = Text size
app-settings-contrast = High contrast (white on black)
app-settings-offline = This app never connects to the internet. It talks to the card only through this computer's card reader.
app-licence-title = Font licence
app-diagnostics-title = Information for a help desk
app-diagnostics-what = Give this to a help desk. It contains no PIN.
app-diagnostics-copy = Copy
