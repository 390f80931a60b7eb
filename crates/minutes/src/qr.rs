//! The seal of a signed meeting as a QR code, for the paper copy: scanned with a phone, it
//! gives the whole hashes the minutes print only the start of, so that the paper filed and the
//! file kept can be matched in full.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use yishi_domain::{Meeting, Sealed};

/// What the code carries: the meeting, the record and minutes hashes whole, the signers' key
/// ids; plain text any reader shows.
pub fn seal_text(meeting: &Meeting, sealed: &Sealed) -> String {
    let keys: Vec<&str> = sealed.seals.iter().map(|s| s.key.as_str()).collect();
    format!(
        "yishi 签发 {}年第{}次会议\nrecord {}\nminutes {}\nkeys {}",
        meeting.year,
        meeting.number,
        sealed.record,
        sealed.minutes,
        keys.join(" ")
    )
}

/// `text` as an SVG QR code (error correction M: a stained or folded paper still scans),
/// black on white, 4 px a module at least, with its quiet zone.
pub fn svg(text: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| e.to_string())?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}
