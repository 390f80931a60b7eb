//! What can go wrong between a laptop and the district, said in the user's language.

use yishi_store::StoreError;
use yishi_text::Lang;

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
    /// The district's tables are not made, and this login may not make them.
    NotMade,
    /// A council code not of the form 110101001001-01.
    BadCode(String),
    /// The login is not one the street office enrolled for a council.
    NotEnrolled,
    /// The login's council publishes another chain: this laptop's record is not its own.
    OtherChain,
    /// The login's council publishes from another laptop's key.
    OtherKey,
    /// Another council's login publishes this chain.
    ChainTaken,
    /// The district no longer holds line `acknowledged`, which it acknowledged to this laptop.
    Lost {
        acknowledged: u64,
        district: u64,
    },
    /// An import or restore at `line` brings a record the import's rules refuse.
    NotTheRules {
        line: u64,
        problems: Vec<yishi_domain::Problem>,
    },
    /// A signature at `line` names a record that is not the line before it.
    SealBroken {
        line: u64,
    },
    /// A file this machine keeps of the district (the publishing key, a receipt, what the
    /// last verify saw) could not be made or read.
    LocalFile {
        path: String,
        detail: String,
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
            DistrictError::NotMade => lang.pick_owned(
                "区里的数据库还没有建好议事会的表：请街道先用数据库所有者的账号运行 yishi district enrol".to_string(),
                "區裡的資料庫還沒有建好議事會的表：請街道先用資料庫擁有者的帳號執行 yishi district enrol".to_string(),
                "the district's tables are not made yet: the street office runs yishi district enrol with the database owner's login first".to_string(),
            ),
            DistrictError::BadCode(code) => lang.pick_owned(
                format!("议事会代码“{code}”不对：应为社区的12位统计用区划代码、连字符和议事会编号，如 110101001001-01"),
                format!("議事會代碼「{code}」不對：應為社區的12位統計用區劃代碼、連字號和議事會編號，如 110101001001-01"),
                format!("council code \"{code}\" is wrong: it is the community's 12-digit statistical division code, a hyphen and the council's number, e.g. 110101001001-01"),
            ),
            DistrictError::NotEnrolled => lang.pick_owned(
                "这个登录名不是街道为议事会登记的：请向街道要本议事会的登录名（yishi district enrol 给出）".to_string(),
                "這個登入名稱不是街道為議事會登記的：請向街道要本議事會的登入名稱（yishi district enrol 給出）".to_string(),
                "this login is not one the street office enrolled for a council: ask it for your council's login (yishi district enrol gives it)".to_string(),
            ),
            DistrictError::OtherChain => lang.pick_owned(
                "这个登录名的议事会在区里发布的是另一份记录：本机的记录不是它的。没有发送任何内容".to_string(),
                "這個登入名稱的議事會在區裡發布的是另一份記錄：本機的記錄不是它的。沒有傳送任何內容".to_string(),
                "this login's council publishes another record at the district: this laptop's record is not its own. Nothing was sent".to_string(),
            ),
            DistrictError::OtherKey => lang.pick_owned(
                "区里为这个议事会登记的是另一台电脑的发布密钥：议事会的记录只能从它自己的电脑发布（换电脑时请连同数据库目录一起复制）。没有发送任何内容".to_string(),
                "區裡為這個議事會登記的是另一臺電腦的發布金鑰：議事會的記錄只能從它自己的電腦發布（換電腦時請連同資料庫目錄一起複製）。沒有傳送任何內容".to_string(),
                "the district holds another laptop's publishing key for this council: a council's record is published from its own laptop only (copy the whole database folder to a new laptop). Nothing was sent".to_string(),
            ),
            DistrictError::ChainTaken => lang.pick_owned(
                "区里这份记录属于另一个议事会的登录名：不能以本议事会的名义发布。没有发送任何内容".to_string(),
                "區裡這份記錄屬於另一個議事會的登入名稱：不能以本議事會的名義發布。沒有傳送任何內容".to_string(),
                "this record belongs to another council's login at the district: it cannot be published as this council's. Nothing was sent".to_string(),
            ),
            DistrictError::Lost { acknowledged, district } => lang.pick_owned(
                format!("区里曾确认收到本机记录的第{acknowledged}行，现在却只有{district}行或与之不同：区里的记录被删改过。请与街道核对；没有发送任何内容"),
                format!("區裡曾確認收到本機記錄的第{acknowledged}行，現在卻只有{district}行或與之不同：區裡的記錄被刪改過。請與街道核對；沒有傳送任何內容"),
                format!("the district acknowledged line {acknowledged} of this laptop's record and now holds {district} lines, or another line there: its copy was cut or altered. Check with the street office; nothing was sent"),
            ),
            DistrictError::NotTheRules { line, problems } => {
                let said: Vec<String> = problems.iter().take(5).map(|p| p.describe(lang)).collect();
                lang.pick_owned(
                    format!("第{line}行整份导入或恢复的记录不合导入规则：{}", said.join("；")),
                    format!("第{line}行整份匯入或恢復的記錄不合匯入規則：{}", said.join("；")),
                    format!("line {line} imports or restores a record the import's rules refuse: {}", said.join("; ")),
                )
            }
            DistrictError::SealBroken { line } => lang.pick_owned(
                format!("第{line}行的签发所签的不是它前一行的记录：签发后记录被改写过"),
                format!("第{line}行的簽發所簽的不是它前一行的記錄：簽發後記錄被改寫過"),
                format!("the signature at line {line} signs a record other than the line before it: the record was rewritten after it was signed"),
            ),
            DistrictError::LocalFile { path, detail } => lang.pick_owned(
                format!("本机保存的区里凭据（发布密钥、回执或上次核验所见）无法读写（{path}）：{detail}"),
                format!("本機保存的區裡憑據（發布金鑰、回執或上次核驗所見）無法讀寫（{path}）：{detail}"),
                format!("a file this machine keeps of the district (publishing key, receipt, what the last verify saw) cannot be read or written ({path}): {detail}"),
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
