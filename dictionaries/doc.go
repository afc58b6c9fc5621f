// Package dictionaries embeds twintrack's built-in dictionaries: actors
// (countries, organisations, people and parties with dated roles), agents,
// verbs and options, written by the project in the TABARI dictionary
// language. twintrack.project names the files in load order.
package dictionaries

import "embed"

// FS holds the built-in dictionary files. Project is the name of the
// project file inside FS.
//
//go:embed *.project *.options *.actors *.agents *.verbs
var FS embed.FS

// Project is the name of the built-in project file in FS.
const Project = "twintrack.project"
