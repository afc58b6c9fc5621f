package main

import "context"

func runTracks(ctx context.Context, args []string, env *Env) error {
	return notYet("tracks")
}
