// Package httpserver is twintrack's web interface and JSON API.
//
// A Server answers, from one event store, both HTML pages (events, dyads,
// twin-track, actors; html/template with an embedded stylesheet, charts as
// SVG drawn on the server) and a JSON API under /api/. It reads through the
// small Store interface declared in store.go, so that it can be tested over
// an in-memory store and run over the SQLite or PostgreSQL adapters.
//
// The API is read-only unless the server is given a token: then
// POST /api/documents ingests documents for requests that carry
// "Authorization: Bearer TOKEN". README.md in this directory documents every
// endpoint.
//
// The directory is called http/ after what it adapts; the package is called
// httpserver so that it does not shadow net/http.
package httpserver
