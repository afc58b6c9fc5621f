package main

import "context"

func runEvents(ctx context.Context, args []string, env *Env) error {
	return notYet("events")
}
