// Package corpus holds twintrack's sample corpus: sample.jsonl, a few dozen
// short news-style articles written for the project (fictional but
// plausible, 1990-2026), embedded so that examples, tests and demos can use
// them without files on disk.
//
// The corpus is what a newcomer's first "twintrack code" run codes and what
// "twintrack tracks JPN KHM" reports on: most articles follow Japan's
// dealings with Cambodia's government (Hun Sen, Hun Manet, the CPP and the
// ministers) and with its opposition (Sam Rainsy, Kem Sokha, the CNRP and
// the Candlelight Party). See README.md.
package corpus
