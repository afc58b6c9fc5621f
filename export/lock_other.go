//go:build !unix

package export

// LockName is the lock file in an export's directory (unused where
// flock(2) is not available).
const LockName = "_twintrack_export.lock"

// lockDir does not lock where flock(2) is not available: there, one
// export per directory at a time is the user's to ensure. The store's
// generation check still refuses the second of two concurrent commits.
func lockDir(dir string) (func(), error) { return func() {}, nil }
