// Package dburl opens an event store from the --db value of the commands:
// "postgres://..." or "postgresql://..." is a PostgreSQL database (package
// postgres), "sqlite:PATH" or a plain file path is an SQLite file (package
// sqlite). It is the one place that knows every adapter, so that the
// commands and the web server share the rule.
package dburl
