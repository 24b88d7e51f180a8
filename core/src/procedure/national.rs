//! The national rules (J-LIS and the Ministry: the same in every city), once, as data with
//! their sources. Every route decision in [`super::guide`] names one of these [`Rule`]s; the
//! CLI words them and never restates a fact of its own.
//!
//! The sources are public pages: J-LIS's own pages for the kiosk service, and, where no
//! national page was at hand, municipal pages that restate the national rule (marked as such
//! by their issuer). The two city pages the built-in profiles are written from (Takatsuki,
//! Toyokawa) are cited where they state a national rule. Every reference records the page's
//! address and date where known, and `checked`: the day the project last read it.

/// A public page a fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Reference {
    /// Stable id.
    pub id: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// Who publishes it.
    pub issuer: &'static str,
    /// Last update, as the page states it (absent: the page gives none that was seen).
    pub date: Option<&'static str>,
    /// Its address (absent: not known; never guessed).
    pub address: Option<&'static str>,
    /// The day the project last compared what it cites with the page (YYYY-MM-DD).
    pub checked: &'static str,
}

/// J-LIS: the PIN-reset service's terms and store list.
pub const JLIS_RESET_TERMS: Reference = Reference {
    id: "jlis-reset-terms",
    title: "JPKI暗証番号リセットサービス 規約・ガイド（ご利用上の注意事項）",
    issuer: "地方公共団体情報システム機構（J-LIS）",
    date: None,
    address: Some("https://www2.jpki.go.jp/jpkiidreset/riyoukiyaku/riyoukiyaku_web.html"),
    checked: "2026-12-01",
};

/// J-LIS: the PIN-reset app FAQ (conditions: valid certificates, basic attributes unchanged).
pub const JLIS_RESET_FAQ: Reference = Reference {
    id: "jlis-reset-faq",
    title: "JPKI暗証番号リセットアプリに関するご質問",
    issuer: "地方公共団体情報システム機構（J-LIS）",
    date: None,
    address: Some("https://www.jpki.go.jp/jpkiidreset/howto/faq_index.html"),
    checked: "2026-12-01",
};

/// Takatsuki's page (kiosk only for the two JPKI PINs; counter for the others). Its address
/// was not recorded when the profile was written and is not guessed: the guide says how to
/// find the page instead.
pub const TAKATSUKI_PAGE: Reference = Reference {
    id: "takatsuki-page",
    title: "マイナンバーカードの暗証番号の再設定・変更",
    issuer: "高槻市",
    date: Some("2025-11-19"),
    address: None,
    checked: "2026-12-07",
};

/// Toyokawa's page (change needs the current PIN; home change of all four PINs).
pub const TOYOKAWA_PAGE: Reference = Reference {
    id: "toyokawa-page",
    title: "暗証番号の変更",
    issuer: "豊川市",
    date: Some("2025-03-05"),
    address: Some(
        "https://www.city.toyokawa.lg.jp/kurashi_tetsuzuki/todokede_shomei/3/2/12731.html",
    ),
    checked: "2026-12-07",
};

/// A municipal page restating the national face-authentication card rules (since 2023-12-15).
pub const FACE_AUTH_PAGE: Reference = Reference {
    id: "sabae-face-auth",
    title: "顔認証マイナンバーカードについて",
    issuer: "鯖江市",
    date: Some("2023-12-22"),
    address: Some("https://www.city.sabae.fukui.jp/kurashi_tetsuduki/todokede/mainanba_seido/Madoguchi-kaoninsho.html"),
    checked: "2026-12-01",
};

/// A municipal page restating who gets no signature certificate (under 15, adult wards,
/// face-authentication cards).
pub const NO_SIGN_CERT_PAGE: Reference = Reference {
    id: "fujioka-jpki",
    title: "公的個人認証サービスについて",
    issuer: "藤岡市",
    date: None,
    address: Some("https://www.city.fujioka.gunma.jp/soshiki/shiminbu/shimin/2_1/2419.html"),
    checked: "2026-12-01",
};

/// A municipal page restating that an expired or revoked certificate is issued anew at the
/// counter, and that kiosks do not issue certificates.
pub const EXPIRED_PAGE: Reference = Reference {
    id: "naha-kiosk",
    title: "コンビニで電子証明書の暗証番号の再設定(初期化)ができるようになりました",
    issuer: "那覇市",
    date: Some("2024-09-20"),
    address: Some(
        "https://www.city.naha.okinawa.jp/kurasitetuduki/todoke/mynumber/konbinisyomei.html",
    ),
    checked: "2026-12-01",
};

/// A municipal page restating that a move or a change of name revokes the signature
/// certificate.
pub const SIGN_REVOKED_PAGE: Reference = Reference {
    id: "taishi-jpki",
    title: "公的個人認証サービス",
    issuer: "太子町（兵庫県）",
    date: None,
    address: Some("https://www.town.hyogo-taishi.lg.jp/kurashi/mynumber/1475214015635.html"),
    checked: "2026-12-01",
};

