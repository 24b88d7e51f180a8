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
state-absent = なし
state-unknown = 不明
counter-not-reported = カードが残り回数を返しませんでした（0回という意味ではありません。応答 { $sw }）。
counter-implausible = カードがこの暗証番号の上限を超える残り回数を返しました。この回数は信頼できません（応答 { $sw }）。
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
## status, watch, readers, doctor, sim, serve, completions（src/cli/status.rs、watch.rs、readers.rs、doctor.rs、serve.rs、completions.rs、text.rs）

# 模擬カードを入れたリーダーの名前。$fixture は模擬カードの名前（fresh などの識別子）かファイル名、
# $path は --sim-state のファイル。
sim-reader-name = mynapin 模擬カード
sim-reader-name-fixture = mynapin 模擬カード（{ $fixture }）
sim-reader-name-state = mynapin 模擬カード（状態ファイル { $path }）

# mynapin status。$name はリーダーの名前、$token はカードの JPKI の表示名。
status-reader = リーダー：{ $name }
status-card = カード：マイナンバーカード（{ $token }）
# 利用者証明用電子証明書。$date は有効期限の最終日（YYYY-MM-DD）、$days は残りの日数。
status-cert-valid = 電子証明書：利用者証明用（有効期限：{ $date }）
status-cert-expires-soon = 電子証明書：利用者証明用（有効期限：{ $date }、あと{ $days }日）
status-cert-expired = 電子証明書：利用者証明用（有効期限切れ：{ $date }）
status-cert-absent = 電子証明書：このカードには利用者証明用電子証明書がありません。
status-cert-unreadable = 電子証明書：利用者証明用電子証明書を読み取れませんでした。
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
# --verbose のとき：カード内の場所と、その技術的な名前（$tech、例「住基AP、EF 0018」）。
status-ref-tech = { $place }：{ $tech }

# mynapin watch。
watch-needs-reader = watch はカードの出し入れを待つため、カードリーダーが必要です。
watch-needs-reader-todo = 模擬カードで試す場合は、mynapin sim serve で模擬カードを pcscd に接続してください（README をご覧ください）。
watch-waiting = カードを待っています。リーダーにカードを置いてください（Ctrl-C で終了します）。
# カードごとの見出し。$n は開始から数えたカードの枚数。
watch-card = == { $n }枚目 ==
# 読み取れなかったカード：$n は同上、$reader はリーダー、$what は理由。
watch-card-failed = == { $n }枚目 == { $reader }：{ $what }
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
