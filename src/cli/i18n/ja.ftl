# コマンドライン（mynapin）だけが使うメッセージ（clap のヘルプ、入力の案内、進み具合など）。
# どの画面でも使う言葉は words/i18n/ja.ftl にあり、実行時には両方で一つのカタログになる。
# メッセージをどちらのファイルに置くかは scripts/partition-catalogue.py が決める。

## 共通の語

tries-left = 残り{ $n }回

## 暗証番号、カード内の場所、状態（src/cli/text.rs）

pin-name-auth = 利用者証明用電子証明書の暗証番号（数字4桁）
pin-name-sign = 署名用電子証明書のパスワード（英大文字と数字、6〜16文字）
pin-name-kenhojo = 券面事項入力補助用暗証番号（数字4桁）
pin-name-juki = 住民基本台帳用暗証番号（数字4桁）
ref-tech-jpki = 公的個人認証AP、EF { $ef }
ref-tech-kenhojo = 券面事項入力補助AP、EF { $ef }
ref-tech-juki-ap = 住基AP、EF { $ef }
ref-tech-juki-common = 共通AP、EF { $ef }
ref-tech-derived = 照合番号、EF { $ef }
counter-not-reported = カードが残り回数を返しませんでした（0回という意味ではありません。応答 { $sw }）。
counter-implausible = カードがこの暗証番号の上限を超える残り回数を返しました。この回数は信頼できません（応答 { $sw }）。
counter-error = 想定外の応答 SW { $sw }：{ $meaning }
counter-not-reported-plain = カードが残り回数を返しませんでした（0回という意味ではありません）。
counter-implausible-plain = カードがこの暗証番号の上限を超える残り回数を返しました。この回数は信頼できません。
counter-error-plain = カードから想定外の応答がありました（詳しい内容は mynapin -v status で表示できます）。

## change（src/cli/change.rs：verify と change）

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
change-mismatch = 新しい{ $secret }の1回目と2回目が一致しません。カードには何も送っていないので、カードの残り回数は減っていません。新しい{ $secret }を、もう一度2回入力してください（入力のやり直しは{ $of }回まで、今回が{ $attempt }回目です）。
change-invalid-again = { $what }カードには何も送っていないので、カードの残り回数は減っていません。正しい形式は{ $rule }です。もう一度入力してください（入力のやり直しは{ $of }回まで、今回が{ $attempt }回目です）。
change-easy-to-guess = 注意：新しい{ $secret }は推測されやすいものです（{ $kind }）。市区町村や J-LIS は、このような{ $secret }を避けるよう勧めています。まだ何も変更していません。別のものにする場合は、いま Ctrl-C を押してから、もう一度実行してください。このままでよければ、確認のためもう一度入力してください。
change-easy-to-guess-stream = 注意：新しい{ $secret }は推測されやすいものです（{ $kind }）。市区町村や J-LIS は、このような{ $secret }を避けるよう勧めています。入力どおりに使います。あとで mynapin change で変更し直すこともできます。
change-easy-same = すべて同じ数字
change-easy-run = 連続した数字（上がり順または下がり順）
change-juki-disagree = 注意：住民基本台帳用暗証番号はカード内の2か所に登録されていますが、残り回数が異なります（{ $places }）。少ない方を残り回数と考えてください。mynapin で変更すると両方が変更されます。
change-juki-place-count = { $n }か所目：{ $count }
change-place-juki-tech = { $pin }（{ $n }か所目、{ $tech }）
change-place-tech = { $pin }（{ $tech }）
change-ref-line = { $place }：{ $outcome }。［残り回数 { $count }］
change-ref-line-checked = { $place }：{ $outcome }。{ $checked }。［残り回数 { $count }］
change-done-sign = パスワードの変更が完了しました。
change-done = 暗証番号の変更が完了しました。
change-not-done-sign = パスワードは変更されていません。
change-not-done = 暗証番号は変更されていません。
change-partial = 暗証番号の変更は完了していません。一部だけが変更されました（下の各行をご覧ください）。
change-unknown-sign = パスワードが変更されたかどうか分かりません。下の行をご覧ください。
change-unknown = 暗証番号が変更されたかどうか分かりません。下の各行をご覧ください。
change-juki-note = 住民基本台帳用暗証番号はカード内の2か所（{ $first }、{ $second }）に登録されています。mynapin はそれぞれを JICSAP の鍵変更コマンド（80 32）で変更します。このコマンドについての公開情報は1件だけです。
change-todo-finish = 変更を完了させるには { $command } を実行し、現在の{ $secret }として元の{ $secret }を、新しい{ $secret }として新しい{ $secret }を入力してください。
change-todo-find-out = { $place }は元の{ $secret }と新しい{ $secret }のどちらかになっていますが、どちらなのかは分かりません。残り回数の確認（`mynapin status`）では回数は減りません。{ $command } で確かめる場合、カードに設定されていない方を入力すると、{ $max }回のうち1回が減ります。
change-which = 変更する暗証番号の種類を次から指定してください（暗証番号そのものではありません）：
change-which-todo = たとえば mynapin change auth と指定します。数字4桁の暗証番号は mynapin change auth kenhojo juki のようにまとめて変更することもできます。
verify-which = 確認する暗証番号の種類を次から指定してください（暗証番号そのものではありません）：
verify-which-todo = たとえば mynapin verify auth と指定します。暗証番号そのものは、入力を求められたときに入力します。
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

## error, sw, step, prompt (src/cli/error.rs, src/cli/secret_input.rs, text::sw_meaning)

error-sent-nothing-no-try = カードには何も送っていません。残り回数は減っていません。
error-sent-nothing = カードには何も送っていません。
error-run-again = もう一度実行してください。
error-report-to-developers = 開発者に報告してください。
error-input-ended-todo = 1行に1つずつ、--help に書かれた順に渡してください。
error-input-todo = 端末から実行するか、--pin-stdin を付けて標準入力から渡してください（--help を参照）。
error-pin-rule = 正しい形式：{ $rule }。
error-input-cut-off-what = 入力が最後の行の途中で終わっています（行末に改行がありません）。その行は新しい{ $secret }と一致しないため、入力が途中で切れた可能性があります。
error-input-cut-off-todo = 入力にすべての行がそろい、各行が改行で終わっていることを確かめてから、もう一度実行してください。
error-same-as-current-todo = 現在のものとは異なる新しい{ $pin }を決めてください。