/// A municipal page listing what its counter asks for a reset (card, identity documents,
/// representatives' documents, an agent's two visits): one of the pages the national baseline
/// is drawn from.
pub const OME_RESET_PAGE: Reference = Reference {
    id: "ome-reset",
    title: "マイナンバーカードの暗証番号の再設定・変更",
    issuer: "青梅市",
    date: None,
    address: Some("https://www.city.ome.tokyo.jp/soshiki/13/55573.html"),
    checked: "2026-12-07",
};

/// A municipal page with lists A and B of identity documents and what each applicant
/// brings (holder, legal representative, voluntary agent): one of the pages the national
/// baseline is drawn from.
pub const AGEO_RESET_PAGE: Reference = Reference {
    id: "ageo-reset",
    title: "電子証明書の暗証番号の変更・再設定",
    issuer: "上尾市",
    date: None,
    address: Some("https://www.city.ageo.lg.jp/page/388530.html"),
    checked: "2026-12-07",
};

/// A municipal page describing the voluntary agent's route: the first visit, the inquiry
/// mailed to the holder, the second visit with the sealed answer.
pub const TAJIMI_RESET_PAGE: Reference = Reference {
    id: "tajimi-reset",
    title: "マイナンバーカードの暗証番号の再設定・変更",
    issuer: "多治見市",
    date: Some("2024-08-30"),
    address: Some("https://www.city.tajimi.lg.jp/kurashi/koseki/ansyoubangou.html"),
    checked: "2026-12-07",
};

/// The government's My Number FAQ: every health-insurance card issued before 2024-12-02
/// expired on 2025-12-01; the マイナ保険証 or a 資格確認書 takes its place. Why the paper
/// health-insurance card is in no document list.
pub const HEALTH_INSURANCE_FAQ: Reference = Reference {
    id: "myna-faq-health-insurance",
    title: "マイナンバー総合FAQ（資格確認書について）",
    issuer: "デジタル庁",
    date: None,
    address: Some("https://faq.myna.go.jp/faq/show/3505?category_id=108&site_domain=default"),
    checked: "2026-12-07",
};

/// Every reference, for lookups by id.
pub const REFERENCES: &[&Reference] = &[
    &JLIS_RESET_TERMS,
    &JLIS_RESET_FAQ,
    &TAKATSUKI_PAGE,
    &TOYOKAWA_PAGE,
    &FACE_AUTH_PAGE,
    &NO_SIGN_CERT_PAGE,
    &EXPIRED_PAGE,
    &SIGN_REVOKED_PAGE,
    &OME_RESET_PAGE,
    &AGEO_RESET_PAGE,
    &TAJIMI_RESET_PAGE,
    &HEALTH_INSURANCE_FAQ,
];

/// The reference with this id.
pub fn reference(id: &str) -> Option<&'static Reference> {
    REFERENCES.iter().copied().find(|r| r.id == id)
}

/// The convenience-store kiosk service (J-LIS), as its pages state it. Its words (the fee,
/// the stores, where the current list is) are the CLI's: messages `kiosk-fee`,
/// `kiosk-sign-stores`, `kiosk-auth-stores`, `kiosk-check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct KioskService {
    /// The smartphone app in which the reset is reserved (its name, as J-LIS writes it).
    pub app: &'static str,
    /// Hours between the reservation and the reset at the kiosk.
    pub window_hours: u8,
    /// The kiosks' hours (HH:MM, 24-hour clock).
    pub opens: &'static str,
    /// Closing time.
    pub closes: &'static str,
    /// The service is free of charge.
    pub free: bool,
    /// Sources.
    pub sources: &'static [&'static Reference],
}

/// The kiosk service.
pub const KIOSK: KioskService = KioskService {
    app: "JPKI暗証番号リセット",
    window_hours: 24,
    opens: "06:30",
    closes: "23:00",
    free: true,
    sources: &[&JLIS_RESET_TERMS, &JLIS_RESET_FAQ, &TAKATSUKI_PAGE],
};

/// A national rule a route decision rests on. What it says is worded by the CLI, from the
/// message catalogue: message [`Rule::message_id`] (`rule-kiosk-partner-pin` for
/// `kiosk.partner_pin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Rule {
    /// Stable id (`kiosk.partner_pin`).
    pub id: &'static str,
    /// Where it is stated.
    pub sources: &'static [&'static Reference],
}

impl Rule {
    /// The id of the message that words this rule: `rule-` and the id with `.` and `_` as
    /// `-` (`kiosk.partner_pin` → `rule-kiosk-partner-pin`).
    pub fn message_id(&self) -> String {
        format!("rule-{}", self.id.replace(['.', '_'], "-"))
    }
}

