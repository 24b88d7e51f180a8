# mynapin のメッセージ（日本語）。英語（en.ftl）と同じメッセージを同じ変数で持つこと。
# 住民の方が読んで迷わない言葉で書く：文は「。」で終え、列挙は「、」でつなぐ。
# 日本語の文中に半角の . , ( : を使わない。回数には助数詞を付ける（「1回」）。

## 共通の語

list-separator = 、

## 暗証番号、カード内の場所、状態（src/cli/text.rs）

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
state-ok = 正常
state-low = 注意：残り1回
state-blocked = ロック中
state-absent = なし
state-unknown = 不明
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
change-place-juki = { $pin }（{ $n }か所目）
change-outcome-changed = 変更しました（新しい{ $secret }になっています）
change-outcome-not-sent = 変更していません（元の{ $secret }のままです。変更の指示はカードに送っていません）
change-outcome-refused = 変更されていません（カードが { $sw }（{ $meaning }）で拒否しました。元の{ $secret }のままです）
change-outcome-unknown-answer = 変更されたかどうか分かりません（カードの応答 { $sw }（{ $meaning }）からは判断できません。元の{ $secret }か新しい{ $secret }のどちらかです）
change-outcome-no-answer = 変更されたかどうか分かりません（変更への応答が途絶えました。元の{ $secret }か新しい{ $secret }のどちらかです）
change-checked-wrong = 現在の{ $secret }が違いました（残り回数が1回減りました）
change-checked-unknown = 確認への応答が得られなかったため、残り回数が1回減った可能性があります
change-sign-alone = 署名用パスワードは、数字4桁の暗証番号と一緒には変更できません。

## error, sw, step, prompt (src/cli/error.rs, src/cli/secret_input.rs, text::sw_meaning)

# 中止する前にカードへ送ったもの。
error-sent-counters-only = 残り回数の確認のほかは、カードに何も送っていません。残り回数は減っていません。
# $pins：照合した暗証番号やパスワードの名前（「、」でつないだもの）。$count：その数。
error-sent-verified = 現在の{ $pins }はカードで照合し、正しいことを確認しました（{ $count ->
    *[other] 残り回数は上限に戻っています
}）。何も変更していません。

error-cancelled-what = 入力の途中で中止しました。
# $expected：必要な行数。$got：渡された行数。
error-input-ended-what = 入力が途中で終わりました（{ $expected }行必要なところ、{ $got }行でした）。
error-input-eof-what = 何も入力されないまま、入力が終了しました（Ctrl-D）。
error-input-too-long-what = 入力が{ $max }バイトを超えています。暗証番号やパスワードとしては長すぎます。
error-input-timeout-what = 時間内に入力がありませんでした。
# $why：読み取れない理由。
error-input-unreadable-what = 入力を読み取れません：{ $why }。

# 入力の誤り。$which は error-which-current か error-which-new。
error-which-current = { $pin }
error-which-new = 新しい{ $pin }
error-pin-empty = { $which }が入力されていません。
error-pin-bad-character = { $which }に使えない文字があります（{ $position }文字目）。
error-pin-not-digits = { $which }は数字だけで入力してください。
error-pin-length = { $which }が{ $got }文字です。
error-pin-digits-length = { $which }が{ $got }桁です。
error-pin-letter-and-digit = { $which }には英字と数字をそれぞれ1文字以上含めてください。
error-mismatch-once = 確認のための2回目の入力が、1回目と一致しません。
error-mismatch-many = 確認のための2回目の入力が、{ $attempts }回とも1回目と一致しませんでした。
error-same-as-current-what = 新しい{ $pin }が現在のものと同じです。
# $id：--only-ref に渡された名前（juki-common など）。
error-no-such-reference-what = { $id } は、この暗証番号が登録されているカード内の場所ではありません。
error-declined-what = 確認が得られなかったため、最後の1回は使っていません。

error-ref-phrase = { $pin }（{ $n }か所目）
error-pinpad-timeout-what = 時間内にリーダーのキーパッドで入力されませんでした（{ $name }）。
error-pinpad-cancelled-what = リーダーで{ $name }の入力が取り消されました。
error-pinpad-entries-differ-what = リーダーで入力した新しい{ $name }の1回目と2回目が一致しません。変更していません。
error-pinpad-wrong-length-what = リーダーで入力した{ $name }が4桁ではありません。
error-pinpad-wrong-length-new-what = リーダーで入力した新しい{ $name }が4桁ではありません。
error-pinpad-rejected-what = リーダーが暗証番号の入力の設定を受け付けませんでした（6B 80）。
error-no-pinpad-what = --pinpad always が指定されましたが、このリーダーには数字4桁の暗証番号を入力できるキーパッドがありません。
error-pad-not-for-pin-what = { $pin }は、リーダーの数字のキーパッドでは入力できません。

