//! The documents a counter may ask for, by stable id (for `--have`, JSON and city profiles).
//! Their names are the CLI's: message `doc-<id>` (with `_` as `-`) in every language,
//! Japanese as the city pages write them.

use serde::{Deserialize, Serialize};

/// Whose identity document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The card holder's.
    Holder,
    /// The representative's (legal representative or agent).
    Representative,
}

/// One document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    /// Stable id.
    pub id: &'static str,
}

impl Document {
    /// The id of the message that names it: `doc-` and the id with `_` as `-`
    /// (`drivers_license` → `doc-drivers-license`).
    pub fn message_id(&self) -> String {
        format!("doc-{}", self.id.replace('_', "-"))
    }

    /// Only a representative can present it: the representative's own My Number card is an
    /// identity document of the person at the window, never of the holder (whose card is the
    /// one being dealt with). A holder's list never shows it and never counts it.
    pub fn representative_only(&self) -> bool {
        self.id == "own_mynumber_card"
    }

    /// Whether `owner`'s identity documents may include it.
    pub fn presentable_by(&self, owner: Owner) -> bool {
        owner == Owner::Representative || !self.representative_only()
    }
}

/// Every known document.
pub const DOCUMENTS: &[Document] = &[
    Document {
        id: "mynumber_card",
    },
    Document {
        id: "own_mynumber_card",
    },
    Document {
        id: "drivers_license",
    },
    Document {
        id: "driving_history_certificate",
    },
    Document { id: "passport" },
    Document {
        id: "physical_disability_certificate",
    },
    Document {
        id: "mental_disability_certificate",
    },
    Document { id: "ryoiku_techo" },
    Document {
        id: "residence_card",
    },
    Document {
        id: "special_permanent_resident_certificate",
    },
    Document {
        id: "temporary_refuge_permit",
    },
    Document {
        id: "provisional_stay_permit",
    },
    Document {
        id: "qualification_certificate",
    },
    Document { id: "pension_book" },
    Document {
        id: "pension_certificate",
    },
    Document {
        id: "welfare_recipient_certificate",
    },
    Document {
        id: "child_support_allowance_certificate",
    },
    Document {
        id: "medical_recipient_certificate",
    },
    Document {
        id: "medical_certificate",
    },
    Document {
        id: "official_license",
    },
    Document {
        id: "photo_staff_or_student_id",
    },
    Document {
        id: "health_insurance_card",
    },
    Document { id: "employee_id" },
    Document { id: "student_id" },
    Document {
        id: "registry_certificate",
    },
    Document {
        id: "family_register",
    },
    Document {
        id: "inquiry_answer_sheet",
    },
    Document {
        id: "power_of_attorney",
    },
    Document { id: "sealed_pin" },
    // Added after the others so that the numbers `--list-documents` shows stay the same.
    Document {
        id: "long_term_care_insurance_card",
    },
];

/// The document with this id.
pub fn find(id: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.id == id)
}
