package main

import "context"

func runCode(ctx context.Context, args []string, env *Env) error {
	return notYet("code")
}
