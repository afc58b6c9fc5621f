package main

import "context"

func runCodes(ctx context.Context, args []string, env *Env) error {
	return notYet("codes")
}
