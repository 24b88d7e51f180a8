# mynapin のメッセージ（日本語）。英語（en.ftl）と同じメッセージを同じ変数で持つこと。
# 住民の方が読んで迷わない言葉で書く：文は「。」で終え、列挙は「、」でつなぐ。
# 日本語の文中に半角の . , ( : を使わない。回数には助数詞を付ける（「1回」）。

## 共通の語

list-separator = 、

# 日付の書き方。YYYY は年、MM と DD は2桁の月と日、M と D は0を付けない月と日。ほかの文字はそのまま書く。
date-pattern = YYYY年M月D日

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

## guide (words/src/guide/ for every front end, src/cli/guide.rs and guide_text.rs for the command line; core/src/procedure/national.rs, core/src/procedure/documents.rs)

guide-reset-kiosk-or-counter = コンビニのキオスク端末（{ $partner }が分かる場合）か市区町村の窓口でしか再設定できません
guide-reset-counter-only = 市区町村の窓口でしか再設定できません

# 手続きの方法（短い名前）。
route-home = 自宅で変更
route-kiosk = コンビニのキオスク端末
route-counter = 住民登録のある市区町村の窓口

# 全国共通のルール（src/procedure/national.rs）。ID はルールの ID の . と _ を - にしたもの。
rule-home-change = 暗証番号が分かっていてロックされていなければ、カードリーダーを使って自宅で変更できます（JPKI利用者クライアントソフトでは4種類すべてを変更できます）。
rule-change-needs-current-pin = 変更には現在の暗証番号が必要です。忘れた暗証番号やロックされた暗証番号は、再設定の手続きになります。
rule-kiosk-jpki-pins-only = キオスク端末で再設定できるのは、電子証明書の2種類の暗証番号だけです。住民基本台帳用と券面事項入力補助用の暗証番号は、市区町村の窓口で再設定します。
rule-kiosk-partner-pin = キオスク端末で電子証明書の一方の暗証番号を再設定するには、もう一方の暗証番号（分かっていて、ロックされていないもの）を入力します。両方とも分からない場合は、窓口でのみ手続きできます。
rule-kiosk-valid-certificates = キオスク端末で再設定するには、両方の電子証明書が有効期限内であること、署名用電子証明書が失効していないこと、発行後に基本4情報（氏名、住所、生年月日、性別）が変わっていないことが必要です。
rule-kiosk-holder-with-smartphone = キオスク端末での再設定は、本人がスマートフォンのアプリで予約します（アプリがカードの顔写真と本人の顔を照合します）。
rule-kiosk-only-for-resets = キオスク端末は、忘れた暗証番号やロックされた暗証番号を再設定するためのものです。分かっている暗証番号は、そのまま変更できます。
rule-counter-any-pin = 市区町村の窓口では、4種類すべての暗証番号を再設定または変更できます。
rule-counter-legal-representative = 15歳未満の方や成年被後見人の方の場合は、法定代理人が窓口で手続きします。
rule-cert-no-signature-certificate = 15歳未満の方と成年被後見人の方のカード、および顔認証マイナンバーカードには、署名用電子証明書（署名用パスワード）が搭載されません。それ以外の方も、搭載しないことを選べます。
rule-cert-expired-renew-at-counter = 有効期限が切れた電子証明書は、窓口で新しく発行し、その際に暗証番号を設定します。キオスク端末では手続きできません。
rule-cert-signature-revoked-by-move-or-name = 転居や氏名の変更により、署名用電子証明書は失効します。窓口で新しい証明書を発行し、その際にパスワードを設定します。
rule-card-face-authentication = 顔認証マイナンバーカード（2023年12月から）には暗証番号と署名用電子証明書がなく、暗証番号が必要なサービスは使えません。窓口で通常のカードに切り替えることができ、その際に暗証番号を設定します。
rule-counter-city-rules = 窓口で申請できる方と持ち物は、市区町村ごとに定められています。市区町村のページの記載が根拠になります。
rule-counter-baseline-checklist = 窓口で一般に求められるものは、本人のマイナンバーカード、本人確認書類、代理人の場合は代理権を証明する書類と代理人の本人確認書類です。

# コンビニのキオスク端末での再設定（J-LIS）。
kiosk-fee = 無料
kiosk-sign-stores = セブン-イレブン、ローソン、ファミリーマート、ミニストップ、イオンリテールなど
kiosk-auth-stores = 一部の店舗のみ（セブン-イレブン、イオンリテールなど）
kiosk-check = 対応店舗の最新の一覧は、公的個人認証サービス ポータルサイトで確認してください。

