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

## output (src/cli/output.rs)

# 標準エラー出力のエラー報告（「mynapin: 」の後）。$what はエラーの内容（文）。
output-error = エラー：{ $what }
# JSON を書き出せなかった（内部エラー）。$error は JSON ライブラリが返した理由（英語）。
output-json-failed = 内部エラー：JSON を書き出せません（{ $error }）。
