//! `yishi district enrol`: the street office gives a council its code and a login of its own,
//! which may append to that council's chain only. Enrolling a code again gives it a new
//! password and keeps what it claimed.

use postgres::Client;

use super::DistrictError;

/// A council's code: the community's 12-digit 统计用区划代码, a hyphen, and the council's number
/// in the community (written with two digits at least): 110101001001-01.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code(String);

impl Code {
    pub fn parse(text: &str) -> Result<Code, DistrictError> {
        let bad = || DistrictError::BadCode(text.to_string());
        let (area, number) = text.trim().split_once('-').ok_or_else(bad)?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if area.len() != 12 || !digits(area) || !digits(number) || number.len() > 3 {
            return Err(bad());
        }
        let n: u32 = number.parse().map_err(|_| bad())?;
        if n == 0 {
            return Err(bad());
        }
        Ok(Code(format!("{area}-{n:02}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The council's login: letters, digits and underscores only, so that it is never quoted
    /// wrong.
    pub fn role(&self) -> String {
        format!("yishi_{}", self.0.replace('-', "_"))
    }
}

/// What an enrolment made: the login and its password, shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    pub code: String,
    pub role: String,
    pub password: String,
    /// The code was enrolled before: a new password, the same chain.
    pub again: bool,
}

/// 24 random bytes from the system, as hexadecimal.
fn password() -> Result<String, DistrictError> {
    use std::io::Read;
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| DistrictError::Database(format!("/dev/urandom: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

pub fn enrol(client: &mut Client, code: &Code, name: &str) -> Result<Enrolled, DistrictError> {
    let role = code.role();
    let password = password()?;
    // A name goes into every clerk's output: kept without escapes or invisible characters.
    let name = yishi_text::sanitize(name.trim());
    let mut tx = client.transaction()?;
    let exists = tx
        .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])?
        .is_some();
    // The role and password are made here, of letters and digits only: nothing to escape.
    let verb = if exists { "ALTER" } else { "CREATE" };
    tx.batch_execute(&format!(
        "{verb} ROLE {role} LOGIN PASSWORD '{password}'; GRANT yishi_council TO {role};"
    ))?;
    let again = tx
        .query_opt(
            "SELECT 1 FROM council_roles WHERE code = $1",
            &[&code.as_str()],
        )?
        .is_some();
    tx.execute(
        "INSERT INTO council_roles (role, code, name) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name",
        &[&role, &code.as_str(), &name.as_str()],
    )?;
    tx.commit()?;
    Ok(Enrolled {
        code: code.as_str().to_string(),
        role,
        password,
        again,
    })
}