# リーダーのキーパッドでの入力。$name：暗証番号の名前。
error-pinpad-not-sent = この入力について、リーダーはカードに何も送っていません。残り回数は減っていません。
error-pinpad-again = 準備ができたら、もう一度実行してください。キーパッドで入力する内容は、表示される案内のとおりです。
error-pinpad-rejected-todo = --pinpad never を付けてパソコンから入力してください。また、リーダーの機種を開発者に報告してください（機種は `mynapin doctor` で表示されます）。
error-no-pinpad-todo = キーパッド付きのリーダーを使うか、--pinpad always を付けずにパソコンから入力してください。キーパッドの有無は `mynapin readers` で分かります。
error-not-my-number-card-todo = マイナンバーカードをリーダーに置いてください。
error-unexpected-answer-todo = mynapin はそこで止まり、それ以上は何も送っていません。`mynapin status` で残り回数を確認してください。--trace を付けて実行すると、開発者に報告できる通信記録が表示されます。
error-blocked-on-verify-todo = まず `mynapin status` で残り回数を確認してください。
error-verify-unknown-todo = mynapin はそれ以上送らず、再試行もしません。カードを置き直して動かさずに、再実行の前に `mynapin status` で残り回数を確認してください。
error-sure-use-last-try = { $pin }に確信がある場合だけ、--use-last-try を付けて再実行してください。
error-last-try-todo = { $pin }に確信がある場合だけ、--use-last-try を付けて再実行してください。確信がなければ推測で入力せず、`mynapin guide { $id } --state forgotten` を見てください。
error-absent-sign-todo = 15歳未満の方のカードには、通常、署名用電子証明書がありません。署名用電子証明書は市区町村の窓口で発行されます。
error-absent-todo = `mynapin status --trace` の結果を開発者に報告してください。
error-wrong-pin-left-todo = 0回になるとロックされ、{ $routes }。mynapin は自動で再試行しません。確かめてから再実行してください。
error-wrong-pin-last-todo = ご注意ください：次も違うとロックされ、{ $routes }。推測で入力しないでください。覚えていない場合は、`mynapin guide { $id } --state forgotten` でどうすればよいかを確かめてください。
error-wrong-pin-unknown-todo = 再実行の前に `mynapin status` で確認してください。
error-no-service-todo = その後、`mynapin doctor` で確認できます。リーダーがない場合は `mynapin --sim status` を試せます。
error-service-stopped-todo = サービスが再び動き出したら、もう一度実行してください。
error-no-reader-todo = リーダー（例：ソニー RC-S300）を接続してから再実行してください。設定は `mynapin doctor` で確認できます。リーダーがない場合は `mynapin --sim status` を試せます。
error-reader-not-found-todo = --reader には、次の一覧の番号か名前の一部を指定してください：
error-ambiguous-reader-todo = --reader N で1台を選んでください（N は `mynapin readers` で表示される番号）：
error-no-card-todo = マイナンバーカードをリーダーに置いてから再実行してください（非接触型のリーダーでは、平らに置いて動かさないでください）。
error-card-removed-todo = カードを置き直して動かさずに、`mynapin status` で残り回数を確認してください。
error-card-in-use-todo = カードを使う他のプログラム（JPKI 利用者クライアントソフト、カードでログイン中のブラウザ、他のカード用ツール）を閉じてから再実行してください。
error-card-reset-todo = カードを使う他のプログラムを閉じて、`mynapin status` を実行してください。
error-bad-response-todo = カードをリーダーに置いたまま動かさずに、`mynapin status` を実行してください。
error-timeout-todo = カードをリーダーから外して置き直し、`mynapin status` を実行してください。繰り返す場合は `mynapin doctor` を実行してください。
error-connect-timeout-todo = カードには何も送っていません。カードを使う他のプログラム（JPKI 利用者クライアントソフト、カードでログイン中のブラウザ、他のカード用ツール）を閉じてから再実行してください。
error-no-card-in-time-todo = カードには何も送っていません。もう一度実行し、案内が表示されたらカードを置いてください（非接触型のリーダーでは、平らに置いて動かさないでください）。
error-interrupted-todo = 処理中だった命令は最後まで終え、それ以上は送っていません。
error-abandoned-todo = それ以上は何も送っていません。暗証番号ごとに分かっていることを報告に示しています。`mynapin status` で残り回数を確認してください（確認しても回数は減りません）。
error-reader-unsupported-todo = カードには何も送っていません。--pinpad never を付けてパソコンから入力するか、`mynapin doctor` でリーダーの機能を確認してください。
error-pcsc-todo = `mynapin doctor` でリーダーの設定を確認してください。

# 模擬カードのファイル。$path：ファイルか組み込みの名前。$reason：理由。
# $detail：ファイルを検査したプログラム自身の言葉（行、列、項目。英語のまま）。
error-fixture-read-what = 模擬カードの設定 { $path } を読み込めません（{ $reason }）。
error-fixture-malformed-what = 模擬カードの設定 { $path } の書き方が正しくありません（{ $detail }）。
error-fixture-invalid-what = 模擬カードの設定 { $path } は、実際のカードではありえない内容です。詳細：{ $detail }
error-fixture-todo = sim/fixtures/cards/fresh.toml と見比べて修正するか、組み込みの名前を使ってください（一覧は mynapin sim fixtures）。
error-sim-busy-what = 模擬カード { $path } は、別の mynapin が使用中です。
error-sim-busy-todo = 他の実行が終わってから、もう一度実行してください。
error-state-file-what = 模擬カードの状態ファイル { $path } を使えません（{ $reason }）。
error-state-file-todo = パスと書き込み権限を確認してください。カードには何も送っていません。
error-state-read-only = 読み取り専用です
error-state-lock = 排他制御用のファイル { $lock } を開けません：{ $reason }
error-state-not-saved-what = 模擬カードの新しい状態を { $path } に保存できませんでした（{ $reason }）。{ $holds }
error-state-not-saved-holds-old = このファイルには今回のコマンドを実行する前のカードの状態が残っているため、次回の実行には今回カードで起きたこと（残り回数の減少など）が反映されません。
error-state-not-saved-holds-none = このファイルは作成されていないため、次回の実行は今回と同じ元のカードから始まり、今回カードで起きたことは反映されません。
error-state-not-saved-todo = 今回カードが返した結果は上に表示したとおりです。次回の実行の前に、空き容量を確保するか、フォルダーに書き込めるようにしてください。

# ファイルを読み書きできない理由。
error-io-not-found = 見つかりません
error-io-permission = 権限がありません
error-io-exists = すでにあります
error-io-is-directory = フォルダーです
error-io-not-directory = パスの途中がフォルダーではありません
error-io-read-only-fs = 書き込みできない場所です
error-io-storage-full = ディスクの空きがありません
error-io-no-device = 対応する装置がありません
error-io-refused = 接続を受け付けるものがありません
error-io-address = 使えるアドレスではありません
error-io-timed-out = 時間内に応答がありません
# $code：システムのエラー番号。
error-io-other = システムのエラー（番号 { $code }）
error-read-too-large = { $max }バイトを超えています
error-read-not-text = UTF-8 のテキストではありません
error-read-directory = ファイルではなくフォルダーです

# 暗証番号の読み取り。$fd：ファイル記述子の番号。$reason：理由。
prompt-fd-is-output = --pin-fd { $fd } は標準出力か標準エラー出力です。入力には使えません。
prompt-fd-cannot-open = ファイル記述子 { $fd } を開けません（{ $reason }）。
prompt-fd-unsupported = --pin-fd は Linux と macOS でのみ使えます。--pin-stdin を使ってください。
prompt-stdin-unreadable = 標準入力を読めません（{ $reason }）。
prompt-no-terminal = 端末がありません（{ $reason }）
prompt-read-failed = 読み取りに失敗しました（{ $reason }）
# 最後の1回を使うときの確認で、YES のほかに受け付ける言葉。
prompt-yes = はい

## guide (words/src/guide/ for every front end, src/cli/guide.rs and guide_text.rs for the command line; core/src/procedure/national.rs, core/src/procedure/documents.rs)

