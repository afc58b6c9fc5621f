package main

import "context"

func runIngest(ctx context.Context, args []string, env *Env) error {
	return notYet("ingest")
}
