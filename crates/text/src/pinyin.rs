//! Finding a name by what is quick to type: part of it as written, or its pinyin, whole or by
//! initials (周立平: 立平, zhouliping, zlp), ignoring case.

use pinyin::ToPinyin;

/// Whether `query` finds `name`.
pub fn finds(name: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return false;
    }
    if name.to_lowercase().contains(&query) {
        return true;
    }
    if !query.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let syllables: Vec<&str> = name.to_pinyin().flatten().map(|p| p.plain()).collect();
    let initials: String = syllables.iter().filter_map(|s| s.chars().next()).collect();
    initials.starts_with(&query) || syllables.concat().starts_with(&query)
}

#[cfg(test)]
mod tests {
    use super::finds;

    #[test]
    fn names_are_found_as_written_or_by_pinyin() {
        for (name, query, found) in [
            ("周立平", "周", true),
            ("周立平", "立平", true),
            ("周立平", "zlp", true),
            ("周立平", "ZL", true),
            ("周立平", "zhouli", true),
            ("周立平", "zhouliping", true),
            ("周立平", "lp", false),
            ("陈秀兰", "cxl", true),
            ("陈秀兰", "chen", true),
            ("陈秀兰", "zlp", false),
            ("Li Mei（物业）", "li m", true),
            ("一楼住户", "ylzh", true),
            ("周立平", "", false),
            ("周立平", "z1", false),
        ] {
            assert_eq!(finds(name, query), found, "{name} / {query}");
        }
    }
}