guide-full-checklist = 詳しい手順と持ち物は、mynapin guide { $pin } で確認できます。
guide-low-line = 残り1回です。間違えるとロックされ、{ $routes }。確信がなければ入力せず、`mynapin guide { $pin } --state forgotten` で手続きを確認してください。
guide-rule-separator = 、
guide-unknown-document = 不明な書類「{ $doc }」です。
guide-unknown-document-todo = 書類は、番号、名前、または ID で指定できます。一覧は mynapin guide --list-documents で確認できます。
guide-profile-fix = プロファイルを修正してください。形式は core/profiles/takatsuki.toml を参考にしてください。

profile-fix = 上に示した項目を修正してください。各項目の説明は docs/city-profile.md に、ひな形は core/profiles/TEMPLATE.toml.example にあります。
# The profile file could not be read at all. $names: the built-in profiles' names, as a list.
profile-fix-read = ファイル名が正しいか、そのファイルを読み取れるかを確かめてください。組み込みのプロファイルは名前だけで指定できます：{ $names }。
profile-valid = { $file }：有効なプロファイル「{ $id }」（{ $name }）です。出典付きの項目は{ $n }件です。
profile-page = ページ：「{ $title }」、{ $issuer }、{ $date }、{ $address }
profile-date-not-stated = 更新日の記載なし
profile-languages = 言語：{ $langs }。ある言語に訳がない項目は、英語、それもなければ日本語で表示します。
profile-covers = 記載あり：
profile-not-stated = 記載なし（案内では「記載なし。市に確認してください」と表示します）：
profile-tri-yes = { $path }：はい
profile-tri-no = { $path }：いいえ
profile-count = { $path }：{ $n }件
profile-fee = 手数料：{ $fee }
profile-office-agents = { $path }（{ $name }）
profile-same-as = { $path }：{ $other } と同じ
profile-procedure-not-stated = { $path }（ページにこの手続きの記載がありません。案内では全国共通の基準を、全国共通と明記して表示します）
profile-applicant = { $path }：申請できるか：{ $allowed }、必要書類{ $n }件
profile-visits = { $path }.visits：{ $n }回
profile-field = { $path }.{ $field }：{ $value }
profile-tri-word-yes = はい
profile-tri-word-no = いいえ
profile-language-partial = { $tag }（全{ $total }項目中{ $n }項目）
profile-error = { $origin }：{ $what }
profile-error-at-line = { $origin }、{ $line }行目：{ $what }
profile-error-read = ファイルを読み取れません（{ $message }）。
profile-error-parse = プロファイルの形式に誤りがあります（{ $message }）。
profile-error-entry = { $field }の「{ $value }」：{ $problem }
profile-problem-fee-word = 言語ごとの文と source の表、または "not_stated" と書いてください。
profile-problem-source-not-cited = source.file には、このプロファイルのページ（page.file）か、全国共通の出典の ID を書いてください。
profile-problem-address-not-http = http または https で始まるアドレスを書いてください。
profile-problem-unknown-document = 書類の ID が不明です（一覧は mynapin guide --list-documents で確認できます）。
profile-problem-document-twice = 一つの書類は、一つの区分にだけ入れてください。
profile-problem-both-same-as = change と reset の両方を、互いの same_as にすることはできません。
profile-problem-same-as-not-other = same_as には、もう一方の手続きの名前を書いてください。
profile-problem-needs-stated-or-same-as = stated か same_as のどちらかが必要です。
profile-problem-not-stated-needs-text = ページに書かれている内容を not_stated に書いてください。
profile-problem-stated-needs-applicants = 記載のある手続きには applicants が必要です。
profile-problem-one-kind = all_of、any_of、count のうち、ちょうど一つを書いてください。
profile-problem-count-needs-owner = 数え方の指定（count）には owner が必要です。
profile-problem-unknown-category = 不明な区分です。

## 模擬カードの設定の誤り（src/sim/fixture.rs、src/cli/error.rs の fixture_reason：模擬カードの設定の値や sim serve --fault の指定のどこが正しくないか）

fixture-reason-at = { $field }：{ $reason }
fixture-reason-no-description = description = {"{"}{"}"} に説明がありません。少なくとも1つの言語で書いてください（例：ja = "…"）。
fixture-reason-token = token は半角の英数字・記号で{ $max }文字以内にしてください。
fixture-reason-tries-above-max = { $field } = { $tries } は、残り回数の最大（{ $max }回）を超えています。
fixture-reason-ref-value = { $field } は、半角の英数字・記号で1文字以上にしてください。
fixture-reason-too-many-entries = { $field } は{ $max }個までです。
fixture-reason-sign-expired = sign_certificate に "expired" は指定できません（期限切れの試験用証明書は利用者証明用だけです）。
fixture-reason-my-number-digits = person.my_number は12桁の数字にしてください。
fixture-reason-date-format = { $field } は年月日の8桁の数字にしてください（例：19900101）。
fixture-reason-municipality-digits = person.municipality_code は5桁の数字にしてください。
fixture-reason-serial-length = person.card_serial は半角数字15桁にしてください。
fixture-reason-sex = person.sex は ISO 5218 の番号1文字にしてください（0、1、2、9のどれか）。
fixture-reason-too-long = { $field } は{ $max }バイトまでです。
fixture-reason-atr-name = atr の「{ $name }」は、組み込みの名前（{ $presets }）でも16進数のバイト列でもありません。
fixture-reason-atr-bytes = atr は、3B または 3F で始まる2〜33バイトにしてください。
fixture-reason-nth-from-one = nth は1から数えます（0は使えません）。
fixture-reason-sw-and-answer = sw と answer は、どちらか一方だけを指定してください。
fixture-reason-no-action = カードがどう応答するかを、sw、answer、hold_ms のどれかで指定してください。
fixture-reason-hold-too-long = hold_ms は{ $max }ミリ秒までです。
fixture-reason-hex-char = 「{ $text }」の{ $n }文字目は16進数の数字ではありません。
fixture-reason-hex-odd = 「{ $text }」は16進数の桁数が奇数です（2桁で1バイトです）。
fixture-reason-bad-sw = 「{ $text }」は2バイトのステータスワードではありません（例：6C 00）。
fixture-reason-expected-key-value = 「{ $part }」は「キー=値」の形になっていません（例：match=00200098,sw=6C00）。
fixture-reason-not-a-number = { $key } の「{ $value }」は数字ではありません。
fixture-reason-bad-when = when の「{ $value }」は使えません。instead か after を指定してください。
fixture-reason-unknown-key = 「{ $key }」というキーはありません（使えるキー：{ $keys }）。
fixture-reason-needs-match = どの命令に当てはめるかを match=16進数（命令の先頭のバイト）で指定してください。

## status, watch, readers, doctor, sim, serve, completions（src/cli/status.rs、watch.rs、readers.rs、doctor.rs、serve.rs、completions.rs、text.rs）

# 模擬カードを入れたリーダーの名前。$fixture は模擬カードの名前（fresh などの識別子）かファイル名、
# $path は --sim-state のファイル。
sim-reader-name = mynapin 模擬カード
sim-reader-name-fixture = mynapin 模擬カード（{ $fixture }）
sim-reader-name-state = mynapin 模擬カード（状態ファイル { $path }）

