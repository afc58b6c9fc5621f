package main

import "context"

func runDyads(ctx context.Context, args []string, env *Env) error {
	return notYet("dyads")
}