# 窓口で求められる書類（src/procedure/documents.rs）。市区町村のページの書き方に合わせる。
doc-mynumber-card = 本人のマイナンバーカード
doc-own-mynumber-card = マイナンバーカード（手続きするカードとは別の、代理人自身のもの）
doc-drivers-license = 運転免許証
doc-driving-history-certificate = 運転経歴証明書
doc-passport = パスポート（旅券）
doc-physical-disability-certificate = 身体障がい者手帳
doc-mental-disability-certificate = 精神障がい者保健福祉手帳
doc-ryoiku-techo = 療育手帳
doc-residence-card = 在留カード
doc-special-permanent-resident-certificate = 特別永住者証明書
doc-temporary-refuge-permit = 一時庇護許可書
doc-provisional-stay-permit = 仮滞在許可書
doc-qualification-certificate = 資格確認書
doc-pension-book = 年金手帳
doc-pension-certificate = 各種年金証書
doc-welfare-recipient-certificate = 生活保護受給者証
doc-child-support-allowance-certificate = 児童扶養手当証書
doc-medical-recipient-certificate = 医療受給者証
doc-medical-certificate = 医療証
doc-official-license = 官公署が発行した各種免許状等（海技免状、電気工事士免状、宅地建物取引士証など）
doc-photo-staff-or-student-id = 顔写真付の職員証または学生証
doc-health-insurance-card = 健康保険証（2025年12月1日で有効期限切れ。資格確認書かマイナ保険証に代わりました）
doc-employee-id = 社員証
doc-student-id = 学生証
doc-registry-certificate = 登記事項証明
doc-family-register = 戸籍謄本
doc-inquiry-answer-sheet = 照会書兼回答書（照会回答書）
doc-power-of-attorney = 委任状
doc-sealed-pin = 密封した暗証番号
doc-long-term-care-insurance-card = 介護保険の被保険者証
# 手続きの方法（見出し）。$purpose は guide-purpose-* のいずれか。
route-heading-home = ご自身で変更（自宅でカードリーダーを使用）
route-heading-kiosk = コンビニのキオスク端末（マルチコピー機）
route-heading-counter = 住民登録のある市区町村の窓口（{ $purpose }）
guide-purpose-change = 変更
guide-purpose-reset = 再設定
guide-purpose-renew-certificates = 電子証明書の再発行
guide-purpose-issue-signature-certificate = 署名用電子証明書の発行
guide-purpose-switch-to-normal-card = 通常のカードへの切替

# その方法が使えない理由。$pin は暗証番号の短い名前、$id はその ID（auth、sign）。
guide-why-needs-current-pin = 変更には現在の暗証番号が必要です。
guide-why-blocked = ロックされた暗証番号は変更できません。再設定が必要です。
guide-why-certificate-expired = 電子証明書の有効期限が切れています。窓口で新しい証明書を発行し、その際に暗証番号を設定します。
guide-why-certificate-revoked = 署名用電子証明書が失効しています（転居や氏名の変更など）。窓口で新しい証明書の発行が必要です。
guide-why-kiosk-not-for-this-pin = キオスク端末で再設定できるのは、電子証明書の2種類の暗証番号（利用者証明用、署名用）だけです。
guide-why-not-needed = 暗証番号が分かっているため、必要ありません。
guide-why-partner-unknown = キオスク端末では{ $pin }を入力します。{ $pin }が分かっていて、ロックされていない場合に使えます。
guide-why-partner-blocked = キオスク端末で入力する{ $pin }も、ロックされています。
guide-why-partner-absent = カードに署名用電子証明書（署名用パスワード）がありません（15歳未満の方、成年被後見人の方、顔認証マイナンバーカード、または搭載しなかった場合）。
guide-why-holder-only = キオスク端末での再設定は、本人がご自身のスマートフォンと顔照合で行うものです。
guide-why-needs-legal-representative = 15歳未満の方や成年被後見人の方の場合は、法定代理人が申請します。
guide-why-applicant-not-allowed = この市では、この方からの申請は受け付けていません。
guide-why-face-auth-card = 顔認証マイナンバーカードには暗証番号がありません。窓口で通常のカードに切り替えるまで、暗証番号が必要なサービスは使えません。
guide-why-signature-certificate-not-issued = 15歳未満の方と成年被後見人の方には、署名用電子証明書は発行されません。
# 理由と理由の間（日本語では各理由が「。」で終わるため何も入れない）。
guide-why-separator = {""}