# mynapin status。$name はリーダーの名前、$token はカードの JPKI の表示名。
status-reader = リーダー：{ $name }
status-card = カード：マイナンバーカード（{ $token }）
status-card-plain = カード：マイナンバーカード
# 利用者証明用電子証明書。$date は有効期限の最終日（date-pattern の書き方）、$days は残りの日数。
status-cert-valid = 電子証明書：利用者証明用（有効期限：{ $date }）
status-cert-expires-soon = 電子証明書：利用者証明用（有効期限：{ $date }、あと{ $days }日）
status-cert-expired = 電子証明書：利用者証明用（有効期限切れ：{ $date }）
status-cert-absent = 電子証明書：このカードには利用者証明用電子証明書がありません。
status-cert-unreadable = 電子証明書：利用者証明用電子証明書を読み取れませんでした。
status-cert-not-read = 電子証明書：読み取っていません（--no-cert）。
status-cert-expires-soon-warning = 電子証明書の有効期限が近づいています。期限までに市区町村の窓口で更新してください（その際に暗証番号とパスワードを設定し直します。コンビニのキオスク端末では更新できません）。詳しくは `mynapin guide auth --cert expired` をご覧ください。
status-cert-expired-warning = 電子証明書の有効期限が切れています。暗証番号を変更しても使えるようにはならず、コンビニのキオスク端末でも手続きできません。市区町村の窓口で新しい電子証明書の発行を受け、その際に暗証番号を設定します。詳しくは `mynapin guide auth --cert expired` をご覧ください。
# 表の見出し：残り回数、状態、暗証番号の種類。
status-col-tries = 残り
status-col-state = 状態
status-col-pin = 暗証番号・パスワード
status-no-sign-cert = このカードには署名用電子証明書がありません（15歳未満の方のカードでは通常です）。
# 表の下の注意。$text は注意の文。
status-warning = 注意：{ $text }
# -v を付けたとき、残り回数を読み取る間に表示します。
status-reading = 残り回数を読み取っています。
# 住民基本台帳用暗証番号の2か所で回数が違うとき。$counts は2か所それぞれの回数の列挙。
status-juki-mismatch = 住民基本台帳用暗証番号は、カード内の2か所で残り回数が異なります（{ $counts }）。少ない方の回数が実際に使える回数です。mynapin で変更すると、2か所とも変更されます。
# 上の列挙の1項目：$place はカード内の場所、$tries は回数（「3/3」）。
status-juki-count = { $place }：{ $tries }
status-juki-two-places = （住民基本台帳用暗証番号はカードの中の2か所に記録されていて、変更すると2か所が一緒に変わります。）
# --verbose のとき：カード内の場所と、その技術的な名前（$tech、例「住基AP、EF 0018」）。
status-ref-tech = { $place }：{ $tech }

# mynapin watch。
watch-sim-state = watch は模擬カードの状態（--sim-state）を保存しません。カードを1枚ずつ順に置いていきます。
watch-sim-state-todo = 置くカードは --sim で指定してください。例：mynapin --sim=fresh,sign-blocked watch
watch-sim-list = { $n ->
    [1] 模擬カード1枚を置いて読み取り、取り外します。
   *[other] 模擬カード{ $n }枚を、1枚ずつ順に置いて読み取り、取り外します。
}
watch-sim-dir-unreadable = フォルダ { $dir } を読み取れません（{ $reason }）。
watch-sim-dir-empty = フォルダ { $dir } に模擬カード（.toml ファイル）がありません。
watch-sim-dir-todo = 組み込みの名前（一覧は mynapin sim fixtures）か TOML ファイルをコンマで区切って指定するか、.toml ファイルの入ったフォルダを指定してください。
watch-config-bad = 設定ファイル { $path } の書き方が正しくありません（city = "takatsuki" のような行を書きます）。
watch-config-bad-city = 設定ファイル { $path } の市区町村「{ $city }」は、mynapin に登録されていません。
watch-config-todo = 設定ファイルを直すか（city = "takatsuki" または "toyokawa"）、--city か MYNAPIN_CITY で指定してください。
watch-guide-city = { $name }での詳しい手順と持ち物は、mynapin guide { $pin } --city { $city } で確認できます。
watch-remove = カードを取り外してください。
watch-waiting = カードを待っています。リーダーにカードを置いてください（Ctrl-C で終了します）。
watch-service-stopped = PC/SC サービス（pcscd）が停止しました。watch は終了せず、サービスが再び動き出すのを待ちます（Ctrl-C で終了します）。
watch-service-back = PC/SC サービス（pcscd）が再び動き出しました。カードを待っています。
# カードごとの見出し。$n は開始から数えたカードの枚数。
watch-card = == { $n }枚目・{ $time } ==
# 読み取れなかったカード：$n は同上、$reader はリーダー、$what は理由。
watch-card-failed = == { $n }枚目・{ $time } == { $reader }：{ $what }
# Ctrl-C で終了したとき。$n は置かれたカードの枚数。
watch-stopped = 終了しました（カード{ $n }枚）。

# mynapin readers：リーダーごとに1行。
readers-line = { $index }：{ $name } — { $what }
readers-line-pinpad = { $index }：{ $name } — { $what } — { $pad }
readers-no-card = カードなし
readers-my-number-card = マイナンバーカード
readers-smartphone = スマートフォンの公的個人認証（カードではありません）
readers-other-card = マイナンバーカード以外のカード
readers-in-use = カードは別のプログラムが使用中
readers-unreadable = カードはありますが、読み取れません
# リーダーの暗証番号入力パッド。$details は下の項目を readers-pinpad-separator でつないだもの。
readers-pinpad = 暗証番号入力パッドあり（{ $details }）
readers-pinpad-separator = 、
readers-pinpad-verify-modify = パッドでの照合と変更に対応
readers-pinpad-verify-only = パッドでの照合に対応、変更には非対応
readers-pinpad-modify-only = パッドでの変更に対応、照合には非対応
readers-pinpad-no-entry = パッドでの暗証番号の入力には非対応
# パッドで入力できる桁数。
readers-pinpad-size = { $min }〜{ $max }桁
readers-pinpad-display = 画面あり
readers-pinpad-no-display = 画面なし
readers-pinpad-not-usable = 4桁の暗証番号には使えません
# --verbose のとき：リーダーが示した PC/SC の機能（$list は技術的な名前）。
readers-pinpad-features = 機能：{ $list }

