package validate

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// floor is the number of the 472 standard records that must pass.
const floor = 472

func sharedData(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "shared")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared is absent; it holds the TABARI validation suite (see ../shared/README.md)")
	}
	return filepath.Join(root, "data")
}

func TestTabariSuite(t *testing.T) {
	s, err := Open(filepath.Join(sharedData(t), "tabari", "Validate.project"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := sum.Passed + sum.Failed; n != 472 {
		t.Errorf("ran %d records, want 472", n)
	}
	for _, o := range sum.Outcomes {
		if !o.Pass && testing.Verbose() {
			t.Logf("FAIL %d %s: expected %s; got %s (%s)", o.Index, o.ID, o.Expected, o.Got, o.Reason)
		}
	}
	t.Logf("%d passed, %d failed", sum.Passed, sum.Failed)
	if sum.Passed < floor {
		t.Errorf("passed %d records, want at least %d", sum.Passed, floor)
	}
}
