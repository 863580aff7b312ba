package policy

import "testing"

// TestManualKeys holds every manual checklist item to a stable key of its
// own, declared in manualKeys.
func TestManualKeys(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, it := range ManualItems() {
		k, ok := manualKeys[[2]string{it.Section, it.Item}]
		if !ok {
			t.Errorf("manual item %q (%s) has no key in manualKeys", it.Item, it.Section)
		}
		if seen[k] {
			t.Errorf("key %q used twice", k)
		}
		seen[k] = true
	}
	if len(manualKeys) != len(ManualItems()) {
		t.Errorf("manualKeys has %d keys for %d manual items: remove the stale ones", len(manualKeys), len(ManualItems()))
	}
}