# mynapin doctor。確認結果ごとに「[○] …」か「[×] …」の1行と、必要なら「→ 対処」の1行。
doctor-mark-ok = [○]
doctor-mark-problem = [×]
# 1台のリーダーについての結果：$reader はその名前、$what は結果。
doctor-reader = { $reader }：{ $what }
doctor-sim-answers = 模擬マイナンバーカードが応答しています。
doctor-pcscd-answers = PC/SC サービス（pcscd）が応答しています。
doctor-pcscd-silent = PC/SC サービス（pcscd）が応答しません。
doctor-scardsvr-answers = スマートカード サービス（SCardSvr）が応答しています。
doctor-scardsvr-silent = スマートカード サービス（SCardSvr）が応答しません。
doctor-service-silent = パソコンの PC/SC サービスが応答しません。
doctor-fix-start-pcscd = PC/SC サービスを起動してください（コマンド：sudo systemctl start pcscd.socket）。
doctor-fix-install-pcscd = PC/SC サービスをインストールして起動してください（コマンド：sudo apt install pcscd）。
doctor-fix-windows-service = Windows のスマートカードサービス（SCardSvr）は、リーダーを接続すると起動し、外すと停止します。リーダーを接続してください。それでも応答しない場合は、services.msc で「Smart Card」を開始してください。
doctor-fix-macos-service = macOS のスマートカードサービス（CryptoTokenKit）は、リーダーを接続すると起動します。リーダーを抜いて、もう一度差し込んでください。
doctor-fix-other-service = パソコンの PC/SC サービス（pcsc-lite の pcscd）を起動してください。
doctor-windows-driver = Windows：ソニー RC-S300 と接触型の CCID リーダーは、Windows 標準のドライバーで使えます。旧型の RC-S380 は、ソニーの「NFCポートソフトウェア」を入れないとスマートカードリーダーとして認識されません。
doctor-macos-driver = macOS：CCID リーダー（ソニー RC-S300、接触型リーダー）は、macOS 内蔵の CCID ドライバーで使えます。ソニー RC-S380 は CCID リーダーではなく、macOS 用のスマートカードドライバーもありません。
doctor-no-reader = リーダーが接続されていません。
doctor-fix-connect-reader = CCID 対応のリーダー（例：ソニー RC-S300）を接続して、もう一度 mynapin doctor を実行してください。
doctor-no-card = カードが置かれていません。
doctor-fix-place-card = このリーダーにマイナンバーカードを置いてください。
doctor-card-readable = マイナンバーカードを読み取れます。
doctor-fix-not-my-number = マイナンバーカードを置いてください。
doctor-in-use = カードは別のプログラムが使用中です。
doctor-fix-in-use = カードを使う他のプログラム（JPKI利用者クライアントソフト、カードでログイン中のブラウザなど）を閉じて、もう一度 mynapin doctor を実行してください。
doctor-no-pinpad = 暗証番号入力パッドはありません（暗証番号はパソコンで入力します）。
doctor-readable = マイナンバーカードを読み取れます。
doctor-not-readable = まだマイナンバーカードを読み取れません。
doctor-rcs380 = ソニー RC-S380 が接続されています。CCID に対応していないため、Linux の pcscd からは使えません。
doctor-fix-rcs380 = ソニー RC-S300 などの CCID 対応リーダー（または ISO 7816 の接触型リーダー）を使ってください。
# $version はインストールされている libccid の版。
doctor-rcs300 = ソニー RC-S300 が接続されています（libccid { $version }）。
doctor-rcs300-unknown = ソニー RC-S300 が接続されています（libccid の版は不明です）。
doctor-fix-rcs300 = RC-S300 には libccid 1.4.35 以降が必要です。新しいリリースの libccid をインストールしてください（コマンド：sudo apt install libccid）。

# mynapin sim serve。$addr は --vpcd のアドレス、$why はシステムが返した理由、$secs は待った秒数。
serve-bad-address = vpcd のアドレス「{ $addr }」を「ホスト名:ポート番号」として解釈できません（{ $why }）。
serve-fix-address = --vpcd は「ホスト名:ポート番号」の形で指定してください（例：127.0.0.1:35963）。
serve-two-cards = --sim={ $sim } と --fixture { $fixture } で、別々のカードが指定されています。どちらのカードを提供するか決められません。
serve-fix-two-cards = カードは一度だけ指定してください：mynapin sim serve --fixture { $fixture }（または mynapin --sim={ $fixture } sim serve）。
serve-two-states = --sim-state と --state で、別々の状態ファイルが指定されています。
serve-fix-two-states = 状態ファイルは一度だけ指定してください（sim serve では --state）。
serve-unreachable = vpcd（{ $addr }）が{ $secs }秒以内に接続を受け付けませんでした（最後のエラー：{ $why }）。
serve-fix-unreachable = 先に vpcd ドライバー付きの pcscd を起動するか（scripts/pcscd-vpcd.sh）、--wait-vpcd で待ち時間を延ばしてください。
serve-signals = シグナルの処理を設定できませんでした（{ $why }）。
serve-fix-signals = もう一度実行してください。繰り返し起きる場合は、開発者に報告してください。
# --fault-sw の値が「N=SW」の形でないとき。$n は「=」の前に書かれたもの、$max は最大の番号。
serve-fault-sw-form = 「番号=ステータスワード」の形で指定してください（例：5=6581）。
serve-fault-sw-number = 「{ $n }」はカードへの命令の番号（1〜{ $max }）ではありません。

# mynapin completions と mynapin manpage：$why はシステムが返した理由、$dir はフォルダー。
completions-cannot-render = man ページを作成できませんでした（{ $why }）。
completions-cannot-write-dir = man ページを { $dir } に書き込めませんでした（{ $why }）。
completions-cannot-write-stdout = 標準出力に書き込めませんでした（{ $why }）。
completions-fix-output = 出力先を確認してください（ディスクの空き容量、ディレクトリがあるか、書き込みが許可されているか）。

## help, clap, cli (src/cli/mod.rs and the clap definitions of src/cli/*.rs)

help-about = マイナンバーカードの暗証番号を安全に確認・変更します。
help-long-about =
    PC/SC 対応のカードリーダーで、マイナンバーカードの4種類の暗証番号の残り回数を確認し、変更します。
    このツールのせいで試行回数が減ることはありません。暗証番号は送信前に形式を確認し、照合の前には必ず残り回数を読み取ります。最後の1回は、明示的に指定しない限り使いません。
help-after-help =
    終了コード：
      0  成功
      1  カードの想定外の応答、変更の未完了、内部エラー
      2  使い方または入力の誤り（カードには何も送っていません）
      3  暗証番号の誤り
      4  暗証番号のロック（再設定が必要です。いま入力した暗証番号が違っていてロックされた場合も）
      5  安全のための中止（残り1回、残り回数が不明など。カードには何も送っていません）
      6  リーダーがない、カードがない、マイナンバーカードではない、PC/SC の異常
      7  --sim-state：模擬カードは応答しましたが、その新しい状態を保存できませんでした
      8  status --check：カードが残り回数を返さなかった暗証番号があります
      9  status --check：利用者証明用電子証明書の有効期限が切れています
      129〜143  シグナルによる中止（128 + シグナル番号）：129 SIGHUP（端末が閉じられた）、
               130 Ctrl-C（入力中の Ctrl-D も）、131 SIGQUIT、141 SIGPIPE（出力先が閉じられた）、143 SIGTERM
               （どこまで処理したかを表示します）

    暗証番号はコマンドライン引数では受け取りません。
    端末で入力するか（入力は表示されません）、--pin-stdin を付けて標準入力から渡してください。

    リーダーがなくても試せます：
      mynapin --sim status
    模擬カードの暗証番号は、4桁のものが 1234、署名用パスワードが ABC123 です。
