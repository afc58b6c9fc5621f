package export

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// BenchmarkFullExport measures a full export of a synthetic store of
// 2,000 documents (10,000 events) partitioned by month (240 partitions),
// in events/s, from SQLite and from PostgreSQL (skipped without
// TWINTRACK_TEST_POSTGRES). The numbers for a 1,000,000-event store are in
// README.md.
func BenchmarkFullExport(b *testing.B) {
	docs := make([]synthDoc, 2000)
	for i := range docs {
		dates := make([]string, 5)
		for j := range dates {
			dates[j] = fmt.Sprintf("%04d-%02d-%02d", 2000+i%20, 1+(i+j)%12, 1+(i*j)%28)
		}
		docs[i] = synthDoc{key: fmt.Sprintf("doc%05d", i), dates: dates}
	}
	for _, open := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(open.name, func(b *testing.B) {
			db := open.open(b)
			storeDocsB(b, db, "dict-1", docs)
			ctx := context.Background()
			var events int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := Run(ctx, db, Options{Dir: filepath.Join(b.TempDir(), "ds"), By: Month})
				if err != nil {
					b.Fatal(err)
				}
				events += s.Events
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
