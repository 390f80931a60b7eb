//! When two names are one name to the eye. A roll call reads names aloud and a minutes line
//! prints them: two members whose names differ only by an invisible character (U+00AD, U+3164,
//! a tag or variation selector), a compatibility form (a CJK compatibility ideograph, a
//! full-width letter) or a look-alike from another script cannot be told apart, so the console,
//! a roster and an import all refuse the second. A name is compared by its skeleton: NFKC,
//! without default-ignorable characters or spaces, then the UTS #39 confusable skeleton.

use unicode_normalization::UnicodeNormalization;
use unicode_security::confusable_detection::skeleton;

/// Characters that draw nothing (Unicode's Default_Ignorable_Code_Point), and U+3164 and
/// U+FFA0, the Hangul fillers that draw a blank.
fn ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// What a name is to the eye: the form two names are compared in.
pub fn skeleton_of(name: &str) -> String {
    let folded: String = name
        .nfkc()
        .filter(|c| !ignorable(*c) && !c.is_whitespace())
        .collect();
    skeleton(&folded).collect()
}

/// Whether two names would be read or printed as one.
pub fn same(a: &str, b: &str) -> bool {
    skeleton_of(a) == skeleton_of(b)
}

/// A name as a message shows it when it looks like another: each character the eye cannot
/// see, or that NFKC would change, written as its code point, so the two spellings differ on
/// the screen as they do in the record.
pub fn spelled(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        let plain = c.is_ascii() && !c.is_ascii_control();
        let stable = plain || (!ignorable(c) && std::iter::once(c).nfkc().eq(std::iter::once(c)));
        if stable && !c.is_control() {
            out.push(c);
        } else {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_alike_are_one_name() {
        let one = [
            ("周立平", "周立平"),
            ("周立平", " 周立平 "),
            ("周立平", "周\u{00AD}立平"),
            ("周立平", "周\u{3164}立平"),
            ("周立平", "周立平\u{E0041}"),
            ("周立平", "周立平\u{FE0F}"),
            ("周立平", "周\u{200B}立平"),
            // U+F9B2 is a CJK compatibility ideograph of 零.
            ("零一", "\u{F9B2}一"),
            ("Anna", "Ａｎｎａ"),
            // Cyrillic а looks like Latin a.
            ("Anna", "Аnnа"),
            ("王 伟", "王伟"),
        ];
        for (a, b) in one {
            assert!(same(a, b), "{a:?} and {b:?} should be one name");
        }
    }

    #[test]
    fn different_names_stay_different() {
        let two = [
            ("周立平", "周立萍"),
            ("王伟", "王玮"),
            ("李娜", "李娜（3号楼）"),
            ("Anna", "Anne"),
        ];
        for (a, b) in two {
            assert!(!same(a, b), "{a:?} and {b:?} are two names");
        }
    }

    #[test]
    fn a_look_alike_is_spelled_out() {
        assert_eq!(spelled("周\u{00AD}立平"), "周⟨U+00AD⟩立平");
        assert_eq!(spelled("周立平"), "周立平");
        assert_eq!(spelled("\u{F9B2}一"), "⟨U+F9B2⟩一");
    }
}
