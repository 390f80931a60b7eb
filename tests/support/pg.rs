//! A real PostgreSQL server for a test, in a temporary directory: `initdb`, then `pg_ctl`
//! listening only on a socket in that directory, stopped when dropped. Run as the `postgres`
//! user where the tests run as root (PostgreSQL refuses root). The tests that need one are
//! ignored unless asked for (`cargo test -- --include-ignored`); asked for where PostgreSQL
//! is not installed, they fail saying so.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Pg {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
}

/// The directory of `initdb` and `pg_ctl`: `pg_config --bindir`, else Debian's place.
fn bindir() -> Option<PathBuf> {
    if let Ok(o) = Command::new("pg_config").arg("--bindir").output()
        && o.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
        if dir.join("initdb").exists() {
            return Some(dir);
        }
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|d| d.join("initdb").exists())
        .collect();
    found.sort();
    found.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Pg {
    fn run(&self, tool: &str, args: &[&str]) -> std::process::Output {
        let exe = self.bin.join(tool);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args).output().expect("run a PostgreSQL tool")
    }

    /// A fresh server; fails the test, saying why, where PostgreSQL is not installed.
    pub fn start() -> Pg {
        let Some(bin) = bindir() else {
            panic!(
                "PostgreSQL is not installed (no initdb): the district tests cannot run; \
                 apt-get install postgresql"
            );
        };
        let dir = tempfile::tempdir().expect("tempdir");
        let as_postgres = is_root();
        if as_postgres {
            let o = Command::new("chown")
                .args(["-R", "postgres"])
                .arg(dir.path())
                .output()
                .expect("chown");
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        let pg = Pg {
            dir,
            bin,
            as_postgres,
        };
        let data = pg.data();
        let o = pg.run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "yishi",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        assert!(
            o.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let options = format!(
            "-c listen_addresses='' -c unix_socket_directories='{}' -c port=5432 -c fsync=off",
            pg.socket_dir().display()
        );
        let log = pg.dir.path().join("log").display().to_string();
        let o = pg.run(
            "pg_ctl",
            &["-D", &data, "-o", &options, "-l", &log, "-w", "start"],
        );
        assert!(
            o.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&o.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        pg
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn socket_dir(&self) -> &Path {
        self.dir.path()
    }

    /// A connection string for database `db` as `user` (a council's login).
    pub fn url_as(&self, db: &str, user: &str) -> String {
        format!(
            "host={} port=5432 user={user} dbname={db}",
            self.socket_dir().display()
        )
    }

    /// The server's own `psql`.
    pub fn psql(&self) -> PathBuf {
        self.bin.join("psql")
    }

    /// Where the clerk's machine keeps what its last `district verify` saw (XDG_DATA_HOME).
    pub fn clerk_home(&self) -> std::path::PathBuf {
        self.dir.path().join("clerk")
    }

    /// `yishi --db DB ARGS…` on the clerk's machine of this server.
    pub fn yishi(&self, db: &Path, args: &[&str]) -> std::process::Output {
        // The tests' yishi, or the benchmarks' build of it.
        let program = option_env!("CARGO_BIN_EXE_yishi")
            .or(option_env!("CARGO_BIN_EXE_yishi-measured"))
            .expect("a yishi program beside the tests");
        Command::new(program)
            .arg("--db")
            .arg(db)
            .args(args)
            .env_remove("YISHI_DB")
            .env_remove("YISHI_LANG")
            .env("XDG_DATA_HOME", self.clerk_home())
            .output()
            .expect("run yishi")
    }

    /// Enrols council `code` on the district database `db` as its owner; the council's login,
    /// as a connection string.
    pub fn enrol(&self, db: &str, code: &str, name: &str) -> String {
        let owner = self.url(db);
        let o = self.yishi(
            &self.dir.path().join("clerk-db"),
            &[
                "district", "enrol", "--code", code, "--name", name, "--from", &owner,
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let said = String::from_utf8_lossy(&o.stdout).into_owned();
        let role = said
            .lines()
            .find_map(|l| l.strip_prefix("登录名："))
            .unwrap_or_else(|| panic!("a login in {said}"))
            .trim()
            .to_string();
        self.url_as(db, &role)
    }

    /// A connection string for database `db` (made first if it is not `postgres`).
    pub fn url(&self, db: &str) -> String {
        let base = format!("host={} port=5432 user=yishi", self.socket_dir().display());
        if db != "postgres" {
            let mut c =
                postgres::Client::connect(&format!("{base} dbname=postgres"), postgres::NoTls)
                    .expect("connect to postgres");
            let exists = c
                .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&db])
                .expect("query")
                .is_some();
            if !exists {
                c.batch_execute(&format!("CREATE DATABASE {db}"))
                    .expect("create database");
            }
        }
        format!("{base} dbname={db}")
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "stop"]);
    }
}
