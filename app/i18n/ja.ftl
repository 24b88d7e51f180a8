# mynapin-app の画面だけのことば。暗証番号の名前・状態・結果・エラーのことばは mynapin-words の
# カタログにあり、ここには写しません。

app-title = マイナンバーカードの暗証番号
app-nav-status = カードの状態
app-nav-change = 暗証番号の変更
app-nav-guide = 再設定の案内
app-nav-settings = 設定

## カード
app-card-looking = カードリーダーを確認しています…
app-place-card = カードをリーダーに置いてください
app-place-card-detail = カードを置くと、4つの暗証番号の残り回数を読み取ります。読み取りでは暗証番号を使わず、回数も減りません。
app-card-reading = カードを読み取っています。カードを動かさないでください。
app-reader-name = リーダー：{ $name }
app-card-failed = カードを読み取れませんでした
app-card-failed-todo = カードをいったん外して、置き直してください。暗証番号は送っていないので、残り回数は減っていません。
app-pick-reader = カードリーダーが複数あります。使うリーダーを選んでください。
app-any-reader = カードを置いたリーダー
app-read-again = もう一度読み取る
app-reader-problem = カードリーダーが使えません
app-fix-service = リーダーを差し直してください。Windows では、リーダーを差すと「Smart Card」サービスが動き出します。それでも直らないときは、パソコンを再起動してください。
app-fix-no-reader = リーダーの USB ケーブルを差し直してください。Windows では、ソニーの RC-S300 は標準のドライバーで使えますが、旧型の RC-S380 はソニーの「NFCポートソフトウェア」を入れる必要があります。
app-fix-in-use = カードを使っているほかのプログラム（JPKI 利用者クライアントソフト、カードでログインしているブラウザなど）を閉じてください。閉じてから「もう一度読み取る」を押してください。
app-fix-other = リーダーを差し直して、カードを置き直してください。暗証番号は送っていないので、残り回数は減っていません。

## 状態
app-next-heading = 次にすること
app-next-fine = ロックされている暗証番号はありません。暗証番号を変えたいときは「暗証番号の変更」へ進んでください。
app-next-blocked = { $pins }がロックされています。パソコンでは解除できません。「再設定の案内」で、コンビニのキオスク端末で再設定できるか、市区町村の窓口に行くかを確かめてください。
app-next-last-try = { $pins }は残り1回です。次に間違えるとロックされます。確かにわかっているときだけ使い、わからないときは使わずに「再設定の案内」を見てください。
app-next-unknown = { $pins }の残り回数を、カードが答えませんでした。確かにわかっているときだけ使ってください。
app-next-cert-expired = 利用者証明用電子証明書の有効期限が切れています。暗証番号を変えても使えるようにはなりません。市区町村の窓口で新しい電子証明書の発行を受けてください（コンビニのキオスク端末ではできません）。
app-use-auth = マイナポータルへのログイン、コンビニでの証明書の交付、医療機関での受付などで使う数字4桁の暗証番号です。
app-use-sign = e-Tax などの電子申請で、書類に電子署名をするときに使うパスワード（英大文字と数字、6〜16文字）です。
app-use-kenhojo = 申請のときに、カードに記録された氏名・住所などを読み取るための数字4桁の暗証番号です。
app-use-juki = 住所の変更など、住民基本台帳の手続きで使う数字4桁の暗証番号です。
app-tries-left = 残り{ $n }回（全{ $max }回）
app-tries-unknown = 残り回数：不明（カードが答えませんでした）
app-tries-absent = このカードにはありません
app-juki-place = { $place }：{ $tries }
app-juki-mismatch = 注意：住民基本台帳用暗証番号は、カードの中の2か所で残り回数が違います。少ないほうが実際に使える回数です。変更すると2か所とも変わります。
app-no-sign-cert = このカードには署名用電子証明書がありません（15歳未満の方のカードでは普通のことです）。
app-date = { $y }年{ $m }月{ $d }日
app-cert-valid = 電子証明書の有効期限：{ $date }
app-cert-soon = 電子証明書の有効期限：{ $date }（あと{ $days }日）。期限までに市区町村の窓口で更新してください。
app-cert-expired = 電子証明書の有効期限が切れています（{ $date }）。
app-cert-absent = このカードには利用者証明用電子証明書がありません。
app-cert-unreadable = 電子証明書の有効期限を読み取れませんでした。
app-to-guide = ロックされた暗証番号の再設定の案内を見る

