# mynapin のメッセージ（日本語）。英語（en.ftl）と同じメッセージを同じ変数で持つこと。
# 住民の方が読んで迷わない言葉で書く：文は「。」で終え、列挙は「、」でつなぐ。
# 日本語の文中に半角の . , ( : を使わない。回数には助数詞を付ける（「1回」）。

## 共通の語

list-separator = 、
tries-left = 残り{ $n }回

## 暗証番号、カード内の場所、状態（src/cli/text.rs）

pin-name-auth = 利用者証明用電子証明書の暗証番号（数字4桁）
pin-name-sign = 署名用電子証明書のパスワード（英大文字と数字、6〜16文字）
pin-name-kenhojo = 券面事項入力補助用暗証番号（数字4桁）
pin-name-juki = 住民基本台帳用暗証番号（数字4桁）
pin-short-auth = 利用者証明用暗証番号
pin-short-sign = 署名用パスワード
pin-short-kenhojo = 券面事項入力補助用暗証番号
pin-short-juki = 住民基本台帳用暗証番号
ref-auth = 利用者証明用
ref-sign = 署名用
ref-kenhojo = 券面事項入力補助用
ref-juki-ap = 住民基本台帳用（1か所目）
ref-juki-common = 住民基本台帳用（2か所目）
ref-derived = 照合番号
ref-tech-jpki = 公的個人認証AP、EF { $ef }
ref-tech-kenhojo = 券面事項入力補助AP、EF { $ef }
ref-tech-juki-ap = 住基AP、EF { $ef }
ref-tech-juki-common = 共通AP、EF { $ef }
ref-tech-derived = 照合番号、EF { $ef }
state-ok = 正常
state-low = 注意：残り1回
state-blocked = ロック中
state-absent = このカードにはありません
state-unknown = 不明
counter-not-reported = カードが残り回数を返しませんでした（0回という意味ではありません。SW { $sw }）。
counter-implausible = カードがこの暗証番号の上限を超える残り回数を返しました。この回数は信頼できません（SW { $sw }）。
counter-error = 想定外の応答 SW { $sw }：{ $meaning }
format-four-digits = 数字4桁（0〜9）
format-sign-password = 英大文字（A〜Z）と数字（0〜9）で6〜16文字、英字と数字をそれぞれ1文字以上
format-digits = 数字{ $n }桁
card-no-jpki = このカードには公的個人認証の機能がありません。マイナンバーカードではありません。
card-old-juki = これは住民基本台帳カード（住基カード）です。マイナンバーカードではありません。
card-smartphone = これはスマートフォンの公的個人認証（{ $token }）です。マイナンバーカードではありません。
card-unknown-token = 不明なJPKIトークン「{ $token }」です。マイナンバーカードではありません。

## change（src/cli/change.rs：verify と change）

