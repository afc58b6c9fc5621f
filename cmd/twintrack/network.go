package main

import "context"

func runNetwork(ctx context.Context, args []string, env *Env) error {
	return notYet("network")
}
