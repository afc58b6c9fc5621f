package main

import "context"

func runServe(ctx context.Context, args []string, env *Env) error {
	return notYet("serve")
}