help-global-arg-reader = 使うリーダーです。mynapin readers で表示される番号か、名前の一部を指定します（指定しなければ、カードが置かれている唯一のリーダーを使います）。
help-global-arg-sim = リーダーの代わりに模擬カードを使います。組み込みの名前（mynapin sim fixtures で一覧）か TOML ファイルを指定します。名前を省くと新品のカードです（暗証番号 1234、署名用パスワード ABC123）。
help-global-arg-sim-state = 模擬カードの状態をファイルに保存し、次の実行に引き継ぎます。ファイルがあれば読み込み（なければ --sim のカード、それもなければ新品のカード）、終了時に書き戻します。--sim を付けたのと同じ扱いになります。
help-global-arg-json = 機械処理向けの JSON を標準出力に出力します（形式は mynapin.*.v1）。
help-global-arg-lang = 表示する言語です（{ $tags }）。指定しなければ LC_ALL、LC_MESSAGES、LANG の順に見て決めます。
help-global-arg-trace = カードに送ったコマンドとその応答を、すべて標準エラー出力に表示します（暗証番号は常に伏せます）。
help-global-arg-verbose = 処理の経過を標準エラー出力に表示します（-vv でさらに詳しく）。
help-global-arg-timeout = カードが1つのコマンドに応答するまで待つ上限の秒数です（1〜3600）。
help-global-arg-wait = カード（とリーダー）が置かれるまで、すぐに中止せずに待ちます。待つ上限の秒数も指定できます（省略時は60秒、1〜86400）。
help-status-about = 各暗証番号の残り回数を表示します（読み取るだけで、回数は減りません）。
help-status-arg-check = スクリプト向けに、次のうち最も急ぐものを終了コードで返します：4 ロックされた暗証番号がある、5 残り1回のものがある、8 カードが残り回数を返さなかったものがある、9 利用者証明用電子証明書の有効期限が切れている（どれでもなければ 0）。
help-status-arg-no-cert = 利用者証明用電子証明書の有効期限を読み取りません（カードへのコマンドが1回減り、全部で10回になります）。
help-status-after-help =
    --check を付けると、終了コードで状態を返します（スクリプト向け）。
    急ぐものから順に、ロックされた暗証番号があれば 4、残り1回のものがあれば 5、カードが残り回数を返さなかったものがあれば 8、利用者証明用電子証明書の有効期限が切れていれば 9、それ以外は 0 です。
    カードにない暗証番号（15歳未満のカードの署名用パスワードなど）は、どれにも数えません。表示と JSON は --check の有無で変わりません。
help-watch-about = 窓口向け：カードが置かれるのを待って状態を表示し、カードの取り外しをお願いして取り外されるのを待つ、を Ctrl-C まで繰り返します（--json では1行に1件の mynapin.status.v1 を出力します）。
help-watch-arg-clear = 新しいカードを読み取る前に画面を消去します（前の方の結果が画面に残りません）。
help-watch-arg-city = ロックされた暗証番号の手続きを、この市区町村の決まりで表示します（指定しなければ、環境変数 MYNAPIN_CITY、次に設定ファイル ~/.config/mynapin/config.toml で指定した市区町村を使います）。
help-watch-after-help =
    カードごとに、番号と読み取った時刻の見出し（「== 3枚目・14:05:12 ==」）、リーダー、カード、電子証明書の有効期限、暗証番号ごとの残り回数と状態、ロックされた暗証番号の手続きと窓口を表示し、最後に「カードを取り外してください。」と表示します。読み取れなかったカードは1行で表示し、そのまま続けます。待っている間の案内は標準エラー出力に表示します。

    リーダーがなくても試せます。模擬カードを1枚ずつ順に置いて読み取り、取り外します：
      mynapin --sim=fresh,sign-blocked,all-blocked watch --city takatsuki
      mynapin --sim=フォルダ watch   （フォルダ内の模擬カードを名前順に）
help-readers-about = リーダーの一覧と、それぞれにカードがあるか、マイナンバーカードかを表示します。
help-verify-about = 暗証番号を覚えているか確かめます（残り回数を読み取ってから1回だけ照合します）。
help-verify-arg-pin = 確かめる暗証番号の種類です（暗証番号そのものではありません）。
help-verify-after-help =
    --pin-stdin では、暗証番号を1行で渡します。
    暗証番号がロックされているとき（終了コード 4）、残り1回で --use-last-try がないとき（5）、形式が正しくないとき（2）は、カードに何も送りません。
    間違った暗証番号では1回分減ります（3。それでロックされたときは 4）。mynapin が自動でやり直すことはありません。

    キーパッド付きのリーダーでは（--pinpad auto、既定）、4桁の暗証番号をリーダーのキーパッドで入力します。カード内で暗証番号を保存している場所ごとに1回です（juki は2回）。
    キーパッドで間違えた場合も1回分減ります。
    キーパッドでの取り消し、時間切れ、桁数の誤りでは、カードには何も届いていません（終了コード 2）。
    リーダーが入力の設定を受け付けなかったときは終了コード 1 です。
help-change-about = 暗証番号を変更します。複数の暗証番号を同じ新しい値にすることもできます。
help-change-arg-pins = 変更する暗証番号の種類です（暗証番号そのものではありません）。
help-change-arg-same-current = 指定した暗証番号の現在の値が同じ場合に付けます。現在の暗証番号を1回だけ尋ねます。
help-change-after-help =
    複数の暗証番号を指定すると、すべて同じ新しい値になります（4桁の3つの暗証番号を同じにしている方は多くいます）：
      mynapin change auth kenhojo juki
    署名用パスワードは形式が違うため、単独で変更します。

    新しい暗証番号を尋ねる前に、現在の暗証番号をカードで確認します。何かを変更する前に、指定した暗証番号すべての現在の値を確認します。
    カード内の場所ごとに「変更済み」「未変更」「不明」を表示します。住民基本台帳用暗証番号（juki）はカード内の2か所にあり、両方を変更します。

    --pin-stdin では、次の順に1行ずつ渡します：指定した順の各暗証番号の現在の値（--same-current なら1行）、新しい暗証番号、もう一度新しい暗証番号。
      (echo 1234; echo 5678; echo 5678) | mynapin --sim change auth --pin-stdin

    キーパッド付きのリーダーでは（--pinpad auto、既定）、4桁の暗証番号をリーダーのキーパッドで入力します。
    カード内の場所ごとに現在の暗証番号（先にすべて確認します）、次に新しい暗証番号を2回です。入力の回数は auth で3回、juki で7回（2か所）で、最初の入力の前にお知らせします。
    キーパッドでの取り消しや時間切れは終了コード 2 です。新しい暗証番号の2回の入力が違うときは、何も変更せず終了コード 2 です。