macro_rules! rules {
    ($($(#[doc = $doc:literal])* $name:ident = $id:literal, [$($src:ident),+];)*) => {
        $(
            $(#[doc = $doc])*
            pub const $name: Rule = Rule {
                id: $id,
                sources: &[$(&$src),+],
            };
        )*
        /// Every rule.
        pub const RULES: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    /// A PIN that is known and not blocked can be changed at home with a card reader (the JPKI
    /// client software changes all four).
    HOME_CHANGE = "home.change", [TOYOKAWA_PAGE];
    /// Changing needs the current PIN; a forgotten or blocked PIN must be reset instead.
    CHANGE_NEEDS_CURRENT = "change.needs_current_pin", [TOYOKAWA_PAGE, TAKATSUKI_PAGE];
    /// Kiosks reset only the two certificate PINs; the residence registry and card-info input
    /// support PINs are reset at the city office.
    KIOSK_JPKI_ONLY = "kiosk.jpki_pins_only", [TAKATSUKI_PAGE, JLIS_RESET_TERMS];
    /// To reset one certificate PIN at a kiosk you enter the other one (it must be known and
    /// not blocked); with both forgotten, only the counter can help.
    KIOSK_PARTNER = "kiosk.partner_pin", [JLIS_RESET_FAQ, TAKATSUKI_PAGE];
    /// The kiosk reset needs both certificates valid, the signature certificate not revoked,
    /// and the four basic attributes unchanged since issuance.
    KIOSK_CERTIFICATES = "kiosk.valid_certificates", [JLIS_RESET_FAQ];
    /// The kiosk reset is reserved by the holder in the smartphone app, which checks the
    /// holder's face against the card.
    KIOSK_HOLDER = "kiosk.holder_with_smartphone", [JLIS_RESET_FAQ];
    /// The kiosk resets a forgotten or blocked PIN; a known PIN is simply changed.
    KIOSK_NOT_NEEDED = "kiosk.only_for_resets", [JLIS_RESET_FAQ];
    /// The city office counter can reset or change any of the four PINs.
    COUNTER_ANY = "counter.any_pin", [TAKATSUKI_PAGE, TOYOKAWA_PAGE];
    /// For a holder under 15 or an adult ward, the legal representative applies at the counter.
    LEGAL_REPRESENTATIVE = "counter.legal_representative", [TAKATSUKI_PAGE, TOYOKAWA_PAGE];
    /// Cards of holders under 15, of adult wards and face-authentication cards carry no
    /// signature certificate (so no signature password); others may decline it.
    NO_SIGN_CERT = "cert.no_signature_certificate", [NO_SIGN_CERT_PAGE];
    /// An expired certificate is issued anew at the counter, where its PIN is set; a kiosk
    /// cannot help.
    EXPIRED = "cert.expired_renew_at_counter", [EXPIRED_PAGE, JLIS_RESET_FAQ];
    /// A move or a change of name revokes the signature certificate; a new one is issued at the
    /// counter, with a new password.
    SIGN_REVOKED = "cert.signature_revoked_by_move_or_name", [SIGN_REVOKED_PAGE, JLIS_RESET_FAQ];
    /// A face-authentication card (顔認証マイナンバーカード, since 2023-12) has no PINs and no signature
    /// certificate: services that need a PIN cannot be used; it can be switched back to a
    /// normal card at the counter, where the PINs are set.
    FACE_AUTH = "card.face_authentication", [FACE_AUTH_PAGE];
    /// Who may apply at the counter, and what to bring, are each city's rules: the city's page
    /// is the authority.
    CITY_RULES = "counter.city_rules", [TAKATSUKI_PAGE, TOYOKAWA_PAGE];
    /// What counters generally ask for: the holder's card, identity documents, and for a
    /// representative the proof of representation and their own identity documents.
    COUNTER_CHECKLIST = "counter.baseline_checklist", [OME_RESET_PAGE, AGEO_RESET_PAGE, TAJIMI_RESET_PAGE, HEALTH_INSURANCE_FAQ];
}

/// The national baseline checklist (as a profile in the city-profile schema, every entry
/// citing a [`Reference`] by id): used when no city is chosen and for the procedures a city
/// page does not state, always shown as national.
pub const BASELINE_TOML: &str = include_str!("../../profiles/national.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_source_and_unique_id() {
        let mut ids = std::collections::BTreeSet::new();
        for r in RULES {
            assert!(!r.sources.is_empty(), "{}", r.id);
            assert!(ids.insert(r.id.to_string()), "{}", r.id);
            assert!(ids.insert(r.message_id()), "{}", r.id);
        }
        for r in REFERENCES {
            assert_eq!(reference(r.id), Some(*r));
        }
    }
}
