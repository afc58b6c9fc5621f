package cluster

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// ServerOptions configure an embedded NATS server.
type ServerOptions struct {
	// StoreDir is where JetStream keeps its file storage. Required: the
	// queue survives a restart only on disk.
	StoreDir string
	// Addr is the client listen address, host:port (default
	// 127.0.0.1:4222; port 0 picks a free one).
	Addr string
	// MaxPayload is the largest message accepted (default 8 MiB, so that
	// long documents fit; a stock nats-server accepts 1 MiB).
	MaxPayload int32
}

// Server is an embedded NATS server with JetStream.
type Server struct {
	ns *server.Server
}

// StartServer starts an embedded NATS server with JetStream file storage
// in opts.StoreDir and waits until it accepts connections.
func StartServer(opts ServerOptions) (*Server, error) {
	if opts.StoreDir == "" {
		return nil, errors.New("nats server: a store directory is required")
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:4222"
	}
	host, portStr, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("nats server: address %q: %w", opts.Addr, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("nats server: address %q: bad port", opts.Addr)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	if opts.MaxPayload <= 0 {
		opts.MaxPayload = 8 << 20
	}
	ns, err := server.NewServer(&server.Options{
		ServerName: "twintrack",
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   opts.StoreDir,
		MaxPayload: opts.MaxPayload,
		// The pending limit must hold at least one message of MaxPayload.
		MaxPending: 4 * int64(opts.MaxPayload),
		NoSigs:     true,
		NoLog:      true,
	})
	if err != nil {
		return nil, fmt.Errorf("nats server: %w", err)
	}
	ns.Start()
	if !ns.ReadyForConnections(15 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("nats server: not ready on %s after 15 s", opts.Addr)
	}
	return &Server{ns: ns}, nil
}

// ClientURL is the URL clients connect to, e.g. nats://127.0.0.1:4222.
func (s *Server) ClientURL() string { return s.ns.ClientURL() }

// Shutdown stops the server and waits until it has stopped; JetStream's
// files stay in the store directory for the next start.
func (s *Server) Shutdown() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
}
