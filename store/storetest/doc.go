// Package storetest opens throwaway event stores for tests: an SQLite file
// in the test's temporary directory, and a PostgreSQL schema of its own in
// the database named by the environment variable TWINTRACK_TEST_POSTGRES
// (a postgres:// URL). Without that variable the PostgreSQL half is
// skipped, unless CI=true, when it fails: CI always provides a database.
package storetest