help-arg-pinpad = 4桁の暗証番号を入力する場所です。リーダーのキーパッドで入力すると（PC/SC の安全な入力）、暗証番号はコンピューターを通りません。署名用パスワードは常にコンピューターで入力します。
help-arg-pin-stdin = 暗証番号を標準入力から1行に1つずつ読み取ります（順番は各コマンドの説明にあります）。
help-arg-pin-fd = 暗証番号を、指定した番号のファイル記述子から1行に1つずつ読み取ります（Linux と macOS）。
help-arg-use-last-try = 残り1回の最後の試行を使うことを許可します。間違えるとロックされます（端末ではもう一度確認します）。
help-arg-only-ref = juki のときだけ使います。カード内の2か所のうち1か所だけを対象にします（途中で止まった変更を仕上げるため）。
help-guide-about = 暗証番号をそのまま変更できない場合の手続きを案内します（コンビニなどの端末か窓口か、市区町村ごとの持ち物）。--have で持参する書類を確認できます。
help-guide-arg-which = 対象の暗証番号の種類です（暗証番号そのものではありません）。指定しなければ、カードでロックされている暗証番号すべてです。
help-guide-arg-pin = 引数で種類を指定する代わりに使えます。
help-guide-arg-state = 暗証番号の状況です（指定しなければカードの残り回数から判断し、読み取れなければ forgotten とします）。
help-guide-arg-know = ほかに覚えている暗証番号の種類です（コンマ区切り）。
help-guide-arg-applicant = 窓口で申請する人です。
help-guide-arg-under-15 = カードの持ち主が15歳未満です。
help-guide-arg-adult-ward = カードの持ち主が成年被後見人などです。
help-guide-arg-same-household = 同じ世帯で親子関係を確認できます（住民票）。
help-guide-arg-face-auth = 顔認証マイナンバーカードです（暗証番号がありません）。
help-guide-arg-no-sign-cert = 署名用電子証明書がありません（希望しなかった、または発行されていない）。
help-guide-arg-cert = 電子証明書の状態です（指定しなければ、カードを読み取れれば利用者証明用電子証明書の有効期限から判断し、読み取れなければ unknown とします）。
help-guide-arg-city = 窓口の取り扱いを使う市区町村です。
help-guide-arg-profile = ほかの市区町村のプロファイルです（core/profiles/*.toml と同じ形式の TOML ファイル）。
help-guide-arg-have = 持参した書類です。--list-documents で表示される書類名をコンマ区切りで指定します（代理人が申請するとき、本人の書類には holder: を前に付けます）。
help-guide-arg-visit = 何回目の来庁の書類だけを確認するかです（来庁が2回の手続きの場合）。
help-guide-arg-format = 出力の形式です。
help-guide-arg-list-documents = --have に指定できる書類の一覧を表示します。
help-guide-after-help =
    例：
      カードを読み取り、ロックされている暗証番号すべてを案内する：
        mynapin --sim=sign-blocked guide
      高槻市で、ロックされた署名用パスワードを再設定する：
        mynapin guide sign --state blocked --know auth --city takatsuki
      忘れた住民基本台帳用暗証番号を、任意代理人が申請する（マークダウン形式）：
        mynapin guide juki --state forgotten --applicant agent --format markdown
      持参した書類を確認する：
        mynapin guide auth --city takatsuki --have mynumber_card,drivers_license
      書類名の一覧：
        mynapin guide --list-documents
help-doctor-about = PC/SC の環境を診断します（pcscd、リーダー（問題が知られている機種を含む）、カード）。マイナンバーカードを読み取れたときだけ終了コード 0 で終了します。
help-doctor-about-windows = スマートカードの環境を診断します（スマートカード サービス（SCardSvr）、リーダー、カード）。マイナンバーカードを読み取れたときだけ終了コード 0 で終了します。
help-profile-about = 市区町村プロファイルを扱います（profile check で検証）。
help-profile-check-about = 市区町村プロファイル（TOML）を検証し、何が記載され、何が記載されていないかを表示します。ファイルの代わりに組み込みのプロファイル名（takatsuki、toyokawa、national）も指定できます。
help-profile-check-arg-file = 検証するプロファイルの TOML ファイル、または組み込みの名前です。
help-sim-about = 模擬カードを扱います（組み込みの模擬カードの一覧、vpcd 経由での pcscd への提供）。
help-sim-fixtures-about = 組み込みの模擬カードを一覧表示します（--sim=名前 で使えます）。
help-sim-serve-about = vsmartcard の vpcd を通じて模擬カードを pcscd に提供します。どの PC/SC アプリケーションからも、リーダーに置かれたカードとして見えます。
help-sim-serve-after-help =
    まず vpcd のリーダーを設定した pcscd を起動します（scripts/pcscd-vpcd.sh。使うポート番号を表示します）。次に、そのポートを渡して実行します：
      bash scripts/pcscd-vpcd.sh /tmp/pc
      mynapin sim serve --vpcd 127.0.0.1:35963 --fixture sign-blocked &
      mynapin --wait=30 status
    これで、どの PC/SC アプリケーションにもリーダー「mynapin vpcd 00 00」のマイナンバーカードが見えます。
    35963 以外のポートが表示された場合は、その番号を --vpcd に渡してください。
    --sim=NAME を付けた場合は、そのカードを提供します（--fixture と違うカードならエラーです）。
    SIGTERM か Ctrl-C で止めます（--state を付けていれば状態を保存します）。
help-sim-serve-arg-vpcd = vpcd のアドレスです（既定は 127.0.0.1:35963）。リーダー名は pcscd の vpcd 設定で決まります。scripts/pcscd-vpcd.sh の設定では、ポート 35963 が「mynapin vpcd 00 00」、35964 が「mynapin vpcd 00 01」です（vpcd のパッケージが入れる設定では「Virtual PCD 00 00」と「Virtual PCD 00 01」）。スクリプトが別のポートを選んだときは、スクリプトが表示したポート番号を渡してください。
help-sim-serve-arg-fixture = 提供するカードです。組み込みの名前か TOML ファイルを指定します（指定しなければ新品のカード）。
help-sim-serve-arg-state = カードの状態を保存するファイルです（あれば読み込み、コマンドに応答するたびに書き込みます）。
help-sim-serve-arg-latency-ms = 各コマンドに、指定したミリ秒だけ待ってから応答します（0〜10000。接触型のカードで約5〜20、非接触で約20〜50）。
help-sim-serve-arg-wait-vpcd = vpcd が接続を受け付けないまま、この秒数がたつと中止します（1〜3600）。
help-sim-serve-arg-close-after = 障害の再現：指定した件数のコマンドに応答したあと接続を切り（カードを抜いた状態）、終了します。
help-sim-serve-arg-mute-after = 障害の再現：指定した件数のコマンドに応答したあと、応答しなくなります（固まったカード）。
help-sim-serve-arg-mute-ms = --mute-after と組み合わせて使います。止めたコマンドに、応答しない代わりに指定したミリ秒後に応答します。
help-sim-serve-arg-fault-sw = 障害の再現：指定した番号のコマンドを処理せず、指定した応答（16進数4桁）を返します（例：5=6581）。
help-sim-serve-arg-fault = 障害の規則です（複数指定できます）。模擬カードのファイルの [[faults.rules]] と同じキーを使います（例：match=00200098,nth=1,when=after,sw=6C00、answer=90、hold_ms=2000）。
help-completions-about = シェルの補完スクリプトを標準出力に出力します。
help-completions-arg-shell = 補完スクリプトを作るシェルの種類です。
help-manpage-about = このコマンドの定義から作ったマニュアルページを出力します（パッケージ作成者向け）。
help-manpage-arg-dir = mynapin.1 を標準出力に出す代わりに、コマンドごとのページ（mynapin.1、mynapin-status.1 など）をこのフォルダに書き出します。
help-cmd-help-about = この説明、または指定したコマンドの説明を表示します。
help-cmd-help-arg-subcommand = 説明を表示するコマンドです。
help-flag-help = 説明を表示します（--help でさらに詳しく）。
help-flag-help-long = 説明を表示します（-h で要約）。
help-flag-version = バージョンを表示します。
help-value-auth = { pin-name-auth }
help-value-sign = { pin-name-sign }
help-value-kenhojo = { pin-name-kenhojo }
help-value-juki = { pin-name-juki }
help-value-juki-ap = { ref-juki-ap }
help-value-juki-common = { ref-juki-common }
help-value-auto = リーダーにキーパッドがあればキーパッドで、なければコンピューターで入力します。
help-value-always = 常にリーダーのキーパッドで入力します。キーパッドのないリーダーと、署名用パスワードでは使えません。
help-value-never = キーパッド付きのリーダーでも、コンピューターで入力します。
help-value-text = テキスト
help-value-markdown = チェック欄付きのマークダウン
help-value-html = 印刷用の1枚のウェブページ（A4判、通信なしで表示できます）
help-value-takatsuki = 高槻市
help-value-toyokawa = 豊川市
help-value-known = 覚えていて、ロックされていません（変更できます）。
help-value-forgotten = 忘れました（まだロックされていません）。
help-value-blocked = 間違いが続いてロックされました。
help-value-valid = 有効です。
help-value-expired = 有効期限が切れています。
help-value-revoked = 失効しています（引っ越しや氏名の変更による署名用電子証明書の失効など）。
help-value-unknown = わかりません。
help-value-self = カードの持ち主本人
help-value-legal = 法定代理人（15歳未満の方の親権者、成年被後見人の成年後見人）
help-value-agent = 任意代理人
help-value-bash = bash 用
help-value-zsh = zsh 用
help-value-fish = fish 用
help-value-powershell = powershell 用
help-value-elvish = elvish 用
help-value-name-n-name = 番号|名前
help-value-name-fixture = 模擬カード
help-value-name-file = ファイル
help-value-name-lang = 言語
help-value-name-seconds = 秒数
help-value-name-which = 種類
help-value-name-when = 入力場所
help-value-name-ref = 場所
help-value-name-pin = 種類
help-value-name-doc = 書類,…
help-value-name-n = 番号
help-value-name-m = ミリ秒
help-value-name-host-port = ホスト:ポート
help-value-name-n-sw = 番号=応答
help-value-name-spec = 規則
help-value-name-dir = フォルダ
help-value-name-shell = シェル
help-value-name-state = 状況
help-value-name-know = 種類
help-value-name-applicant = 申請する人
help-value-name-cert = 状態
help-value-name-city = 市区町村
help-value-name-format = 形式
help-value-name-command = コマンド
help-sim-serve-arg-latency-ms-value-name = ミリ秒
help-sim-serve-arg-close-after-value-name = 件数
help-sim-serve-arg-mute-after-value-name = 件数
help-sim-serve-arg-mute-ms-value-name = ミリ秒
help-guide-arg-visit-value-name = 回数
help-heading-commands = コマンド
help-heading-arguments = 引数
help-heading-options = オプション
help-heading-global = 共通のオプション
help-heading-line = { $heading }：
help-usage-line = 使い方：{ $usage }
help-usage-options = [オプション]
help-with-values = { $help }指定できる値は { $values } です。
help-with-values-long =
    { $help }

    指定できる値：
    { $list }
help-value-item = ・{ $name }：{ $help }
help-with-default = { $help }既定値は { $value } です。
help-with-default-long =
    { $help }

    既定値は { $value } です。
clap-error = エラー：{ $message }
clap-unknown-argument = 想定していない引数 { $arg } があります。
clap-unknown-command = 「{ $command }」というコマンドはありません。
clap-invalid-value = { $arg } の値「{ $value }」は正しくありません。
clap-invalid-value-reason = { $arg } の値「{ $value }」は正しくありません（{ $reason }）。
clap-value-required = { $arg } には値が必要です。
clap-possible-values = 指定できる値：{ $values }
clap-value-hint = { $arg }：{ $help }
clap-no-equals = { $arg } の値は = でつなげて指定してください（例：--wait=60）。
clap-conflict = { $arg } と { $other } は同時に指定できません。
clap-missing-required = 必要な引数 { $args } がありません。
clap-missing-command = 「{ $command }」にはコマンドの指定が必要です。
clap-too-many-values = { $arg } に想定していない値「{ $value }」があります。
clap-wrong-number = { $arg } の値の数が正しくありません。
clap-multiple-use = { $arg } は1回しか指定できません。
clap-invalid-utf8 = 文字コードが正しくない引数があります。
clap-error-generic = コマンドラインを読み取れませんでした。
clap-did-you-mean = 似たものに { $suggestion } があります。
clap-try-help = 詳しくは --help を付けて実行してください。
clap-hidden-value = （非表示）
clap-note-pin-name = 注意：引数には暗証番号の種類（auth、sign、kenhojo、juki）を指定します。暗証番号そのものは指定しません。暗証番号は入力を求められたときに入力するか、--pin-stdin で渡してください。
cli-note-connecting = リーダーに接続しています（ほかのプログラムは使えません）。
cli-note-card-recognized = マイナンバーカードを確認しました。
cli-place-card = マイナンバーカードをリーダーに置いてください…（Ctrl-C で中止）
cli-no-sim = この mynapin は模擬カードなしでビルドされています（「sim」機能なし）。--sim、--sim-state、sim fixtures、sim serve は使えません。
cli-no-sim-todo = リーダーに置いたカードを使うか、模擬カードを含む mynapin（標準のビルド）を使ってください。

## output (src/cli/output.rs)

# 標準エラー出力のエラー報告（「mynapin: 」の後）。$what はエラーの内容（文）。
output-error = エラー：{ $what }
# JSON を書き出せなかった（内部エラー）。$error は JSON ライブラリが返した理由（英語）。
output-json-failed = 内部エラー：JSON を書き出せません（{ $error }）。

## 模擬カードの動き（src/cli/serve.rs：標準エラー出力）

serve-event-waiting = vpcd（{ $addr }）への接続を待っています（{ $why }）。pcscd は vpcd ドライバー付きで動いていますか。
serve-event-inserted = カードを入れました（vpcd：{ $addr }）。
serve-event-fault-removed = 障害の再現：{ $after }個の APDU に応答した後、カードを取り出しました。
serve-event-reconnecting = vpcd が接続を閉じました。接続し直します。
serve-event-muted = 障害の再現：{ $apdu }番目の APDU に応答しません。
serve-event-malformed = （形式が正しくないコマンド）
serve-event-empty-answer = 障害の再現：{ $apdu }番目の APDU に空の応答を返し、カードを取り出して入れ直します。
sim-hold = { $apdu }番目の APDU（{ $header }）への応答を{ $ms }ミリ秒保留します。

## TOML の誤り（src/cli/text.rs：模擬カードやプロファイルの TOML が決まった形に合わない）

toml-position = { $line }行目{ $column }文字目：{ "" }
toml-unknown-field = 使えない項目 `{ $field }` があります
toml-missing-field = 必要な項目 `{ $field }` がありません
toml-duplicate-key = 項目 `{ $field }` が2回書かれています
toml-unknown-variant = 使えない値 `{ $value }` があります
toml-invalid-value = 値の種類が正しくありません
toml-other = TOML として正しく書かれていません
