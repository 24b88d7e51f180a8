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
      4  暗証番号のロック（再設定が必要です）
      5  安全のための中止（残り1回、残り回数が不明など。カードには何も送っていません）
      6  リーダーがない、カードがない、マイナンバーカードではない、PC/SC の異常
      130、143  Ctrl-C または SIGTERM による中止（どこまで処理したかを表示します）

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
help-status-arg-check = ロックされた暗証番号があれば終了コード 4、残り1回のものがあれば 5 で終了します（スクリプト向け）。
help-status-after-help =
    --check を付けると、終了コードで状態を返します（スクリプト向け）。
    ロックされた暗証番号があれば 4、残り1回のものがあれば 5、それ以外は 0 です。
    カードにない暗証番号（15歳未満のカードの署名用パスワードなど）は、どちらにも数えません。
help-watch-about = 窓口向け：カードが置かれるのを待って状態を表示し、取り除かれるのを待つ、を Ctrl-C まで繰り返します（--json では1行に1件の mynapin.status.v1 を出力します）。
help-readers-about = リーダーの一覧と、それぞれにカードがあるか、マイナンバーカードかを表示します。
help-verify-about = 暗証番号を覚えているか確かめます（残り回数を読み取ってから1回だけ照合します）。
help-verify-arg-pin = 確かめる暗証番号の種類です（暗証番号そのものではありません）。
help-verify-after-help =
    --pin-stdin では、暗証番号を1行で渡します。
    暗証番号がロックされているとき（終了コード 4）、残り1回で --use-last-try がないとき（5）、形式が正しくないとき（2）は、カードに何も送りません。
    間違った暗証番号では1回分減ります（3）。mynapin が自動でやり直すことはありません。

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
help-guide-arg-profile = ほかの市区町村のプロファイルです（profiles/*.toml と同じ形式の TOML ファイル）。
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
help-profile-about = 市区町村プロファイルを扱います（profile check で検証）。
help-profile-check-about = 市区町村プロファイル（TOML）を検証し、何が記載され、何が記載されていないかを表示します。ファイルの代わりに組み込みのプロファイル名（takatsuki、toyokawa、national）も指定できます。
help-profile-check-arg-file = 検証するプロファイルの TOML ファイル、または組み込みの名前です。
help-sim-about = 模擬カードを扱います（組み込みの模擬カードの一覧、vpcd 経由での pcscd への提供）。
help-sim-fixtures-about = 組み込みの模擬カードを一覧表示します（--sim=名前 で使えます）。
help-sim-serve-about = vsmartcard の vpcd を通じて模擬カードを pcscd に提供します。どの PC/SC アプリケーションからも、リーダーに置かれたカードとして見えます。
help-sim-serve-after-help =
    まず vpcd のリーダーを設定した pcscd を起動し（scripts/pcscd-vpcd.sh を参照）、次を実行します：
      mynapin sim serve --fixture sign-blocked &
      mynapin status
    これで、どの PC/SC アプリケーションにもマイナンバーカードが見えます。
    SIGTERM か Ctrl-C で止めます（--state を付けていれば状態を保存します）。
help-sim-serve-arg-vpcd = vpcd のアドレスです。ポート 35963 はリーダー「Virtual PCD 00 00」、35964 は「Virtual PCD 00 01」になります。
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
cli-sim-reader = mynapin の模擬カード
cli-sim-reader-fixture = mynapin の模擬カード（{ $fixture }）
cli-sim-reader-state = mynapin の模擬カード（状態ファイル { $path }）
