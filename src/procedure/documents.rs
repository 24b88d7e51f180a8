//! The documents a counter may ask for, by stable id (for `--have`, JSON and city profiles).
//! Japanese names as the city pages write them.

/// One document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    /// Stable id.
    pub id: &'static str,
    /// Japanese name.
    pub ja: &'static str,
    /// English name.
    pub en: &'static str,
}

macro_rules! docs {
    ($($id:literal => $ja:literal, $en:literal;)*) => {
        /// Every known document.
        pub const DOCUMENTS: &[Document] = &[$(Document { id: $id, ja: $ja, en: $en }),*];
    };
}

docs! {
    "mynumber_card" => "本人のマイナンバーカード", "the holder's My Number card";
    "own_mynumber_card" => "マイナンバーカード（手続きするカードとは別の、代理人自身のもの）", "a My Number card other than the one being processed (the representative's own)";
    "drivers_license" => "運転免許証", "driver's license";
    "driving_history_certificate" => "運転経歴証明書", "driving history certificate";
    "passport" => "パスポート（旅券）", "passport";
    "physical_disability_certificate" => "身体障がい者手帳", "physical disability certificate";
    "mental_disability_certificate" => "精神障がい者保健福祉手帳", "mental disability health and welfare certificate";
    "ryoiku_techo" => "療育手帳", "rehabilitation (ryoiku) certificate";
    "residence_card" => "在留カード", "residence card";
    "special_permanent_resident_certificate" => "特別永住者証明書", "special permanent resident certificate";
    "temporary_refuge_permit" => "一時庇護許可書", "temporary refuge permit";
    "provisional_stay_permit" => "仮滞在許可書", "provisional stay permit";
    "qualification_certificate" => "資格確認書", "health insurance eligibility certificate";
    "pension_book" => "年金手帳", "pension book";
    "pension_certificate" => "各種年金証書", "pension certificate";
    "welfare_recipient_certificate" => "生活保護受給者証", "public assistance recipient certificate";
    "child_support_allowance_certificate" => "児童扶養手当証書", "child support allowance certificate";
    "medical_recipient_certificate" => "医療受給者証", "medical care recipient certificate";
    "medical_certificate" => "医療証", "medical care card";
    "official_license" => "官公署が発行した各種免許状等（海技免状、電気工事士免状、宅地建物取引士証など）", "a license issued by a public office (marine officer, electrician, real-estate broker…)";
    "photo_staff_or_student_id" => "顔写真付の職員証または学生証", "staff or student ID with photo";
    "health_insurance_card" => "健康保険又は介護保険の被保険者証", "health or long-term care insurance card";
    "employee_id" => "社員証", "employee ID";
    "student_id" => "学生証", "student ID";
    "registry_certificate" => "登記事項証明", "certificate of registered matters (guardianship)";
    "family_register" => "戸籍謄本", "family register copy";
    "inquiry_answer_sheet" => "照会書兼回答書（照会回答書）", "inquiry/answer sheet mailed by the city";
    "power_of_attorney" => "委任状", "power of attorney";
    "sealed_pin" => "密封した暗証番号", "the PIN in a sealed envelope";
}

/// The document with this id.
pub fn find(id: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.id == id)
}
