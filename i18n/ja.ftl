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

## guide (src/cli/guide.rs, src/cli/guide_text.rs, src/cli/profile_cmd.rs, src/procedure/national.rs, src/procedure/documents.rs)

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
doc-health-insurance-card = 健康保険又は介護保険の被保険者証
doc-employee-id = 社員証
doc-student-id = 学生証
doc-registry-certificate = 登記事項証明
doc-family-register = 戸籍謄本
doc-inquiry-answer-sheet = 照会書兼回答書（照会回答書）
doc-power-of-attorney = 委任状
doc-sealed-pin = 密封した暗証番号

# 手続きの方法（短い名前）。
route-home = 自宅で変更
route-kiosk = コンビニのキオスク端末
route-counter = 市区町村の窓口
# 手続きの方法（見出し）。$purpose は guide-purpose-* のいずれか。
route-heading-home = ご自身で変更（自宅でカードリーダーを使用）
route-heading-kiosk = コンビニのキオスク端末（マルチコピー機）
route-heading-counter = 市区町村の窓口（{ $purpose }）
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
guide-why-partner-unknown = キオスク端末では{ $pin }の入力が必要です（分かる場合は --know { $id } を付けてください）。
guide-why-partner-blocked = キオスク端末で入力する{ $pin }も、ロックされています。
guide-why-partner-absent = カードに署名用電子証明書（署名用パスワード）がありません（15歳未満の方、成年被後見人の方、顔認証マイナンバーカード、または搭載しなかった場合）。
guide-why-holder-only = キオスク端末での再設定は、本人がご自身のスマートフォンと顔照合で行うものです。
guide-why-needs-legal-representative = 15歳未満の方や成年被後見人の方の場合は、法定代理人が申請します（--applicant legal を付けてください）。
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
guide-first-kiosk = まず（キオスク端末）：スマートフォンアプリ「{ $app }」で予約し、{ $hours }時間以内にコンビニのマルチコピー機で再設定します（{ $opens }〜{ $closes }、{ $fee }）。
guide-first-kiosk-if-partner = まず（キオスク端末）：{ $partner }が分かる場合は、スマートフォンアプリ「{ $app }」で予約し、{ $hours }時間以内にコンビニのマルチコピー機で再設定します（{ $opens }〜{ $closes }、{ $fee }）。分からない場合は、市区町村の窓口で手続きします。
guide-first-counter = まず：カードと本人確認書類を持って、市区町村の窓口へ行きます（{ $purpose }）。
guide-kiosk-cannot = キオスク端末は使えません。{ $why }{ $first }
guide-full-checklist = 詳しい手順と持ち物は、mynapin guide { $pin } で確認できます。
guide-reset-kiosk-or-counter = コンビニのキオスク端末（{ $partner }が分かる場合）か市区町村の窓口でしか再設定できません
guide-reset-counter-only = 市区町村の窓口でしか再設定できません
guide-low-line = 残り1回です。間違えるとロックされ、{ $routes }。確信がなければ入力せず、`mynapin guide { $pin } --state forgotten` で手続きを確認してください。

