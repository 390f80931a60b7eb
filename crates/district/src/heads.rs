//! The district's log of published heads: after each batch a council appends its chain's last
//! line, signed by its laptop's key, each entry hashing the one before. The server checks the
//! numbering, the hashes and that the head is the chain's last line; the signatures are
//! checked here, by publish and by verify.

use postgres::{GenericClient, Transaction};
use sha2::{Digest, Sha256};

use super::DistrictError;
use yishi_store::GENESIS;
use yishi_store::keys::SecretKey;

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub n: u64,
    pub chain: String,
    pub seq: u64,
    pub hash: String,
    pub prev: String,
    pub own: String,
    pub signature: String,
}

/// The bytes an entry's hash is of, and its council signs.
pub fn statement(n: u64, chain: &str, seq: u64, hash: &str, prev: &str) -> String {
    format!("{n}\n{chain}\n{seq}\n{hash}\n{prev}")
}

pub fn own_hash(n: u64, chain: &str, seq: u64, hash: &str, prev: &str) -> String {
    let digest = Sha256::digest(statement(n, chain, seq, hash, prev).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends the head `seq`, `hash` of `chain` to the log, signed with `key`. The server makes
/// heads wait for each other, so that each follows the last.
pub fn append(
    tx: &mut Transaction<'_>,
    key: &SecretKey,
    chain: &str,
    seq: u64,
    hash: &str,
) -> Result<(), DistrictError> {
    tx.execute("SELECT pg_advisory_xact_lock(7946110)", &[])?;
    let last = tx.query_opt("SELECT n, own FROM district_log_head()", &[])?;
    let (n, prev) = match last {
        Some(r) => (r.get::<_, i64>(0) as u64 + 1, r.get::<_, String>(1)),
        None => (1, GENESIS.to_string()),
    };
    let signature = key
        .sign(None, &statement(n, chain, seq, hash, &prev))
        .map_err(|e| DistrictError::LocalFile {
            path: String::new(),
            detail: format!("{e:?}"),
        })?;
    tx.execute(
        "INSERT INTO published_heads (n, chain, seq, hash, prev, own, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &(n as i64),
            &chain,
            &(seq as i64),
            &hash,
            &prev,
            &own_hash(n, chain, seq, hash, &prev),
            &signature,
        ],
    )?;
    Ok(())
}

/// Every entry of the log the logged-in user may see, in order.
pub fn all(client: &mut impl GenericClient) -> Result<Vec<Head>, DistrictError> {
    Ok(client
        .query(
            "SELECT n, chain, seq, hash, prev, own, signature FROM published_heads ORDER BY n",
            &[],
        )?
        .iter()
        .map(|r| Head {
            n: r.get::<_, i64>(0) as u64,
            chain: r.get(1),
            seq: r.get::<_, i64>(2) as u64,
            hash: r.get(3),
            prev: r.get(4),
            own: r.get(5),
            signature: r.get(6),
        })
        .collect())
}

/// Where the log is not what its entries and signatures say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogFault {
    /// Entries `from` to `to` are missing: taken out of the log.
    Missing { from: u64, to: u64 },
    /// Entry `n` does not follow the one before, or is not its own hash.
    Altered { n: u64 },
    /// Entry `n` is not signed by the key of the council whose chain it names (`None`: no
    /// council the district holds has that chain).
    Unsigned { n: u64, chain: Option<String> },
}

/// The log checked whole: numbering, links, hashes, and each entry's signature by the key
/// `key_of` gives for its chain.
pub fn check(log: &[Head], key_of: &dyn Fn(&str) -> Option<String>) -> Vec<LogFault> {
    let mut faults = Vec::new();
    let mut expected = 1;
    let mut prev = GENESIS.to_string();
    for h in log {
        if h.n != expected {
            faults.push(LogFault::Missing {
                from: expected,
                to: h.n - 1,
            });
        } else if h.prev != prev || h.own != own_hash(h.n, &h.chain, h.seq, &h.hash, &h.prev) {
            faults.push(LogFault::Altered { n: h.n });
        }
        let text = statement(h.n, &h.chain, h.seq, &h.hash, &h.prev);
        match key_of(&h.chain) {
            Some(public) if yishi_domain::keys::signs(&public, &h.signature, &text) => {}
            Some(_) => faults.push(LogFault::Unsigned {
                n: h.n,
                chain: Some(h.chain.clone()),
            }),
            None => faults.push(LogFault::Unsigned {
                n: h.n,
                chain: None,
            }),
        }
        expected = h.n + 1;
        prev = h.own.clone();
    }
    faults
}