## 変更
app-change-title = 暗証番号の変更
app-change-needs-card = 変更するには、カードをリーダーに置いてください
app-change-choose = 変更する暗証番号を選んでください。数字4桁の暗証番号は、いくつかまとめて同じ番号に変更できます。
app-choose-pin = { $pin }（{ $state }）
app-change-sign-alone = 署名用パスワードは形式が違うので、ひとつだけで変更します。
app-change-juki-both = 住民基本台帳用暗証番号は、カードの中の2か所が両方とも変わります。
app-guide-for = { $pin }の再設定の案内
app-next = 次へ
app-stop = やめる
app-last-try = { $pin }は残り1回です。間違えるとロックされ、パソコンでは解除できなくなります。
app-count-unknown = { $pin }の残り回数を、カードが答えませんでした。残り1回かもしれません。
app-last-try-detail = いまの暗証番号が確かにわかっているときだけ続けてください。わからないときは「やめる」を押して、再設定の案内を見てください。
app-last-try-go = 確かにわかっているので、続ける
app-enter-current = いまの{ $pin }を入力してください
app-enter-new = 新しい暗証番号を入力してください
app-enter-confirm = 確認のため、新しい暗証番号をもう一度入力してください
app-key-back = 1文字消す
app-key-clear = すべて消す
app-key-entered = 入力した桁数
app-mismatch = 2回の入力が一致しませんでした。カードには何も送っていません。新しい暗証番号をもう一度入力してください。
app-normalized-fullwidth = 全角の文字は半角にして使います。
app-normalized-upper = 小文字は大文字にして使います（カードは大文字で記録しています）。
app-weak-same = 注意：新しい暗証番号はすべて同じ文字で、推測されやすいものです。変えるときは「やめる」を押してください。
app-weak-run = 注意：新しい暗証番号は連続した文字で、推測されやすいものです。変えるときは「やめる」を押してください。
app-review = 次の場所の暗証番号を変更します。まだ何も送っていません。
app-pad-review = このリーダーにはテンキーがあります。暗証番号はリーダーのテンキーで入力します（パソコンには入力しません）。
app-change-go = 変更する
app-change-running = 変更しています。カードを動かさないでください。
app-progress-accepted = いまの暗証番号が正しいことを確かめました。
app-progress-changing = { $place }を変更しています…
app-pad-type = リーダーのテンキーで{ $what }を入力してください（{ $no }/{ $total }）
app-pad-current = いまの{ $pin }
app-pad-new = 新しい暗証番号
app-change-done = 変更しました
app-change-stopped = 変更は最後まで進みませんでした
app-change-not-started = カードに届きませんでした

## 案内
app-guide-title = 再設定の案内
app-guide-which = どの暗証番号ですか
app-guide-state = いまの状態
app-guide-blocked = ロックされている
app-guide-forgotten = 忘れた
app-guide-city = 市区町村（窓口の案内と持ち物）
app-guide-no-city = 選ばない（全国共通の案内）
app-guide-print = 印刷用のページを開く
app-guide-printed = 印刷用のページをブラウザで開きました。ブラウザの印刷で印刷してください。
app-guide-print-failed = 印刷用のページを開けませんでした（{ $reason }）。「ファイルに保存」を試してください。
app-guide-save = ファイルに保存
app-guide-saved = 保存しました：{ $path }
app-guide-save-failed = 保存できませんでした（{ $reason }）。

## 設定
app-settings-title = 設定
app-settings-language = ことば
app-settings-text-size = 文字の大きさ
app-settings-contrast = 白黒のはっきりした表示にする
app-settings-offline = このアプリはインターネットに接続しません。カードとのやりとりは、このパソコンのカードリーダーだけで行います。
app-licence-title = フォントのライセンス
app-diagnostics-title = 問い合わせ用の情報
app-diagnostics-what = 問い合わせ窓口に伝える情報です。暗証番号は含まれていません。
app-diagnostics-copy = コピーする