guide-routes-none = 手続き：現状では利用できる方法がありません（理由は下に記載しています）。
guide-routes-one = 手続き：{ $route }のみです。
guide-routes-many = 手続き：{ $routes }のいずれかです。
guide-routes-or = 、または
guide-first-home = まず：カードをカードリーダーに置き、mynapin change { $pin } でご自身で変更します。
guide-first-home-plain = まず：カードリーダーとパソコンを使って、ご自身で変更します。
guide-first-kiosk = まず（キオスク端末）：スマートフォンアプリ「{ $app }」で予約し、{ $hours }時間以内にコンビニのマルチコピー機で再設定します（{ $opens }〜{ $closes }、{ $fee }）。
guide-first-kiosk-if-partner = まず（キオスク端末）：{ $partner }が分かる場合は、スマートフォンアプリ「{ $app }」で予約し、{ $hours }時間以内にコンビニのマルチコピー機で再設定します（{ $opens }〜{ $closes }、{ $fee }）。分からない場合は、住民登録のある市区町村の窓口で手続きします。
guide-first-counter = まず：カードと本人確認書類を持って、住民登録のある市区町村の窓口へ行きます（{ $purpose }）。
guide-first-counter-agent = まず：代理人が、住民登録のある市区町村の窓口で申請します（1回目）。後日、市区町村から本人あてに照会書（照会書兼回答書）が郵送されます。本人が記入した照会書を持って、代理人がもう一度窓口へ行きます（2回目）。来庁は{ $n }回です。
guide-first-counter-contact = まず：来庁の前に市区町村へ連絡し、代理人の手続きに必要な書類（照会書など）を郵送してもらいます（届くまで数日かかります）。届いた書類を持って、代理人が住民登録のある市区町村の窓口へ行きます。
guide-kiosk-cannot = キオスク端末は使えません。{ $why }{ $first }

guide-title = マイナンバーカードの暗証番号：手続きの案内
guide-title-city = { $title } — { $city }
guide-city = 市区町村：{ $city }（出典：{ $source }）
guide-city-none = 市区町村：指定なし。下の持ち物は、いくつかの市のページから作成した一般的な目安です。国や市区町村が定めたものではありません。
guide-where = 手続きは、本人が住民登録をしている市区町村の窓口で行います。
guide-where-find = その市区町村のページは、「（市区町村名） マイナンバーカード 暗証番号 再設定」で検索すると見つかります。見つからない場合は、市区町村の代表電話に問い合わせてください。
guide-where-city = この案内は、{ $city }に住民登録のある方のためのものです。
guide-applicant = 申請する方：{ $who }
guide-applicant-self = 本人
guide-applicant-legal = 法定代理人
guide-applicant-agent = 任意代理人
guide-card-unreadable = カードを読み取れませんでした：{ $what }
guide-every-pin = 暗証番号の種類が指定されていないため、4種類の暗証番号それぞれについて、忘れた場合・ロックされた場合の手続きの要点を示します。
guide-every-pin-more = 詳しい手順と持ち物は、mynapin guide { $pin } --state forgotten で確認できます。
guide-every-pin-verbose = 根拠と出典も表示するには：mynapin -v guide
guide-read-from-card = （暗証番号の状態と電子証明書の有効期限は、カードから読み取りました。）
guide-none-blocked = このカードにロックされた暗証番号はありません。忘れた暗証番号があれば、その暗証番号について案内を表示できます（例：mynapin guide auth --state forgotten）。
guide-none-blocked-plain = このカードにロックされた暗証番号はありません。
guide-pin-heading = { $pin } — { $state }
guide-state-blocked = ロック中
guide-state-forgotten = 忘れた場合
guide-state-known = 分かっている場合
guide-route-heading = { $n }．【{ $mark }】{ $route }
guide-available = 利用可
guide-not-available = 利用不可
guide-conditional = 条件付き
guide-kiosk-condition = { $partner }が分かっていて、ロックされていない場合に使えます。分からない場合やロックされている場合は、窓口で手続きします。
guide-juki-two-places = 住民基本台帳用暗証番号は、カードの中の2か所に記録されています。変更や再設定では、2か所が一緒に変わります。
guide-visits = 来庁回数：{ $n }回
guide-notes = 注意事項
guide-why-heading = 根拠：ルールと出典
guide-rule-line = { $says }{ $refs }
guide-rule-line-verbose = { $says }（{ $id }）{ $refs }