# 文中の「暗証番号」。署名用はパスワードと呼ぶ。
change-secret-pin = 暗証番号
change-secret-password = パスワード
change-hint-four-digits = 数字4桁
change-hint-sign = 英大文字と数字で6〜16文字
# 入力の促し。$what：何を入力するか、$tries：空または change-tries-tag。
change-prompt = { $what }{ $tries }（入力は表示されません）：
# $left：「残り3回」（tries-left）。
change-tries-tag = ［{ $left }］
change-ask-current = 現在の{ $pin }
change-ask-current-shared = 現在の暗証番号（{ $pins }で共通）
change-ask-new = 新しい{ $pin }（{ $hint }）
change-ask-new-shared = { $pins }の新しい暗証番号（数字4桁）
change-ask-again-sign = 新しいパスワード（確認のためもう一度）
change-ask-again = 新しい暗証番号（確認のためもう一度）
change-last-try = { $pin }は残り1回です。間違った{ $secret }を入力するとロックされます。続ける場合は「はい」または YES と入力してください：
change-last-try-unknown = カードが{ $pin }の残り回数を返さないため、これが最後の1回かもしれません。続ける場合は「はい」または YES と入力してください：
change-fullwidth = 全角文字を半角に変換しました。
change-uppercased = 小文字を大文字に変換しました（カードには大文字で登録されます）。
change-waiting = 入力から{ $secret }を待っています。
change-current-accepted = 現在の{ $secret }が正しいことを確認しました。
change-changing = { $place }を変更しています。
change-mismatch = 新しい{ $secret }の1回目と2回目が一致しません。何も変更していません。もう一度入力してください（{ $of }回中{ $attempt }回目）。
change-juki-disagree = 注意：住民基本台帳用暗証番号はカード内の2か所に登録されていますが、残り回数が異なります（{ $places }）。少ない方を残り回数と考えてください。mynapin で変更すると両方が変更されます。
change-juki-place-count = { $n }か所目：{ $count }
change-place-juki = { $pin }（{ $n }か所目）
change-place-juki-tech = { $pin }（{ $n }か所目、{ $tech }）
change-place-tech = { $pin }（{ $tech }）
change-ref-line = { $place }：{ $outcome }。［残り回数 { $count }］
change-ref-line-checked = { $place }：{ $outcome }。{ $checked }。［残り回数 { $count }］
change-outcome-changed = 変更しました（新しい{ $secret }になっています）
change-outcome-not-sent = 変更していません（元の{ $secret }のままです。変更の指示はカードに送っていません）
change-outcome-refused = 変更されていません（カードが { $sw }（{ $meaning }）で拒否しました。元の{ $secret }のままです）
change-outcome-unknown-answer = 変更されたかどうか分かりません（カードの応答 { $sw }（{ $meaning }）からは判断できません。元の{ $secret }か新しい{ $secret }のどちらかです）
change-outcome-no-answer = 変更されたかどうか分かりません（変更への応答が途絶えました。元の{ $secret }か新しい{ $secret }のどちらかです）
change-checked-wrong = 現在の{ $secret }が違いました（残り回数が1回減りました）
change-checked-unknown = 確認への応答が得られなかったため、残り回数が1回減った可能性があります
change-done-sign = パスワードの変更が完了しました。
change-done = 暗証番号の変更が完了しました。
change-not-done-sign = パスワードは変更されていません。
change-not-done = 暗証番号は変更されていません。
change-partial = 暗証番号の変更は完了していません。一部だけが変更されました（下の各行をご覧ください）。
change-unknown-sign = パスワードが変更されたかどうか分かりません。下の行をご覧ください。
change-unknown = 暗証番号が変更されたかどうか、一部分かりません。下の各行をご覧ください。
change-juki-note = 住民基本台帳用暗証番号はカード内の2か所（{ $first }、{ $second }）に登録されています。mynapin はそれぞれを JICSAP の鍵変更コマンド（80 32）で変更します。このコマンドについての公開情報は1件だけです。
change-todo-finish = 変更を完了させるには { $command } を実行し、現在の{ $secret }として元の{ $secret }を、新しい{ $secret }として新しい{ $secret }を入力してください。
change-todo-find-out = どちらになっているか確かめるには { $command } を実行し、新しい{ $secret }を入力してください（違っていれば残り回数が1回減り、元の{ $secret }のままだと分かります）。
change-which = 変更する暗証番号の種類を次から指定してください（暗証番号そのものではありません）：
change-which-todo = たとえば mynapin change auth と指定します。数字4桁の暗証番号は mynapin change auth kenhojo juki のようにまとめて変更することもできます。
change-sign-alone = 署名用パスワードは、数字4桁の暗証番号と一緒には変更できません。
change-sign-alone-todo = 署名用パスワードは mynapin change sign で単独で変更してください。
change-only-ref-juki = --only-ref は住民基本台帳用暗証番号（juki）にだけ使えます。
change-only-ref-juki-todo = mynapin change juki --only-ref juki-common のように指定してください。
change-no-input-todo = --pin-stdin を付けて標準入力から渡すか、端末から実行してください。カードには何も送っていません。
verify-correct = 入力された{ $pin }は正しいです。残り回数：{ $tries }。
# リーダーが自分の画面に表示する言語（Windows の LANGID、16進）：0411 日本語。
pad-reader-language = 0411
pad-sign-refused = 署名用パスワードは、数字だけのキーパッドでは入力できません（--pinpad always）。
pad-sign-refused-todo = パソコンで入力してください。--pinpad always を付けずに（または --pinpad never を付けて）実行してください。
pad-plan-verify = このリーダーには暗証番号を入力するキーパッドがあります。暗証番号はパソコンではなくリーダーのキーパッドで入力してください（入力は{ $entries }回）。キーパッドで間違えた場合も、パソコンで入力したときと同じく残り回数が1回減ります。
pad-plan-change = このリーダーには暗証番号を入力するキーパッドがあります。暗証番号はパソコンではなくリーダーのキーパッドで入力してください。入力は全部で{ $entries }回で、入力のたびにお知らせします（カード内で暗証番号を登録している場所ごとに、現在の暗証番号、新しい暗証番号を2回）。現在の暗証番号をキーパッドで間違えた場合も、パソコンで入力したときと同じく残り回数が1回減ります。
pad-step-one = ［{ $total }回中{ $no }回目］
pad-step-two = ［{ $total }回中{ $no }〜{ $next }回目］
pad-type-verify = { $step }リーダーのキーパッドで{ $pin }を入力し、OKを押してください。{ $tries }
pad-type-verify-juki = { $step }リーダーのキーパッドで{ $pin }（カード内の{ $n }か所目）を入力し、OKを押してください。{ $tries }
pad-type-current = { $step }リーダーのキーパッドで現在の{ $pin }を入力し、OKを押してください。{ $tries }
pad-type-current-juki = { $step }リーダーのキーパッドで現在の{ $pin }（カード内の{ $n }か所目）を入力し、OKを押してください。{ $tries }
pad-type-new = { $step }リーダーのキーパッドで新しい{ $pin }（数字4桁）を入力してOKを押し、確認のためもう一度入力してOKを押してください。
pad-type-new-juki = { $step }リーダーのキーパッドで新しい{ $pin }（カード内の{ $n }か所目、数字4桁）を入力してOKを押し、確認のためもう一度入力してOKを押してください。