guide-title = マイナンバーカードの暗証番号：手続きの案内
guide-title-city = { $title } — { $city }
guide-city = 市区町村：{ $city }（出典：{ $source }）
guide-city-none = 市区町村：指定なし。下の窓口の持ち物は全国共通の基準（窓口で一般に求められるもの）で、市区町村が定めたものではありません。市区町村ごとの持ち物は --city takatsuki|toyokawa または --profile FILE で表示します。
guide-applicant = 申請する方：{ $who }
guide-applicant-self = 本人
guide-applicant-legal = 法定代理人
guide-applicant-agent = 任意代理人
guide-card-unreadable = カードを読み取れませんでした：{ $what }
guide-every-pin = 暗証番号の種類が指定されていないため、忘れた場合とロックされた場合の手続きを、すべての暗証番号について示します。ご自身の場合に合わせるには：mynapin guide PIN --state forgotten|blocked|known
guide-read-from-card = （暗証番号の状態と電子証明書の有効期限は、カードから読み取りました。）
guide-none-blocked = このカードにロックされた暗証番号はありません。忘れた暗証番号については：mynapin guide PIN --state forgotten
guide-pin-heading = { $pin } — { $state }
guide-state-blocked = ロック中
guide-state-forgotten = 忘れた場合
guide-state-known = 分かっている場合
guide-route-heading = { $n }．【{ $mark }】{ $route }
guide-available = 利用可
guide-not-available = 利用不可
guide-visits = 来庁回数：{ $n }回
guide-notes = 注意事項
guide-why-heading = 根拠：ルールと出典
guide-rule-line = { $says }{ $refs }
guide-rule-line-verbose = { $says }（{ $id }）{ $refs }

guide-step-home = カードをカードリーダーに置いて `mynapin change { $pin }` を実行します（現在の暗証番号を1回、新しい暗証番号を2回入力します）。
guide-step-home-juki = mynapin は、カード内の2か所に登録されたこの暗証番号を両方とも変更します。マイナポータルではこの暗証番号は変更できません。JPKI利用者クライアントソフトでは変更できます。
guide-step-home-juki-verbose = この変更に使うカードコマンドの公開情報は、1件しか見つかっていません。
guide-step-kiosk-reserve = スマートフォンアプリ「{ $app }」で予約します（カードの券面を撮影し、ICチップを読み取り、顔を照合します）。
guide-step-kiosk-go = 予約から{ $hours }時間以内に、コンビニのマルチコピー機へ行きます（{ $opens }〜{ $closes }、{ $fee }）。
guide-step-kiosk-enter = マルチコピー機で{ $partner }を入力し、新しい{ $pin }を設定します。
guide-step-kiosk-conditions = 条件：{ $rule }
guide-step-kiosk-stores = { $pin }を再設定できる店舗：{ $stores }。{ $check }
guide-step-contact-first = 来庁前に、必ず市へ連絡してください。
guide-step-counter-change = 窓口で現在の暗証番号を入力し、新しい暗証番号を設定します。
guide-step-counter-reset = 窓口で暗証番号を初期化し、新しい暗証番号を設定します。
guide-step-counter-renew-certificates = 窓口で電子証明書を新しく発行（更新）し、暗証番号を設定し直します。キオスク端末ではできません。
guide-step-counter-issue-signature-certificate = 窓口で署名用電子証明書を新しく発行し、署名用パスワード（英大文字と数字で6〜16文字）を設定します。
guide-step-counter-switch-to-normal-card = 窓口で顔認証マイナンバーカードを通常のカードに切り替え、暗証番号を設定します。それまでは本人確認書類と健康保険証（顔認証）としては使えますが、暗証番号が必要なサービスは使えません。

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

guide-documents-not-stated = 必要書類：このプロファイルには記載がありません。市に確認してください。
guide-no-rule-for-applicant = このページには、この方が申請する場合の必要書類が記載されていません。市に確認してください。
guide-bring-national = 持ち物（全国共通の基準です。市区町村が定めたものではないため、市区町村に確認してください）
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
guide-rule-separator = 、
guide-updated = { $date }更新
guide-address-not-recorded = アドレスの記録なし
guide-box-presented = 提示済み
guide-box-to-bring = 未確認
guide-unknown-document = 不明な書類「{ $doc }」です。
guide-unknown-document-todo = 書類の ID の一覧は mynapin guide --list-documents で確認できます。
guide-profile-fix = プロファイルを修正してください。形式は profiles/takatsuki.toml を参考にしてください。

profile-fix = 上に示した項目を修正してください。各項目の説明は docs/city-profile.md に、ひな形は profiles/TEMPLATE.toml.example にあります。
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
guide-source-section = { $source }（{ $section }）
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