guide-step-home = カードをカードリーダーに置いて `mynapin change { $pin }` を実行します（現在の暗証番号を1回、新しい暗証番号を2回入力します）。
guide-step-home-plain = カードリーダーとパソコンで、現在の暗証番号を1回、新しい暗証番号を2回入力して変更します。
guide-step-home-juki = mynapin は、カード内の2か所に登録されたこの暗証番号を両方とも変更します。マイナポータルではこの暗証番号は変更できません。JPKI利用者クライアントソフトでは変更できます。
guide-step-home-juki-verbose = この変更に使うカードコマンドの公開情報は、1件しか見つかっていません。
guide-step-kiosk-reserve = マイナンバーカードを読み取れるスマートフォンに、アプリ「{ $app }」を入れて予約します（カードの券面を撮影し、ICチップを読み取り、顔を照合します）。
guide-step-kiosk-go = 予約から{ $hours }時間以内に、コンビニのマルチコピー機へ行きます（{ $opens }〜{ $closes }、{ $fee }）。
guide-step-kiosk-enter = マルチコピー機で{ $partner }を入力し、新しい{ $pin }を設定します。
guide-step-kiosk-conditions = 条件：{ $rule }
guide-step-kiosk-stores = { $pin }を再設定できる店舗：{ $stores }。{ $check }
guide-step-contact-first = 来庁前に、必ず市へ連絡してください。
guide-step-counter-change = 窓口で現在の暗証番号を入力し、新しい暗証番号を設定します。
guide-step-counter-reset = 窓口で暗証番号を初期化し、新しい暗証番号を設定します。
guide-step-counter-renew-certificates = 窓口で電子証明書を新しく発行（更新）し、暗証番号を設定し直します。キオスク端末ではできません。
guide-step-counter-issue-signature-certificate = 窓口で署名用電子証明書を新しく発行し、署名用パスワード（英大文字と数字で6〜16文字）を設定します。
guide-step-counter-switch-to-normal-card = 窓口で顔認証マイナンバーカードを通常のカードに切り替え、暗証番号を設定します。それまでは本人確認書類とマイナ保険証（顔認証）としては使えますが、暗証番号が必要なサービスは使えません。

guide-office = 窓口：{ $name }
guide-agents = 代理人による申請：{ $value }
guide-agents-yes = 可
guide-agents-no = 不可
guide-not-stated = 記載なし
guide-hours = 受付時間：{ $text }
guide-holidays = 休日開庁：{ $text }
guide-reservation = 予約：{ $text }
guide-phone = 電話：{ $name } { $number }（{ $hours }）
guide-fee = 手数料：{ $fee }
guide-fee-not-stated = この手続きについては記載なし

guide-documents-not-stated = 必要書類：市のページには記載がありません。市に確認してください。
guide-no-rule-for-applicant = このページには、この方が申請する場合の必要書類が記載されていません。市に確認してください。
guide-bring-national = 持ち物（一般的な目安です。市区町村が定めたものではないため、市区町村に確認してください）
guide-bring-city = 持ち物（{ $city }）
guide-documents-national-instead = 必要書類：市のページには記載がありません。市に確認してください。窓口で一般に求められるものは次のとおりです：
guide-not-needed-same-household = { " — " }不要（同一世帯であることを確認済み）
guide-category = { $name }：{ $docs }
guide-count = { $name }{ $n }点
guide-count-and = と
guide-count-or = 、または
guide-documents-satisfied = 提示書類：そろっています。
guide-documents-missing = 提示書類：不足があります。不足しているもの：
guide-need-have = 必要：{ $need }。提示：{ $have }。
guide-have-none = なし
guide-checklist-source = 持ち物の出典：{ $source }
guide-updated = { $date }更新
guide-address-not-recorded = アドレス未記録（市のホームページでページ名を検索してください）
guide-box-presented = 提示済み
guide-box-to-bring = 未確認
guide-record-heading = 窓口記入欄
guide-record-date = 受付日
guide-record-applicant = 申請者氏名
guide-record-clerk = 担当者
guide-record-presented = 提示された書類
have-holder-word = 本人
have-representative-word = 代理人
guide-source-section = { $source }、見出し「{ $section }」
guide-source-checked = { $date }確認

## 模擬カードの設定の誤り（src/sim/fixture.rs、src/cli/error.rs の fixture_reason：模擬カードの設定の値や sim serve --fault の指定のどこが正しくないか）

# 次にすること（どの画面でも使える言葉。コマンドやオプションは含めない。コマンドラインは change-todo-… で言う）。
# $place：暗証番号を登録している場所。$secret：暗証番号かパスワード。$max：その場所の上限回数。$pin：暗証番号の名前。
next-step-finish = { $place }は元の{ $secret }のままです。現在の{ $secret }として元の{ $secret }を、新しい{ $secret }として新しい{ $secret }を入力して、もう一度変更してください。
next-step-find-out = { $place }は元の{ $secret }と新しい{ $secret }のどちらかになっていますが、どちらなのかは分かりません。残り回数の確認では回数は減りません。どちらかを入力して確かめる場合、カードに設定されていない方を入力すると、{ $max }回のうち1回が減ります。
next-step-read-status = 先に残り回数を確認してください。確認では回数は減りません。
next-step-see-guide = { $pin }はロックされています。再設定の手順を確認してください。
# 停止までに、残り回数の確認と正しい照合のほかにも送ったとき。
sent-more = 残り回数が減る指示や暗証番号を変更する指示もカードに送りました。カード内の場所ごとに、どうなったかをお知らせします。
