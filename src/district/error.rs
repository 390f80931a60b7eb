//! What can go wrong between a laptop and the district, said in the user's language.

use crate::store::StoreError;
use crate::text::Lang;

#[derive(Debug)]
pub enum DistrictError {
    /// The district's database could not be reached or logged into.
    Connect(String),
    /// The server took the connection and never answered.
    NoAnswer {
        seconds: u64,
    },
    /// The server is off this machine and offers no TLS: a password would go in clear.
    NoTls,
    /// The server's certificate could not be checked.
    Certificate(String),
    /// The server refused the user or password.
    Login(String),
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
            DistrictError::NoAnswer { seconds } => lang.pick_owned(
                format!("区里的数据库{seconds}秒内没有应答：请检查地址和端口，或稍后再试；没有发送任何内容"),
                format!("區裡的資料庫{seconds}秒內沒有應答：請檢查地址和埠，或稍後再試；沒有傳送任何內容"),
                format!("the district's database did not answer within {seconds} s: check the address and port, or try later; nothing was sent"),
            ),
            DistrictError::NoTls => lang.pick_owned(
                "区里的服务器不支持加密连接（TLS）：不在本机的服务器必须加密，否则密码会明文传送。请让管理员开启TLS；确在内网且接受明文时，可在地址里写明 sslmode=disable".to_string(),
                "區裡的伺服器不支援加密連線（TLS）：不在本機的伺服器必須加密，否則密碼會明文傳送。請讓管理員開啟TLS；確在內網且接受明文時，可在地址裡寫明 sslmode=disable".to_string(),
                "the district's server offers no encrypted connection (TLS): a server off this machine must encrypt, or the password would travel in clear. Ask its administrator to turn TLS on; on a trusted network, write sslmode=disable in the address to accept plain text".to_string(),
            ),
            DistrictError::Certificate(why) => lang.pick_owned(
                format!("区里服务器的证书无法验证，没有连接：{why}"),
                format!("區裡伺服器的憑證無法驗證，沒有連線：{why}"),
                format!("the district server's certificate could not be verified, so no connection was made: {why}"),
            ),
            DistrictError::Login(why) => lang.pick_owned(
                format!("区里的数据库拒绝了用户名或密码：{why}"),
                format!("區裡的資料庫拒絕了使用者名稱或密碼：{why}"),
                format!("the district's database refused the user name or password: {why}"),
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
