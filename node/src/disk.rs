//! The node and its disk: a clear refusal instead of a crash when the disk is full, and a
//! hint when the database cannot be opened.
//!
//! ParityDB maps its index files into memory. When the disk holding them is full, a write
//! through such a mapping cannot be stored and the kernel kills the process with SIGBUS:
//! no message, and under systemd a restart loop. So the node refuses to start with less
//! than `--min-free-disk` MiB free under its base path, and stops cleanly, saying why,
//! when a running node's free space falls below it.

use polkadot_sdk::{sc_cli, sc_service, sp_blockchain};
use std::{ffi::CString, os::unix::ffi::OsStrExt, path::Path, time::Duration};

const MIB: u64 = 1024 * 1024;

/// How often a running node looks at its free space.
const CHECK_INTERVAL: Duration = Duration::from_secs(10);

/// The bytes an unprivileged process may still write on the file system holding `path`
/// (the nearest existing ancestor of it, for a base path not created yet; the working
/// directory for a relative one none of whose ancestors exists).
pub fn free_bytes(path: &Path) -> std::io::Result<u64> {
	let existing = path.ancestors().find(|ancestor| ancestor.exists()).unwrap_or(Path::new("."));
	let name = CString::new(existing.as_os_str().as_bytes())
		.map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidInput, error))?;
	let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
	// SAFETY: `name` is a NUL-terminated path and `stat` a writable statvfs, as statvfs(3)
	// requires; the call writes only into `stat`.
	if unsafe { libc::statvfs(name.as_ptr(), &mut stat) } != 0 {
		return Err(std::io::Error::last_os_error());
	}
	Ok(u64::from(stat.f_bavail).saturating_mul(u64::from(stat.f_frsize)))
}

/// Why `path` lacks room: `None` if it has at least `minimum_mib` MiB free (or the check is
/// off, `minimum_mib` 0).
fn shortage(path: &Path, minimum_mib: u64) -> Option<String> {
	if minimum_mib == 0 {
		return None;
	}
	match free_bytes(path) {
		Ok(free) if free >= minimum_mib.saturating_mul(MIB) => None,
		Ok(free) => Some(format!(
			"only {} MiB free on the disk holding {} (at least {minimum_mib} MiB needed, \
			 --min-free-disk): free some space, or move the base path (--base-path)",
			free / MIB,
			path.display()
		)),
		Err(error) => Some(format!("cannot read the free space of {}: {error}", path.display())),
	}
}

/// Refuses to start a node whose base path lacks room.
pub fn ensure_room_to_start(base_path: &Path, minimum_mib: u64) -> sc_cli::Result<()> {
	match shortage(base_path, minimum_mib) {
		Some(reason) => Err(sc_cli::Error::Input(reason)),
		None => Ok(()),
	}
}

/// Runs while the node has room under `base_path`; logs why and ends when it has not, and
/// as an essential task its end stops the node cleanly.
pub async fn guard_free_space(base_path: std::path::PathBuf, minimum_mib: u64) {
	if minimum_mib == 0 {
		return std::future::pending().await;
	}
	loop {
		futures_timer::Delay::new(CHECK_INTERVAL).await;
		if let Some(reason) = shortage(&base_path, minimum_mib) {
			log::error!(target: "govchain", "stopping: {reason}");
			return;
		}
	}
}

/// Adds what to do to an error opening the database at `database`: it may be damaged.
pub fn explain_start_failure(error: sc_service::Error, database: Option<&Path>) -> sc_cli::Error {
	match (&error, database) {
		(sc_service::Error::Client(sp_blockchain::Error::Backend(reason)), Some(path)) => {
			sc_cli::Error::Input(format!(
				"cannot open the database at {}: {reason}. If it is damaged, restore it from a \
				 backup, or remove it (govchain-node purge-chain) and let the node sync again",
				path.display()
			))
		},
		_ => sc_cli::Error::Service(error),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn free_space_is_read_for_paths_not_yet_created() {
		let missing = std::env::temp_dir().join("govchain-no-such-dir/chains/x");
		assert!(free_bytes(&missing).expect("the temp dir's file system") > 0);
		assert_eq!(shortage(&missing, 0), None);
		assert_eq!(shortage(&missing, 1), None, "a test machine has a MiB free");
		let refusal = shortage(&missing, u64::MAX / MIB).expect("nobody has that much");
		assert!(
			refusal.contains("MiB free on the disk holding") && refusal.contains("--min-free-disk")
		);
		// `--base-path new-node`: relative, and nothing of it exists yet.
		let relative = Path::new("govchain-no-such-dir/new-node");
		assert!(free_bytes(relative).expect("the working directory's file system") > 0);
		assert_eq!(shortage(relative, 1), None);
	}

	#[test]
	fn only_backend_errors_name_the_database() {
		let path = Path::new("/var/lib/govchain/chains/x/paritydb/full");
		let backend = sc_service::Error::Client(sp_blockchain::Error::Backend("IO Error".into()));
		let explained = explain_start_failure(backend, Some(path)).to_string();
		assert!(explained.contains("cannot open the database at /var/lib/govchain"), "{explained}");
		assert!(explained.contains("purge-chain"), "{explained}");
		let other = sc_service::Error::Other("no keys".into());
		let passed_on = explain_start_failure(other, Some(path)).to_string();
		assert!(passed_on.contains("no keys") && !passed_on.contains("database"), "{passed_on}");
	}
}
