//! What the district sends back reaches the clerk's terminal clean, and a district that cannot
//! be trusted with a password, or does not answer, is named as such: escapes planted in the
//! district's rows never reach the terminal from any district command; a server off this
//! machine that offers no TLS is refused before a password is sent; a server that takes the
//! connection and never answers is given up on with a message.

mod support;

use std::io::{Read, Write};
use std::net::{TcpListener, UdpSocket};

use support::pg::Pg;
use support::{stderr, stdout, yishi};

fn clean(what: &str, text: &str) {
    for bad in ['\u{1b}', '\u{9b}', '\u{7}', '\u{202e}'] {
        assert!(
            !text.contains(bad),
            "{what}: U+{:04X} reached the terminal: {text:?}",
            bad as u32
        );
    }
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn escapes_planted_in_the_district_never_reach_the_terminal() {
    let pg = Pg::start();
    let url = pg.url("district");
    let login = pg.enrol("district", "110101001001-01", "青禾里社区居民议事会");
    let db = support::sample_db();
    let o = yishi(db.path(), &["publish", "--to", &login]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let planted = "\u{1b}]0;pwned\u{7}\u{1b}[31m\u{202e}";
    for sql in [
        "UPDATE council_chains SET name = name || $1",
        "UPDATE councils SET name = name || $1",
        "UPDATE matters SET title = title || $1",
        "UPDATE tasks SET text = text || $1, owner = owner || $1",
        "UPDATE council_roles SET name = name || $1, code = code || $1",
    ] {
        c.execute(sql, &[&planted]).expect(sql);
    }
    for args in [
        &["district", "verify", "--from", &url][..],
        &["district", "rates", "--from", &url],
        &["district", "overdue", "--from", &url],
        &["district", "search", "加装电梯", "--from", &url],
        &["district", "ledger", "--from", &url],
        &["publish", "--to", &login],
        &[
            "district",
            "enrol",
            "--code",
            "110101001001-01",
            "--name",
            "\u{1b}]0;pwned\u{7}议事会",
            "--from",
            &url,
        ],
    ] {
        let o = pg.yishi(db.path(), args);
        clean(&format!("{args:?} stdout"), &stdout(&o));
        clean(&format!("{args:?} stderr"), &stderr(&o));
    }
}

/// An address of this machine that is not loopback, where there is one.
fn outward_address() -> Option<std::net::IpAddr> {
    let s = UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect("192.0.2.1:9").ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
#[ignore = "needs a network address other than loopback: cargo test -- --include-ignored"]
fn a_server_off_this_machine_without_tls_is_refused_before_the_password() {
    let Some(ip) = outward_address() else {
        panic!("this machine has no address but loopback: the test cannot run here");
    };
    // A server that answers a TLS request with "no", as PostgreSQL without TLS does.
    let listener = TcpListener::bind((ip, 0)).expect("listen");
    let port = listener.local_addr().expect("addr").port();
    let server = std::thread::spawn(move || {
        let (mut peer, _) = listener.accept().expect("accept");
        let mut request = [0u8; 8];
        peer.read_exact(&mut request).expect("ssl request");
        let _ = peer.write_all(b"N");
        // Whatever comes next would be the startup message, with the user name.
        let mut rest = Vec::new();
        let _ = peer.read_to_end(&mut rest);
        rest
    });
    let db = support::sample_db();
    let url = format!("postgres://clerk:secret@{ip}:{port}/district");
    let o = yishi(db.path(), &["--lang", "en", "publish", "--to", &url]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("offers no encrypted connection (TLS)")
            && stderr(&o).contains("sslmode=disable"),
        "{}",
        stderr(&o)
    );
    let after = server.join().expect("server");
    assert!(
        !String::from_utf8_lossy(&after).contains("clerk"),
        "the user name went out in clear"
    );
}

#[test]
fn a_server_that_never_answers_is_given_up_on() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = listener.local_addr().expect("addr").port();
    // Takes the connection and says nothing, ever.
    let _held = std::thread::spawn(move || {
        let kept: Vec<_> = listener.incoming().take(4).collect();
        std::thread::park();
        drop(kept);
    });
    let db = support::sample_db();
    let url = format!("postgres://clerk@127.0.0.1:{port}/district?sslmode=disable");
    let o = yishi(db.path(), &["--lang", "en", "publish", "--to", &url]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("did not answer within"),
        "{}",
        stderr(&o)
    );
}
