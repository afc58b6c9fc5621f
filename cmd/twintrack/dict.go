package main

import "context"

func runDict(ctx context.Context, args []string, env *Env) error {
	return notYet("dict")
}
