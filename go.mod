module github.com/twintrack/twintrack

go 1.26
