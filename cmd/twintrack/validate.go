package main

import "context"

func runValidate(ctx context.Context, args []string, env *Env) error {
	return notYet("validate")
}