# カードの誤り。$sw：応答の16進数（63 C2）。$meaning：その意味。$step：行っていた処理。
# $kind：カードの種類の説明（card-… のメッセージ。文末の「。」まで含む）。
error-not-my-number-card-what = { $kind }
error-unexpected-answer-what = { $step }で、カードから想定外の応答がありました（{ $sw }：{ $meaning }）。
error-blocked-what = { $name }はロックされています（残り0回）。再設定が必要です。
error-blocked-on-verify-what = 残り回数があると表示されていましたが、カードは{ $name }の照合をロック中（{ $sw }）として受け付けませんでした。この照合で残り回数が減ったかどうかは分かりません。
error-verify-unknown-answer-what = { $name }の照合に対し、カードは正しいとも違うとも分からない応答を返しました（{ $sw }：{ $meaning }）。残り回数が1回減った可能性があります。
error-verify-unknown-lost-what = { $name }の照合の応答が得られませんでした（カードが応答しなくなったか、リーダーから外れました）。残り回数が1回減った可能性があります。
error-count-implausible-what = カードは{ $name }の残り回数として { $sw } を返しました。上限（{ $max }回）を超えているため、この回数は信頼できません。
error-last-try-what = { $name }は残り1回です。ここで間違えるとロックされ、{ $routes }。
error-count-unknown-what = カードが{ $name }の残り回数を返さなかったため、これが最後の1回でないと確かめられません。
error-absent-what = このカードには{ $name }がありません。
error-out-of-sequence-what = 内部エラー：{ $name }の変更の前に照合が行われていません。カードには何も送っていません。
error-wrong-pin-blocked-what = { $name }が違います。ロックされました（残り0回）。
error-wrong-pin-left-what = { $name }が違います。残り回数が1回減り、残り{ $n }回です。
error-wrong-pin-last-what = { $name }が違います。残り回数が1回減り、残りは最後の1回だけです。
error-wrong-pin-unknown-what = { $name }が違います。カードは残り回数を返しませんでした。

# リーダーと PC/SC の誤り。
error-no-service-what = PC/SC サービス（pcscd）が動いていません。
error-no-service-windows-what = スマートカード サービス（SCardSvr）が動いていません。
error-service-stopped-what = カードを待っている間に PC/SC サービス（pcscd）が停止しました。カードには何も送っていません。
error-no-reader-what = ICカードリーダーが接続されていません。
error-reader-not-found-what = 「{ $selector }」に一致するリーダーがありません。
error-ambiguous-reader-what = 対象のリーダーが複数あります。
error-no-card-what = リーダー（{ $reader }）にカードがありません。
error-card-removed-what = 処理中にカードが外れたか、通信が途切れました。
error-card-removed-not-sent-what = 次のコマンドを送る前にカードがカードリーダーから取り外されました。そのコマンドはカードに届いていません。
error-card-in-use-what = カードは別のプログラムが使用中です。
error-card-reset-what = 処理中に別のプログラムがカードをリセットしました。
error-bad-response-what = カードの応答が途切れたか、正しくありませんでした（カードがリーダーから外れた可能性があります）。
error-timeout-what = カードが{ $secs }秒以内に応答しなかったため、中止しました。
error-connect-timeout-what = { $secs }秒以内にカードに接続できませんでした。別のプログラムが使用中の可能性があります。
error-no-card-in-time-what = { $secs }秒以内にカードがリーダーに置かれませんでした。
error-interrupted-sigterm-what = 終了の指示（SIGTERM）を受けたため、カードへの次の命令の前で停止しました。
error-interrupted-ctrl-c-what = Ctrl-C が押されたため、カードへの次の命令の前で停止しました。
error-interrupted-sighup-what = 端末が閉じられた（SIGHUP）ため、カードへの次の命令の前で停止しました。
error-interrupted-sigquit-what = Ctrl-\（SIGQUIT）が押されたため、カードへの次の命令の前で停止しました。
error-interrupted-sigpipe-what = 出力先が閉じられた（SIGPIPE）ため、カードへの次の命令の前で停止しました。
error-abandoned-what = { $cause }。処理中の命令にカードが{ $secs }秒たっても応答しなかったため、指示どおり待つのをやめました。その命令が実行されたかどうかは分かりません。
stop-cause-ctrl-c = Ctrl-C が押されました
stop-cause-sigterm = 終了の指示（SIGTERM）を受けました
stop-cause-sighup = 端末が閉じられました（SIGHUP）
stop-cause-sigquit = Ctrl-\ が押されました（SIGQUIT）
stop-cause-sigpipe = 出力先が閉じられました（SIGPIPE）
error-internal-encode-what = 内部エラー：カードへの命令を組み立てられませんでした。カードには何も送っていません。
error-reader-unsupported-what = リーダーがこの要求（キーパッドでの入力）に対応していません。
# $reason：PC/SC が伝えた内容。$code：そのコード（16進数）。
error-pcsc-what = PC/SC のエラーです（{ $code }）：{ $reason }。
error-pcsc-reader-unavailable = リーダーが使える状態ではありません
error-pcsc-unknown-reader = 指定されたリーダーが見つかりません
error-pcsc-unpowered-card = カードに電源が入っていません
error-pcsc-unresponsive-card = カードが応答しません
error-pcsc-unsupported-card = このリーダーはカードに対応していません
error-pcsc-service-stopped = PC/SC サービスが停止しました
error-pcsc-comm-error = リーダーとの通信に失敗しました
error-pcsc-no-access = アクセスが拒否されました
error-pcsc-timeout = リーダーが時間内に応答しませんでした
error-pcsc-other = 詳しくは、このコードについて PC/SC の資料を確認してください

