package main

import "context"

func runStats(ctx context.Context, args []string, env *Env) error {
	return notYet("stats")
}
