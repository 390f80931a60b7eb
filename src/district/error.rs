//! What can go wrong between a laptop and the district, said in the user's language.

use crate::store::StoreError;
use crate::text::Lang;

#[derive(Debug)]
pub enum DistrictError {
    /// The district's database could not be reached or logged into.
    Connect(String),
    /// The district refused a line: it does not continue the council's chain there.
    Refused {
        line: u64,
        detail: String,
    },
    /// The district holds another record under this council's chain (a copied database that
    /// went on elsewhere).
    Diverged {
        line: u64,
    },
    /// The district holds more of this council's record than this laptop does.
    Ahead {
        district: u64,
        here: u64,
    },
    Store(StoreError),
    Database(String),
}

impl From<StoreError> for DistrictError {
    fn from(e: StoreError) -> Self {
        DistrictError::Store(e)
    }
}

impl From<postgres::Error> for DistrictError {
    fn from(e: postgres::Error) -> Self {
        let said = e
            .as_db_error()
            .map_or_else(|| e.to_string(), |d| d.message().to_string());
        DistrictError::Database(said)
    }
}

impl DistrictError {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            DistrictError::Connect(why) => lang.pick_owned(
                format!("连不上区里的数据库：{why}"),
                format!("連不上區裡的資料庫：{why}"),
                format!("cannot reach the district's database: {why}"),
            ),
            DistrictError::Refused { line, detail } => lang.pick_owned(
                format!("区里的数据库拒收第{line}行：它不接续该议事会在区里的哈希链（{detail}）"),
                format!("區裡的資料庫拒收第{line}行：它不接續該議事會在區裡的雜湊鏈（{detail}）"),
                format!(
                    "the district refused line {line}: it does not continue the council's hash chain there ({detail})"
                ),
            ),
            DistrictError::Diverged { line } => lang.pick_owned(
                format!(
                    "区里已有该议事会的另一份记录：第{line}行与本机不同。是不是复制过的数据库在另一台电脑上继续记录了？两份记录不会合并，请与街道核对。"
                ),
                format!(
                    "區裡已有該議事會的另一份記錄：第{line}行與本機不同。是不是複製過的資料庫在另一臺電腦上繼續記錄了？兩份記錄不會合併，請與街道核對。"
                ),
                format!(
                    "the district holds another record of this council: line {line} differs from this laptop's. Was the database copied and carried on elsewhere? The two are not merged; check with the street office."
                ),
            ),
            DistrictError::Ahead { district, here } => lang.pick_owned(
                format!(
                    "区里已有该议事会的{district}行记录，本机只有{here}行：另一台电脑在记录这个议事会？两份记录不会合并。"
                ),
                format!(
                    "區裡已有該議事會的{district}行記錄，本機只有{here}行：另一臺電腦在記錄這個議事會？兩份記錄不會合併。"
                ),
                format!(
                    "the district holds {district} lines of this council and this laptop {here}: is another laptop recording it? The two are not merged."
                ),
            ),
            DistrictError::Store(e) => e.describe(lang),
            DistrictError::Database(why) => lang.pick_owned(
                format!("区里的数据库出错：{why}"),
                format!("區裡的資料庫出錯：{why}"),
                format!("the district's database failed: {why}"),
            ),
        }
    }
}