# カードから想定外の応答があったときに行っていた処理（「…で、カードから想定外の応答」）。
step-select-applet = { $applet }の選択
step-applet-jpki = 公的個人認証の機能
step-applet-kenhojo = 券面事項入力補助の機能
step-applet-juki = 住民基本台帳の機能
step-applet-common = 共通の機能
step-applet-kenmen = 券面事項確認の機能
step-select-file = ファイルの選択
step-read-token = カードの種類の読み取り
step-counter-query = 残り回数の確認
step-verify = 暗証番号の照合
step-change-reference-data = 暗証番号の変更
step-change-key = 暗証番号の変更
step-read-certificate = 電子証明書の読み取り

# カードの応答（2バイトの状態語）の意味。16進数の後に（）で示す。
sw-success = 正常終了
sw-bytes-available = 応答の続きがあります
sw-end-of-file = 指定の長さを読む前にファイルの終わりに達しました
sw-verification-failed-no-counter = 照合の失敗（残り回数の通知なし）
sw-retries-left-none = 照合の失敗、残り0回（ロック中）
sw-retries-left = 照合の失敗、または残り回数の通知
sw-memory-failure = メモリの異常
sw-wrong-length = データの長さの誤り
sw-logical-channel-not-supported = 論理チャネルに対応していません
sw-secure-messaging-not-supported = 暗号化された通信に対応していません
sw-incompatible-file-structure = ファイルの構造に合わない命令です
sw-security-status-not-satisfied = 必要な照合が済んでいません
sw-authentication-method-blocked = 認証の方法がロックされています
sw-reference-data-not-usable = 照合に使うデータが使えません（ロック中）
sw-conditions-not-satisfied = 使用の条件を満たしていません
sw-command-not-allowed = この命令は使えません（ファイルが選ばれていません）
sw-incorrect-data = データフィールドのパラメータが正しくありません
sw-function-not-supported = この機能には対応していません
sw-file-not-found = ファイルまたは機能が見つかりません
sw-incorrect-p1-p2 = 命令のパラメータが正しくありません
sw-referenced-data-not-found = 指定したデータが見つかりません
sw-wrong-p1-p2 = 命令のパラメータの誤り（ファイルの範囲外）
sw-wrong-le = 応答の長さの指定の誤り
sw-ins-not-supported = この命令には対応していません
sw-cla-not-supported = この種類の命令には対応していません
sw-no-precise-diagnosis = 詳しい原因は不明です
sw-other-warning = 警告
sw-other-execution-error = 実行時の誤り
sw-other-checking-error = 命令の検査での誤り
sw-other-unknown = 不明な応答

## guide (src/cli/guide.rs, src/cli/guide_text.rs, src/cli/profile_cmd.rs, src/procedure/national.rs, src/procedure/documents.rs)

guide-reset-kiosk-or-counter = コンビニのキオスク端末（{ $partner }が分かる場合）か市区町村の窓口でしか再設定できません
guide-reset-counter-only = 市区町村の窓口でしか再設定できません

# 手続きの方法（短い名前）。
route-home = 自宅で変更
route-kiosk = コンビニのキオスク端末
route-counter = 住民登録のある市区町村の窓口

## 模擬カードの設定の誤り（src/sim/fixture.rs、src/cli/error.rs の fixture_reason：模擬カードの設定の値や sim serve --fault の指定のどこが正しくないか）

# 次にすること（どの画面でも使える言葉。コマンドやオプションは含めない。コマンドラインは change-todo-… で言う）。
# $place：暗証番号を登録している場所。$secret：暗証番号かパスワード。$max：その場所の上限回数。$pin：暗証番号の名前。
next-step-finish = { $place }は元の{ $secret }のままです。現在の{ $secret }として元の{ $secret }を、新しい{ $secret }として新しい{ $secret }を入力して、もう一度変更してください。
next-step-find-out = { $place }は元の{ $secret }と新しい{ $secret }のどちらかになっていますが、どちらなのかは分かりません。残り回数の確認では回数は減りません。どちらかを入力して確かめる場合、カードに設定されていない方を入力すると、{ $max }回のうち1回が減ります。
next-step-read-status = 先に残り回数を確認してください。確認では回数は減りません。
next-step-see-guide = { $pin }はロックされています。再設定の手順を確認してください。
# 停止までに、残り回数の確認と正しい照合のほかにも送ったとき。
sent-more = 残り回数が減る指示や暗証番号を変更する指示もカードに送りました。カード内の場所ごとに、どうなったかをお知らせします。
