//go:build unix

package export

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// LockName is the lock file in an export's directory. An export run holds
// an exclusive flock(2) on it; the kernel releases it when the process
// ends, however it ends, so a crash leaves no stale lock.
const LockName = "_twintrack_export.lock"

// lockDir takes the directory's lock without waiting, or reports that
// another export holds it. The returned function releases it.
func lockDir(dir string) (func(), error) {
	name := filepath.Join(dir, LockName)
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: another export of this directory is running", name)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return func() { f.Close() }, nil
}
